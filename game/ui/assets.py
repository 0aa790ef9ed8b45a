"""Fonts, images and sounds from ``assets/``, each optional: a missing file gives a placeholder and a logged warning.

Fonts are asked for by *role*, not by file, so a screen says what the text is
for and this module decides the face:

=============  ==============================  =======================================
role           face                            for
=============  ==============================  =======================================
``title``      EB Garamond                     titles, headings, the map's cartouche
``title_it``   EB Garamond Italic              water names, subtitles
``body``       Linux Libertine                 running text, area names
``bold``       Linux Libertine Bold            emphasis, faction names
``italic``     Linux Libertine Italic          history notes, quotations
``sans``       Linux Biolinum                  small print: numbers on tracks
``sans_bold``  Linux Biolinum Bold             unit tokens, counters
=============  ==============================  =======================================

All are under the SIL Open Font License (their texts lie beside the files).
"""

import logging
from pathlib import Path

import pygame

log = logging.getLogger("game.ui")

ASSETS_DIR = Path(__file__).resolve().parent.parent.parent / "assets"
FONT_FILES: dict[str, str] = {
    "title": "EBGaramond12-Regular.otf",
    "title_it": "EBGaramond12-Italic.otf",
    "body": "LinLibertine_R.otf",
    "bold": "LinLibertine_RB.otf",
    "italic": "LinLibertine_RI.otf",
    "sans": "LinBiolinum_R.otf",
    "sans_bold": "LinBiolinum_RB.otf",
}
# Characters the interface itself writes (beside the rules' own text), which the fonts must cover too.
UI_CHARACTERS = "×→←·—–…•“”‘’№0123456789%+-()[]:;,.!?/"


class Assets:
    """Loads and caches fonts, images and sounds; never raises for a missing or broken file."""

    def __init__(self, root: Path = ASSETS_DIR) -> None:
        self.root = Path(root)
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._images: dict[str, pygame.Surface] = {}
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        self._warned: set[str] = set()
        self.sound_on = False

    def font_path(self, role: str) -> Path | None:
        """The file of a font role, or ``None`` (with a warning, once) if it is missing."""
        name = FONT_FILES.get(role)
        path = self.root / "fonts" / name if name else None
        if path is None or not path.is_file():
            self.warn(f"font:{role}", f"font for '{role}' not found ({path}); using pygame's default font")
            return None
        return path

    def font(self, role: str, size: int) -> pygame.font.Font:
        """The font of a role at a pixel size; pygame's own default font if the file is missing."""
        size = max(6, int(size))
        key = (role, size)
        if key not in self._fonts:
            if not pygame.font.get_init():
                pygame.font.init()
            path = self.font_path(role)
            try:
                self._fonts[key] = pygame.font.Font(str(path) if path else None, size)
            except (OSError, pygame.error) as error:
                self.warn(f"fontload:{role}", f"font for '{role}' could not be read ({error}); using the default")
                self._fonts[key] = pygame.font.Font(None, size)
        return self._fonts[key]

    def image(self, name: str, size: tuple[int, int] = (64, 64)) -> pygame.Surface:
        """An image from ``assets/images``; a magenta checkerboard placeholder if it is missing."""
        if name not in self._images:
            path = self.root / "images" / name
            try:
                self._images[name] = pygame.image.load(str(path))
            except (OSError, pygame.error, FileNotFoundError):
                self.warn(f"image:{name}", f"image '{name}' not found in {path.parent}; drawing a placeholder")
                self._images[name] = placeholder(size)
        return self._images[name]

    def init_sound(self, wanted: bool) -> bool:
        """Open the audio device if sound is wanted; without a sound card, sound stays off with a warning."""
        self.sound_on = False
        if not wanted:
            return False
        try:
            pygame.mixer.init()
        except pygame.error as error:
            self.warn("mixer", f"no sound: the audio device could not be opened ({error})")
            return False
        self.sound_on = True
        return True

    def play(self, name: str) -> None:
        """Play a sound from ``assets/sounds`` if sound is on; a missing file is a warning, once."""
        if not self.sound_on:
            return
        if name not in self._sounds:
            path = self.root / "sounds" / name
            try:
                self._sounds[name] = pygame.mixer.Sound(str(path))
            except (OSError, pygame.error, FileNotFoundError):
                self.warn(f"sound:{name}", f"sound '{name}' not found in {path.parent}; playing nothing")
                self._sounds[name] = None
        sound = self._sounds[name]
        if sound is not None:
            sound.play()

    def warn(self, key: str, message: str) -> None:
        """Log a warning once per key."""
        if key not in self._warned:
            self._warned.add(key)
            log.warning(message)


def placeholder(size: tuple[int, int]) -> pygame.Surface:
    """A magenta and black checkerboard: unmistakably a missing picture."""
    width, height = max(1, size[0]), max(1, size[1])
    surface = pygame.Surface((width, height))
    step = max(4, min(width, height) // 4)
    for x in range(0, width, step):
        for y in range(0, height, step):
            colour = (200, 0, 200) if (x // step + y // step) % 2 == 0 else (20, 20, 20)
            surface.fill(colour, (x, y, step, step))
    return surface
