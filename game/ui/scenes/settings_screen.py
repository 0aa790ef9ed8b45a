"""Settings: window or full screen, UI scale, colours, animation speed and sound.

Each choice takes effect at once through ``app.apply_settings``, which saves
the settings file, so they are remembered for the next run; a new UI scale
lays this screen out again at the new size, which is its own preview.

Keys: Tab or Up and Down walk the rows, Left and Right change a row, D
restores the defaults, Escape goes back.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs
import pygame
import pygame_gui

from game.ui import palette as pal
from game.ui.focus import Focusable
from game.ui.settings import DEFAULTS, Settings
from game.ui.widgets import Label, MenuScene, OptionRow, badge_picture, split_row, text_picture

if TYPE_CHECKING:
    from game.ui.app import App

SCALES = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0)


@attrs.frozen
class SettingRow:
    """One row of the screen: which setting, its name, its options and a line on what it does."""

    key: str
    name: str
    options: tuple[tuple[Any, Label, str], ...]  # value, label (or shorter wordings), tooltip
    note: str


ROWS = (
    SettingRow("fullscreen", "Display", ((False, "Window", "A window you can resize (at least 1024 × 640)"),
                                         (True, ("Full screen", "Full"), "Fill the whole display")),
               "A window can be resized; full screen fills the display, for a projector."),
    SettingRow("ui_scale", "UI scale", tuple((scale, f"{round(scale * 100)}%", f"Text and buttons at "
                                                                               f"{round(scale * 100)}%")
                                            for scale in SCALES),
               "Larger for a projector at the back of a classroom, smaller for a small screen."),
    SettingRow("palette", "Colours", (("standard", "Standard", "The factions' own colours"),
                                      ("colour_blind", ("Colour-blind safe", "Colour-blind"),
                                       "Colours that stay apart for every common kind of colour blindness")),
               "Symbols on units and fill patterns on places tell the factions apart in either set."),
    SettingRow("animation_speed", "Animations", (("slow", "Slow", "Moves slide slowly: good for a class"),
                                                 ("normal", "Normal", "Moves slide at a readable pace"),
                                                 ("fast", "Fast", "Moves slide quickly"),
                                                 ("off", "Off", "Each move is shown at once")),
               "How the computer's moves slide across the board; a new game uses the speed set here."),
    SettingRow("sound", "Sound", ((True, "On", "Play sound effects"), (False, "Off", "Stay silent")),
               "Without a sound card the game stays silent either way."),
)


class SettingsScene(MenuScene):
    """A row of choices per setting, applied and saved as soon as they change."""

    title = "Settings"
    heading_text = "Settings"

    def __init__(self, app: "App") -> None:
        super().__init__(app)
        self.rows: dict[str, OptionRow] = {}

    def build(self) -> None:
        """The rows, in a scrolling body when the window is small for the scale."""
        body = self.body()
        container = self.scrolling_body(body)
        width = min(body.width - self.px(24), self.px(900))
        name_width = min(self.px(170), width // 4)
        y = 0
        self.rows = {}
        for row in ROWS:
            y = self._row(container, row, name_width, width, y)
            if row.key == "palette":
                y = self._preview(container, name_width, width, y - self.px(10)) + self.px(8)
        note = f"Each choice takes effect at once and is remembered: {self.app.settings_path}"
        picture = text_picture(self.app.assets.font("italic", self.px(14)), note, pal.INK_SOFT, width)
        pygame_gui.elements.UIImage(pygame.Rect((0, y + self.px(8)), picture.get_size()), picture, self.app.ui,
                                    container=container)
        self.fit_scroller(y + self.px(16) + picture.get_height())
        self.back_button("Back to where you were")
        defaults = self.footer_button("right", ("Restore defaults", "Defaults"), self.restore_defaults, width=240,
                                      shortcut=pygame.K_d, tooltip="Every setting back to how the game came")
        self.focus_button("defaults", defaults)

    def _row(self, container: object, row: SettingRow, name_width: int, width: int, y: int) -> int:
        name = self.app.assets.font("title", self.px(22)).render(row.name, True, pal.INK)
        self._image(container, name, 0, y + (self.px(40) - name.get_height()) // 2)
        rects = split_row((name_width, y, width - name_width, self.px(40)), len(row.options), self.px(6))
        option_row = OptionRow(self, rects, row.options, getattr(self.app.settings, row.key),
                               self._setter(row.key), container)
        self.rows[row.key] = option_row
        self.focus.add(Focusable(row.key, option_row.rect, step=option_row.step,
                                 activate=lambda: option_row.step(1, wrap=True)))
        y += self.px(44)
        note = text_picture(self.app.assets.font("italic", self.px(14)), row.note, pal.INK_SOFT, width - name_width)
        return self._image(container, note, name_width, y) + self.px(18)

    def _preview(self, container: object, left: int, width: int, y: int) -> int:
        """The seats' badges in the chosen colours, as they will look on the board."""
        rules = self.app.rules
        colours = pal.faction_colours(rules, self.app.settings.palette)
        font = self.app.assets.font("body", self.px(15))
        caption = self.app.assets.font("italic", self.px(14)).render("On the board:", True, pal.INK_SOFT)
        self._image(container, caption, left, y + (self.px(22) - caption.get_height()) // 2)
        x = left + caption.get_width() + self.px(12)
        for faction in rules.seats:
            badge = badge_picture(colours[faction], rules.faction[faction].symbol, self.px(10))
            name = font.render(rules.faction[faction].short, True, pal.INK)
            if x + badge.get_width() + name.get_width() > width:
                x, y = left, y + self.px(30)
            self._image(container, badge, x, y)
            self._image(container, name, x + badge.get_width() + self.px(6),
                        y + (badge.get_height() - name.get_height()) // 2)
            x += badge.get_width() + name.get_width() + self.px(26)
        return y + self.px(30)

    def _image(self, container: object, picture: pygame.Surface, x: int, y: int) -> int:
        pygame_gui.elements.UIImage(pygame.Rect((x, y), picture.get_size()), picture, self.app.ui, container=container)
        return y + picture.get_height()

    def _setter(self, key: str) -> Callable[[Any], None]:
        return lambda value: self.change(**{key: value})

    def change(self, **values: Any) -> None:
        """Apply and save a change of settings (a new scale or palette lays the screen out again)."""
        before = self.app.settings
        self.app.apply_settings(attrs.evolve(before, **values))
        if self.app.settings.palette != before.palette and self.app.settings.ui_scale == before.ui_scale:
            self.rebuild()

    def restore_defaults(self) -> None:
        """Every setting as the game came, but the window's size."""
        self.app.apply_settings(attrs.evolve(DEFAULTS, window_size=self.app.settings.window_size))
        self.rebuild()

    def current(self) -> Settings:
        """The settings in use."""
        return self.app.settings
