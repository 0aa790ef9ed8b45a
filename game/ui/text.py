"""Setting text: letter-spaced capitals for the map, wrapped paragraphs, and a paper halo behind names."""

import pygame

from game.ui.palette import Colour


def advances(font: pygame.font.Font, text: str) -> list[int]:
    """How far the pen moves after each character (its advance; a missing glyph counts as a space)."""
    space = font.size(" ")[0]
    return [metric[4] if metric else space for metric in font.metrics(text)]


def spaced_size(font: pygame.font.Font, text: str, tracking: int) -> tuple[int, int]:
    """The size of ``text`` with ``tracking`` extra pixels between letters."""
    if tracking <= 0:
        return font.size(text)
    width = sum(advances(font, text)) + tracking * max(0, len(text) - 1)
    return width + font.get_height() // 4, font.get_height()  # a little room for an italic's overhang


def render_spaced(font: pygame.font.Font, text: str, colour: Colour, tracking: int = 0) -> pygame.Surface:
    """Text with extra space between letters, as map-makers set district names."""
    if tracking <= 0:
        return font.render(text, True, colour)
    surface = pygame.Surface(spaced_size(font, text, tracking), pygame.SRCALPHA)
    x = 0
    for char, advance in zip(text, advances(font, text)):
        if not char.isspace():
            surface.blit(font.render(char, True, colour), (x, 0))
        x += advance + tracking
    return surface


def with_halo(text: pygame.Surface, halo: pygame.Surface, width: int = 1) -> pygame.Surface:
    """Text over a blurred copy of itself in the paper colour, so it reads over hatching and lines."""
    surface = pygame.Surface((text.get_width() + 2 * width, text.get_height() + 2 * width), pygame.SRCALPHA)
    for dx in range(-width, width + 1):
        for dy in range(-width, width + 1):
            if dx or dy:
                surface.blit(halo, (width + dx, width + dy))
    surface.blit(text, (width, width))
    return surface


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Break text into lines no wider than ``width`` pixels (a long word stands alone)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if line and font.size(trial)[0] > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def render_lines(font: pygame.font.Font, lines: list[str], colour: Colour, align: str = "left",
                 leading: float = 1.0) -> pygame.Surface:
    """Several lines in one surface, left-aligned or centred."""
    step = round(font.get_linesize() * leading)
    width = max([1, *(font.size(line)[0] for line in lines)])
    surface = pygame.Surface((width, max(1, step * len(lines))), pygame.SRCALPHA)
    for index, line in enumerate(lines):
        rendered = font.render(line, True, colour)
        x = (width - rendered.get_width()) // 2 if align == "center" else 0
        surface.blit(rendered, (x, index * step))
    return surface
