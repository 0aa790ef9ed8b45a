"""Scenes: the screens of the desktop game, kept on a stack by ``game.ui.app.App``.

How to write a scene
====================

Subclass ``Scene`` and override what you need::

    class Encyclopedia(Scene):
        title = "Encyclopedia"          # shown in the window caption

        def build(self) -> None:        # make the widgets; called on enter, resize and UI-scale change
            self.heading("Encyclopedia", (20, 20, 400, 40))
            self.button("Back", (20, 80, 160, 40), self.app.pop, shortcut=pygame.K_ESCAPE,
                        tooltip="Back to the main menu")

        def draw(self, surface) -> None:  # draw what is not a widget (backgrounds, pictures)
            surface.fill(palette.PAPER)

Lifecycle: ``enter`` (pushed) -> ``build`` -> many frames of ``handle_event`` /
``update(dt)`` / ``draw(surface)`` (under the widgets) / ``draw_over_widgets``
-> ``exit`` (popped). ``pause`` and
``resume`` are called when another scene is pushed over this one and when it
is popped again; the default hides and shows this scene's widgets.

Widgets: every pygame_gui element of a scene goes in ``self.root`` (a
``UIContainer`` covering the window), so ``clear()`` removes them all at once.
``self.button(...)`` makes a button wired to a callback, with an optional
keyboard shortcut that is also named in its tooltip ("Pass the turn (P)").
``self.label``, ``self.heading`` and ``self.text_box`` make text widgets.
Sizes are in pixels already multiplied by the UI scale: use ``self.px(n)``.

The stack (``self.app``): ``push(scene)`` opens a scene over this one,
``pop()`` closes the top one, ``replace(scene)`` swaps the top one, and
``quit()`` ends the program. An overlay (``opaque = False``) is drawn over
the scene below it, which keeps drawing but gets no events: in-game menus
and dialogues work that way.

What a scene may use from the app: ``app.assets`` (fonts by role:
``app.assets.font("title", self.px(32))``, images, sounds), ``app.settings``
(a ``game.ui.settings.Settings``; change it with ``app.apply_settings``),
``app.rules`` (the rules, loaded once on first use), ``app.ui`` (the
pygame_gui ``UIManager`` with the theme of ``game/ui/theme.json``),
``app.size`` and ``app.scale``.

A scene refuses to let the window close by overriding ``request_close``
(the board asks to save first); the default lets it close.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import UIContainer

from game.ui import palette as pal

if TYPE_CHECKING:
    from game.ui.app import App

Rect = tuple[int, int, int, int] | pygame.Rect


class Scene:
    """One screen: its widgets, its drawing and its input."""

    title = ""
    opaque = True  # False: an overlay, drawn over the scene below

    def __init__(self, app: "App") -> None:
        self.app = app
        self.root: UIContainer | None = None
        self.actions: dict[object, Callable[[], None]] = {}
        self.shortcuts: dict[int, Callable[[], None]] = {}

    # --- lifecycle ---------------------------------------------------------------------------------

    def enter(self) -> None:
        """The scene comes on top of the stack for the first time."""
        self.rebuild()

    def exit(self) -> None:
        """The scene leaves the stack."""
        self.clear()

    def pause(self) -> None:
        """Another scene was pushed over this one."""
        if self.root is not None:
            self.root.hide()

    def resume(self) -> None:
        """The scene over this one was popped."""
        if self.root is not None:
            self.root.show()

    def rebuild(self) -> None:
        """Remove every widget and build them again (after a resize or a change of UI scale)."""
        self.clear()
        depth = self.app.depth_of(self)
        self.root = UIContainer(pygame.Rect((0, 0), self.app.size), self.app.ui, starting_height=1 + depth * 20)
        self.build()

    def clear(self) -> None:
        """Remove every widget of the scene."""
        if self.root is not None:
            self.root.kill()
            self.root = None
        self.actions.clear()
        self.shortcuts.clear()

    def resize(self, size: tuple[int, int]) -> None:
        """The window changed size (or the UI scale changed)."""
        self.rebuild()

    # --- what subclasses override -------------------------------------------------------------------

    def build(self) -> None:
        """Make the scene's widgets inside ``self.root``."""

    def handle_event(self, event: pygame.event.Event) -> bool:
        """React to one event; return True if it was used. Buttons and shortcuts are dispatched here."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.actions:
            self.actions[event.ui_element]()
            return True
        if event.type == pygame.KEYDOWN and event.key in self.shortcuts and not self._typing():
            self.shortcuts[event.key]()
            return True
        return False

    def update(self, dt: float) -> None:
        """Advance time by ``dt`` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw everything that is not a widget."""
        if self.opaque:
            surface.fill(pal.PAPER)

    def draw_over_widgets(self, surface: pygame.Surface) -> None:
        """Draw what must lie above the widgets (hover notes); only the top scene's is called."""

    def request_close(self) -> bool:
        """The window's close button was pressed: return True to let the program end now."""
        return True

    # --- helpers ------------------------------------------------------------------------------------

    def px(self, value: float) -> int:
        """A length in pixels at the current UI scale."""
        return round(value * self.app.scale)

    def button(self, text: str, rect: Rect, action: Callable[[], None], *, tooltip: str = "",
               shortcut: int | None = None, object_id: str | None = None,
               container: object = None) -> pygame_gui.elements.UIButton:
        """A button that calls ``action``; ``shortcut`` (a pygame key) does the same and is named in the tooltip."""
        if shortcut is not None:
            self.shortcuts[shortcut] = action
            key = key_label(shortcut)
            tooltip = f"{tooltip} ({key})" if tooltip else f"Shortcut: {key}"
        element = pygame_gui.elements.UIButton(pygame.Rect(rect), text, self.app.ui,
                                               container=container or self.root,
                                               tool_tip_text=tooltip or None,
                                               object_id=pygame_gui.core.ObjectID(class_id=object_id)
                                               if object_id else None)
        self.actions[element] = action
        return element

    def label(self, text: str, rect: Rect, object_id: str | None = None,
              container: object = None) -> pygame_gui.elements.UILabel:
        """A line of text."""
        return pygame_gui.elements.UILabel(pygame.Rect(rect), text, self.app.ui, container=container or self.root,
                                           object_id=pygame_gui.core.ObjectID(class_id=object_id)
                                           if object_id else None)

    def heading(self, text: str, rect: Rect, container: object = None) -> pygame_gui.elements.UILabel:
        """A heading in the title face."""
        return self.label(text, rect, "@heading", container)

    def text_box(self, html: str, rect: Rect, container: object = None) -> pygame_gui.elements.UITextBox:
        """Wrapped text with pygame_gui's HTML subset (<b>, <i>, <br>)."""
        return pygame_gui.elements.UITextBox(html, pygame.Rect(rect), self.app.ui, container=container or self.root)

    def _typing(self) -> bool:
        focused = self.app.ui.get_focus_set()
        return any(isinstance(element, pygame_gui.elements.UITextEntryLine) for element in focused or ())


def key_label(key: int) -> str:
    """How a key is written in a tooltip: ``Esc``, ``Space``, ``P``, ``1``."""
    names = {pygame.K_ESCAPE: "Esc", pygame.K_SPACE: "Space", pygame.K_RETURN: "Enter", pygame.K_TAB: "Tab"}
    return names.get(key, pygame.key.name(key).upper())
