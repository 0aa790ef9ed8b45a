"""The board scene's views and layout: the map, the panel and its buttons, and the options listed in it.

A mixin of ``PlayScene``. The views are made in the current colours (again
when the palette changes); ``build`` places them in the window, with a board
view kept per map rectangle so that opening and closing the log redraws
nothing. ``refresh_controls`` lists the human's options, with number keys,
whenever the decision at the board changes; otherwise the panel shows the news.
"""

from typing import TYPE_CHECKING

import pygame

from game.engine.state import PendingChoice
from game.ui.board_layout import layout_window, map_scale
from game.ui.board_view import BoardView
from game.ui.faces import face_of
from game.ui.log_view import LogView
from game.ui.options_view import OptionsView
from game.ui.panel import SidePanel
from game.ui.play_controls import TILED, Entry, Option, entries, options
from game.ui.scenes.play_input import UNDO_RULE

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene

NUMBER_KEYS = tuple(range(pygame.K_1, pygame.K_9 + 1))
SPEED_NAMES = {"slow": "Slow", "normal": "Normal", "fast": "Fast", "off": "Instant"}
OPTIONS_MIN_HEIGHT = 132  # the options' heading and three rows, in pixels at scale 1


class BoardLayout:
    """The views, their places in the window, the panel's buttons and the options, for ``PlayScene``."""

    def _make_views(self: "PlayScene") -> None:
        """The map, the panel, the options and the logs, in the current colours."""
        rules, assets, colours = self.session.game.rules, self.app.assets, self.colours
        self.board = BoardView(rules, assets, colours)
        self._boards: dict[tuple[tuple[int, int, int, int], float], BoardView] = {}
        self.panel = SidePanel(rules, assets, colours)
        self.options = OptionsView(assets, colours)
        self.log_view = LogView(rules, assets, colours, title="The game log (L to close)")
        self.news = LogView(rules, assets, colours)

    def build(self: "PlayScene") -> None:
        """Lay out the map, the log and the panel, and make the panel's buttons."""
        layout = layout_window(self.app.size, self.app.scale, self.log_open)
        self.board = self._board_for(layout.map)
        panel_rect = layout.panel
        panel_scale = panel_rect.width / 400
        self.panel.layout(panel_rect, panel_scale)
        row_y = self._buttons(panel_rect, self.app.size[1] - self.px(48))
        # The options start under the tracks; only where their heading and three rows would not fit do they
        # cover the lowest tracks (the options are drawn at the panel's scale, not the window's).
        top = min(self.panel.bottom, row_y - round(OPTIONS_MIN_HEIGHT * max(0.75, panel_scale)))
        pad = self.px(12)
        self.options_rect = pygame.Rect(panel_rect.left + pad // 2, top, panel_rect.width - pad, row_y - top - 6)
        self.options.layout(self.options_rect, max(0.75, panel_scale))
        self.news.layout(self.options_rect, max(0.75, panel_scale))
        self.log_in_panel = self.log_open and layout.log is None  # no room beside the map: it covers the options
        self.log_rect = self.options_rect if self.log_in_panel else layout.log
        if self.log_rect is not None:
            self.log_view.layout(self.log_rect, max(0.75, panel_scale) if self.log_in_panel else self.app.scale)
        self.clear_notes()
        self.controls_for = None
        self.refresh_controls()

    def _board_for(self: "PlayScene", rect: pygame.Rect) -> BoardView:
        """A board view for this rectangle, kept so that opening and closing the log redraws nothing."""
        key = (tuple(rect), self.app.scale)
        if key not in self._boards:
            board = self.board if not self._boards else BoardView(self.session.game.rules, self.app.assets,
                                                                 self.colours)
            board.layout(rect, map_scale(rect, self.app.scale))
            self._boards = {k: v for k, v in self._boards.items() if v is not board} | {key: board}
            if len(self._boards) > 3:  # the window was resized: keep only the newest
                self._boards = {key: board}
        return self._boards[key]

    def _buttons(self: "PlayScene", panel: pygame.Rect, row_y: int) -> int:
        """The row of buttons under the panel (two rows if their words do not fit in one); where it begins."""
        gap, pad, height = self.px(5), self.px(10), self.px(38)
        font = self.app.assets.font("body", self.px(15))
        words = ("Pass", "Undo", "Log", "Instant", "Menu")
        needs = [font.size(word)[0] + self.px(20) for word in words]
        rows = [range(5)] if sum(needs) + 4 * gap <= panel.width - 2 * pad else [range(3), range(3, 5)]
        rects: list[tuple[int, int, int, int]] = []
        for number, row in enumerate(rows):
            y = row_y - (len(rows) - 1 - number) * (height + gap)
            share = (panel.width - 2 * pad - gap * (len(row) - 1)) / sum(needs[i] for i in row)
            x = panel.left + pad
            for index in row:
                rects.append((round(x), y, round(needs[index] * share), height))
                x += needs[index] * share + gap
        self.pass_button = self.button("Pass", rects[0], self.pass_turn, shortcut=pygame.K_p,
                                       tooltip="End your actions for this turn", object_id="@pass_button")
        self.undo_button = self.button("Undo", rects[1], self.undo, shortcut=pygame.K_u, object_id="@tool_button",
                                       tooltip=f"Take back your last move. {UNDO_RULE}")
        self.button("Log", rects[2], self.toggle_log, shortcut=pygame.K_l, object_id="@tool_button",
                    tooltip="Open or close the game log beside the map")
        self.speed_button = self.button(self._speed_text(), rects[3], self.cycle_speed, shortcut=pygame.K_f,
                                        tooltip="Animation speed: slow, normal, fast or instant",
                                        object_id="@tool_button")
        self.button("Menu", rects[4], self.open_menu, shortcut=pygame.K_ESCAPE, object_id="@tool_button",
                    tooltip="Save, load, the encyclopedia, leave or quit")
        self.shortcuts[pygame.K_SPACE] = self.animator.skip
        return rects[0][1]

    def _speed_text(self: "PlayScene") -> str:
        return SPEED_NAMES.get(self.animator.speed, self.animator.speed)

    def refresh_controls(self: "PlayScene") -> None:
        """List the options of the human at the board when their decision changes; otherwise the news."""
        session = self.session
        human = session.is_human_turn() and not session.needs_handover()
        key = (session.state, human)
        last = self.controls_for
        if isinstance(last, tuple) and last[0] is key[0] and last[1] == human:  # identity: states are immutable
            return
        self.controls_for = key
        for number in NUMBER_KEYS:
            self.shortcuts.pop(number, None)
        moves = session.legal_moves() if human else ()
        self.entries = entries(session.game.rules, session.state, moves)
        self.listed = options(session.game, session.state, moves) if human else []
        if human:
            self._show_options()
        self.showing_options = human
        self.focus = None
        for button, enabled in ((self.pass_button, human and any(e.key == "pass" for e in self.entries)),
                                (self.undo_button, session.can_undo())):
            if button is not None:
                button.enable() if enabled else button.disable()

    def _show_options(self: "PlayScene") -> None:
        session = self.session
        faction = session.current_faction()
        decision = session.state.decision
        listed = list(self.listed)
        prompt = ""
        if isinstance(decision, PendingChoice):
            prompt = decision.prompt
            listed.insert(0, Option("show:card", "Your answer", "Read the card again (C)", 0,
                                    Entry("show:card", "Your answer", "Read the card", "", ())))
        rules = session.game.rules
        faces = {option.key: face_of(rules, option.key.partition(":")[0], option.ident, viewer=faction)
                 for option in listed if option.section in TILED}
        self.options.show(listed, faces, faction, prompt)
        for placed in self.options.numbered():
            self.shortcuts[NUMBER_KEYS[placed.number - 1]] = lambda option=placed.option: self.activate(option)
