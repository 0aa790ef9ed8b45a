"""Colours of the printed map, and the second cues that do not rely on colour: fill patterns and symbols.

A faction's areas are tinted in its colour *and* filled with its ``pattern``
(hatching, dots, ...); its units and control badges carry its ``symbol``. A
player who cannot tell red from green, or a black-and-white photocopy, still
tells the factions apart.
"""

import math
from functools import cache

import pygame

from game.ruleset.model import Ruleset

Colour = tuple[int, int, int]

PAPER: Colour = (236, 226, 200)
PAPER_LIGHT: Colour = (244, 237, 218)
PAPER_DARK: Colour = (214, 199, 163)
PANEL: Colour = (228, 216, 186)
PANEL_EDGE: Colour = (150, 124, 84)
INK: Colour = (46, 38, 30)
INK_SOFT: Colour = (98, 82, 62)
SEPIA: Colour = (128, 98, 62)
WATER: Colour = (150, 186, 201)
WATER_DEEP: Colour = (122, 161, 181)
WATER_LINE: Colour = (176, 205, 216)
WATER_INK: Colour = (36, 72, 102)
SHORE: Colour = (82, 118, 140)
DISTRICT: Colour = (233, 221, 190)
SITE: Colour = (238, 214, 176)
APPROACH: Colour = (214, 215, 170)
HIGHLIGHT: Colour = (255, 184, 0)
HOVER: Colour = (70, 50, 30)
RAIL_DARK: Colour = (40, 34, 30)
RAIL_LIGHT: Colour = (246, 240, 226)
NEUTRAL: Colour = (140, 130, 112)

KIND_FILL: dict[str, Colour] = {"district": DISTRICT, "site": SITE, "approach": APPROACH, "offmap": PAPER_LIGHT}


@cache
def hex_colour(text: str) -> Colour:
    """``"#c0281f"`` as an RGB triple; an unreadable colour is neutral grey, not a crash."""
    value = text.lstrip("#")
    if len(value) != 6:
        return NEUTRAL
    try:
        return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))
    except ValueError:
        return NEUTRAL


def mix(first: Colour, second: Colour, amount: float) -> Colour:
    """``first`` moved ``amount`` (0 to 1) of the way toward ``second``."""
    return tuple(round(a + (b - a) * amount) for a, b in zip(first, second))  # type: ignore[return-value]


def darker(colour: Colour, amount: float = 0.35) -> Colour:
    """The colour toward black, for outlines."""
    return mix(colour, (0, 0, 0), amount)


def text_on(colour: Colour) -> Colour:
    """Black or white, whichever reads better on ``colour``."""
    red, green, blue = colour
    return INK if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else (255, 255, 255)


def pattern_tile(pattern: str, colour: Colour, spacing: int, alpha: int = 150) -> pygame.Surface:
    """A tile of a fill pattern (transparent background), to be repeated over an area."""
    size = max(4, spacing)
    tile = pygame.Surface((size, size), pygame.SRCALPHA)
    ink = (*colour, alpha)
    width = max(1, size // 6)
    if pattern in ("hatch", "crosshatch"):
        _diagonal(tile, ink, width, rising=True)
        if pattern == "crosshatch":
            _diagonal(tile, ink, width, rising=False)
    elif pattern == "dots":
        pygame.draw.circle(tile, ink, (size // 2, size // 2), max(1, size // 5))
    elif pattern == "stripes":
        pygame.draw.rect(tile, ink, (0, 0, size, max(1, size // 4)))
    elif pattern == "checks":
        half = size // 2
        pygame.draw.rect(tile, (*colour, alpha // 2), (0, 0, half, half))
        pygame.draw.rect(tile, (*colour, alpha // 2), (half, half, size - half, size - half))
    return tile


def _diagonal(tile: pygame.Surface, ink: tuple[int, int, int, int], width: int, rising: bool) -> None:
    size = tile.get_width()
    for shift in (-size, 0, size):  # the neighbours' strokes, so the tiles join seamlessly
        if rising:
            pygame.draw.line(tile, ink, (shift, size), (shift + size, 0), width)
        else:
            pygame.draw.line(tile, ink, (shift, 0), (shift + size, size), width)


def fill_pattern(surface: pygame.Surface, pattern: str, colour: Colour, spacing: int, alpha: int = 150) -> None:
    """Repeat a pattern tile over the whole of ``surface``."""
    if pattern == "solid":
        return
    tile = pattern_tile(pattern, colour, spacing, alpha)
    step = tile.get_width()
    for x in range(0, surface.get_width(), step):
        for y in range(0, surface.get_height(), step):
            surface.blit(tile, (x, y))


def symbol_points(symbol: str, centre: tuple[float, float], radius: float) -> list[tuple[float, float]]:
    """The outline of a faction symbol as a polygon (``circle`` is drawn as a circle, not from here)."""
    x, y = centre
    if symbol == "star":
        return [(x + (radius if i % 2 == 0 else radius * 0.45) * math.sin(i * math.pi / 5),
                 y - (radius if i % 2 == 0 else radius * 0.45) * math.cos(i * math.pi / 5)) for i in range(10)]
    if symbol == "triangle":
        return [(x, y - radius), (x + radius * 0.95, y + radius * 0.75), (x - radius * 0.95, y + radius * 0.75)]
    if symbol == "square":
        side = radius * 0.8
        return [(x - side, y - side), (x + side, y - side), (x + side, y + side), (x - side, y + side)]
    if symbol == "diamond":
        return [(x, y - radius), (x + radius * 0.8, y), (x, y + radius), (x - radius * 0.8, y)]
    if symbol == "hexagon":
        return [(x + radius * math.cos(i * math.pi / 3), y + radius * math.sin(i * math.pi / 3)) for i in range(6)]
    if symbol == "cross":
        arm = radius * 0.34
        return [(x - arm, y - radius), (x + arm, y - radius), (x + arm, y - arm), (x + radius, y - arm),
                (x + radius, y + arm), (x + arm, y + arm), (x + arm, y + radius), (x - arm, y + radius),
                (x - arm, y + arm), (x - radius, y + arm), (x - radius, y - arm), (x - arm, y - arm)]
    return []


def draw_symbol(surface: pygame.Surface, symbol: str, centre: tuple[float, float], radius: float,
                colour: Colour, outline: Colour | None = None) -> None:
    """Draw a faction's symbol, filled, with an optional outline."""
    if radius < 1:
        return
    if symbol == "circle" or not symbol_points(symbol, centre, radius):
        pygame.draw.circle(surface, colour, centre, radius * 0.85)
        if outline:
            pygame.draw.circle(surface, outline, centre, radius * 0.85, 1)
        return
    points = symbol_points(symbol, centre, radius)
    pygame.draw.polygon(surface, colour, points)
    if outline:
        pygame.draw.polygon(surface, outline, points, 1)


# Okabe and Ito's palette, for the colour-blind setting: the seats in initiative order.
COLOUR_BLIND_SEATS = ("#d55e00", "#009e73", "#0072b2", "#3a3a3a")


def faction_colours(rules: Ruleset, palette: str = "standard") -> dict[str, Colour]:
    """Each faction's colour on the board: its own from the rules, or the colour-blind-safe set for the seats."""
    colours = {faction.id: hex_colour(faction.colour) for faction in rules.factions}
    if palette == "colour_blind":
        for seat, colour in zip(rules.seats, COLOUR_BLIND_SEATS):
            colours[seat] = hex_colour(colour)
    return colours
