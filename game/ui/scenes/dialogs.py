"""Small scenes over the board: the in-game menu, saving under a name, "save before leaving?", the end."""

import datetime
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.ui import palette as pal
from game.ui.scenes.base import Scene
from game.ui.settings import default_saves_dir
from game.ui.text import wrap

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session

log = logging.getLogger("game.ui")
DIM = (150, 140, 128)  # what is under an overlay is multiplied by this: darker, a little warmer


class Overlay(Scene):
    """A card in the middle of the window over a dimmed scene below."""

    opaque = False
    width, height = 420, 300

    def card(self) -> pygame.Rect:
        """The card's rectangle, centred in the window."""
        rect = pygame.Rect(0, 0, self.px(self.width), self.px(self.height))
        rect.center = (self.app.size[0] // 2, self.app.size[1] // 2)
        return rect

    def draw(self, surface: pygame.Surface) -> None:
        """Dim what is below (one multiply, no new surface each frame), then draw the card."""
        surface.fill(DIM, special_flags=pygame.BLEND_RGB_MULT)
        card = self.card()
        pygame.draw.rect(surface, pal.PAPER_LIGHT, card)
        pygame.draw.rect(surface, pal.INK, card, 2)
        pygame.draw.rect(surface, pal.SEPIA, card.inflate(-self.px(10), -self.px(10)), 1)

    def column(self, index: int, count: int = 1, top: int = 90) -> pygame.Rect:
        """The rectangle of the ``index``-th button in a column on the card."""
        card = self.card()
        width = self.px(self.width - 120) // count
        rect = pygame.Rect(0, 0, width - self.px(8), self.px(40))
        return rect.move(card.left + self.px(60) + (index % count) * width,
                         card.top + self.px(top) + (index // count) * self.px(50))

    def title_text(self, surface: pygame.Surface, text: str, top: int = 24) -> None:
        """The card's title."""
        title = self.app.assets.font("title", self.px(30)).render(text, True, pal.INK)
        surface.blit(title, title.get_rect(midtop=(self.card().centerx, self.card().top + self.px(top))))


class InGameMenu(Overlay):
    """Escape on the board: resume, save, load, the encyclopedia, settings, back to the main menu, quit."""

    title = "Menu"
    height = 460  # one column of seven buttons; two columns when the window is too short for it

    def __init__(self, app: "App", session: "Session") -> None:
        super().__init__(app)
        self.session = session

    def build(self) -> None:
        """Seven buttons."""
        rows = (("Resume", self.app.pop, "Back to the board", pygame.K_ESCAPE),
                ("Save game…", self.save, "Save the game under a name of your choice", pygame.K_s),
                ("Load game…", self.load, "Open a saved game", pygame.K_l),
                ("Encyclopedia", self.encyclopedia, "Every place, faction, decree and event, with its history",
                 pygame.K_e),
                ("Settings", self.settings, "UI scale, colours, full screen and sound", pygame.K_o),
                ("Main menu", lambda: self.leave(self.to_menu), "Leave this game", pygame.K_m),
                ("Quit", lambda: self.leave(self.app.quit), "Leave the program", pygame.K_q))
        columns = 1 if self.px(InGameMenu.height) <= self.app.size[1] - self.px(16) else 2
        self.width, self.height = (420, InGameMenu.height) if columns == 1 else (500, 110 + 50 * -(-len(rows) // 2))
        for index, (text, action, tip, key) in enumerate(rows):
            self.button(text, self.column(index, columns, top=80), action, tooltip=tip, shortcut=key,
                        object_id="@menu_button")

    def draw(self, surface: pygame.Surface) -> None:
        """The card and its title."""
        super().draw(surface)
        self.title_text(surface, "Menu")

    def save(self) -> None:
        """Ask for a name, then save."""
        self.app.replace(SaveDialog(self.app, self.session))

    def load(self) -> None:
        """The load screen (asking first about unsaved moves)."""
        from game.ui.scenes.load_game import LoadGameScene
        self.leave(lambda: self.app.replace(LoadGameScene(self.app)))

    def encyclopedia(self) -> None:
        """The encyclopedia, at its first article."""
        from game.ui.scenes.encyclopedia import EncyclopediaScene
        self.app.replace(EncyclopediaScene(self.app, start_at=None))

    def settings(self) -> None:
        """The settings screen; the board follows its changes when it comes back."""
        from game.ui.scenes.settings_screen import SettingsScene
        self.app.replace(SettingsScene(self.app))

    def leave(self, then: Callable[[], None]) -> None:
        """Ask to save first if there are unsaved changes."""
        if self.session.unsaved_changes:
            self.app.replace(ConfirmSave(self.app, self.session, then))
        else:
            then()

    def to_menu(self) -> None:
        """Back to the main menu."""
        from game.ui.scenes.main_menu import MainMenu
        self.app.reset(MainMenu(self.app))


class SaveDialog(Overlay):
    """Save under a name: a field with a sensible default, Save (Enter) and Cancel (Esc)."""

    title = "Save the game"
    width, height = 560, 270

    def __init__(self, app: "App", session: "Session", then: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.session, self.then = session, then
        self.name = default_save_name(session)
        self.error = ""
        self.field: pygame_gui.elements.UITextEntryLine | None = None

    def build(self) -> None:
        """The name field and two buttons."""
        card = self.card()
        field = pygame.Rect(card.left + self.px(40), card.top + self.px(82), card.width - self.px(80), self.px(40))
        self.field = pygame_gui.elements.UITextEntryLine(field, self.app.ui, container=self.root)
        self.field.set_text(self.name)
        self.field.focus()
        self.button("Save", self.column(0, 2, 185), self.save, tooltip="Save under this name (Enter)",
                    object_id="@tool_button")
        self.button("Cancel", self.column(1, 2, 185), self.app.pop, tooltip="Back to the game",
                    shortcut=pygame.K_ESCAPE, object_id="@tool_button")

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Enter in the field saves; Escape cancels even while typing."""
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.field:
            self.save()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()
            return True
        return super().handle_event(event)

    def save(self) -> None:
        """Save under the name in the field; an error stays on the card, never a crash."""
        self.name = self.field.get_text() if self.field is not None else self.name
        path, error = save_session(self.session, self.name)
        if path is None:
            self.error = error
            return
        self.app.pop()
        if self.then is not None:
            self.then()

    def draw(self, surface: pygame.Surface) -> None:
        """The title and where the file goes (or why it could not be saved)."""
        super().draw(surface)
        self.title_text(surface, "Save the game")
        card = self.card()
        text = self.field.get_text() if self.field is not None else self.name
        target = save_path(text)
        note = self.error or (f"Replaces the save called “{target.stem}”." if target.exists()
                              else f"In {target.parent}")
        colour = (150, 40, 30) if self.error else pal.INK_SOFT
        font = self.app.assets.font("italic", self.px(15))
        for index, line in enumerate(wrap(font, note, card.width - self.px(80))[:2]):
            rendered = font.render(line, True, colour)
            surface.blit(rendered, (card.left + self.px(40), card.top + self.px(128) + index * font.get_linesize()))


class ConfirmSave(Overlay):
    """Unsaved changes: Save, Don't save, or Cancel."""

    title = "Save the game?"
    width, height = 520, 220

    def __init__(self, app: "App", session: "Session", then: Callable[[], None]) -> None:
        super().__init__(app)
        self.session, self.then = session, then

    def build(self) -> None:
        """Three buttons side by side."""
        self.button("Save", self.column(0, 3, 130), self.save_and_go, tooltip="Save, then leave",
                    shortcut=pygame.K_s, object_id="@tool_button")
        self.button("Don't save", self.column(1, 3, 130), self.then, tooltip="Leave without saving",
                    shortcut=pygame.K_d, object_id="@tool_button")
        self.button("Cancel", self.column(2, 3, 130), self.app.pop, tooltip="Back to the game",
                    shortcut=pygame.K_ESCAPE, object_id="@tool_button")

    def draw(self, surface: pygame.Surface) -> None:
        """The question."""
        super().draw(surface)
        self.title_text(surface, "Save the game before leaving?")
        note = self.app.assets.font("italic", self.px(16)).render("Moves since the last save would be lost.",
                                                                  True, pal.INK_SOFT)
        surface.blit(note, note.get_rect(midtop=(self.card().centerx, self.card().top + self.px(75))))

    def save_and_go(self) -> None:
        """Save, then do what was asked."""
        save_session(self.session)
        self.then()

    def request_close(self) -> bool:
        """Closing the window again while asked: leave without saving."""
        return True


def default_save_name(session: "Session") -> str:
    """A name a player recognises later: the turn, its date and the time of day, e.g. ``Turn 3, 2 Nov 1917, 14.05``."""
    date = session.current_date().split(" (")[0]
    return f"Turn {session.state.turn}, {date} 1917, {datetime.datetime.now():%H.%M}"


def save_path(name: str) -> Path:
    """The file a save name goes to, in the saves folder (characters a file name cannot hold are dropped)."""
    safe = re.sub(r"[^\w ,.()'-]+", "", name, flags=re.UNICODE).strip(" .")[:80]
    return default_saves_dir() / f"{safe or 'petrograd'}.json"


def save_session(session: "Session", name: str | None = None) -> tuple[Path | None, str]:
    """Save the session in the saves folder, under ``name`` or the time; the path, or None and why not (logged)."""
    from game.savegame import SaveError
    path = save_path(name) if name else default_saves_dir() / f"petrograd-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        session.save(path)
    except (OSError, SaveError) as error:
        log.warning("the game could not be saved to %s: %s", path, error)
        return None, f"Could not save: {getattr(error, 'strerror', None) or error}"
    log.info("saved the game to %s", path)
    return path, ""
