"""A card opened over the board: an event as it fires, a decree or card to read or play, a choice to answer.

The card is drawn by ``game.ui.card_view`` and its answers and buttons are
hit-tested here, so it needs no widgets: a click, a number key (answers),
Enter (the first button) or Escape (the last) all go through ``press``. A
card shown to watchers of an AI-only game closes by itself after ``hold``
seconds, paused while the pointer rests on it.
"""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs
import pygame

from game.ui import palette as pal
from game.ui.card_view import CardButton, RenderedCard, Target, render_card
from game.ui.faces import CardFace
from game.ui.scenes.base import key_label
from game.ui.scenes.dialogs import Overlay
from game.ui.text import wrap

if TYPE_CHECKING:
    from game.ui.app import App

NUMBER_KEYS = tuple(range(pygame.K_1, pygame.K_9 + 1))


@attrs.frozen
class CardAction:
    """A button on the card: its words, its key, what it does and whether it may be pressed."""

    text: str
    do: Callable[[], None]
    key: int | None = None
    enabled: bool = True


class CardScene(Overlay):
    """One card in the middle of the window, over the dimmed board."""

    title = "A card"

    def __init__(self, app: "App", face: CardFace, colour: pal.Colour | None, actions: Sequence[CardAction] = (),
                 *, hold: float | None = None, choose: Callable[[str], None] | None = None, note: str = "",
                 idle: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.idle = idle  # work the scene below may do while the card is read (drawing the next card)
        self.face, self.colour, self.hold, self.choose, self.note = face, colour, hold, choose, note
        self.card_actions = list(actions) or [CardAction("Close", self.close, pygame.K_ESCAPE)]
        self.left = hold
        self.hover: Target | None = None
        self.rendered: RenderedCard | None = None
        self.at = pygame.Rect(0, 0, 0, 0)
        self.note_lines: list[str] = []

    def enter(self) -> None:
        """The card opens, with the sound of a card slid across the table."""
        super().enter()
        self.app.assets.play("card.wav")

    def build(self) -> None:
        """Draw the card for the window's size (no widgets)."""
        self.prepare()

    def prepare(self) -> None:
        """Draw the card now (kept by ``render_card``), so that opening it later costs only a blit."""
        width, height = self.app.size
        card_width = min(self.px(560), width - self.px(40))
        font = self.app.assets.font("italic", self.px(16))
        self.note_lines = wrap(font, self.note, card_width - self.px(16)) if self.note else []
        room = height - self.px(40) - len(self.note_lines) * font.get_linesize() - (self.px(14) if self.note else 0)
        buttons = [CardButton(action.text, key_label(action.key) if action.key else "", action.enabled)
                   for action in self.card_actions]
        self.rendered = render_card(self.app.assets, self.face, card_width, room, self.colour, buttons, self.app.scale)
        self.at = self.rendered.surface.get_rect(center=(width // 2, height // 2))

    def close(self) -> None:
        """Take the card away."""
        if self.app.top is self:
            self.app.pop()

    # --- input -------------------------------------------------------------------------------------

    def press(self, target: Target) -> None:
        """Pick an answer or press a button."""
        if target.kind == "option" and self.choose is not None:
            option = self.face.options[target.index].id
            self.close()
            self.choose(option)
        elif target.kind == "button" and self.card_actions[target.index].enabled:
            self.card_actions[target.index].do()

    def target_at(self, point: Sequence[int]) -> Target | None:
        """The answer or button under a screen point."""
        if self.rendered is None:
            return None
        local = (point[0] - self.at.x, point[1] - self.at.y)
        return next((target for target in self.rendered.targets if target.rect.collidepoint(local)), None)

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Clicks on answers and buttons; number keys, Enter and Escape."""
        if event.type == pygame.MOUSEMOTION:
            self.hover = self.target_at(event.pos)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            target = self.target_at(event.pos)
            if target is not None:
                self.press(target)
            return True
        elif event.type == pygame.KEYDOWN:
            return self._key(event.key)
        return False

    def _key(self, key: int) -> bool:
        if key in NUMBER_KEYS and self.choose is not None:
            index = NUMBER_KEYS.index(key)
            if index < len(self.face.options):
                self.press(Target("option", index, pygame.Rect(0, 0, 0, 0)))
            return True
        for index, action in enumerate(self.card_actions):
            if action.key == key or (key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and index == 0
                                     and action.enabled and not self.face.options):
                self.press(Target("button", index, pygame.Rect(0, 0, 0, 0)))
                return True
        return False

    def update(self, dt: float) -> None:
        """Count down a card that closes by itself (not while the pointer rests on it)."""
        if self.idle is not None:
            self.idle()
        if self.left is None:
            return
        if not self.at.collidepoint(pygame.mouse.get_pos()):
            self.left -= dt
        if self.left <= 0:
            self.close()

    # --- drawing -----------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Dim the board, then the card, what the pointer is on, and the time left."""
        surface.fill((150, 140, 128), special_flags=pygame.BLEND_RGB_MULT)
        if self.rendered is None:
            return
        surface.blit(self.rendered.surface, self.at)
        if self.hover is not None:
            pygame.draw.rect(surface, pal.HOVER, self.hover.rect.move(self.at.topleft).inflate(4, 4), 2,
                             border_radius=5)
        if self.hold and self.left is not None:
            share = max(0.0, self.left / self.hold)
            bar = pygame.Rect(self.at.left + 6, self.at.bottom - 9, round((self.at.width - 12) * share), 4)
            pygame.draw.rect(surface, pal.SEPIA, bar)
        if self.note_lines:
            self._draw_note(surface)

    def _draw_note(self, surface: pygame.Surface) -> None:
        font = self.app.assets.font("italic", self.px(16))
        pictures = [font.render(line, True, pal.INK) for line in self.note_lines]
        box = pygame.Rect(0, 0, max(p.get_width() for p in pictures) + self.px(16),
                          len(pictures) * font.get_linesize() + self.px(6))
        box.midtop = (self.at.centerx, self.at.bottom + self.px(6))
        pygame.draw.rect(surface, pal.PAPER_LIGHT, box)
        pygame.draw.rect(surface, pal.SEPIA, box, 1)
        for index, picture in enumerate(pictures):
            top = box.top + self.px(3) + index * font.get_linesize()
            surface.blit(picture, picture.get_rect(midtop=(box.centerx, top)))
