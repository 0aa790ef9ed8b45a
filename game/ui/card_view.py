"""Cards drawn like printed ones: a full card for reading and choosing, and small tiles for a hand.

``render_card`` lays out a ``CardFace`` top to bottom (label, title, date,
what it needs and does, its history, the question for class, then a choice's
answers and the card's buttons) and shrinks its type until the card fits the
height it is given. It returns the picture and where each answer and button
lies on it, so the scene that shows it can tell what a click hit. Pictures
are made once per card and size; a frame only blits them.
"""

from collections.abc import Sequence

import attrs
import pygame

from game.ui import palette as pal
from game.ui.assets import Assets
from game.ui.describe import INDENT
from game.ui.faces import CardFace
from game.ui.text import wrap

FIT_STEPS = (1.0, 0.92, 0.84, 0.76, 0.68, 0.6)  # type sizes tried, largest first, until the card fits


@attrs.frozen
class CardButton:
    """A button at the foot of a card: its words, its key and whether it may be pressed."""

    text: str
    key: str = ""
    enabled: bool = True


@attrs.frozen
class Target:
    """Something on a card that a click picks: ``("option", 0)`` or ``("button", 1)``."""

    kind: str
    index: int
    rect: pygame.Rect


@attrs.frozen
class RenderedCard:
    """A card's picture and its clickable parts (in the picture's own coordinates)."""

    surface: pygame.Surface
    targets: tuple[Target, ...]


class _Writer:
    """Sets text down a column, growing a list of (picture, x, y) to paste in one go."""

    def __init__(self, assets: Assets, width: int, pad: int, size: float) -> None:
        self.assets, self.width, self.pad, self.size = assets, width, pad, size
        self.y = pad
        self.pieces: list[tuple[pygame.Surface, int, int]] = []
        self.rules: list[int] = []  # y of each thin line across the card
        self.boxes: list[tuple[str, int, pygame.Rect, bool, str]] = []  # kind, index, rect, enabled, words

    def font(self, role: str, points: float) -> pygame.font.Font:
        return self.assets.font(role, max(9, round(points * self.size)))

    def text(self, role: str, points: float, text: str, colour: pal.Colour, indent: int = 0,
             align: str = "left", space: float = 0.0, width: int | None = None) -> None:
        font = self.font(role, points)
        room = (width or self.width - 2 * self.pad) - indent
        for line in wrap(font, text, room):
            picture = font.render(line, True, colour)
            x = self.pad + indent if align == "left" else (self.width - picture.get_width()) // 2
            self.pieces.append((picture, x, self.y))
            self.y += font.get_linesize()
        self.y += round(space * self.size)

    def rule(self, gap: float = 8) -> None:
        self.y += round(gap * self.size * 0.5)
        self.rules.append(self.y)
        self.y += round(gap * self.size)


_CARDS: dict[tuple, RenderedCard] = {}  # the last few cards drawn: opening one again costs nothing
CARDS_KEPT = 24


def render_card(assets: Assets, face: CardFace, width: int, max_height: int, colour: pal.Colour | None,
                buttons: Sequence[CardButton] = (), scale: float = 1.0) -> RenderedCard:
    """The card at ``width`` pixels, its type shrunk until it is no taller than ``max_height`` (kept for reuse)."""
    key = (id(assets), face, width, max_height, colour, tuple(buttons), scale)
    if key not in _CARDS:
        if len(_CARDS) >= CARDS_KEPT:
            del _CARDS[next(iter(_CARDS))]
        _CARDS[key] = _fit(assets, face, width, max_height, colour, buttons, scale)
    return _CARDS[key]


def _fit(assets: Assets, face: CardFace, width: int, max_height: int, colour: pal.Colour | None,
         buttons: Sequence[CardButton], scale: float) -> RenderedCard:
    card = None
    for step in FIT_STEPS:
        card = _render(assets, face, width, colour, buttons, scale * step)
        if card.surface.get_height() <= max_height:
            return card
    assert card is not None
    return card


def _render(assets: Assets, face: CardFace, width: int, colour: pal.Colour | None,
            buttons: Sequence[CardButton], size: float) -> RenderedCard:
    pad = max(12, round(22 * size))
    writer = _Writer(assets, width, pad, size)
    writer.y += round(8 * size)  # below the coloured band
    writer.text("sans_bold", 13, face.label.upper(), pal.SEPIA, space=2)
    cost_room = round(44 * size) if face.cost else 0
    writer.text("title", 30, face.title, pal.INK, width=width - 2 * pad - cost_room, space=2)
    if face.date:
        writer.text("title_it", 18, face.date, pal.INK_SOFT)
    _body(writer, face)
    _options(writer, face)
    _buttons(writer, buttons)
    return _paint(writer, face, colour, size)


def _body(writer: _Writer, face: CardFace) -> None:
    if face.needs or face.effects:
        writer.rule()
    if face.needs:
        writer.text("italic", 16, face.needs, pal.INK_SOFT, space=4)
    for line in face.effects:
        depth = (len(line) - len(line.lstrip(" "))) // len(INDENT)
        bullet = "•  " if depth == 0 else "–  "
        writer.text("body", 17, bullet + line.strip(), pal.INK, indent=round(18 * depth * writer.size))
    if face.history or face.discuss:
        writer.rule()
    if face.history:
        writer.text("italic", 16, face.history, pal.INK_SOFT, space=6)
    if face.discuss:
        writer.text("bold", 16, f"Discuss: {face.discuss}", pal.SEPIA)


def _options(writer: _Writer, face: CardFace) -> None:
    if not face.prompt:
        return
    writer.rule()
    writer.text("bold", 18, face.prompt, pal.INK, space=4)
    inner = round(12 * writer.size)
    for index, option in enumerate(face.options):
        top = writer.y
        writer.y += inner // 2
        writer.pad += inner  # the answer's words sit inside its box
        writer.text("bold", 17, f"{index + 1}.  {option.name}", pal.INK)
        if option.effects:
            effects = "; ".join(line.strip().rstrip(":") for line in option.effects)
            writer.text("italic", 15, effects, pal.INK_SOFT, indent=round(22 * writer.size))
        writer.pad -= inner
        writer.y += inner // 2
        rect = pygame.Rect(writer.pad, top, writer.width - 2 * writer.pad, writer.y - top)
        writer.boxes.append(("option", index, rect, True, ""))
        writer.y += round(6 * writer.size)


def _buttons(writer: _Writer, buttons: Sequence[CardButton]) -> None:
    if not buttons:
        return
    writer.y += round(10 * writer.size)
    font = writer.font("body", 18)
    height = font.get_linesize() + round(14 * writer.size)
    gap = round(10 * writer.size)
    widths = [font.size(_button_text(button))[0] + round(30 * writer.size) for button in buttons]
    room = writer.width - 2 * writer.pad
    rows: list[list[int]] = [[]]  # indexes of the buttons on each row: a narrow card puts them on two rows
    for index, width in enumerate(widths):
        row = rows[-1]
        if row and sum(widths[i] for i in row) + gap * len(row) + width > room:
            rows.append([])
        rows[-1].append(index)
    for row in rows:
        x = writer.width - writer.pad - sum(widths[i] for i in row) - gap * (len(row) - 1)
        for index in row:
            rect = pygame.Rect(max(writer.pad, x), writer.y, min(widths[index], room), height)
            writer.boxes.append(("button", index, rect, buttons[index].enabled, _button_text(buttons[index])))
            x += widths[index] + gap
        writer.y += height + gap
    writer.y -= gap


def _button_text(button: CardButton) -> str:
    return f"{button.text}  ({button.key})" if button.key else button.text


def _paint(writer: _Writer, face: CardFace, colour: pal.Colour | None, size: float) -> RenderedCard:
    width, height = writer.width, writer.y + writer.pad
    surface = pygame.Surface((width, height))
    surface.fill(pal.PAPER_LIGHT)
    band = colour or pal.SEPIA
    pygame.draw.rect(surface, band, (0, 0, width, max(6, round(10 * size))))
    pygame.draw.rect(surface, pal.INK, surface.get_rect(), 2)
    pygame.draw.rect(surface, pal.SEPIA, surface.get_rect().inflate(-10, -10), 1)
    for y in writer.rules:
        pygame.draw.line(surface, pal.PANEL_EDGE, (writer.pad, y), (width - writer.pad, y), 1)
    if face.cost:
        _cost(surface, writer, face.cost, colour)
    targets = []
    for kind, index, rect, enabled, _ in writer.boxes:
        fill = pal.PAPER if kind == "option" else (pal.PANEL if enabled else pal.PAPER_DARK)
        pygame.draw.rect(surface, fill, rect, border_radius=4)
        pygame.draw.rect(surface, pal.PANEL_EDGE if enabled else pal.NEUTRAL, rect, 1, border_radius=4)
        targets.append(Target(kind, index, rect))
    for picture, x, y in writer.pieces:
        surface.blit(picture, (x, y))
    font = writer.font("body", 18)
    for kind, _, rect, enabled, words in writer.boxes:
        if kind == "button":
            label = font.render(words, True, pal.INK if enabled else pal.INK_SOFT)
            surface.blit(label, label.get_rect(center=rect.center))
    return RenderedCard(surface, tuple(targets))


def _cost(surface: pygame.Surface, writer: _Writer, cost: int, colour: pal.Colour | None) -> None:
    radius = round(17 * writer.size)
    centre = (writer.width - writer.pad - radius, writer.pad + round(24 * writer.size))
    fill = colour or pal.SEPIA
    pygame.draw.circle(surface, fill, centre, radius)
    pygame.draw.circle(surface, pal.INK, centre, radius, 2)
    digits = writer.font("sans_bold", 20).render(str(cost), True, pal.text_on(fill))
    surface.blit(digits, digits.get_rect(center=centre))
    note = writer.font("sans", 11).render("influence", True, pal.INK_SOFT)
    surface.blit(note, note.get_rect(midtop=(centre[0], centre[1] + radius + 1)))


def render_tile(assets: Assets, face: CardFace, size: tuple[int, int], colour: pal.Colour | None,
                enabled: bool, scale: float = 1.0) -> pygame.Surface:
    """A small card for a hand or a row of decrees: coloured band, title, cost; greyed when it cannot be used."""
    width, height = size
    tile = pygame.Surface(size)
    tile.fill(pal.PAPER_LIGHT if enabled else pal.PAPER_DARK)
    band = colour or pal.SEPIA
    pygame.draw.rect(tile, band if enabled else pal.mix(band, pal.PAPER_DARK, 0.6), (0, 0, width, max(4, height // 9)))
    pygame.draw.rect(tile, pal.INK if enabled else pal.NEUTRAL, tile.get_rect(), 1)
    pad = max(4, round(6 * scale))
    font = assets.font("body", max(9, round(14 * scale)))
    ink = pal.INK if enabled else pal.INK_SOFT
    cost = assets.font("sans_bold", max(9, round(13 * scale))).render(str(face.cost), True, ink)
    room = width - 2 * pad - (cost.get_width() + pad if face.cost else 0)
    y = max(4, height // 9) + pad // 2
    lines = wrap(font, face.title, room)
    for index, line in enumerate(lines[:3]):
        text = line.rstrip(",.;:") + "…" if index == 2 and len(lines) > 3 else line
        tile.blit(font.render(text, True, ink), (pad, y))
        y += font.get_linesize()
    if face.cost:
        tile.blit(cost, cost.get_rect(topright=(width - pad, max(4, height // 9) + pad // 2)))
    return tile
