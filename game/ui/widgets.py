"""What the menu screens share: a page with a title and a footer, rows of options, a notice.

``MenuScene`` is a full-window page on paper: the screen's title in the title
face over a double rule (as on the main menu), its body (scrolling when the
window is small for the UI scale), and a footer with Back on the left and the
screen's main button on the right. Escape goes back. Its controls join a
``FocusRing`` (``game.ui.focus``), so each is reachable from the keyboard.
"""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from game.ui import palette as pal
from game.ui.focus import Focusable, FocusRing
from game.ui.scenes.base import Rect, Scene
from game.ui.text import render_lines, wrap

if TYPE_CHECKING:
    from game.ui.app import App

RULE_RED: pal.Colour = (176, 57, 31)
Label = str | tuple[str, ...]  # a button's label, or its wordings from the longest to the shortest


class OptionRow:
    """A row of buttons of which exactly one is chosen, like the buttons of a radio."""

    def __init__(self, scene: Scene, rects: Sequence[Rect], options: Sequence[tuple[Any, Label, str]],
                 chosen: Any, on_change: Callable[[Any], None], container: object = None,
                 object_id: str | None = "@tool_button", uniform: bool = True) -> None:
        """One button per option (value, label, tooltip) in each of ``rects`` (``split_row`` makes a row);
        ``on_change(value)`` is called when the choice changes. A label may be a tuple of ever shorter
        wordings: the longest that fits is shown, the same wording for every button if ``uniform``."""
        self.values = [value for value, _, _ in options]
        self.on_change = on_change
        font = button_font(scene, object_id)
        room = min(pygame.Rect(place).width for place in rects) - scene.px(16)
        labels = same_wording(font, room, [label for _, label, _ in options]) if uniform \
            else [fitting(font, room, label) for _, label, _ in options]
        self.buttons = [scene.button(labels[index], place,
                                     lambda value=value: self.choose(value), tooltip=tip, object_id=object_id,
                                     container=container)
                        for index, (place, (value, _, tip)) in enumerate(zip(rects, options, strict=True))]
        self.chosen = chosen
        self._show()

    def choose(self, value: Any, notify: bool = True) -> None:
        """Choose ``value`` (a click, or Left and Right)."""
        changed = value != self.chosen
        self.chosen = value
        self._show()
        if changed and notify:
            self.on_change(value)

    def step(self, delta: int, wrap: bool = False) -> None:
        """Choose the option left (-1) or right (+1) of the chosen one (round to the other end if ``wrap``)."""
        index = (self.values.index(self.chosen) if self.chosen in self.values else 0) + delta
        count = len(self.values)
        self.choose(self.values[index % count if wrap else max(0, min(count - 1, index))])

    def rect(self) -> pygame.Rect | None:
        """The row's rectangle on screen."""
        visible = [button.rect for button in self.buttons if button.visible]
        return visible[0].unionall(visible[1:]) if visible else None

    def _show(self) -> None:
        for value, button in zip(self.values, self.buttons):
            if value == self.chosen:
                button.select()
            else:
                button.unselect()


def fitting(font: pygame.font.Font, width: int, label: Label) -> str:
    """The first of a label's wordings (longest first) that fits ``width`` pixels; the shortest if none does."""
    wordings = (label,) if isinstance(label, str) else label
    return next((text for text in wordings if font.size(text)[0] <= width), wordings[-1])


def same_wording(font: pygame.font.Font, width: int, labels: Sequence[Label]) -> list[str]:
    """One wording for every label of a row, the longest with which all of them fit (``Normal AI`` or ``Normal``)."""
    wordings = [(label,) if isinstance(label, str) else label for label in labels]
    for level in range(max(len(each) for each in wordings)):
        chosen = [each[min(level, len(each) - 1)] for each in wordings]
        if all(font.size(text)[0] <= width for text in chosen):
            return chosen
    return [each[-1] for each in wordings]


def button_font(scene: Scene, object_id: str | None) -> pygame.font.Font:
    """The face a button's label is set in by the theme (the menu's buttons in the title face)."""
    if object_id == "@menu_button":
        return scene.app.assets.font("title", max(8, round(24 * scene.app.scale)))
    return scene.app.assets.font("body", max(8, round(15 * scene.app.scale)))


def wrap_long(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Text wrapped to ``width`` pixels; a word too long for a line (a file's path) is cut where it must be."""
    lines: list[str] = []
    for line in wrap(font, text, width):
        while font.size(line)[0] > width and len(line) > 1:
            cut = next((i for i in range(len(line) - 1, 0, -1) if font.size(line[:i])[0] <= width), 1)
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


def split_row(rect: Rect, count: int, gap: int) -> list[pygame.Rect]:
    """``count`` equal rectangles side by side across ``rect``, ``gap`` apart."""
    rect = pygame.Rect(rect)
    width = (rect.width - gap * (count - 1)) // max(1, count)
    return [pygame.Rect(rect.left + index * (width + gap), rect.top, width, rect.height) for index in range(count)]


def text_picture(font: pygame.font.Font, text: str, colour: pal.Colour, width: int) -> pygame.Surface:
    """Text wrapped to ``width`` pixels on a transparent ground, as wide as ``width``."""
    lines = render_lines(font, wrap(font, text, width), colour)
    picture = pygame.Surface((width, lines.get_height()), pygame.SRCALPHA)
    picture.blit(lines, (0, 0))
    return picture


def badge_picture(colour: pal.Colour, symbol: str, radius: int) -> pygame.Surface:
    """A faction's round badge on a transparent square."""
    from game.ui.scrollview import draw_badge
    picture = pygame.Surface((2 * radius + 2, 2 * radius + 2), pygame.SRCALPHA)
    draw_badge(picture, colour, symbol, (radius + 1, radius + 1), radius)
    return picture


class MenuScene(Scene):
    """A full-window page: title, body, and a footer with Back and the main button; Escape goes back."""

    heading_text = ""
    footer_slots = 2  # how many buttons the footer holds: they share its width on a narrow window

    def __init__(self, app: "App") -> None:
        super().__init__(app)
        self.focus = FocusRing(lambda: self.app.ui)
        self.focus.on_move = self.reveal
        self.scroller: pygame_gui.elements.UIScrollingContainer | None = None
        self._footer: dict[str, list[pygame_gui.elements.UIButton]] = {}

    # --- layout ---------------------------------------------------------------------------------------

    @property
    def margin(self) -> int:
        """Space round the page's content."""
        return max(self.px(28), min(self.px(64), self.app.size[0] // 24))

    def title_size(self) -> int:
        """The title's size: smaller on a small window, so the body keeps its room."""
        return max(self.px(30), min(self.px(50), self.app.size[1] // 14))

    def title_bottom(self) -> int:
        """Where the title's double rule ends."""
        font = self.app.assets.font("title", self.title_size())
        return self.px(18) + font.get_height() + self.px(12)

    def footer_height(self) -> int:
        """The footer band with the screen's buttons."""
        return self.px(44) + 2 * self.px(14)

    def body(self) -> pygame.Rect:
        """The room between the title and the footer."""
        width, height = self.app.size
        top = self.title_bottom() + self.px(16)
        return pygame.Rect(self.margin, top, width - 2 * self.margin, height - self.footer_height() - self.px(14) - top)

    def footer_button(self, side: str, text: Label, action: Callable[[], None], *, tooltip: str = "",
                      shortcut: int | None = None, width: int = 200) -> pygame_gui.elements.UIButton:
        """A footer button: on ``side`` "left" after those already there, on "right" before them."""
        room = self.app.size[0] - 2 * self.margin - (self.footer_slots - 1) * self.px(14)
        w, h = min(self.px(width), room // self.footer_slots), self.px(44)
        y = self.app.size[1] - self.footer_height() + self.px(14)
        taken = [button.relative_rect for button in self._footer.setdefault(side, [])]
        if side == "left":
            x = max([self.margin, *(rect.right + self.px(14) for rect in taken)])
        else:
            x = min([self.app.size[0] - self.margin, *(rect.left - self.px(14) for rect in taken)]) - w
        label = fitting(button_font(self, "@menu_button"), w - self.px(12), text)
        button = self.button(label, (x, y, w, h), action, tooltip=tooltip, shortcut=shortcut,
                             object_id="@menu_button")
        self._footer[side].append(button)
        return button

    def back_button(self, tooltip: str = "Back to the main menu") -> pygame_gui.elements.UIButton:
        """Back, at the left of the footer; Escape does the same."""
        button = self.footer_button("left", "Back", self.back, tooltip=tooltip, shortcut=pygame.K_ESCAPE, width=150)
        self.focus_button("back", button)
        return button

    def scrolling_body(self, rect: Rect) -> pygame_gui.elements.UIScrollingContainer:
        """A container for a body that may be taller than the window: it scrolls when it is."""
        self.scroller = pygame_gui.elements.UIScrollingContainer(pygame.Rect(rect), self.app.ui, container=self.root,
                                                                 allow_scroll_x=False)
        return self.scroller

    def fit_scroller(self, height: int) -> None:
        """Tell the scrolling body how tall its content is."""
        if self.scroller is not None:
            self.scroller.set_scrollable_area_dimensions((self.scroller.rect.width, max(1, height)))

    def reveal(self, item: Focusable) -> None:
        """Scroll the body so that the focused control is in sight."""
        scroller, rect = self.scroller, item.rect()
        bar = scroller.vert_scroll_bar if scroller is not None else None
        if scroller is None or bar is None or rect is None:
            return
        view = scroller._view_container.rect  # the visible window of the content (pygame_gui has no public name)
        offset = -scroller.scrollable_container.relative_rect.top
        pad = self.px(12)
        if rect.top < view.top:
            offset -= view.top - rect.top + pad
        elif rect.bottom > view.bottom:
            offset += rect.bottom - view.bottom + pad
        else:
            return
        total = scroller.scrollable_container.rect.height
        offset = max(0, min(total - view.height, offset))
        bar.set_scroll_from_start_percentage(offset / max(1, total))
        scroller.update(0.0)

    def focus_button(self, name: str, button: pygame_gui.elements.UIButton) -> Focusable:
        """Let the keyboard reach a button."""
        return self.focus.add(Focusable(name, lambda: button.rect if button.visible else None,
                                        activate=lambda: self.press(button)))

    def press(self, button: pygame_gui.elements.UIButton) -> None:
        """Do what a click on the button does (if it is enabled)."""
        if button.is_enabled and button in self.actions:
            self.actions[button]()

    # --- lifecycle ------------------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Build again, keeping the keyboard focus on the same control."""
        name = self.focus.current.name if self.focus.current is not None else None
        visible = self.focus.visible
        self.focus.clear()
        self._footer.clear()
        self.scroller = None
        super().rebuild()
        if name is not None and not self.focus.focus(name, show=visible):
            self.focus.index = 0
        self.focus.visible = visible and bool(self.focus.items)

    def back(self) -> None:
        """Leave the screen (Escape)."""
        self.app.pop()

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Escape goes back even while typing; the focus ring's keys; then buttons and shortcuts."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.focus.click(event.pos)
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.back()
                return True
            if self.focus.handle_key(event):
                return True
        return super().handle_event(event)

    # --- drawing --------------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Paper, the title over its double rule, and the footer's line."""
        surface.fill(pal.PAPER)
        draw_title(surface, self.app.assets.font("title", self.title_size()), self.heading_text,
                   (self.margin, self.px(18)), self.app.scale)
        y = self.app.size[1] - self.footer_height()
        pygame.draw.line(surface, pal.PANEL_EDGE, (self.margin, y), (self.app.size[0] - self.margin, y))

    def draw_over_widgets(self, surface: pygame.Surface) -> None:
        """The keyboard's focus ring."""
        self.focus.draw(surface, max(2, self.px(2)))


def draw_title(surface: pygame.Surface, font: pygame.font.Font, text: str, topleft: tuple[int, int],
               scale: float) -> pygame.Rect:
    """A title in the title face over a red and a black rule, as on the main menu; the area it took."""
    title = font.render(text, True, pal.INK)
    surface.blit(title, topleft)
    left, y = topleft[0], topleft[1] + title.get_height() + round(2 * scale)
    width = max(title.get_width(), round(240 * scale))
    pygame.draw.line(surface, RULE_RED, (left, y), (left + width, y), max(2, round(3 * scale)))
    pygame.draw.line(surface, pal.INK, (left, y + round(6 * scale)), (left + width, y + round(6 * scale)))
    return pygame.Rect(left, topleft[1], width, y + round(7 * scale) - topleft[1])


class Notice(Scene):
    """A card over the screen with a title, a message and OK (Enter or Escape): a save that failed, say."""

    opaque = False

    def __init__(self, app: "App", title: str, message: str) -> None:
        super().__init__(app)
        self.title, self.message = title, message

    def card(self) -> pygame.Rect:
        """The card's rectangle: as wide as fits, as tall as the message."""
        width = min(self.px(560), self.app.size[0] - self.px(40))
        lines = wrap_long(self.app.assets.font("body", self.px(16)), self.message, width - self.px(60))
        height = self.px(150) + len(lines) * self.app.assets.font("body", self.px(16)).get_linesize()
        rect = pygame.Rect(0, 0, width, min(height, self.app.size[1] - self.px(20)))
        rect.center = (self.app.size[0] // 2, self.app.size[1] // 2)
        return rect

    def build(self) -> None:
        """OK at the foot of the card."""
        card = self.card()
        rect = pygame.Rect(0, 0, self.px(140), self.px(40))
        rect.midbottom = (card.centerx, card.bottom - self.px(18))
        self.button("OK", rect, self.app.pop, tooltip="Close this note", shortcut=pygame.K_RETURN,
                    object_id="@tool_button")
        self.shortcuts[pygame.K_ESCAPE] = self.app.pop
        self.shortcuts[pygame.K_KP_ENTER] = self.app.pop
        self.shortcuts[pygame.K_SPACE] = self.app.pop

    def draw(self, surface: pygame.Surface) -> None:
        """Dim what is below; the card, its title and the message."""
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((30, 22, 14, 140))
        surface.blit(shade, (0, 0))
        card = self.card()
        pygame.draw.rect(surface, pal.PAPER_LIGHT, card)
        pygame.draw.rect(surface, pal.INK, card, 2)
        pygame.draw.rect(surface, pal.SEPIA, card.inflate(-self.px(10), -self.px(10)), 1)
        title = self.app.assets.font("title", self.px(28)).render(self.title, True, pal.INK)
        surface.blit(title, title.get_rect(midtop=(card.centerx, card.top + self.px(20))))
        font = self.app.assets.font("body", self.px(16))
        text = render_lines(font, wrap_long(font, self.message, card.width - self.px(60)), pal.INK, "center")
        surface.blit(text, text.get_rect(midtop=(card.centerx, card.top + self.px(70))))
