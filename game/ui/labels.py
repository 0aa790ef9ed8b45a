"""A label placer: puts each name near its anchor where it overlaps no other label and nothing reserved.

Like a cartographer, it tries the best spot first (just above the anchor),
then the spots around it, then further out; then the name broken over two
lines; then a smaller size. A label that fits nowhere is put where it
overlaps least and reported in ``Placement.crowded``, so a test can insist
that the shipped map has none.

>>> measure = lambda role, size, text: (len(text) * size // 2, size)
>>> placed = place_labels([Label("a", (("Smolny",),), (50, 50), 10, 8)], [], (0, 0, 200, 200), measure)
>>> placed.rects["a"].bottom <= 50
True
"""

from collections.abc import Callable, Iterator, Sequence

import attrs
import pygame

from game.ui.geometry import inside

Measure = Callable[[str, int, str], tuple[int, int]]  # (font role, pixel size, text) -> (width, height)
GAP = 3  # pixels kept clear between two labels


@attrs.frozen
class Label:
    """A name to place: its line layouts (preferred first), anchor, and preferred and smallest sizes."""

    key: str
    variants: tuple[tuple[str, ...], ...]
    anchor: tuple[float, float]
    size: int
    min_size: int
    role: str = "body"
    keep_clear: tuple[int, int] = (0, 0)  # width and height of the zone just below the anchor (the unit tokens)
    clear_above: int = 0  # pixels kept free just above the anchor (the count badges sticking out of the tokens)
    fixed: bool = False  # water names: written where the designer put them, never moved
    region: tuple[tuple[int, int], ...] = ()  # the area's outline: a label inside it is preferred


@attrs.frozen
class Placed:
    """Where a label went: its rectangle, lines, size and font role."""

    key: str
    rect: pygame.Rect
    lines: tuple[str, ...]
    size: int
    role: str


@attrs.frozen
class Placement:
    """The placed labels by key, and the keys of those that could not avoid an overlap."""

    rects: dict[str, pygame.Rect]
    labels: dict[str, Placed]
    crowded: tuple[str, ...]


def two_line_variants(name: str) -> tuple[tuple[str, ...], ...]:
    """The name on one line, then broken at each space into two lines, most balanced first."""
    words = name.split()
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    splits.sort(key=lambda pair: abs(len(pair[0]) - len(pair[1])))
    return ((name,), *splits)


def block_size(measure: Measure, role: str, size: int, lines: Sequence[str]) -> tuple[int, int]:
    """Width and height of lines set one under another."""
    sizes = [measure(role, size, line) for line in lines]
    return max(width for width, _ in sizes), sum(height for _, height in sizes)


RINGS = (0, 8, 16, 26, 38)  # how far out from the nearest spots to look, in pixels


def candidate_offsets(width: int, height: int, clear: tuple[int, int], step: int,
                      clear_above: int = 0) -> list[tuple[int, int]]:
    """Top-left offsets from the anchor, ``step`` pixels out: above, below the tokens, beside, then corners."""
    zone_w, zone_h = clear
    above = -height - 1 - step - clear_above
    below = zone_h + 2 + step
    beside = max(0, zone_h // 2 - height // 2)
    left, right = -zone_w // 2 - width - 4 - step, zone_w // 2 + 4 + step
    middle = -width // 2
    spots = [(middle, above), (middle, below), (right, beside), (left, beside),
             (middle + step + zone_w // 4, above), (middle - step - zone_w // 4, above),
             (middle + step + zone_w // 4, below), (middle - step - zone_w // 4, below)]
    return list(dict.fromkeys(spots))


Segment = tuple[tuple[int, int], tuple[int, int]]


def place_labels(labels: Sequence[Label], obstacles: Sequence[pygame.Rect], bounds: tuple[int, int, int, int],
                 measure: Measure, lines: Sequence[Segment] = ()) -> Placement:
    """Place labels in order (the most constrained first), each avoiding the ones before and the obstacles.

    ``lines`` (railways) are avoided when a spot that crosses none is free, but never forbid a spot.
    """
    frame = pygame.Rect(bounds)
    taken: list[pygame.Rect] = [pygame.Rect(rect) for rect in obstacles]
    placed: dict[str, Placed] = {}
    crowded: list[str] = []
    for label in labels:
        choice = _fixed(label, measure) if label.fixed else _first_free(label, taken, frame, measure, lines)
        if choice is None:
            choice = _least_overlap(label, taken, frame, measure)
            crowded.append(label.key)
        placed[label.key] = choice
        taken.append(choice.rect.inflate(GAP * 2, GAP * 2))
    return Placement({key: item.rect for key, item in placed.items()}, placed, tuple(crowded))


def _fixed(label: Label, measure: Measure) -> Placed:
    lines = label.variants[0]
    width, height = block_size(measure, label.role, label.size, lines)
    rect = pygame.Rect(0, 0, width, height)
    rect.center = (round(label.anchor[0]), round(label.anchor[1]))
    return Placed(label.key, rect, lines, label.size, label.role)


def _candidates(label: Label, frame: pygame.Rect, measure: Measure) -> Iterator[Placed]:
    """Every spot to try, best first: a smaller size only when no spot and no line break works at this one."""
    for size in range(label.size, label.min_size - 1, -1):
        for step in RINGS:
            for lines in label.variants:
                width, height = block_size(measure, label.role, size, lines)
                for dx, dy in candidate_offsets(width, height, label.keep_clear, step, label.clear_above):
                    rect = pygame.Rect(round(label.anchor[0]) + dx, round(label.anchor[1]) + dy, width, height)
                    if frame.contains(rect):
                        yield Placed(label.key, rect, lines, size, label.role)


def _first_free(label: Label, taken: list[pygame.Rect], frame: pygame.Rect, measure: Measure,
                lines: Sequence[Segment] = ()) -> Placed | None:
    """The first free spot inside the label's region and off the lines, else inside, else centred in it, else any."""
    clear = within = centred = anywhere = None
    for candidate in _candidates(label, frame, measure):
        if candidate.rect.collidelist(taken) != -1:
            continue
        if not label.region or _within(candidate.rect, label.region):
            if not any(candidate.rect.clipline(*segment) for segment in lines):
                clear = candidate
                break
            within = within or candidate
            continue
        if centred is None and inside(candidate.rect.center, label.region):
            centred = candidate
        anywhere = anywhere or candidate
    return clear or within or centred or anywhere


def _within(rect: pygame.Rect, region: Sequence[Sequence[float]]) -> bool:
    """Whether the middle of each side of the rectangle lies inside the region."""
    points = (rect.midtop, rect.midbottom, (rect.left + 2, rect.centery), (rect.right - 2, rect.centery))
    return all(inside(point, region) for point in points)


def _least_overlap(label: Label, taken: list[pygame.Rect], frame: pygame.Rect, measure: Measure) -> Placed:
    best: Placed | None = None
    best_overlap = -1
    for candidate in _candidates(label, frame, measure):
        overlap = sum(_area(candidate.rect.clip(rect)) for rect in taken)
        if best is None or overlap < best_overlap:
            best, best_overlap = candidate, overlap
    if best is None:  # nothing fits inside the frame at all: a tiny window; put it at its anchor
        best = _fixed(attrs.evolve(label, size=label.min_size), measure)
    return best


def _area(rect: pygame.Rect) -> int:
    return rect.width * rect.height
