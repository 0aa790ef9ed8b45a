"""The player's options in the side panel, drawn by hand: rows for actions and answers, small cards for the rest.

Drawing the list ourselves, rather than as pygame_gui buttons, keeps a new
turn cheap: the list is laid out and painted into one picture when the
options change (about a millisecond), then each frame blits the part in view
and outlines the item under the pointer. Items that cannot be used now are
greyed, never hidden: clicking one says why. The first nine open items carry
the number key that picks them.
"""

from collections.abc import Callable, Sequence

import attrs
import pygame

from game.ui import palette as pal
from game.ui.assets import Assets
from game.ui.card_view import render_tile
from game.ui.faces import CardFace
from game.ui.play_controls import TILED, Option
from game.ui.text import wrap

TILES_PER_ROW = 3


@attrs.frozen
class Placed:
    """An option where it is drawn, in the list's own coordinates, with its number key if it has one."""

    option: Option
    rect: pygame.Rect
    number: int | None


class OptionsView:
    """Lays out, paints and hit-tests the options list."""

    def __init__(self, assets: Assets, colours: dict[str, pal.Colour]) -> None:
        self.assets, self.colours = assets, colours
        self.rect = pygame.Rect(0, 0, 300, 300)
        self.scale = 1.0
        self.offset = 0  # pixels scrolled down
        self.placed: list[Placed] = []
        self.prompt = ""
        self._picture = pygame.Surface((1, 1))
        self._height = 0
        self._parts: dict[tuple, pygame.Surface] = {}  # rows and tiles as drawn, reused by the next list

    def px(self, value: float) -> int:
        """A length at the list's scale."""
        return round(value * self.scale)

    def layout(self, rect: pygame.Rect, scale: float) -> None:
        """Place the list in the panel."""
        self.rect, self.scale = pygame.Rect(rect), scale

    def show(self, options: Sequence[Option], faces: dict[str, CardFace], owner: str | None,
             prompt: str = "") -> None:
        """Lay out and paint a new list; ``faces`` gives the small cards' faces by option key."""
        self.prompt = prompt
        self.placed = self._place(options)
        self._height = (max((p.rect.bottom for p in self.placed), default=0) + self.px(8)) if options else 0
        self.offset = 0
        self._picture = self._paint(faces, owner)

    def numbered(self) -> list[Placed]:
        """The items that have a number key, in order."""
        return [placed for placed in self.placed if placed.number is not None]

    def item_at(self, point: Sequence[int]) -> Placed | None:
        """The item under a screen point, if any."""
        if not self.rect.collidepoint(point):
            return None
        local = (point[0] - self.rect.x, point[1] - self.rect.y + self.offset)
        return next((placed for placed in self.placed if placed.rect.collidepoint(local)), None)

    def scroll(self, lines: int) -> None:
        """Scroll down (positive) or up (negative)."""
        most = max(0, self._height - self.rect.height)
        self.offset = max(0, min(most, self.offset + lines * self.px(30)))

    def reveal(self, placed: Placed) -> None:
        """Scroll so that an item is in view (keyboard focus)."""
        if placed.rect.top < self.offset:
            self.offset = placed.rect.top
        elif placed.rect.bottom > self.offset + self.rect.height:
            self.offset = placed.rect.bottom - self.rect.height

    def screen_rect(self, placed: Placed) -> pygame.Rect:
        """Where an item is on the screen now."""
        return placed.rect.move(self.rect.x, self.rect.y - self.offset)

    # --- layout ----------------------------------------------------------------------------------------

    def _place(self, options: Sequence[Option]) -> list[Placed]:
        width = self.rect.width - self.px(14)
        y = self._prompt_height(width)
        placed: list[Placed] = []
        section, column, number = None, 0, 1
        tile_w = (width - (TILES_PER_ROW - 1) * self.px(6)) // TILES_PER_ROW
        tile_h = self.px(64)
        for option in options:
            if option.section != section:
                if column:
                    y += tile_h + self.px(6)
                section, column = option.section, 0
                y += self.px(30)
            numbered = option.entry is not None and bool(option.entry.moves)  # not "read the card again" (C)
            key = number if numbered and number <= 9 else None
            number += 1 if key else 0
            if option.section in TILED:
                rect = pygame.Rect(column * (tile_w + self.px(6)), y, tile_w, tile_h)
                column = (column + 1) % TILES_PER_ROW
                y += tile_h + self.px(6) if column == 0 else 0
            else:
                height = self._row_height(option, width)
                rect = pygame.Rect(0, y, width, height)
                y += height + self.px(4)
            placed.append(Placed(option, rect, key))
        return placed

    def _prompt_height(self, width: int) -> int:
        if not self.prompt:
            return self.px(2)
        font = self.assets.font("bold", self.px(16))
        return len(wrap(font, self.prompt, width - self.px(8))) * font.get_linesize() + self.px(8)

    def _row_font(self, option: Option) -> pygame.font.Font:
        return self.assets.font("body", self.px(15 if option.enabled else 14))

    def _row_height(self, option: Option, width: int) -> int:
        font = self._row_font(option)
        lines = len(wrap(font, option.text, width - self.px(60)))
        return max(self.px(30 if option.enabled else 24), lines * font.get_linesize() + self.px(8))

    # --- painting --------------------------------------------------------------------------------------

    def _paint(self, faces: dict[str, CardFace], owner: str | None) -> pygame.Surface:
        picture = pygame.Surface((self.rect.width, max(self.rect.height, self._height)))
        picture.fill(pal.PANEL)
        width = self.rect.width - self.px(14)
        if self.prompt:
            font = self.assets.font("bold", self.px(16))
            y = self.px(2)
            for line in wrap(font, self.prompt, width - self.px(8)):
                picture.blit(font.render(line, True, pal.INK), (self.px(4), y))
                y += font.get_linesize()
        section = None
        heading = self.assets.font("title", self.px(19))
        for placed in self.placed:
            option = placed.option
            if option.section != section:
                section = option.section
                top = placed.rect.top - self.px(28)
                picture.blit(heading.render(section, True, pal.SEPIA), (self.px(2), top))
            if option.section in TILED and option.key in faces:
                self._tile(picture, placed, faces[option.key], owner)
            else:
                self._row(picture, placed, width)
        return picture

    def _part(self, key: tuple, size: tuple[int, int], draw: Callable[[pygame.Surface], None]) -> pygame.Surface:
        """A row or tile drawn once per look and size: a new turn's list mostly reuses the last one's."""
        full = (key, size, self.scale)
        if full not in self._parts:
            if len(self._parts) > 300:
                self._parts.clear()
            part = pygame.Surface(size)
            part.fill(pal.PANEL)
            draw(part)
            self._parts[full] = part
        return self._parts[full]

    def _row(self, picture: pygame.Surface, placed: Placed, width: int) -> None:
        option = placed.option
        key = ("row", option.key, option.text, option.enabled, option.cost, placed.number)
        part = self._part(key, placed.rect.size, lambda surface: self._draw_row(surface, placed, width))
        picture.blit(part, placed.rect.topleft)

    def _draw_row(self, picture: pygame.Surface, placed: Placed, width: int) -> None:
        option, rect = placed.option, placed.rect.move(-placed.rect.x, -placed.rect.y)
        fill = (233, 220, 188) if option.enabled else pal.PAPER
        pygame.draw.rect(picture, fill, rect, border_radius=3)
        pygame.draw.rect(picture, pal.PANEL_EDGE if option.enabled else pal.PAPER_DARK, rect, 1, border_radius=3)
        font = self._row_font(option)
        ink = pal.INK if option.enabled else pal.INK_SOFT
        left = rect.left + self.px(30)
        y = rect.top + self.px(4)
        for line in wrap(font, option.text, width - self.px(60)):
            picture.blit(font.render(line, True, ink), (left, y))
            y += font.get_linesize()
        if placed.number is not None:
            key = self.assets.font("sans_bold", self.px(13)).render(str(placed.number), True, pal.SEPIA)
            picture.blit(key, key.get_rect(center=(rect.left + self.px(15), rect.top + self.px(15))))
        elif not option.enabled:
            pygame.draw.line(picture, pal.NEUTRAL, (rect.left + self.px(10), rect.centery),
                             (rect.left + self.px(20), rect.centery), 2)
        if option.cost:
            self._cost(picture, option.cost, (rect.right - self.px(15), rect.top + self.px(15)), option.enabled)

    def _cost(self, picture: pygame.Surface, cost: int, centre: tuple[int, int], enabled: bool) -> None:
        radius = self.px(10)
        pygame.draw.circle(picture, pal.PANEL if enabled else pal.PAPER_DARK, centre, radius)
        pygame.draw.circle(picture, pal.PANEL_EDGE, centre, radius, 1)
        digits = self.assets.font("sans_bold", self.px(13)).render(str(cost), True,
                                                                    pal.INK if enabled else pal.INK_SOFT)
        picture.blit(digits, digits.get_rect(center=centre))

    def _tile(self, picture: pygame.Surface, placed: Placed, face: CardFace, owner: str | None) -> None:
        key = ("tile", face, placed.option.enabled, placed.number, owner)
        part = self._part(key, placed.rect.size, lambda surface: self._draw_tile(surface, placed, face, owner))
        picture.blit(part, placed.rect.topleft)

    def _draw_tile(self, picture: pygame.Surface, placed: Placed, face: CardFace, owner: str | None) -> None:
        colour = self.colours.get(face.owner or owner or "", None)
        tile = render_tile(self.assets, face, placed.rect.size, colour, placed.option.enabled, self.scale)
        picture.blit(tile, (0, 0))
        if placed.number is not None:
            key = self.assets.font("sans_bold", self.px(12)).render(str(placed.number), True, pal.SEPIA)
            corner = (placed.rect.width - self.px(5), placed.rect.height - self.px(3))
            picture.blit(key, key.get_rect(bottomright=corner))

    def draw(self, surface: pygame.Surface, hover: Placed | None = None, focus: Placed | None = None) -> None:
        """Blit the part of the list in view, then outline the item under the pointer and the focused one."""
        view = pygame.Rect(0, self.offset, self.rect.width, self.rect.height)
        surface.blit(self._picture, self.rect.topleft, view)
        for placed, colour in ((focus, pal.SEPIA), (hover, pal.HOVER)):
            if placed is not None:
                rect = self.screen_rect(placed).clip(self.rect)
                if rect.height > 0:
                    pygame.draw.rect(surface, colour, rect.inflate(2, 2), 2, border_radius=3)
        if self._height > self.rect.height:
            self._scrollbar(surface)

    def _scrollbar(self, surface: pygame.Surface) -> None:
        track = pygame.Rect(self.rect.right - self.px(6), self.rect.top, self.px(4), self.rect.height)
        share = self.rect.height / self._height
        thumb = pygame.Rect(track.x, track.y + round(self.offset * share), track.width,
                            max(self.px(20), round(track.height * share)))
        pygame.draw.rect(surface, pal.PAPER_DARK, track, border_radius=2)
        pygame.draw.rect(surface, pal.PANEL_EDGE, thumb.clamp(track), border_radius=2)
