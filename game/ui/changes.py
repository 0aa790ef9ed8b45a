"""What changed between two states: units that moved, came or went, areas that changed hands, tracks that moved.

The board animates and flashes from this after each step. It compares two
immutable states and nothing else, so it is cheap, pure and the same on every
machine. The small records are named tuples, so that a scene may read them by
name or unpack them: ``for area, old, new in changes.control``.
"""

from typing import NamedTuple

import attrs

from game.engine import GameState
from game.engine.state import Unit
from game.ruleset.model import Ruleset


class UnitMove(NamedTuple):
    """A unit that went from one area to another."""

    uid: int
    kind: str
    owner: str
    from_area: str
    to_area: str


class UnitChange(NamedTuple):
    """A unit that stayed but changed: went over to another side, got drunk, lost heart, or recovered."""

    before: Unit
    after: Unit


class ControlChange(NamedTuple):
    """An area that changed hands; ``None`` is nobody."""

    area: str
    old: str | None
    new: str | None


class TrackChange(NamedTuple):
    """A track that moved: a city track (``faction`` is ``None``) or one faction's."""

    track: str
    faction: str | None
    old: int
    new: int


class SupportChange(NamedTuple):
    """A group's support for one faction."""

    group: str
    faction: str
    old: int
    new: int


@attrs.frozen
class Changes:
    """Everything that differs between two states, in the rules' file order (units by uid)."""

    moved: tuple[UnitMove, ...] = ()
    appeared: tuple[Unit, ...] = ()
    removed: tuple[Unit, ...] = ()
    altered: tuple[UnitChange, ...] = ()
    control: tuple[ControlChange, ...] = ()
    tracks: tuple[TrackChange, ...] = ()
    support: tuple[SupportChange, ...] = ()
    decrees: tuple[str, ...] = ()  # newly issued, in order
    events: tuple[str, ...] = ()  # newly fired, in order
    flags_set: tuple[str, ...] = ()
    flags_cleared: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        """Whether anything changed that a player can see on the board."""
        return any(attrs.astuple(self, recurse=False))

    def areas(self) -> tuple[str, ...]:
        """Every area touched: units came, went or changed there, or it changed hands (for flashes)."""
        touched = [area for move in self.moved for area in (move.from_area, move.to_area)]
        touched += [unit.area for unit in (*self.appeared, *self.removed)]
        touched += [change.after.area for change in self.altered]
        touched += [change.area for change in self.control]
        return tuple(dict.fromkeys(touched))


def diff(rules: Ruleset, before: GameState, after: GameState) -> Changes:
    """What changed from ``before`` to ``after``."""
    old, new = _by_uid(before), _by_uid(after)
    return Changes(
        moved=tuple(UnitMove(unit.uid, unit.kind, unit.owner, old[unit.uid].area, unit.area)
                    for unit in after.units if unit.uid in old and old[unit.uid].area != unit.area),
        appeared=tuple(unit for unit in after.units if unit.uid not in old),
        removed=tuple(unit for unit in before.units if unit.uid not in new),
        altered=tuple(UnitChange(old[unit.uid], unit) for unit in after.units
                      if unit.uid in old and _looks(old[unit.uid]) != _looks(unit)),
        control=tuple(ControlChange(area.id, old, new)
                      for area, old, new in zip(rules.areas, before.control, after.control) if old != new),
        tracks=track_changes(rules, before, after),
        support=tuple(SupportChange(group.id, faction, old, new)
                      for group, old_row, new_row in zip(rules.groups, before.support, after.support)
                      for faction, old, new in zip(rules.seats, old_row, new_row) if old != new),
        decrees=after.decrees[len(before.decrees):] if after.decrees[:len(before.decrees)] == before.decrees else (),
        events=after.fired[len(before.fired):] if after.fired[:len(before.fired)] == before.fired else (),
        flags_set=tuple(flag for flag in after.flags if flag not in before.flags),
        flags_cleared=tuple(flag for flag in before.flags if flag not in after.flags),
    )


def track_changes(rules: Ruleset, before: GameState, after: GameState) -> tuple[TrackChange, ...]:
    """City tracks first, then each faction track seat by seat."""
    city = [TrackChange(track.id, None, old, new)
            for track, old, new in zip(rules.city_tracks(), before.city, after.city) if old != new]
    per_faction = [TrackChange(track.id, faction, old, new)
                   for track, old_row, new_row in zip(rules.faction_tracks(), before.per_faction, after.per_faction)
                   for faction, old, new in zip(rules.seats, old_row, new_row) if old != new]
    return (*city, *per_faction)


def _looks(unit: Unit) -> tuple[str, bool, bool]:
    """What a player sees of a unit beside its area: its side, drunkenness and morale (not being spent)."""
    return unit.owner, unit.drunk, unit.demoralised


def _by_uid(state: GameState) -> dict[int, Unit]:
    return {unit.uid: unit for unit in state.units}
