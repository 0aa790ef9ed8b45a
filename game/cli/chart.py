"""A bar chart of win rates per faction, as SVG (written by hand) or PNG (drawn with pygame, headless).

``simulate --chart FILE`` and ``docs/balance.md`` use it; no plotting library
is needed. The target band (15% to 40% by default) is shaded, so a designer
sees at a glance which faction is out of balance.
"""

import os
from html import escape
from pathlib import Path

import attrs

WIDTH, HEIGHT = 720, 420
LEFT, RIGHT, TOP, BOTTOM = 70, 30, 60, 80
CAPTION = "Shaded: the target band, each faction winning 15% to 40% of games."
PAPER, INK, GRID, BAND = "#f6f0e1", "#2b2620", "#d8cfbb", "#e4ecd8"


@attrs.frozen
class Bar:
    """One faction's bar: its name, colour and win rate (0 to 1)."""

    label: str
    colour: str
    rate: float


def _scale(bars: list[Bar]) -> float:
    """The top of the value axis: 50% unless a bar goes higher, then the next 10%."""
    top = max([0.5, *(bar.rate for bar in bars)])
    return min(1.0, -(-top * 10 // 1) / 10)


def _layout(bars: list[Bar]) -> tuple[float, float, float]:
    plot_width = WIDTH - LEFT - RIGHT
    slot = plot_width / max(1, len(bars))
    return slot, slot * 0.6, _scale(bars)


def _y(value: float, top: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)


def render_svg(bars: list[Bar], title: str, band: tuple[float, float] = (0.15, 0.40)) -> str:
    """The chart as an SVG document."""
    slot, bar_width, top = _layout(bars)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Georgia, serif">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>',
             f'<text x="{WIDTH / 2}" y="32" text-anchor="middle" font-size="18" fill="{INK}">{escape(title)}</text>',
             f'<rect x="{LEFT}" y="{_y(band[1], top):.1f}" width="{WIDTH - LEFT - RIGHT}" '
             f'height="{_y(band[0], top) - _y(band[1], top):.1f}" fill="{BAND}"/>']
    for tick in range(0, int(round(top * 100)) + 1, 10):
        y = _y(tick / 100, top)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="{INK}">'
                     f'{tick}%</text>')
    for index, bar in enumerate(bars):
        x = LEFT + index * slot + (slot - bar_width) / 2
        y = _y(bar.rate, top)
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{_y(0, top) - y:.1f}" '
                     f'fill="{escape(bar.colour)}" stroke="{INK}"/>')
        parts.append(f'<text x="{x + bar_width / 2:.1f}" y="{y - 6:.1f}" text-anchor="middle" font-size="13" '
                     f'fill="{INK}">{bar.rate:.1%}</text>')
        parts.append(f'<text x="{x + bar_width / 2:.1f}" y="{HEIGHT - BOTTOM + 22}" text-anchor="middle" '
                     f'font-size="14" fill="{INK}">{escape(bar.label)}</text>')
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_y(0, top):.1f}" y2="{_y(0, top):.1f}" '
                 f'stroke="{INK}"/>')
    parts.append(f'<text x="{WIDTH / 2}" y="{HEIGHT - 16}" text-anchor="middle" font-size="12" fill="{INK}">'
                 f'{escape(CAPTION)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def render_png(bars: list[Bar], title: str, path: Path, band: tuple[float, float] = (0.15, 0.40)) -> None:
    """The same chart drawn with pygame into a PNG file (no window is opened)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep stdout clean for --json
    import pygame  # only this path needs it

    pygame.font.init()
    slot, bar_width, top = _layout(bars)
    surface = pygame.Surface((WIDTH, HEIGHT))
    surface.fill(PAPER)
    small, large = pygame.font.Font(None, 18), pygame.font.Font(None, 26)

    def text(words: str, font: "pygame.font.Font", centre: tuple[float, float], right: bool = False) -> None:
        image = font.render(words, True, INK)
        box = image.get_rect(midright=centre) if right else image.get_rect(center=centre)
        surface.blit(image, box)

    text(title, large, (WIDTH / 2, 28))
    band_top, band_bottom = _y(band[1], top), _y(band[0], top)
    pygame.draw.rect(surface, BAND, (LEFT, band_top, WIDTH - LEFT - RIGHT, band_bottom - band_top))
    for tick in range(0, int(round(top * 100)) + 1, 10):
        y = _y(tick / 100, top)
        pygame.draw.line(surface, GRID, (LEFT, y), (WIDTH - RIGHT, y))
        text(f"{tick}%", small, (LEFT - 8, y), right=True)
    for index, bar in enumerate(bars):
        x = LEFT + index * slot + (slot - bar_width) / 2
        y = _y(bar.rate, top)
        rect = pygame.Rect(round(x), round(y), round(bar_width), round(_y(0, top) - y))
        pygame.draw.rect(surface, bar.colour, rect)
        pygame.draw.rect(surface, INK, rect, 1)
        text(f"{bar.rate:.1%}", small, (x + bar_width / 2, y - 10))
        text(bar.label, small, (x + bar_width / 2, HEIGHT - BOTTOM + 20))
    pygame.draw.line(surface, INK, (LEFT, _y(0, top)), (WIDTH - RIGHT, _y(0, top)))
    text(CAPTION, small, (WIDTH / 2, HEIGHT - 18))
    pygame.image.save(surface, str(path))


def write_chart(path: Path, bars: list[Bar], title: str) -> None:
    """Write the chart to ``path``: PNG for a .png name, SVG otherwise."""
    if path.suffix.lower() == ".png":
        render_png(bars, title, path)
    else:
        path.write_text(render_svg(bars, title), encoding="utf-8")
