"""The printed map sheet: paper, water, districts, bridges, railways, off-map boxes and names.

Everything here depends only on the rules' geometry and the sheet's size on
the screen, so it is drawn once into two cached surfaces (``base`` under the
control tints, ``overlay`` above them) and drawn again only when the window
or the UI scale changes.
"""

import random
from collections.abc import Sequence

import pygame

from game.ruleset.model import Area, Ruleset
from game.ui import palette as pal
from game.ui.assets import Assets
from game.ui.geometry import MapTransform
from game.ui.labels import Label, Placement, place_labels, two_line_variants
from game.ui.text import render_spaced, spaced_size, with_halo
from game.ui.tokens import STACKS_PER_ROW, badge_overhang

# Font role, colour, capitals and letter spacing (in twelfths of the size) for each kind of name.
STYLES: dict[str, tuple[str, pal.Colour, bool, int]] = {
    "district": ("body", pal.INK_SOFT, True, 2),
    "site": ("bold", pal.INK, False, 0),
    "approach": ("title", pal.INK, False, 1),
    "offmap": ("bold", pal.INK, False, 0),
    "water": ("title_it", pal.WATER_INK, False, 3),
}
KIND_ORDER = {"site": 0, "district": 1, "approach": 2}
COMPASS_AT, CARTOUCHE_AT = (1525, 120), (110, 1100)


class MapSheet:
    """The static layers of the board for one sheet size and UI scale, with where every name and token goes."""

    def __init__(self, rules: Ruleset, assets: Assets, transform: MapTransform, ui_scale: float = 1.0) -> None:
        self.rules, self.assets, self.transform = rules, assets, transform
        self.ui_scale = ui_scale
        self.size = transform.size
        scale = transform.scale
        self.label_size = max(9, min(32, round(ui_scale * (7 + 11 * scale))))
        self.token = max(18, min(60, round(ui_scale * (8 + 26 * scale))))
        self.polygons = {area.id: [transform.to_local(p) for p in area.polygon] for area in rules.areas
                         if area.polygon}
        boxes = {area.id: self._box(area) for area in rules.areas if area.kind == "offmap"}
        tokens = [self._zone_at(self.transform.to_local(area.at)) for area in rules.areas if area.polygon]
        self.boxes = _apart(boxes, [self._cartouche_rect(), self._compass_rect(), *self._water_rects()],
                            pygame.Rect((0, 0), self.size).inflate(-8, -8), tokens)
        self.token_anchors = {area.id: self._token_anchor(area) for area in rules.areas}
        self.placement = self._place_names()

    # --- geometry ---------------------------------------------------------------------------------

    def measure(self, role: str, size: int, text: str) -> tuple[int, int]:
        """The pixel size of a name set in the style of ``role`` (a kind of area, or ``water``)."""
        font_role, _, capitals, tracking = STYLES[role]
        font = self.assets.font(font_role, size)
        width, height = spaced_size(font, text.upper() if capitals else text, tracking * size // 12)
        return width + (self.badge_slot(size) if role in KIND_ORDER else 0), height

    @staticmethod
    def badge_slot(size: int) -> int:
        """Room left of an area's name for the badge of the faction holding it."""
        return size + 3

    def zone(self) -> tuple[int, int]:
        """Width and height kept clear for one row of token stacks (more stacks wrap to a second row)."""
        return STACKS_PER_ROW * self.token + (STACKS_PER_ROW - 1) * self.token_gap, self.token + 6

    @property
    def badge_room(self) -> int:
        """Pixels kept clear above the tokens (and right of the last) for the count badges that stick out."""
        return badge_overhang(self.token) + 1

    @property
    def token_gap(self) -> int:
        """Pixels between two token stacks."""
        return max(2, self.token // 6)

    def box_title(self, name: str) -> tuple[str, ...]:
        """An off-map box's title: one line, or two where one would make the box too wide for a small sheet."""
        padding = 2 * self.badge_slot(self.label_size) + 16
        if " " not in name or self.measure("offmap", self.label_size, name)[0] + padding <= self.size[0] // 5:
            return (name,)
        words = name.split()
        splits = [(" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(1, len(words))]
        return min(splits, key=lambda lines: max(self.measure("offmap", self.label_size, line)[0] for line in lines))

    def _box(self, area: Area) -> pygame.Rect:
        lines = self.box_title(area.name)
        sizes = [self.measure("offmap", self.label_size, line) for line in lines]
        title_w, title_h = max(width for width, _ in sizes), sum(height for _, height in sizes)
        zone_w, zone_h = self.zone()
        title_w += 2 * self.badge_slot(self.label_size)
        rect = pygame.Rect(0, 0, max(title_w, zone_w) + 16, title_h + zone_h + 14)
        rect.center = self.transform.to_local(area.at)
        return rect.clamp(pygame.Rect((0, 0), self.size).inflate(-8, -8))

    def _token_anchor(self, area: Area) -> tuple[int, int]:
        if area.id in self.boxes:
            box = self.boxes[area.id]
            return box.centerx, box.bottom - self.token - 7
        x, y = self.transform.to_local(area.at)
        return x, y + 1

    def token_zone(self, area_id: str) -> pygame.Rect:
        """Where an area's unit tokens and their count badges sit (local coordinates)."""
        return self._zone_at(self.token_anchors[area_id])

    def _zone_at(self, anchor: tuple[int, int]) -> pygame.Rect:
        """The tokens' zone under ``anchor``, with room above it and to its right for the count badges."""
        width, height = self.zone()
        room = self.badge_room
        return pygame.Rect(anchor[0] - width // 2, anchor[1] - room, width + room, height + room)

    def _fixed_rects(self) -> list[pygame.Rect]:
        marks = [self._compass_rect(), self._cartouche_rect()]
        return [*self.boxes.values(), *(self.token_zone(area) for area in self.polygons), *marks]

    def _place_names(self) -> Placement:
        size = self.label_size
        labels = [Label(f"water:{water.id}", ((water.name,),), self.transform.to_local(water.label_at),
                        size + 1, size + 1, "water", fixed=True)
                  for water in self.rules.board.water if water.label_at]
        areas = sorted((area for area in self.rules.areas if area.id in self.polygons),
                       key=lambda area: (KIND_ORDER[area.kind], _extent(area)))
        labels += [Label(area.id, two_line_variants(area.name), self.transform.to_local(area.at), size,
                         max(9, size - 2), area.kind, self.zone(), self.badge_room,
                         region=tuple(self.polygons[area.id]))
                   for area in areas]
        return place_labels(labels, self._fixed_rects(), (0, 0, *self.size), self.measure, self._rail_segments())

    def _rail_segments(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        segments = []
        for railway in self.rules.board.railways:
            points = [self.transform.to_local(p) for p in railway.line or
                      tuple(self.rules.area[stop].at for stop in railway.stops)]
            segments += list(zip(points, points[1:]))
        return segments

    def _water_rects(self) -> list[pygame.Rect]:
        """Where the water's names go (they never move, so the boxes keep clear of them)."""
        rects = []
        for water in self.rules.board.water:
            if water.label_at:
                rect = pygame.Rect((0, 0), self.measure("water", self.label_size + 1, water.name))
                rect.center = self.transform.to_local(water.label_at)
                rects.append(rect.inflate(4, 4))
        return rects

    def _compass_rect(self) -> pygame.Rect:
        radius = round(55 * self.transform.scale)
        rect = pygame.Rect(0, 0, 2 * radius, 2 * radius + self.label_size * 2)
        rect.center = self.transform.to_local(COMPASS_AT)
        return rect

    def _cartouche_rect(self) -> pygame.Rect:
        title = self.assets.font("title", round(self.label_size * 1.7))
        width = max(title.size("PETROGRAD")[0], round(170 * self.transform.scale)) + 24
        rect = pygame.Rect(0, 0, width, round(title.get_linesize() * 1.1 + self.label_size * 3.2))
        rect.center = self.transform.to_local(CARTOUCHE_AT)
        return rect.clamp(pygame.Rect((0, 0), self.size).inflate(-8, -8))

    # --- drawing ----------------------------------------------------------------------------------

    def render_base(self) -> pygame.Surface:
        """Paper, water and the areas' regions: what lies under the control tints."""
        surface = pygame.Surface(self.size)
        surface.fill(pal.PAPER)
        self._grain(surface)
        for area in self.rules.areas:
            if area.id in self.polygons:
                fill = pal.KIND_FILL[area.kind]
                pygame.draw.polygon(surface, pal.mix(fill, pal.PAPER, 0.25), self.polygons[area.id])
        self._water(surface)
        return surface

    def render_overlay(self) -> pygame.Surface:
        """Borders, bridges, railways, boxes, the compass, the cartouche and every name: above the tints."""
        surface = pygame.Surface(self.size, pygame.SRCALPHA)
        for polygon in self.polygons.values():
            pygame.draw.polygon(surface, (*pal.SEPIA, 200), polygon, 1)
        for railway in self.rules.board.railways:
            points = railway.line or tuple(self.rules.area[stop].at for stop in railway.stops)
            self._railway(surface, [self.transform.to_local(p) for p in points])
        for bridge in self.rules.board.bridges:
            self._bridge(surface, *(self.transform.to_local(p) for p in bridge.line))
        for area_id, box in self.boxes.items():
            self._offmap_box(surface, area_id, box)
        self._compass(surface)
        self._cartouche(surface)
        for placed in self.placement.labels.values():
            self._name(surface, placed.key, placed.rect, placed.lines, placed.size, placed.role)
        frame = pygame.Rect((0, 0), self.size)
        pygame.draw.rect(surface, pal.INK, frame, 2)
        pygame.draw.rect(surface, pal.INK_SOFT, frame.inflate(-8, -8), 1)
        return surface

    def _grain(self, surface: pygame.Surface) -> None:
        """Paper fibres and specks, the same every time (a fixed seed), and a darker edge like old paper."""
        width, height = self.size
        chance = random.Random(1917)
        for _ in range(width * height // 90):
            x, y = chance.randrange(width), chance.randrange(height)
            tone = pal.mix(pal.PAPER, pal.PAPER_DARK if chance.random() < 0.7 else pal.PAPER_LIGHT, chance.random())
            surface.fill(tone, (x, y, chance.choice((1, 1, 2)), 1))
        edge = pygame.Surface(self.size, pygame.SRCALPHA)
        depth = max(8, min(width, height) // 14)
        for step in range(depth):
            alpha = round(34 * (1 - step / depth) ** 2)
            pygame.draw.rect(edge, (*pal.SEPIA, alpha), (step, step, width - 2 * step, height - 2 * step), 1)
        surface.blit(edge, (0, 0))

    def _water(self, surface: pygame.Surface) -> None:
        layer = pygame.Surface(self.size, pygame.SRCALPHA)
        for water in self.rules.board.water:
            pygame.draw.polygon(layer, pal.WATER, [self.transform.to_local(p) for p in water.polygon])
        mask = pygame.mask.from_surface(layer)
        shore = pygame.Surface(self.size, pygame.SRCALPHA)
        shore.fill((*pal.WATER, 255))
        gap = max(4, round(7 * self.transform.scale))
        for y in range(0, self.size[1], gap):  # engraved ripples, as on old charts
            pygame.draw.line(shore, pal.WATER_LINE, (0, y), (self.size[0], y), 1)
        for polygon in self.polygons.values():
            pygame.draw.polygon(shore, pal.WATER_DEEP, polygon, max(3, gap))
            pygame.draw.polygon(shore, pal.SHORE, polygon, 2)
        surface.blit(mask.to_surface(setsurface=shore, unsetcolor=(0, 0, 0, 0)), (0, 0))

    def _railway(self, surface: pygame.Surface, points: list[tuple[int, int]]) -> None:
        width = max(3, round(5 * self.transform.scale * self.ui_scale))
        pygame.draw.lines(surface, pal.RAIL_DARK, False, points, width)
        for point in points:
            pygame.draw.circle(surface, pal.RAIL_DARK, point, width // 2)
        dash = max(4, width * 2)
        for start, end in zip(points, points[1:]):
            _dashes(surface, start, end, dash, max(1, width - 2))

    def _bridge(self, surface: pygame.Surface, start: tuple[int, int], end: tuple[int, int]) -> None:
        width = max(5, round(9 * self.transform.scale * self.ui_scale))
        pygame.draw.line(surface, pal.INK, start, end, width)
        pygame.draw.line(surface, pal.PAPER_LIGHT, start, end, max(1, width - 4))

    def _offmap_box(self, surface: pygame.Surface, area_id: str, box: pygame.Rect) -> None:
        pygame.draw.rect(surface, pal.PAPER_LIGHT, box)
        pygame.draw.rect(surface, pal.INK, box, 2)
        pygame.draw.rect(surface, pal.SEPIA, box.inflate(-6, -6), 1)
        area = self.rules.area[area_id]
        font = self.assets.font("bold", self.label_size)
        for index, line in enumerate(self.box_title(area.name)):
            title = font.render(line, True, pal.INK)
            surface.blit(title, title.get_rect(midtop=(box.centerx, box.top + 5 + index * font.get_linesize())))

    def _name(self, surface: pygame.Surface, key: str, rect: pygame.Rect, lines: tuple[str, ...], size: int,
              role: str) -> None:
        font_role, colour, capitals, tracking = STYLES[role]
        font = self.assets.font(font_role, size)
        halo_colour = pal.WATER if role == "water" else pal.PAPER_LIGHT
        left = rect.left + (self.badge_slot(size) if role in KIND_ORDER else 0)
        y = rect.top
        for line in lines:
            text = line.upper() if capitals else line
            ink = render_spaced(font, text, colour, tracking * size // 12)
            halo = render_spaced(font, text, halo_colour, tracking * size // 12)
            halo.set_alpha(225)
            rendered = with_halo(ink, halo)
            surface.blit(rendered, ((left + rect.right) // 2 - rendered.get_width() // 2, y - 1))
            y += ink.get_height()

    def badge_centre(self, area_id: str) -> tuple[int, int] | None:
        """Where the badge of the faction holding an area goes (local coordinates)."""
        if area_id in self.boxes:
            box = self.boxes[area_id]
            return box.left + self.label_size // 2 + 6, box.top + self.label_size // 2 + 6
        placed = self.placement.labels.get(area_id)
        if placed is None:
            return None
        line_height = self.measure(placed.role, placed.size, placed.lines[0])[1]
        return placed.rect.left + self.badge_slot(placed.size) // 2, placed.rect.top + line_height // 2

    def _compass(self, surface: pygame.Surface) -> None:
        rect = self._compass_rect()
        radius = rect.width // 2
        centre = (rect.centerx, rect.top + self.label_size + radius)
        pygame.draw.circle(surface, (*pal.SEPIA, 160), centre, radius, 1)
        pygame.draw.circle(surface, (*pal.SEPIA, 120), centre, round(radius * 0.72), 1)
        cx, cy = centre
        for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)):
            tip = (cx + dx * radius, cy + dy * radius)
            left = (cx - dy * radius * 0.18, cy + dx * radius * 0.18)
            right = (cx + dy * radius * 0.18, cy - dx * radius * 0.18)
            pygame.draw.polygon(surface, pal.INK if dy == -1 else pal.SEPIA, (tip, left, centre))
            pygame.draw.polygon(surface, pal.PAPER_LIGHT, (tip, right, centre))
            pygame.draw.polygon(surface, pal.INK, (tip, left, centre, right), 1)
        north = self.assets.font("title", self.label_size + 2).render("N", True, pal.INK)
        surface.blit(north, north.get_rect(midbottom=(cx, cy - radius - 1)))

    def _cartouche(self, surface: pygame.Surface) -> None:
        rect = self._cartouche_rect()
        pygame.draw.rect(surface, (*pal.PAPER_LIGHT, 235), rect)
        pygame.draw.rect(surface, pal.INK, rect, 2)
        pygame.draw.rect(surface, pal.SEPIA, rect.inflate(-7, -7), 1)
        title = self.assets.font("title", round(self.label_size * 1.7)).render("PETROGRAD", True, pal.INK)
        surface.blit(title, title.get_rect(midtop=(rect.centerx, rect.top + 6)))
        small = self.assets.font("title_it", self.label_size)
        for index, line in enumerate(("and its approaches", "October to December 1917")):
            text = small.render(line, True, pal.INK_SOFT)
            top = rect.top + 6 + title.get_height() + index * small.get_linesize()
            surface.blit(text, text.get_rect(midtop=(rect.centerx, top)))


def _apart(boxes: dict[str, pygame.Rect], marks: list[pygame.Rect], frame: pygame.Rect,
           tokens: Sequence[pygame.Rect] = ()) -> dict[str, pygame.Rect]:
    """Off-map boxes moved the least distance that clears every mark and every box placed before, in the frame.

    Where there is a choice, a box keeps off the places where the areas' tokens stand (a small window squeezes
    the boxes onto the land).
    """
    placed: dict[str, pygame.Rect] = {}
    for key, box in boxes.items():
        taken = [*marks, *placed.values()]
        options = [box]
        for other in taken:
            options += [box.move(other.right + 4 - box.left, 0), box.move(other.left - 4 - box.right, 0),
                        box.move(0, other.bottom + 4 - box.top), box.move(0, other.top - 4 - box.bottom)]
        options = [option.clamp(frame) for option in options]
        free = [option for option in options if option.collidelist(taken) == -1]
        placed[key] = min(free, key=lambda option, start=box: (len(option.collidelistall(tokens)),
                                                                abs(option.x - start.x) + abs(option.y - start.y))) \
            if free else box
    return placed


def _extent(area: Area) -> int:
    xs = [p[0] for p in area.polygon]
    ys = [p[1] for p in area.polygon]
    return (max(xs) - min(xs)) * (max(ys) - min(ys))


def _dashes(surface: pygame.Surface, start: tuple[int, int], end: tuple[int, int], dash: int, width: int) -> None:
    """Light dashes along a dark line: the black-and-white railway of printed maps."""
    (x1, y1), (x2, y2) = start, end
    length = max(1.0, ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)
    steps = int(length // dash)
    for index in range(0, steps, 2):
        a, b = index * dash / length, min(1.0, (index + 1) * dash / length)
        pygame.draw.line(surface, pal.RAIL_LIGHT, (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                         (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b), width)
