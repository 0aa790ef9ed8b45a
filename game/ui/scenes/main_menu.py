"""The main menu: the title, and New game, Load game, Encyclopedia, Settings, Quit.

The first frame draws no map, so the program starts fast; the rules load on
a background thread and a faded copy of the map appears beside the buttons
once they are in.
"""

import threading
from typing import TYPE_CHECKING

import pygame

from game.ui import palette as pal
from game.ui.focus import Focusable, FocusRing
from game.ui.scenes.base import Scene

if TYPE_CHECKING:
    from game.ui.app import App

BUTTONS = (
    ("New game", pygame.K_n, "Start a game: choose the scenario, who plays each faction, and the seed"),
    ("Load game", pygame.K_l, "Go on with a saved game"),
    ("Encyclopedia", pygame.K_e, "Factions, places, units, decrees, events and the glossary"),
    ("Settings", pygame.K_s, "Window, UI scale, colours, animation speed and sound"),
    ("Quit", pygame.K_q, "Leave the program"),
)


class MainMenu(Scene):
    """The first screen."""

    title = "Main menu"

    def __init__(self, app: "App") -> None:
        super().__init__(app)
        self.preview: pygame.Surface | None = None
        self._loader: threading.Thread | None = None
        self.focus = FocusRing(lambda: self.app.ui)

    def build(self) -> None:
        """A column of buttons under the title; Up, Down and Enter walk and press them too."""
        width, height = self.app.size
        left = self.left_column()
        top = max(self.px(250), height // 2 - self.px(40))
        actions = (self.new_game, self.load_game, self.encyclopedia, self.settings, self.app.quit)
        self.focus.clear()
        for index, ((text, key, tip), action) in enumerate(zip(BUTTONS, actions)):
            rect = (left, top + index * self.px(58), self.px(300), self.px(46))
            button = self.button(text, rect, action, tooltip=tip, shortcut=key, object_id="@menu_button")
            self.focus.add(Focusable(text, lambda button=button: button.rect, activate=action))
        self.shortcuts[pygame.K_ESCAPE] = self.app.quit
        self.preview = None

    def left_column(self) -> int:
        """Where the title and the buttons start."""
        return max(self.px(60), self.app.size[0] // 10)

    def _rules_ready(self) -> None:
        """Wait for the rules the background thread is loading, so they are never loaded twice."""
        if self._loader is not None:
            self._loader.join()

    def new_game(self) -> None:
        """Choose the scenario, the seats and the seed."""
        from game.ui.scenes.new_game import NewGameScene
        self._rules_ready()
        self.app.push(NewGameScene(self.app))

    def load_game(self) -> None:
        """The list of saved games."""
        from game.ui.scenes.load_game import LoadGameScene
        self._rules_ready()
        self.app.push(LoadGameScene(self.app))

    def encyclopedia(self) -> None:
        """Every faction, place, unit, action, decree, event, card and term."""
        from game.ui.scenes.encyclopedia import EncyclopediaScene
        self._rules_ready()
        self.app.push(EncyclopediaScene(self.app))

    def settings(self) -> None:
        """Window, scale, palette, speed and sound."""
        from game.ui.scenes.settings_screen import SettingsScene
        self._rules_ready()
        self.app.push(SettingsScene(self.app))

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Up and Down (or Tab) move between the buttons, Enter presses; then the buttons' own shortcuts."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.focus.click(event.pos)
        if event.type == pygame.KEYDOWN and self.focus.handle_key(event):
            return True
        return super().handle_event(event)

    def draw_over_widgets(self, surface: pygame.Surface) -> None:
        """The keyboard's focus ring."""
        self.focus.draw(surface, max(2, self.px(2)))

    def update(self, dt: float) -> None:
        """Load the rules in the background after the first frame, then draw the map preview once."""
        if self._loader is None:
            self._loader = threading.Thread(target=lambda: self.app.rules, daemon=True, name="petrograd-rules")
            self._loader.start()
        elif self.preview is None and not self._loader.is_alive():
            self.preview = self._make_preview()

    def _make_preview(self) -> pygame.Surface:
        from game.ui.geometry import MapTransform
        from game.ui.mapsheet import MapSheet
        width, height = self.app.size
        room = pygame.Rect(width // 2, self.px(40), width // 2 - self.px(40), height - self.px(80))
        transform = MapTransform(self.app.rules.board.size, (0, 0, room.width, room.height))
        sheet = MapSheet(self.app.rules, self.app.assets, transform, self.app.scale * 0.85)
        picture = sheet.render_base()
        picture.blit(sheet.render_overlay(), (0, 0))
        picture.set_alpha(215)
        return picture

    def draw(self, surface: pygame.Surface) -> None:
        """Paper, the title, and the map when it is ready."""
        width, height = self.app.size
        surface.fill(pal.PAPER)
        if self.preview is not None:
            rect = self.preview.get_rect(midright=(width - self.px(40), height // 2))
            shadow = rect.move(self.px(6), self.px(6))
            pygame.draw.rect(surface, pal.PAPER_DARK, shadow)
            surface.blit(self.preview, rect)
        left = self.left_column()
        title = self.app.assets.font("title", self.px(76)).render("Petrograd 1917", True, pal.INK)
        surface.blit(title, (left, self.px(70)))
        rule_y = self.px(70) + title.get_height() + self.px(4)
        pygame.draw.line(surface, (176, 57, 31), (left, rule_y), (left + title.get_width(), rule_y), 3)
        pygame.draw.line(surface, pal.INK, (left, rule_y + self.px(6)), (left + title.get_width(), rule_y + self.px(6)))
        italic = self.app.assets.font("title_it", self.px(24))
        for index, line in enumerate(("Ten turns from 25 October to 2 December 1917",
                                      "Four factions, one city, ten days of bread")):
            text = italic.render(line, True, pal.INK_SOFT)
            surface.blit(text, (left, rule_y + self.px(16) + index * self.px(30)))
        foot = self.app.assets.font("italic", self.px(14)).render(
            "Dates are Old Style, as in Russia in 1917; the New Style date is shown beside them.", True, pal.SEPIA)
        surface.blit(foot, (left, height - self.px(36)))
