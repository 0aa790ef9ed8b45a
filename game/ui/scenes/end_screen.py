"""The end of the game: who won and why, each faction's points and objectives, the city, and the two timelines.

The board pushes ``EndScreen(app, session)`` when the game ends (the autoplay
demo takes its screenshot of it). The title says who won; under it, why, and
whether by sudden death or on points. On the left, each faction with every
objective held or missed and the city's final tracks; on the right, the key
moments of this game beside the real dates of 1917 (``key_moments``).

Keys: M main menu, E encyclopedia, S save the finished game, Tab and the
arrows to walk and scroll the columns, Escape back to the final board (the
main menu if the screen stands alone).
"""

import datetime
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.ruleset.calendar import format_dual
from game.savegame import SaveError
from game.ui import palette as pal
from game.ui.end_report import render_city, render_standings, render_timeline, standings
from game.ui.focus import Focusable
from game.ui.scrollview import PictureView
from game.ui.session import Session
from game.ui.settings import default_saves_dir
from game.ui.text import render_lines, wrap
from game.ui.timeline import key_moments
from game.ui.widgets import MenuScene, Notice

if TYPE_CHECKING:
    from game.ui.app import App

log = logging.getLogger("game.ui")


def headline(session: Session) -> tuple[str, str]:
    """The title (who won) and the line under it (why, and how the game ended)."""
    rules = session.game.rules
    result = session.game.outcome(session.state)
    if result is None:
        return "The game goes on", "Nobody has won yet."
    names = [rules.faction[faction].short for faction in result.winners]
    if result.stalled or not names:
        title = "No winner"
    elif len(names) == 1:
        title = f"Victory for {names[0]}"
    else:
        title = f"Victory shared by {', '.join(names[:-1])} and {names[-1]}"
    reason = result.reason.rstrip(".")
    reason = reason[:1].upper() + reason[1:]
    if result.points:
        return title, f"{reason}, on {format_dual(rules.scenario.end)}."
    return title, f"{reason}. Sudden death on turn {session.state.turn}, {session.current_date()}."


def save_finished(session: Session, folder: Path | None = None) -> Path:
    """Save the game in the saves folder under a name from the time; raises ``SaveError`` or ``OSError``."""
    folder = folder or default_saves_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"petrograd-{datetime.datetime.now():%Y%m%d-%H%M%S}-end.json"
    session.save(path)
    return path


class EndScreen(MenuScene):
    """Who won and why, the standings, the city and the timeline."""

    title = "The end"
    footer_slots = 4

    def __init__(self, app: "App", session: Session) -> None:
        super().__init__(app)
        self.session = session
        self.heading_text, self.reason = headline(session)
        self.rows = standings(session)
        self.moments = key_moments(session)
        self.colours = pal.faction_colours(session.game.rules, app.settings.palette)
        self.saved_to: Path | None = None
        self.views: list[PictureView] = []

    # --- layout ---------------------------------------------------------------------------------------

    def title_size(self) -> int:
        """A larger title than the other screens': this is the result."""
        return max(self.px(32), min(self.px(56), self.app.size[1] // 13))

    def reason_lines(self) -> list[str]:
        """The reason, wrapped to the page."""
        font = self.app.assets.font("title_it", self.px(21))
        return wrap(font, self.reason, self.app.size[0] - 2 * self.margin)

    def title_bottom(self) -> int:
        """Below the title, its rule and the reason."""
        font = self.app.assets.font("title_it", self.px(21))
        return super().title_bottom() + self.px(8) + len(self.reason_lines()) * font.get_linesize()

    def two_columns(self) -> bool:
        """Whether the window is wide enough for the standings and the timeline side by side."""
        return self.body().width >= self.px(900)

    def build(self) -> None:
        """The columns as scrolling pictures, and the footer's buttons."""
        body = self.body()
        rules = self.session.game.rules
        assets, scale = self.app.assets, self.app.scale
        self.views = []
        if self.two_columns():
            left_width = body.width * 45 // 100
            left = pygame.Rect(body.left, body.top, left_width, body.height)
            right = pygame.Rect(left.right + self.px(28), body.top, body.width - left_width - self.px(28), body.height)
            self.views.append(self._view(left, lambda width: self._stack(
                (render_standings(assets, rules, self.rows, self.colours, width, scale),
                 self._section("The city at the end", width),
                 render_city(assets, self.session, self.colours, width, scale)))))
            self.views.append(self._view(right, lambda width: self._stack(
                (self._section("Your game beside 1917", width),
                 render_timeline(assets, rules, self.moments, self.colours, width, scale)))))
        else:
            self.views.append(self._view(body, lambda width: self._stack(
                (render_standings(assets, rules, self.rows, self.colours, width, scale),
                 self._section("Your game beside 1917", width),
                 render_timeline(assets, rules, self.moments, self.colours, width, scale),
                 self._section("The city at the end", width),
                 render_city(assets, self.session, self.colours, width, scale)))))
        for index, view in enumerate(self.views):
            self.focus.add(Focusable(f"column {index + 1}", lambda view=view: view.rect, keys=view.key))
        menu = self.footer_button("left", ("Main menu", "Menu"), self.to_menu, shortcut=pygame.K_m, width=190,
                                  tooltip="Leave this game for the main menu")
        self.focus_button("menu", menu)
        if self.app.depth_of(self) > 0:
            board = self.footer_button("left", ("The board", "Board"), self.back, shortcut=pygame.K_ESCAPE,
                                       width=170, tooltip="Look at the board as the game ended")
            self.focus_button("board", board)
        save = self.footer_button("right", ("Save the game", "Save"), self.save, shortcut=pygame.K_s, width=210,
                                  tooltip="Keep the finished game in the saves folder, to show it again")
        book = self.footer_button("right", ("Encyclopedia", "Read"), self.encyclopedia, shortcut=pygame.K_e, width=200,
                                  tooltip="Read about the factions, places and events of the game")
        self.focus_button("encyclopedia", book)
        self.focus_button("save", save)

    def _view(self, rect: pygame.Rect, render: Callable[[int], pygame.Surface]) -> PictureView:
        view = PictureView(rect, self.app.scale)
        width = min(view.inner.width - self.px(6), self.px(900))
        view.set_picture(render(width))
        return view

    def _section(self, title: str, width: int) -> pygame.Surface:
        font = self.app.assets.font("title_it", self.px(23))
        picture = pygame.Surface((width, self.px(22) + font.get_linesize() + self.px(8)), pygame.SRCALPHA)
        picture.blit(font.render(title, True, pal.SEPIA), (0, self.px(14)))
        pygame.draw.line(picture, pal.PANEL_EDGE, (0, picture.get_height() - self.px(4)),
                         (width, picture.get_height() - self.px(4)))
        return picture

    @staticmethod
    def _stack(pictures: tuple[pygame.Surface, ...]) -> pygame.Surface:
        width = max(picture.get_width() for picture in pictures)
        sheet = pygame.Surface((width, sum(picture.get_height() for picture in pictures)), pygame.SRCALPHA)
        y = 0
        for picture in pictures:
            sheet.blit(picture, (0, y))
            y += picture.get_height()
        return sheet

    # --- buttons ------------------------------------------------------------------------------------------

    def back(self) -> None:
        """Escape: back to the board as the game ended, or to the main menu if there is none below."""
        if self.app.depth_of(self) > 0:
            self.app.pop()
        else:
            self.to_menu()

    def to_menu(self) -> None:
        """Back to the main menu (the finished game is left; Save keeps it)."""
        from game.ui.scenes.main_menu import MainMenu
        self.app.reset(MainMenu(self.app))

    def encyclopedia(self) -> None:
        """Open the encyclopedia at the winner's page."""
        from game.ui.scenes.encyclopedia import EncyclopediaScene
        winner = next((row.faction for row in self.rows if row.winner), None)
        self.app.push(EncyclopediaScene(self.app, start_at=f"faction:{winner}" if winner else None))

    def save(self) -> None:
        """Save the finished game and say where (or why not)."""
        if self.saved_to is not None and not self.session.unsaved_changes:
            self.app.push(Notice(self.app, "Already saved", f"The game is in {self.saved_to}"))
            return
        try:
            self.saved_to = save_finished(self.session)
        except (OSError, SaveError) as error:
            log.warning("the finished game could not be saved: %s", error)
            self.app.push(Notice(self.app, "The game could not be saved", str(error)))
            return
        self.app.push(Notice(self.app, "Saved", f"The finished game is in {self.saved_to}"))

    # --- input and drawing ----------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        """The columns take the wheel and their scroll bars first."""
        for view in self.views:
            if view.handle_event(event):
                if event.type == pygame.MOUSEBUTTONDOWN:
                    self.focus.click(event.pos)
                return True
        return super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        """The page, the reason under the title, and the columns."""
        super().draw(surface)
        font = self.app.assets.font("title_it", self.px(21))
        reason = render_lines(font, self.reason_lines(), pal.INK_SOFT)
        surface.blit(reason, (self.margin, super().title_bottom() + self.px(4)))
        for view in self.views:
            view.draw(surface)
