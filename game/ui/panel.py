"""The side panel beside the map: date, turn and phase, who decides, and every public track.

Drawn like the track sheet of a board game: a row of boxes for each track,
filled up to its value. Support is a row of ten boxes per social group, each
box in the colour (and with the symbol) of the faction holding that point.
The picture is cached and drawn again only when what it shows changes;
flashes from the animator are drawn over it each frame.
"""

from collections.abc import Callable

import attrs
import pygame

from game.engine.query import influence, support, track_value
from game.engine.state import GameState
from game.ruleset.model import Ruleset
from game.ui import palette as pal
from game.ui.assets import Assets

TRACK_COLOURS = {"bread": (176, 132, 60), "order": (92, 112, 140), "administration": (110, 110, 110),
                 "vikzhel_talks": (109, 76, 65), "party_unity": (150, 50, 40)}


@attrs.frozen
class Header:
    """What the panel says about the moment: date, turn, phase and who decides."""

    date: str
    turn: str
    deciding: str | None  # faction id
    seat: str  # "you", "computer (normal)", or what happens at a chance step


class SidePanel:
    """Draws the panel into a rectangle of the window."""

    def __init__(self, rules: Ruleset, assets: Assets, colours: dict[str, pal.Colour]) -> None:
        self.rules, self.assets, self.colours = rules, assets, colours
        self.rect = pygame.Rect(0, 0, 300, 600)
        self.scale = 1.0
        self.bottom = 0  # where the panel's drawing ends: widgets go below
        self.track_rects: dict[str, pygame.Rect] = {}
        self._key: object = None
        self._picture: pygame.Surface | None = None
        self._texts: dict[tuple[str, int, str, pal.Colour], pygame.Surface] = {}
        self._strips: dict[tuple, pygame.Surface] = {}

    def text(self, role: str, size: int, text: str, colour: pal.Colour) -> pygame.Surface:
        """Rendered text, cached: the panel redraws after every move, with mostly the same words."""
        key = (role, size, text, colour)
        if key not in self._texts:
            if len(self._texts) > 2000:
                self._texts.clear()
            self._texts[key] = self.assets.font(role, size).render(text, True, colour)
        return self._texts[key]

    def layout(self, rect: pygame.Rect, scale: float) -> None:
        """Place the panel; the picture is drawn again on the next frame."""
        self.rect, self.scale, self._key = pygame.Rect(rect), scale, None
        self._picture = None
        self.bottom = self.rect.top + self._measure_height()

    def px(self, value: float) -> int:
        """A length at the panel's scale."""
        return round(value * self.scale)

    def draw(self, surface: pygame.Surface, state: GameState, header: Header,
             flash: Callable[[str], float] = lambda key: 0.0) -> None:
        """Draw the panel for ``state``; tracks named by ``flash`` glow for a moment."""
        key = (state.city, state.per_faction, state.support, state.actions_taken, header)
        if key != self._key or self._picture is None:
            self._picture = self._render(state, header)
            self._key = key
        surface.blit(self._picture, self.rect.topleft)
        for name, rect in self.track_rects.items():
            strength = flash(name)
            if strength > 0:
                glow = pygame.Surface(rect.size, pygame.SRCALPHA)
                glow.fill((*pal.HIGHLIGHT, round(150 * strength)))
                surface.blit(glow, rect.move(self.rect.topleft))

    def _measure_height(self) -> int:
        rows = len(self.rules.city_tracks()) + len(self.rules.groups)
        influence_rows = (len(self.rules.seats) + 1) // 2
        header = self.px(10) + self.px(32) + self.px(24) + self.px(22)
        return header + 3 * (self.px(8) + self.px(24)) + (rows + influence_rows) * self.px(21) + self.px(6)

    def _render(self, state: GameState, header: Header) -> pygame.Surface:
        """The panel from cached strips: a strip is drawn again only when the values it shows change."""
        picture = self._picture if self._picture is not None and self._picture.get_size() == self.rect.size \
            else pygame.Surface(self.rect.size)
        picture.fill(pal.PANEL)
        pygame.draw.line(picture, pal.PANEL_EDGE, (0, 0), (0, self.rect.height), 2)
        left, width = self.px(14), self.rect.width - self.px(26)
        row = self.px(21)
        y = self._strip(picture, ("header", header), self.px(10), self.px(78),
                        lambda strip: self._header(strip, header, left, 0))
        for title, rows in (("The city", self.rules.city_tracks()), ("Support (ten points a group)", self.rules.groups),
                            ("Influence", ())):
            y = self._strip(picture, ("section", title), y, self.px(32), lambda strip: self._section(
                strip, title, left, width, 0))  # noqa: B023 - drawn at once
            for track in rows:
                if title == "The city":
                    value = track_value(self.rules, state, track.id)
                    self._strip(picture, ("track", track.id, value), y, row, lambda strip: self._track_row(
                        strip, track.id, track.name, value, track.max, left, width, 0))  # noqa: B023
                    key = track.id
                else:
                    shares = state.support[self.rules.group_index[track.id]]
                    self._strip(picture, ("support", track.id, shares), y, row, lambda strip: self._support_row(
                        strip, state, track.id, track.name, track.size, left, width, 0))  # noqa: B023
                    key = f"support:{track.id}"
                self.track_rects[key] = pygame.Rect(left - self.px(4), y, width + self.px(8), self.px(19))
                y += row
        values = tuple(influence(self.rules, state, seat) for seat in self.rules.seats)
        lines = (len(self.rules.seats) + 1) // 2
        self._strip(picture, ("influence", values), y, lines * row, lambda strip: self._influence(
            strip, state, left, width, 0))
        column = width // 2
        for index, seat in enumerate(self.rules.seats):
            self.track_rects[f"influence:{seat}"] = pygame.Rect(left + (index % 2) * column, y + (index // 2) * row,
                                                                column - self.px(8), self.px(19))
        return picture

    def _strip(self, picture: pygame.Surface, key: tuple, y: int, height: int,
               draw: Callable[[pygame.Surface], object]) -> int:
        """Blit the strip for ``key`` at ``y`` (drawing it first if it is new); the y below it."""
        full = (key, self.rect.width, self.scale)
        strip = self._strips.get(full)
        if strip is None:
            if len(self._strips) > 400:
                self._strips.clear()
            strip = pygame.Surface((self.rect.width, height))
            strip.fill(pal.PANEL)
            draw(strip)
            self._strips[full] = strip
        picture.blit(strip, (0, y))
        return y + height

    def _header(self, picture: pygame.Surface, header: Header, left: int, y: int) -> int:
        date = self.text("title", self.px(25), header.date, pal.INK)
        picture.blit(date, (left, y))
        y += self.px(32)
        turn = self.text("italic", self.px(15), header.turn, pal.INK_SOFT)
        picture.blit(turn, (left, y))
        y += self.px(24)
        if header.deciding is not None:
            self._faction_badge(picture, header.deciding, (left + self.px(8), y + self.px(10)), self.px(9))
            name = self.rules.faction[header.deciding].short
            text = self.text("bold", self.px(16), name, pal.INK)
            picture.blit(text, (left + self.px(22), y))
            seat = self.text("body", self.px(15), f"  {header.seat}", pal.INK_SOFT)
            picture.blit(seat, (left + self.px(22) + text.get_width(), y))
        else:
            seat = self.text("italic", self.px(15), header.seat, pal.INK_SOFT)
            picture.blit(seat, (left, y))
        return y + self.px(22)

    def _section(self, picture: pygame.Surface, title: str, left: int, width: int, y: int) -> int:
        y += self.px(8)
        pygame.draw.line(picture, pal.PANEL_EDGE, (left, y), (left + width, y), 1)
        text = self.text("title_it", self.px(17), title, pal.SEPIA)
        picture.blit(text, (left, y + self.px(2)))
        return y + self.px(24)

    def _cells(self, left: int, width: int, count: int) -> tuple[int, int, int]:
        """Where a row of boxes starts, each box's width, and the gap."""
        name_width = self.px(104)
        value_width = self.px(26)
        room = width - name_width - value_width
        cell = max(3, room // count)
        return left + name_width, cell, 1 if cell < 8 else 2

    def _track_row(self, picture: pygame.Surface, key: str, name: str, value: int, top: int, left: int, width: int,
                   y: int) -> int:
        picture.blit(self.text("body", self.px(14), name, pal.INK), (left, y))
        start, cell, gap = self._cells(left, width, top + 1)
        colour = TRACK_COLOURS.get(key, pal.SEPIA)
        height = self.px(15)
        for box in range(top + 1):
            rect = pygame.Rect(start + box * cell, y + self.px(2), cell - gap, height)
            pygame.draw.rect(picture, colour if box <= value and value > 0 else pal.PAPER_LIGHT, rect)
            pygame.draw.rect(picture, pal.PANEL_EDGE, rect, 1)
        marker = pygame.Rect(start + value * cell, y + self.px(2), cell - gap, height)
        pygame.draw.rect(picture, pal.INK, marker.inflate(2, 2), 2)
        number = self.text("sans_bold", self.px(14), str(value), pal.INK)
        picture.blit(number, number.get_rect(midright=(left + width, y + self.px(9))))
        self.track_rects[key] = pygame.Rect(left - self.px(4), y, width + self.px(8), self.px(19))
        return y + self.px(21)

    def _support_row(self, picture: pygame.Surface, state: GameState, group: str, name: str, size: int, left: int,
                     width: int, y: int) -> int:
        picture.blit(self.text("body", self.px(14), name, pal.INK), (left, y))
        start, cell, gap = self._cells(left, width, size)
        holders = [seat for seat in self.rules.seats for _ in range(support(self.rules, state, group, seat))]
        height = self.px(15)
        for box in range(size):
            rect = pygame.Rect(start + box * cell, y + self.px(2), cell - gap, height)
            holder = holders[box] if box < len(holders) else None
            colour = self.colours.get(holder, pal.NEUTRAL) if holder else pal.PAPER_LIGHT
            pygame.draw.rect(picture, colour, rect)
            pygame.draw.rect(picture, pal.PANEL_EDGE, rect, 1)
            if holder:
                pal.draw_symbol(picture, self.rules.faction[holder].symbol, rect.center,
                                min(rect.width, rect.height) * 0.34, pal.text_on(colour))
        if len(holders) < size:  # points no faction holds yet: the group is still undecided about them
            undecided = self.text("sans", self.px(12), f"{size - len(holders)}?", pal.INK_SOFT)
            picture.blit(undecided, undecided.get_rect(midright=(left + width, y + self.px(9))))
        self.track_rects[f"support:{group}"] = pygame.Rect(left - self.px(4), y, width + self.px(8), self.px(19))
        return y + self.px(21)

    def _influence(self, picture: pygame.Surface, state: GameState, left: int, width: int, y: int) -> int:
        column = width // 2
        for index, seat in enumerate(self.rules.seats):
            x = left + (index % 2) * column
            row_y = y + (index // 2) * self.px(21)
            self._faction_badge(picture, seat, (x + self.px(8), row_y + self.px(9)), self.px(8))
            picture.blit(self.text("body", self.px(14), self.rules.faction[seat].short, pal.INK),
                         (x + self.px(20), row_y))
            number = self.text("sans_bold", self.px(14), str(influence(self.rules, state, seat)), pal.INK)
            picture.blit(number, number.get_rect(topright=(x + column - self.px(12), row_y)))
            self.track_rects[f"influence:{seat}"] = pygame.Rect(x, row_y, column - self.px(8), self.px(19))
        return y + ((len(self.rules.seats) + 1) // 2) * self.px(21)

    def _faction_badge(self, picture: pygame.Surface, faction: str, centre: tuple[int, int], radius: int) -> None:
        colour = self.colours.get(faction, pal.NEUTRAL)
        pygame.draw.circle(picture, colour, centre, radius)
        pygame.draw.circle(picture, pal.INK, centre, radius, 1)
        symbol = self.rules.faction[faction].symbol if faction in self.rules.faction else "circle"
        pal.draw_symbol(picture, symbol, centre, radius * 0.62, pal.text_on(colour))
