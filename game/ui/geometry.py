"""Map units to screen pixels and back, and hit tests on polygons."""

from collections.abc import Sequence

import attrs

Point = tuple[float, float]


@attrs.frozen
class MapTransform:
    """Fits the map sheet into a screen rectangle, keeping its proportions and centring it."""

    sheet: tuple[int, int]
    rect: tuple[int, int, int, int]  # x, y, width, height on the screen

    @property
    def scale(self) -> float:
        """Screen pixels per map unit."""
        return max(1e-6, min(self.rect[2] / self.sheet[0], self.rect[3] / self.sheet[1]))

    @property
    def origin(self) -> Point:
        """Where the sheet's top-left corner falls on the screen."""
        x, y, width, height = self.rect
        return (x + (width - self.sheet[0] * self.scale) / 2, y + (height - self.sheet[1] * self.scale) / 2)

    @property
    def size(self) -> tuple[int, int]:
        """The sheet's size on the screen, in whole pixels."""
        return max(1, round(self.sheet[0] * self.scale)), max(1, round(self.sheet[1] * self.scale))

    def to_screen(self, point: Sequence[float]) -> tuple[int, int]:
        """A map point on the screen."""
        ox, oy = self.origin
        return round(ox + point[0] * self.scale), round(oy + point[1] * self.scale)

    def to_local(self, point: Sequence[float]) -> tuple[int, int]:
        """A map point on the sheet's own surface (its top-left corner at 0, 0)."""
        return round(point[0] * self.scale), round(point[1] * self.scale)

    def to_map(self, point: Sequence[float]) -> Point:
        """A screen point in map units."""
        ox, oy = self.origin
        return (point[0] - ox) / self.scale, (point[1] - oy) / self.scale


def inside(point: Sequence[float], polygon: Sequence[Sequence[float]]) -> bool:
    """Whether a point lies inside a polygon (even-odd rule)."""
    x, y = point
    result = False
    count = len(polygon)
    for index in range(count):
        x1, y1 = polygon[index]
        x2, y2 = polygon[index - 1]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


def centroid(polygon: Sequence[Sequence[float]]) -> Point:
    """The mean of a polygon's corners: a rough middle, good enough for a flash or a pan."""
    count = max(1, len(polygon))
    return sum(p[0] for p in polygon) / count, sum(p[1] for p in polygon) / count
