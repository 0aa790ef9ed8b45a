"""Keyboard focus for the menu screens: every control reachable without a mouse.

Tab and Shift+Tab (or Up and Down) walk through the controls of a screen,
Left and Right change a row of options, Enter or Space presses. The focused
control wears a ring that appears at the first key press and goes away at a
mouse click, so it never distracts a mouse player.
"""

from collections.abc import Callable

import attrs
import pygame
import pygame_gui

FOCUS = (176, 57, 31)  # the title's red rule
ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)


@attrs.define
class Focusable:
    """A control the keyboard can reach."""

    name: str
    rect: Callable[[], pygame.Rect | None]  # where it is on screen now (None: out of sight)
    activate: Callable[[], None] | None = None  # Enter or Space
    step: Callable[[int], None] | None = None  # Left (-1) and Right (+1)
    keys: Callable[[int], bool] | None = None  # first refusal of any other key (a list takes Up and Down)
    entry: pygame_gui.elements.UITextEntryLine | None = None  # a text line to type in while focused


class FocusRing:
    """The controls of a screen in keyboard order, and which one has the focus."""

    def __init__(self, ui: Callable[[], pygame_gui.UIManager]) -> None:
        self.ui = ui
        self.items: list[Focusable] = []
        self.index = 0
        self.visible = False
        self.on_move: Callable[[Focusable], None] = lambda item: None  # scroll the control into view

    def add(self, item: Focusable) -> Focusable:
        """Add a control at the end of the order."""
        self.items.append(item)
        return item

    def clear(self) -> None:
        """Forget every control (the screen is being rebuilt)."""
        self.items.clear()

    @property
    def current(self) -> Focusable | None:
        """The control with the focus."""
        return self.items[self.index] if self.items and self.index < len(self.items) else None

    def focus(self, name: str, show: bool = True) -> bool:
        """Give the focus to the control called ``name``; False if there is none."""
        for index, item in enumerate(self.items):
            if item.name == name:
                self._go(index, show)
                return True
        return False

    def move(self, delta: int) -> None:
        """Focus the next (``delta`` 1) or previous (-1) control, wrapping round."""
        if self.items:
            self._go((self.index + delta) % len(self.items), True)

    def _go(self, index: int, show: bool) -> None:
        old = self.current
        self.index, self.visible = index, self.visible or show
        new = self.current
        if old is not None and old.entry is not None and old is not new:
            old.entry.unfocus()
            self.ui().set_focus_set(None)
        if new is not None and new.entry is not None and self.visible:
            self.ui().set_focus_set(new.entry)
        if new is not None and self.visible:
            self.on_move(new)

    def typing(self) -> bool:
        """Whether the focused control is a text line that has the keyboard."""
        item = self.current
        focused = self.ui().get_focus_set() or ()
        return item is not None and item.entry is not None and item.entry in focused

    def handle_key(self, event: pygame.event.Event) -> bool:
        """Tab, arrows, Enter and Space; True if the key was used."""
        key = event.key
        if key == pygame.K_TAB:
            if self.visible or not self.items:
                self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            else:
                self._go(self.index, True)  # the first Tab shows where the focus is
            return True
        item = self.current
        if item is None:
            return False
        if not self.visible:
            if key in (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT):
                self._go(self.index, True)
                return True
            return False
        if item.keys is not None and item.keys(key):
            return True
        return self._standard_key(item, key)

    def _standard_key(self, item: Focusable, key: int) -> bool:
        typing = self.typing()
        if key in (pygame.K_UP, pygame.K_DOWN):
            self.move(-1 if key == pygame.K_UP else 1)
            return True
        if key in (pygame.K_LEFT, pygame.K_RIGHT) and not typing:
            if item.step is not None:
                item.step(-1 if key == pygame.K_LEFT else 1)
            else:
                self.move(-1 if key == pygame.K_LEFT else 1)
            return True
        if (key in ENTER_KEYS or (key == pygame.K_SPACE and not typing)) and item.activate is not None:
            item.activate()
            return True
        return False

    def click(self, pos: tuple[int, int]) -> None:
        """A mouse click: hide the ring, and move the focus to the control clicked, if any."""
        self.visible = False
        for index, item in enumerate(self.items):
            rect = item.rect()
            if rect is not None and rect.collidepoint(pos):
                self.index = index
                return

    def draw(self, surface: pygame.Surface, width: int) -> None:
        """The ring round the focused control, when the keyboard is in use."""
        item = self.current
        rect = item.rect() if item is not None and self.visible else None
        if rect is None:
            return
        ring = rect.inflate(2 * width + 2, 2 * width + 2)
        pygame.draw.rect(surface, FOCUS, ring, width, border_radius=width + 2)
