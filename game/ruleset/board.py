"""The map sheet of a ruleset: the water, bridges and railways drawn besides the areas, in map units."""

import attrs

from game.ruleset.entry import Entry
from game.ruleset.fields import ref

Point = tuple[int, int]


@attrs.frozen(kw_only=True)
class Water(Entry):
    """A river, canal or stretch of sea, drawn as a polygon."""

    collection = "water"
    polygon: tuple[Point, ...]
    label_at: Point | None = None  # where its name is written; left out, the name is not drawn


@attrs.frozen(kw_only=True)
class Bridge(Entry):
    """A bridge drawn over water along the road link between two areas."""

    collection = "bridges"
    links: tuple[str, str] = ref("areas")  # the two areas it joins
    line: tuple[Point, Point]  # from one bank to the other


@attrs.frozen(kw_only=True)
class Railway(Entry):
    """A railway line drawn through the areas it serves, in order."""

    collection = "railways"
    stops: tuple[str, ...] = ref("areas")  # each stop is rail-linked to the next
    line: tuple[Point, ...] = ()  # the drawn path; empty: straight from stop to stop


@attrs.frozen(kw_only=True)
class Board:
    """The map sheet: its size in map units and what is drawn besides the areas."""

    size: Point = (1600, 1200)
    water: tuple[Water, ...] = ()
    bridges: tuple[Bridge, ...] = ()
    railways: tuple[Railway, ...] = ()
