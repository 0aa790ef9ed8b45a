"""The board: the printed map sheet, who holds each area, the unit tokens, highlights, hover and flashes.

The view only reads a ``GameState``; it never changes the game. Everything
that depends on the window size alone (paper, water, names) comes cached from
``MapSheet``; the control tints are composited onto it once, and when an area changes
hands only the rectangle around it is drawn again; a frame then costs one
blit of that picture plus the tokens and marks. ``area_at`` and ``screen_point`` let scenes and tests click areas.
"""

import math
from collections.abc import Iterable, Mapping, Sequence

import pygame

from game.engine.state import GameState
from game.ruleset.model import Ruleset
from game.ui import palette as pal
from game.ui.assets import Assets
from game.ui.geometry import MapTransform, inside
from game.ui.mapsheet import MapSheet
from game.ui.tokens import Stack, TokenPainter, stacks_of

SCALE_STEP = 0.25  # how far the map's scale steps down while its names do not fit

Placed = tuple[pygame.Surface, tuple[int, int], Stack, str]  # picture, screen top-left, stack, area


class BoardView:
    """Draws the board for a state and tells which area lies under a screen point."""

    def __init__(self, rules: Ruleset, assets: Assets, colours: Mapping[str, pal.Colour] | None = None) -> None:
        self.rules, self.assets = rules, assets
        self.colours = dict(colours or pal.faction_colours(rules))
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.ui_scale = 0.0
        self.layout(pygame.Rect(0, 0, 800, 600), 1.0)

    # --- layout and hit tests ---------------------------------------------------------------------

    def layout(self, rect: pygame.Rect, ui_scale: float) -> None:
        """Fit the board into ``rect``; redraws the static layers only if the rectangle or scale changed."""
        rect = pygame.Rect(rect)
        rect.width, rect.height = max(1, rect.width), max(1, rect.height)
        if rect == self.rect and ui_scale == self.ui_scale:
            return
        self.rect, self.ui_scale = rect, ui_scale
        self.transform = MapTransform(self.rules.board.size, (rect.x, rect.y, rect.width, rect.height))
        self.sheet = self._fitting_sheet(ui_scale)
        self.tokens = TokenPainter(self.rules, self.assets, self.sheet.token, self.colours)
        self.origin = tuple(round(value) for value in self.transform.origin)
        self._base = self.sheet.render_base()
        self._overlay = self.sheet.render_overlay()
        self._held: pygame.Surface | None = None
        self._control_key: tuple[str | None, ...] | None = None
        self._area_bounds: dict[str, pygame.Rect] = {}
        self._marks: dict[tuple[str, object], tuple[pygame.Surface, tuple[int, int]]] = {}
        self._token_key: object = None
        self._placed: list[Placed] = []

    def _fitting_sheet(self, ui_scale: float) -> MapSheet:
        """The map sheet at the largest scale, up to ``ui_scale``, at which every name finds a place of its own.

        Names grow with the scale faster than the free room between them: 200% on a 1920-pixel screen
        would pile names on one another, so the map steps down (never below 100%) until they fit.
        """
        sheet = MapSheet(self.rules, self.assets, self.transform, ui_scale)
        while sheet.placement.crowded and sheet.ui_scale > 1.0:
            sheet = MapSheet(self.rules, self.assets, self.transform, max(1.0, sheet.ui_scale - SCALE_STEP))
        return sheet

    def _local(self, point: Sequence[float]) -> tuple[float, float]:
        return point[0] - self.origin[0], point[1] - self.origin[1]

    def area_at(self, point: Sequence[float]) -> str | None:
        """The area under a screen point, or ``None`` (water, streets, the margin)."""
        local = self._local(point)
        for area_id, box in self.sheet.boxes.items():
            if box.collidepoint(local):
                return area_id
        for area_id, polygon in self.sheet.polygons.items():
            if inside(local, polygon):
                return area_id
        return None

    def screen_point(self, area_id: str) -> tuple[int, int]:
        """A screen point inside the area: where its units stand (the centre of an off-map box)."""
        if area_id in self.sheet.boxes:
            x, y = self.sheet.boxes[area_id].center
        else:
            x, y = self.transform.to_local(self.rules.area[area_id].at)
        return x + self.origin[0], y + self.origin[1]

    def area_rect(self, area_id: str) -> pygame.Rect:
        """The screen rectangle around an area (its box, or its polygon's bounds)."""
        if area_id in self.sheet.boxes:
            rect = pygame.Rect(self.sheet.boxes[area_id])
        else:
            points = self.sheet.polygons[area_id]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            rect = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
        return rect.move(self.origin)

    def stack_at(self, point: Sequence[float]) -> tuple[Stack, str] | None:
        """The unit stack under a screen point (as last drawn) and its area."""
        for picture, top_left, stack, area in reversed(self._placed):
            if picture.get_rect(topleft=top_left).collidepoint(point):
                return stack, area
        return None

    def token_spot(self, area_id: str, index: int = 0, count: int = 1) -> tuple[int, int]:
        """The screen top-left of the ``index``-th of ``count`` stacks in an area (for sliding tokens)."""
        x, y = self.tokens.positions(self.sheet.token_anchors[area_id], count)[index]
        return x + self.origin[0], y + self.origin[1] - self.tokens.overhang

    def single_token(self, owner: str, kind: str) -> pygame.Surface:
        """The picture of one unit at its base strength (for a sliding token)."""
        strength = self.rules.unit[kind].strength if kind in self.rules.unit else 0
        return self.tokens.picture(Stack(owner, kind, strength, False, False, False, (0,)))

    # --- drawing ----------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, state: GameState, *, highlights: Iterable[str] = (),
             hover: str | None = None, hidden: frozenset[int] = frozenset(),
             flashes: Mapping[str, float] | None = None, now: float = 0.0) -> None:
        """Draw the board for ``state``: highlights pulse with ``now`` (seconds), flashes fade from 1 to 0."""
        lit = frozenset(highlights)
        surface.blit(self._board(state.control), self.origin)
        pulse = 0.5 + 0.5 * math.sin(now * 5.0)
        width = max(4, self.sheet.token // 5)
        for area_id in lit:  # a few small cached marks: cheaper than a copy of the whole sheet per pick
            if area_id in self.sheet.boxes or area_id in self.sheet.polygons:
                mark, top_left = self._mark(area_id, pal.HIGHLIGHT)
                surface.blit(mark, (top_left[0] + self.origin[0], top_left[1] + self.origin[1]))
        for area_id in lit:  # only the outline pulses
            self._outline(surface, area_id, pal.mix(pal.HIGHLIGHT, pal.PAPER_LIGHT, 0.7 * pulse), width)
        for area_id, strength in (flashes or {}).items():
            strength = max(0.0, min(1.0, strength))
            if strength > 0.05:
                self._outline(surface, area_id, pal.mix(pal.INK, pal.PAPER_LIGHT, 1 - strength),
                              max(1, round(width * 1.5 * strength)))
        if hover is not None:
            self._outline(surface, hover, pal.HOVER, 2)
        for picture, top_left, _, _ in self._layout_tokens(state, hidden):
            surface.blit(picture, top_left)

    def _board(self, control: tuple[str | None, ...]) -> pygame.Surface:
        """The cached picture: the map with control tints, drawn again only around areas that change hands."""
        if self._held is None:
            self._held = self._compose(control)
            self._control_key = control
        elif control != self._control_key:
            self._recompose(control)
            self._control_key = control
        return self._held  # type: ignore[return-value]

    def _compose(self, control: tuple[str | None, ...]) -> pygame.Surface:
        board = self._base.copy()
        for area, holder in zip(self.rules.areas, control):
            if holder is not None and area.id in self.sheet.polygons:
                layer, top_left = self._tint(area.id, holder)
                board.blit(layer, top_left)
        board.blit(self._overlay, (0, 0))
        for area, holder in zip(self.rules.areas, control):
            centre = self.sheet.badge_centre(area.id)
            if holder is not None and centre is not None:
                self._badge(board, centre, holder)
        return board

    def _recompose(self, control: tuple[str | None, ...]) -> None:
        """Redraw only around the areas that changed hands: base, tints, overlay and badges, clipped there.

        A whole recomposition copies and blends the full sheet (8-10 ms at 1600x900); an area is a small
        part of it.
        """
        board = self._held
        assert board is not None
        old = self._control_key or (None,) * len(control)
        for area, before, after in zip(self.rules.areas, old, control):
            if before == after:
                continue
            dirty = self._bounds(area.id)
            board.set_clip(dirty)
            board.blit(self._base, dirty.topleft, dirty)
            for other, holder in zip(self.rules.areas, control):
                tinted = holder is not None and other.id in self.sheet.polygons
                if tinted and self._bounds(other.id).colliderect(dirty):
                    layer, top_left = self._tint(other.id, holder)  # type: ignore[arg-type]
                    board.blit(layer, top_left)
            board.blit(self._overlay, dirty.topleft, dirty)
            for other, holder in zip(self.rules.areas, control):
                centre = self.sheet.badge_centre(other.id)
                if holder is not None and centre is not None and self._badge_rect(centre).colliderect(dirty):
                    self._badge(board, centre, holder)
            board.set_clip(None)

    def _bounds(self, area_id: str) -> pygame.Rect:
        """The local rectangle an area's tint and badge can touch (cached)."""
        if area_id not in self._area_bounds:
            if area_id in self.sheet.polygons:
                points = self.sheet.polygons[area_id]
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                rect = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
            else:
                rect = pygame.Rect(self.sheet.boxes.get(area_id, pygame.Rect(0, 0, 0, 0)))
            centre = self.sheet.badge_centre(area_id)
            if centre is not None:
                rect = rect.union(self._badge_rect(centre))
            self._area_bounds[area_id] = rect.inflate(4, 4)
        return self._area_bounds[area_id]

    def _badge_rect(self, centre: tuple[int, int]) -> pygame.Rect:
        radius = max(5, self.sheet.label_size // 2 + 1) + 1
        return pygame.Rect(centre[0] - radius, centre[1] - radius, 2 * radius + 1, 2 * radius + 1)

    def _tint(self, area_id: str, holder: str) -> tuple[pygame.Surface, tuple[int, int]]:
        """An area filled with its holder's colour, pattern and an inner border (cached per area and holder)."""
        key = (area_id, ("tint", holder))
        if key not in self._marks:
            self._marks[key] = self._draw_tint(self.sheet.polygons[area_id], holder)  # type: ignore[index]
        return self._marks[key]  # type: ignore[index]

    def _draw_tint(self, polygon: list[tuple[int, int]], holder: str) -> tuple[pygame.Surface, tuple[int, int]]:
        colour = self.colours.get(holder, pal.NEUTRAL)
        xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
        left, top = min(xs), min(ys)
        size = (max(xs) - left + 1, max(ys) - top + 1)
        shape = [(x - left, y - top) for x, y in polygon]
        layer = pygame.Surface(size, pygame.SRCALPHA)
        layer.fill((*colour, 52))
        pattern = self.rules.faction[holder].pattern if holder in self.rules.faction else "solid"
        pal.fill_pattern(layer, pattern, colour, max(6, self.sheet.token // 3), 120)
        pygame.draw.polygon(layer, (*colour, 235), shape, max(3, self.sheet.token // 6) * 2)
        clip = pygame.Surface(size, pygame.SRCALPHA)
        pygame.draw.polygon(clip, (255, 255, 255, 255), shape)
        layer.blit(clip, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        return layer, (left, top)

    def _badge(self, board: pygame.Surface, centre: tuple[int, int], holder: str) -> None:
        radius = max(5, self.sheet.label_size // 2 + 1)
        colour = self.colours.get(holder, pal.NEUTRAL)
        pygame.draw.circle(board, colour, centre, radius)
        pygame.draw.circle(board, pal.INK, centre, radius, 1)
        symbol = self.rules.faction[holder].symbol if holder in self.rules.faction else "circle"
        pal.draw_symbol(board, symbol, centre, radius * 0.62, pal.text_on(colour))

    def _mark(self, area_id: str, colour: pal.Colour) -> tuple[pygame.Surface, tuple[int, int]]:
        """A filled, outlined copy of an area's shape (cached), for highlights and flashes."""
        key = (area_id, colour)
        if key not in self._marks:
            width = max(4, self.sheet.token // 5)
            if area_id in self.sheet.boxes:
                box = self.sheet.boxes[area_id]
                surface = pygame.Surface(box.size, pygame.SRCALPHA)
                surface.fill((*colour, 95))
                pygame.draw.rect(surface, pal.INK, surface.get_rect(), width + 2)
                pygame.draw.rect(surface, colour, surface.get_rect(), width)
                self._marks[key] = surface, box.topleft
            else:
                polygon = self.sheet.polygons[area_id]
                left, top = min(p[0] for p in polygon), min(p[1] for p in polygon)
                shape = [(x - left + width, y - top + width) for x, y in polygon]
                size = (max(p[0] for p in shape) + width + 1, max(p[1] for p in shape) + width + 1)
                surface = pygame.Surface(size, pygame.SRCALPHA)
                pygame.draw.polygon(surface, (*colour, 95), shape)
                pygame.draw.polygon(surface, pal.INK, shape, width + 2)
                pygame.draw.polygon(surface, colour, shape, width)
                self._marks[key] = surface, (left - width, top - width)
        return self._marks[key]

    def _outline(self, surface: pygame.Surface, area_id: str, colour: pal.Colour, width: int) -> None:
        if area_id in self.sheet.boxes:
            pygame.draw.rect(surface, colour, self.sheet.boxes[area_id].move(self.origin), width)
        elif area_id in self.sheet.polygons:
            ox, oy = self.origin
            pygame.draw.polygon(surface, colour, [(x + ox, y + oy) for x, y in self.sheet.polygons[area_id]], width)

    def _layout_tokens(self, state: GameState, hidden: frozenset[int]) -> list[Placed]:
        key = (state.units, hidden)
        if key != self._token_key:
            self._token_key = key
            by_area: dict[str, list] = {}
            for unit in state.units:
                by_area.setdefault(unit.area, []).append(unit)
            self._placed = []
            for area_id, units in by_area.items():
                stacks = stacks_of(self.rules, units, hidden)
                for index, stack in enumerate(stacks):
                    spot = self.token_spot(area_id, index, len(stacks))
                    self._placed.append((self.tokens.picture(stack), spot, stack, area_id))
        return self._placed
