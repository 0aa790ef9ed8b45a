"""Load game: the saves folder's games, newest first, with the one picked described beside the list.

A damaged save stays in the list, greyed, with the reason beside it; it cannot
be opened. Loading replays the save (``Session.load``) and puts the board in
this screen's place; a save that fails then is explained in a note, never a
crash.

Keys: Up and Down pick a save, Enter (or a double click) loads it, Tab walks
the controls, Escape goes back.
"""

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.savegame import SaveError
from game.ui import palette as pal
from game.ui.focus import Focusable
from game.ui.saveslist import SaveEntry, list_saves
from game.ui.scrollview import PictureView, Row, ScrollList, draw_badge
from game.ui.session import Session
from game.ui.settings import default_saves_dir
from game.ui.text import wrap
from game.ui.widgets import MenuScene, Notice

if TYPE_CHECKING:
    from game.ui.app import App

log = logging.getLogger("game.ui")
NO_SAVES = ("No saved games yet.",
            "The game saves itself as each turn begins, and you can save at any time from the game's menu (Esc).",
            "Start one with New game on the main menu.")


def when(entry: SaveEntry) -> str:
    """The save's time as the list shows it: ``14 Nov 2025, 18:05``."""
    return f"{entry.modified.day} {entry.modified:%b %Y, %H:%M}"


def reason(entry: SaveEntry) -> str:
    """Why a damaged save cannot be opened, as a sentence: ``Truncated (the file stops ...)``."""
    text = (entry.damaged or "").removeprefix("damaged: ")
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


class LoadGameScene(MenuScene):
    """The list of saves and the details of the one picked."""

    title = "Load game"
    heading_text = "Load game"

    def __init__(self, app: "App", folder: Path | None = None) -> None:
        super().__init__(app)
        self.folder = Path(folder) if folder is not None else default_saves_dir()
        self.saves = list_saves(self.folder, app.rules)
        self.colours = pal.faction_colours(app.rules, app.settings.palette)
        self.selected: SaveEntry | None = next((entry for entry in self.saves if entry.damaged is None),
                                               self.saves[0] if self.saves else None)
        self.list: ScrollList | None = None
        self.details: PictureView | None = None

    def columns(self) -> tuple[pygame.Rect, pygame.Rect]:
        """The list's column and the details' sheet."""
        body = self.body()
        body.height -= self.px(28)  # room for the folder's name
        if self.narrow():
            return body, pygame.Rect(body.right, body.top, 0, body.height)
        left = max(self.px(300), min(self.px(560), body.width * 48 // 100))
        gap = self.px(24)
        return pygame.Rect(body.left, body.top, left, body.height), \
            pygame.Rect(body.left + left + gap, body.top, body.width - left - gap, body.height)

    def narrow(self) -> bool:
        """Whether the window is too narrow at this scale for the details beside the list (the list says enough)."""
        return self.body().width < self.px(640)

    def build(self) -> None:
        """The list, the details, Back and Load."""
        side, main = self.columns()
        self.list = ScrollList(side, self.app.scale, self.app.assets, on_select=self.pick, on_activate=self.load)
        self.list.set_rows([self._row(entry) for entry in self.saves])
        self.details = None if self.narrow() else PictureView(main.inflate(-self.px(36), -self.px(28)),
                                                                 self.app.scale)
        view = self.list
        self.focus.add(Focusable("list", lambda: view.rect, keys=view.key))
        self.back_button()
        self.load_button = self.footer_button("right", "Load", lambda: self.load(), width=180,
                                              shortcut=pygame.K_RETURN, tooltip="Go on with the save picked")
        self.focus_button("load", self.load_button)
        if self.selected is not None:
            self.list.select(str(self.selected.path), notify=False, centre=True)
        self._show()

    def _row(self, entry: SaveEntry) -> Row:
        if entry.damaged is not None:
            return Row(str(entry.path), f"{entry.name} (damaged)", (reason(entry),),
                       note=when(entry), greyed=True)
        finished = " · finished" if entry.finished else ""
        return Row(str(entry.path), entry.name, (f"{entry.scenario}", f"Turn {entry.turn} · {entry.date}{finished}"),
                   note=when(entry))

    def pick(self, key: str) -> None:
        """Show the details of the save ``key`` (its path)."""
        self.selected = next((entry for entry in self.saves if str(entry.path) == key), None)
        self._show()

    def load(self, key: str | None = None) -> None:
        """Load the save picked (or ``key``) and open the board; a failure is explained in a note."""
        if key is not None:
            self.pick(key)
        entry = self.selected
        if entry is None:
            return
        if entry.damaged is not None:
            self.app.push(Notice(self.app, "This save cannot be opened", reason(entry)))
            return
        try:
            session = Session.load(entry.path, self.app.rules)
        except (SaveError, OSError) as error:
            log.warning("could not load %s: %s", entry.path, error)
            self.app.push(Notice(self.app, "This save could not be loaded", str(getattr(error, "reason", error))))
            return
        from game.ui.scenes.play import PlayScene
        self.app.replace(PlayScene(self.app, session))

    def _show(self) -> None:
        entry = self.selected
        if getattr(self, "load_button", None) is not None:
            if entry is not None and entry.damaged is None:
                self.load_button.enable()
            else:
                self.load_button.disable()
        if self.details is None:
            return
        width = min(self.details.inner.width - self.px(8), self.px(700))
        self.details.set_picture(self._describe(entry, width) if entry is not None else pygame.Surface((1, 1),
                                                                                                      pygame.SRCALPHA))

    def _describe(self, entry: SaveEntry, width: int) -> pygame.Surface:
        """The save's sheet: name, scenario, turn and date, the seats with their badges, time and file."""
        assets = self.app.assets
        parts: list[tuple[pygame.Surface, int]] = []  # picture, indent

        def text(role: str, size: int, words: str, colour: pal.Colour, indent: int = 0) -> None:
            font = assets.font(role, self.px(size))
            for line in wrap(font, words, width - indent):
                parts.append((font.render(line, True, colour), indent))

        text("title", 32, entry.name, pal.INK)
        if entry.damaged is not None:
            text("title_it", 20, "Damaged: it cannot be opened", (150, 40, 30))
            text("body", 16, reason(entry), pal.INK)
        else:
            text("title_it", 20, entry.scenario, pal.SEPIA)
            text("bold", 17, f"Turn {entry.turn}: {entry.date}" + (" — the game is over" if entry.finished else ""),
                 pal.INK)
            parts.append((pygame.Surface((1, self.px(10)), pygame.SRCALPHA), 0))
            for seat in entry.seats.split(", "):
                parts.append((self._seat_line(seat), 0))
        parts.append((pygame.Surface((1, self.px(12)), pygame.SRCALPHA), 0))
        text("italic", 14, f"Saved {when(entry)}", pal.INK_SOFT)
        text("italic", 14, str(entry.path), pal.INK_SOFT)
        height = sum(picture.get_height() for picture, _ in parts) + self.px(8)
        sheet = pygame.Surface((width, height), pygame.SRCALPHA)
        y = 0
        for picture, indent in parts:
            sheet.blit(picture, (indent, y))
            y += picture.get_height()
        return sheet

    def _seat_line(self, seat: str) -> pygame.Surface:
        """``Sovnarkom: human`` with the faction's badge in front."""
        rules = self.app.rules
        name, _, kind = seat.partition(": ")
        faction = next((f for f in rules.factions if f.short == name), None)
        font = self.app.assets.font("body", self.px(16))
        words = font.render(f"{name}: {kind}" if kind else name, True, pal.INK)
        line = pygame.Surface((words.get_width() + self.px(30), max(words.get_height(), self.px(24))), pygame.SRCALPHA)
        if faction is not None:
            draw_badge(line, self.colours.get(faction.id, pal.NEUTRAL), faction.symbol,
                       (self.px(10), line.get_height() // 2), self.px(9))
        line.blit(words, (self.px(28), (line.get_height() - words.get_height()) // 2))
        return line

    def handle_event(self, event: pygame.event.Event) -> bool:
        """The list and the sheet take the mouse first."""
        for view in (self.list, self.details):
            if view is not None and view.handle_event(event):
                if event.type == pygame.MOUSEBUTTONDOWN:
                    self.focus.click(event.pos)
                return True
        return super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        """The list (or a friendly line if there are no saves), the sheet and the folder's name."""
        super().draw(surface)
        side, main = self.columns()
        if self.saves and self.details is not None:
            pygame.draw.rect(surface, pal.PAPER_LIGHT, main)
            pygame.draw.rect(surface, pal.PANEL_EDGE, main, 1)
        if self.list is not None:
            self.list.draw(surface)
        if self.details is not None:
            self.details.draw(surface)
        if not self.saves:
            self._no_saves(surface, side)
        folder = self.app.assets.font("italic", self.px(14)).render(f"Saves folder: {self.folder}", True,
                                                                    pal.INK_SOFT)
        surface.blit(folder, (side.left, side.bottom + self.px(8)),
                     folder.get_rect().clip((0, 0, self.app.size[0] - 2 * self.margin, folder.get_height())))

    def _no_saves(self, surface: pygame.Surface, side: pygame.Rect) -> None:
        y = side.top + self.px(8)
        side = side.union(self.columns()[1])
        for index, line in enumerate(NO_SAVES):
            font = self.app.assets.font("title_it" if index == 0 else "italic", self.px(22 if index == 0 else 16))
            for part in wrap(font, line, side.width - self.px(16)):
                surface.blit(font.render(part, True, pal.INK_SOFT), (side.left + self.px(8), y))
                y += font.get_linesize()
            y += self.px(6)
