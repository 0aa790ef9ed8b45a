"""The desktop game's shell: the window, the pygame_gui manager, the scene stack and the main loop.

``run(options)`` is what ``python -m game`` calls. The window is resizable
with a minimum size (a smaller size is clamped, never a crash); the UI scale
comes from the settings; without a sound card the game runs silent with a
logged warning. Scenes are described in ``game.ui.scenes.base``.
"""

import json
import logging
import os
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pygame
import pygame_gui

from game.ui.assets import Assets
from game.ui.settings import Settings, default_settings_path, load_settings, save_settings

if TYPE_CHECKING:
    from game.ruleset.model import Ruleset
    from game.ui.scenes.base import Scene

log = logging.getLogger("game.ui")
# pygame_gui's hint that a font size was not preloaded is about speed, not correctness; the common ones are.
warnings.filterwarnings("ignore", message="Finding font with id", category=UserWarning)
MIN_SIZE = (1024, 640)
THEME_PATH = Path(__file__).resolve().parent / "theme.json"
FPS = 60


@attrs.frozen
class Options:
    """How the program was started (the command line's options for the desktop game)."""

    autoplay: bool = False
    seed: int | None = None
    speed: str | None = None  # slow, normal, fast or off; None: the settings' animation speed
    exit_at_end: bool = False
    screenshot_dir: Path | None = None
    startup_probe: bool = False  # quit as soon as the main menu's first frame is drawn
    settings_path: Path | None = None
    size: tuple[int, int] | None = None


def clamp_size(size: tuple[int, int]) -> tuple[int, int]:
    """A window size no smaller than the minimum."""
    return max(MIN_SIZE[0], int(size[0])), max(MIN_SIZE[1], int(size[1]))


def load_theme(scale: float, path: Path = THEME_PATH, assets: Assets | None = None) -> dict[str, Any]:
    """The theme file as a dict: font paths made absolute (a missing font falls back) and sizes scaled."""
    try:
        theme = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        log.warning("theme %s could not be read (%s); using pygame_gui's default look", path, error)
        return {}
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if isinstance(font, dict):
            _fix_font(font, path.parent, scale, assets)
    return theme


def _fix_font(font: dict[str, Any], folder: Path, scale: float, assets: Assets | None) -> None:
    if "size" in font:
        font["size"] = str(max(8, round(float(font["size"]) * scale)))
    for key in [key for key in font if key.endswith("_path")]:
        resolved = (folder / font[key]).resolve()
        if resolved.is_file():
            font[key] = str(resolved)
        else:
            (assets or Assets()).warn(f"theme:{font[key]}", f"theme font {resolved} not found; using the default")
            font.clear()
            font.update({"name": "noto_sans", "size": str(max(8, round(14 * scale)))})
            return


class App:
    """The window and the stack of scenes."""

    def __init__(self, options: Options = Options(), settings: Settings | None = None) -> None:
        self.started = time.perf_counter()
        self.options = options
        self.settings_path = options.settings_path or default_settings_path()
        if settings is None:
            settings, warnings = load_settings(self.settings_path)
            for warning in warnings:
                log.warning(warning)
        self.settings = settings
        self.assets = Assets()
        self.stack: list[Scene] = []
        self.running = True
        self._rules: Ruleset | None = None
        pygame.init()
        self.assets.init_sound(settings.sound)
        self.size = clamp_size(options.size or settings.window_size)
        self.screen = self._open_window(self.size)
        self.size = self.screen.get_size()  # full screen, or the minimum if the wanted size failed
        self.ui = self._make_manager()
        self.clock = pygame.time.Clock()
        self.first_frame_at: float | None = None
        self._after_draw: list[Callable[[], None]] = []

    # --- window and theme ---------------------------------------------------------------------------

    @property
    def scale(self) -> float:
        """The UI scale from the settings (0.75 to 2)."""
        return self.settings.ui_scale

    def _open_window(self, size: tuple[int, int]) -> pygame.Surface:
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.settings.fullscreen else 0)
        if self.settings.fullscreen:
            size = (0, 0)  # the display's own size: never change the monitor's mode
        pygame.display.set_caption("Petrograd 1917")
        try:
            screen = pygame.display.set_mode(size, flags)
        except pygame.error as error:
            log.warning("could not open a %dx%d window (%s); trying the minimum size", *size, error)
            screen = pygame.display.set_mode(MIN_SIZE, pygame.RESIZABLE)
        self._set_minimum()
        return screen

    def _set_minimum(self) -> None:
        try:
            with warnings.catch_warnings():  # from_display_module is deprecated for drawing, not for this
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = MIN_SIZE
        except (AttributeError, pygame.error):
            pass  # older SDL: resize events are clamped instead

    def _make_manager(self) -> pygame_gui.UIManager:
        manager = pygame_gui.UIManager(self.size, load_theme(self.scale, assets=self.assets),
                                       enable_live_theme_updates=False)
        sizes = {max(8, round(size * self.scale)) for size in (14, 15)}
        manager.preload_fonts([{"name": "libertine", "point_size": size, "style": style}
                               for size in sizes for style in ("bold", "italic")])
        return manager

    def resize(self, size: tuple[int, int]) -> None:
        """Resize the window (clamped to the minimum) and lay every scene out again."""
        wanted = clamp_size(size)
        current = self.screen.get_size()
        if wanted != current or wanted != self.size:
            self.screen = pygame.display.set_mode(wanted, pygame.RESIZABLE)
        self.size = self.screen.get_size()
        self.ui.set_window_resolution(self.size)
        for scene in self.stack:
            scene.resize(self.size)

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings now (a new UI scale rebuilds every scene) and remember them."""
        rescale = settings.ui_scale != self.settings.ui_scale
        refit = settings.fullscreen != self.settings.fullscreen
        self.settings = settings
        for warning in save_settings(self.settings_path, settings):
            log.warning(warning)
        self.assets.init_sound(settings.sound)
        if rescale:
            for scene in self.stack:
                scene.clear()
            self.ui = self._make_manager()
            for scene in self.stack:
                scene.rebuild()
        if refit:
            self.set_fullscreen(settings.fullscreen)

    def set_fullscreen(self, on: bool) -> None:
        """Fill the display, or go back to a window of the settings' size; the scenes are laid out again."""
        self.screen = self._open_window((0, 0) if on else clamp_size(self.settings.window_size))
        self.resize(self.screen.get_size())

    @property
    def rules(self) -> "Ruleset":
        """The shipped rules, loaded on first use (loading takes a few tenths of a second)."""
        if self._rules is None:
            from game.rulesdir import load_rules_dir
            self._rules = load_rules_dir()
        return self._rules

    # --- the stack ------------------------------------------------------------------------------------

    @property
    def top(self) -> "Scene | None":
        """The scene on top of the stack."""
        return self.stack[-1] if self.stack else None

    def depth_of(self, scene: "Scene") -> int:
        """How deep in the stack a scene is (0 at the bottom)."""
        return self.stack.index(scene) if scene in self.stack else len(self.stack)

    def push(self, scene: "Scene") -> None:
        """Open a scene over the current one."""
        if self.top is not None:
            self.top.pause()
        self.stack.append(scene)
        scene.enter()
        pygame.display.set_caption(f"Petrograd 1917 — {scene.title}" if scene.title else "Petrograd 1917")

    def pop(self) -> None:
        """Close the top scene and go back to the one under it (closing the last one quits)."""
        if self.stack:
            self.stack.pop().exit()
        if self.top is None:
            self.quit()
        else:
            self.top.resume()

    def replace(self, scene: "Scene") -> None:
        """Swap the top scene for another."""
        if self.stack:
            self.stack.pop().exit()
        self.push(scene)

    def reset(self, scene: "Scene") -> None:
        """Close every scene and start again from ``scene`` (back to the main menu, a new game)."""
        while self.stack:
            self.stack.pop().exit()
        self.push(scene)

    def quit(self) -> None:
        """End the main loop."""
        self.running = False

    def request_quit(self) -> None:
        """The window's close button: ask the scenes (from the top) whether they may close."""
        if all(scene.request_close() for scene in reversed(self.stack)):
            self.quit()

    # --- the loop -----------------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        """Route one event: window events here, then pygame_gui, then the top scene."""
        if event.type == pygame.QUIT:
            self.request_quit()
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return
        self.ui.process_events(event)
        if self.top is not None:
            self.top.handle_event(event)

    def frame(self, dt: float) -> None:
        """One frame: update and draw every visible scene, then the widgets."""
        for event in pygame.event.get():
            self.handle(event)
            if not self.running:
                return
        self.update(dt)
        self.draw(self.screen)
        pygame.display.flip()
        if self.first_frame_at is None:
            self.first_frame_at = time.perf_counter()
        callbacks, self._after_draw = self._after_draw, []
        for callback in callbacks:
            callback()

    def after_draw(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once, after the next frame is drawn (screenshots of what is on screen)."""
        self._after_draw.append(callback)

    def update(self, dt: float) -> None:
        """Advance the top scene and the widgets."""
        if self.top is not None:
            self.top.update(dt)
        self.ui.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the visible scenes, bottom up, then every widget."""
        start = len(self.stack) - 1
        while start > 0 and not self.stack[start].opaque:
            start -= 1
        for scene in self.stack[max(0, start):]:
            scene.draw(surface)
        self.ui.draw_ui(surface)
        if self.top is not None:
            self.top.draw_over_widgets(surface)

    def screenshot(self, path: Path) -> None:
        """Save what the window shows as a PNG."""
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.screen, str(path))

    def run(self, first: "Scene") -> int:
        """Push the first scene and loop until quit; the exit code."""
        self.push(first)
        while self.running:
            dt = self.clock.tick(FPS) / 1000.0
            self.frame(min(dt, 0.1))
            if self.options.startup_probe and self.first_frame_at is not None:
                print(f"first frame after {self.first_frame_at - self.started:.3f} s")
                self.quit()
        while self.stack:
            self.stack.pop().exit()
        pygame.quit()
        return 0


def run(options: Options) -> int:
    """Start the desktop game: the main menu, or straight into an all-AI game with ``autoplay``."""
    if options.startup_probe and "SDL_AUDIODRIVER" not in os.environ:
        os.environ["SDL_AUDIODRIVER"] = "dummy"
    logging.basicConfig(level=logging.WARNING, format="petrograd: %(message)s")
    app = App(options)
    if options.autoplay:
        from game.ui.scenes.play import PlayScene
        return app.run(PlayScene.autoplay(app, options.seed, options.speed))
    from game.ui.scenes.main_menu import MainMenu
    return app.run(MainMenu(app))
