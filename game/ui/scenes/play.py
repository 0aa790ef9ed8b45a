"""The board scene: the map, the side panel, the player's options, the log, and the AI seats playing on screen.

AI seats think on a worker thread (``Thinker``); their moves, and dice and
draws, are applied on the main thread between frames, then animated from
``changes.diff``. Between moves the scene may stop for a public card (an
event, a decree), the hand-over screen between two humans, or a question put
to a human (``game.ui.pacing`` says which, and for how long). Input lives in
``play_input``. Keys: 1-9 pick options, Up/Down and Enter walk them, P pass,
U undo, L the log, F animation speed, Space skip the animation, C the card
of a question, Esc cancel a pick or open the menu.
"""

import logging
import random
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.engine.moves import Move
from game.engine.state import PendingChoice
from game.savegame import SaveError
from game.ui import palette as pal
from game.ui.animation import AI_PAUSE_SECONDS, Animator, step_sound
from game.ui.board_layout import layout_window, map_scale
from game.ui.board_view import BoardView
from game.ui.changes import diff
from game.ui.faces import face_of
from game.ui.log_view import LogView
from game.ui.options_view import OptionsView
from game.ui.pacing import answered_on_its_own_card, card_hold, public_cards
from game.ui.panel import SidePanel
from game.ui.play_controls import TILED, Entry, Option, entries, options
from game.ui.scenes.base import Scene
from game.ui.scenes.card import CardAction, CardScene
from game.ui.scenes.handover import HandoverScene
from game.ui.scenes.play_draw import BoardDrawing
from game.ui.scenes.play_input import UNDO_RULE, PlayerInput
from game.ui.session import HUMAN, Session, Step
from game.ui.settings import default_saves_dir
from game.ui.worker import Thinker

if TYPE_CHECKING:
    import pygame_gui

    from game.ui.app import App

log = logging.getLogger("game.ui")
NUMBER_KEYS = tuple(range(pygame.K_1, pygame.K_9 + 1))
PREPARE_SECONDS = 0.05  # before a card opens after a move that made it public
SPEED_NAMES = {"slow": "Slow", "normal": "Normal", "fast": "Fast", "off": "Instant"}
OPTIONS_MIN_HEIGHT = 132  # the options' heading and three rows, in pixels at scale 1


class PlayScene(PlayerInput, BoardDrawing, Scene):
    """A game in progress on the board."""

    title = "The board"

    def __init__(self, app: "App", session: Session, *, speed: str | None = None,
                 screenshot_dir: Path | None = None, exit_at_end: bool = False) -> None:
        super().__init__(app)
        self.session = session
        rules = session.game.rules
        self.colours = pal.faction_colours(rules, app.settings.palette)
        self._make_views()
        self.animator = Animator(speed or app.settings.animation_speed)
        self.thinker = Thinker()
        self.screenshot_dir, self.exit_at_end = screenshot_dir, exit_at_end
        self.entries: list[Entry] = []
        self.listed: list[Option] = []
        self.selected: Entry | None = None
        self.going_to: str | None = None  # a march's destination, waiting for the click that says from where
        self.highlights: frozenset[str] = frozenset()
        self.message = ""
        self.notices: list[list] = []  # [text, seconds left]
        self.cards: list[tuple[str, str]] = []  # public cards waiting to be shown
        self._prepared: set[tuple[str, str]] = set()
        self._autosave_failed = 0  # the turn whose autosave failed
        self._prepared_choice: object = None
        self.choice_seen: object = None  # the state whose question's card has been shown
        self.focus: object = None
        self.log_open = False
        self.log_in_panel = False
        self.log_rect: pygame.Rect | None = None
        self.options_rect = pygame.Rect(0, 0, 1, 1)
        self.mouse = (0, 0)
        self.wait = 0.0  # seconds before the next AI move or dice roll
        self.clock = 0.0
        self.shot_turn = 0
        self.end_shown = False
        self.controls_for: object = None
        self.showing_options = False
        if not session.history and card_hold(session.seats, self.animator.speed) != 0:
            self.cards = [("event", event) for event in session.state.fired]  # the first turn's, before any move
        self.speed_button: pygame_gui.elements.UIButton | None = None
        self.undo_button: pygame_gui.elements.UIButton | None = None
        self.pass_button: pygame_gui.elements.UIButton | None = None
        self.init_drawing()

    def _make_views(self) -> None:
        """The map, the panel, the options and the logs, in the current colours."""
        rules, assets, colours = self.session.game.rules, self.app.assets, self.colours
        self.board = BoardView(rules, assets, colours)
        self._boards: dict[tuple[tuple[int, int, int, int], float], BoardView] = {}
        self.panel = SidePanel(rules, assets, colours)
        self.options = OptionsView(assets, colours)
        self.log_view = LogView(rules, assets, colours, title="The game log (L to close)")
        self.news = LogView(rules, assets, colours)

    def follow_palette(self) -> bool:
        """Redraw every view in the colours the settings now ask for (changed from the in-game menu)."""
        colours = pal.faction_colours(self.session.game.rules, self.app.settings.palette)
        if colours == self.colours:
            return False
        scrolled = self.log_view.offset
        self.colours = colours
        self._make_views()
        self.log_view.offset = scrolled
        self.rebuild()
        return True

    @classmethod
    def new_game(cls, app: "App", seed: int | None = None, human: str = "sovnarkom") -> "PlayScene":
        """A new game of the first scenario: one human seat, the others normal bots."""
        rules = app.rules
        seats = {faction: (HUMAN if faction == human else "normal") for faction in rules.seats}
        return cls(app, Session.new(rules, seats, seed if seed is not None else random.randrange(1, 10**6)))

    @classmethod
    def autoplay(cls, app: "App", seed: int | None = None, speed: str | None = None) -> "PlayScene":
        """Every seat a normal bot, played to the end on screen (a teacher's demo)."""
        rules = app.rules
        session = Session.new(rules, {faction: "normal" for faction in rules.seats},
                              seed if seed is not None else 1)
        return cls(app, session, speed=speed or "normal", screenshot_dir=app.options.screenshot_dir,
                   exit_at_end=app.options.exit_at_end)

    def enter(self) -> None:
        """One game at a time: a board under this one (a game loaded from its menu) goes, with all over it."""
        stack = self.app.stack
        first = next((index for index, scene in enumerate(stack) if isinstance(scene, PlayScene) and scene is not self),
                     None)
        if first is not None:
            for old in [scene for scene in stack[first:] if scene is not self]:
                stack.remove(old)
                old.exit()
        super().enter()

    # --- layout -------------------------------------------------------------------------------------

    def build(self) -> None:
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

    def _board_for(self, rect: pygame.Rect) -> BoardView:
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

    def _buttons(self, panel: pygame.Rect, row_y: int) -> int:
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
        return rects[0][1]
        self.shortcuts[pygame.K_SPACE] = self.animator.skip

    def _speed_text(self) -> str:
        return SPEED_NAMES.get(self.animator.speed, self.animator.speed)

    def refresh_controls(self) -> None:
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

    def _show_options(self) -> None:
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

    def pause(self) -> None:
        """A card, the hand-over or a menu came over the board."""
        super().pause()
        self.clear_notes()

    def resume(self) -> None:
        """Back on top: the options, or the colours (from the settings), may have changed meanwhile."""
        super().resume()
        self.follow_palette()
        self.controls_for = None
        self.refresh_controls()

    # --- playing ------------------------------------------------------------------------------------------

    def play(self, move: Move, reason: str | None = None) -> Step:
        """Apply a move through the session and animate what it changed."""
        step = self.session.play(move, reason)
        self.after(step)
        return step

    def after(self, step: Step) -> None:
        """Animate a step, queue the cards it made public, autosave at a new turn, and rebuild the options."""
        self.cancel()
        rules = self.session.game.rules
        changes = diff(rules, step.before, step.after)
        self.animator.start(changes, self.board)
        sound = step_sound(changes, step.before.turn != step.after.turn)
        if sound is not None and self.animator.speed != "off":
            self.app.assets.play(sound)
        shown = public_cards(rules, step, self.session.seats) if card_hold(self.session.seats,
                                                                           self.animator.speed) != 0 else []
        self.cards += shown
        human = step.faction is not None and self.session.seats.get(step.faction) == HUMAN
        pause = 0.0 if human else AI_PAUSE_SECONDS * self.animator.factor * (0.3 if step.faction is None else 1)
        self.wait = max(pause, PREPARE_SECONDS if shown else 0.0)  # a few frames to draw a card before it opens
        if not self.session.is_over() and not self.exit_at_end:
            self.autosave()
        self.refresh_controls()

    def autosave(self) -> None:
        """Save at the start of each turn; a failure is a logged warning and a note on screen, never a crash."""
        turn = self.session.state.turn
        if turn == self._autosave_failed:
            return  # try again next turn, not at every move
        try:
            self.session.autosave(default_saves_dir())
        except (OSError, SaveError) as error:
            log.warning("the autosave failed: %s", error)
            self.notify(f"Autosave failed: {getattr(error, 'reason', None) or error}")
            self._autosave_failed = turn

    def notify(self, text: str, seconds: float = 5.0) -> None:
        """A small note at the foot of the map for a few seconds."""
        self.notices = [notice for notice in self.notices if notice[0] != text][-2:] + [[text, seconds]]

    def update(self, dt: float) -> None:
        """Run the animations; then show waiting cards, hand over, or let dice and AI seats move."""
        self.clock += dt
        self.animator.update(dt)
        self.update_drawing(dt)
        self.wait = max(0.0, self.wait - dt)
        self._screenshot_turn()
        if self.animator.busy or self.wait > 0:
            self._prepare_cards()
            return
        if self.session.is_over():
            if not self._show_waiting_card():  # the last move's cards come before the end screen
                self._end()
        elif not self._interrupt():
            self._advance()
        self.refresh_controls()

    def _interrupt(self) -> bool:
        """Show what must be seen before play goes on: a public card, the hand-over, a question's card."""
        session = self.session
        if self._show_waiting_card():
            return True
        if session.needs_handover():
            self.cancel()
            self.app.push(HandoverScene(self.app, session, self.colours))
            return True
        if session.is_human_turn() and isinstance(session.state.decision, PendingChoice) \
                and self.choice_seen is not session.state:
            self.choice_seen = session.state
            self.open_choice_card()
            return True
        return False

    def _show_waiting_card(self) -> bool:
        """Open the next public card still to be seen, if any."""
        while self.cards:
            shown = self.cards.pop(0)
            if not answered_on_its_own_card(self.session.state, shown, self.session.seats):
                self.show_card(*shown)
                return True
        return False

    def show_card(self, kind: str, ident: str) -> None:
        """A public card: until dismissed with a human at the table, else for a few seconds."""
        self.app.push(self._public_card(kind, ident, more=bool(self.cards)))

    def _public_card(self, kind: str, ident: str, more: bool) -> CardScene:
        hold = card_hold(self.session.seats, self.animator.speed)
        humans = self.session.humans()
        viewer = humans[0] if len(humans) == 1 else None  # a lone human reads "you"; at a hotseat, names
        face = face_of(self.session.game.rules, kind, ident, viewer=viewer)
        actions = [CardAction("Continue", self._close_card, pygame.K_RETURN)]
        if hold is None and more:
            actions.append(CardAction("Skip the rest", self._skip_cards, pygame.K_s))
        if hold is None:
            actions.append(CardAction("Encyclopedia", lambda: self._encyclopedia(kind, ident), pygame.K_e))
        return CardScene(self.app, face, self.colours.get(face.owner or ""), actions, hold=hold,
                         idle=self._prepare_cards)

    def _prepare_cards(self) -> None:
        """While tokens slide or a card is read, draw the next card to come, so opening it costs no hitch."""
        session = self.session
        index = next((index for index, shown in enumerate(self.cards) if shown not in self._prepared
                      and not answered_on_its_own_card(session.state, shown, session.seats)), None)
        if index is not None:
            self._prepared.add(self.cards[index])
            self._public_card(*self.cards[index], more=index + 1 < len(self.cards)).prepare()
        elif session.is_human_turn() and self._prepared_choice is not session.state:
            self._prepared_choice = session.state
            card = self.choice_card()
            if card is not None:
                card.prepare()

    def _advance(self) -> None:
        """Roll the dice or let the AI seat move."""
        session = self.session
        if session.is_chance():
            for _ in range(1 if self.animator.factor else 50):  # without animations, roll on in one frame
                self.after(session.resolve_chance())
                if not session.is_chance() or self.cards:
                    break
        elif session.is_ai_turn():
            self.thinker.start(session)
            choice = self.thinker.take(session.state)
            if choice is not None:
                self.play(choice.move, choice.reason)

    def _screenshot_turn(self) -> None:
        turn = self.session.state.turn
        if self.screenshot_dir is not None and turn != self.shot_turn and not self.session.is_over():
            self.shot_turn = turn
            self.pending_shot = self.screenshot_dir / f"turn-{turn:02d}.png"

    def _end(self) -> None:
        if self.end_shown:
            return
        self.end_shown = True
        from game.ui.scenes.end_screen import EndScreen
        self.app.push(EndScreen(self.app, self.session))
        if self.screenshot_dir is not None or self.exit_at_end:
            self.app.after_draw(self._finish)

    def _finish(self) -> None:
        if self.screenshot_dir is not None:
            self.app.screenshot(self.screenshot_dir / "end.png")
        if self.exit_at_end:
            self.app.quit()
