"""The words a rules file may use for effects and conditions.

Each class here is the validated form of one YAML entry such as
``- change_track: {track: bread, by: -2}``. What it *does* lives in
``game.engine.effects`` and ``game.engine.conditions``, one small function per
kind; a test checks that every kind has exactly one. Nothing in a rules file is
ever evaluated as Python.
"""

import datetime
from typing import Any, ClassVar, Literal, TypeVar

import attrs

from game.ruleset.fields import SELF, TARGET, actor_scope, id_field, keyed, ref, switches_on

FACTION_WORDS = (SELF,)
AREA_WORDS = (TARGET,)
Status = Literal["drunk", "demoralised"]


class Condition:
    """Something that is true or false of the game; a list of them must all hold."""

    kind: ClassVar[str]
    shorthand: ClassVar[str | None] = None


class Effect:
    """One change to the game, applied in the order written."""

    kind: ClassVar[str]
    shorthand: ClassVar[str | None] = None


CONDITIONS: dict[str, type[Condition]] = {}
EFFECTS: dict[str, type[Effect]] = {}

C = TypeVar("C", bound=type[Any])


def condition(kind: str, shorthand: str | None = None) -> Any:
    """Register a condition class under its YAML name."""

    def register(cls: C) -> C:
        cls.kind, cls.shorthand = kind, shorthand
        CONDITIONS[kind] = cls
        return cls

    return register


def effect(kind: str, shorthand: str | None = None) -> Any:
    """Register an effect class under its YAML name."""

    def register(cls: C) -> C:
        cls.kind, cls.shorthand = kind, shorthand
        EFFECTS[kind] = cls
        return cls

    return register


# --- conditions ------------------------------------------------------------


@condition("track")
@attrs.frozen(kw_only=True)
class TrackIs(Condition):
    track: str = ref("tracks")
    faction: str | None = ref("factions", specials=FACTION_WORDS, default=None)
    at_least: int | None = None
    at_most: int | None = None


@condition("support")
@attrs.frozen(kw_only=True)
class SupportIs(Condition):
    group: str = ref("groups")
    faction: str = ref("factions", specials=FACTION_WORDS)
    at_least: int | None = None
    at_most: int | None = None


@condition("controls")
@attrs.frozen(kw_only=True)
class Controls(Condition):
    faction: str = ref("factions", specials=FACTION_WORDS)
    area: str = ref("areas", specials=AREA_WORDS)


@condition("areas_controlled")
@attrs.frozen(kw_only=True)
class AreasControlled(Condition):
    faction: str = ref("factions", specials=FACTION_WORDS)
    at_least: int
    feature: str | None = ref("features", default=None)


@condition("units")
@attrs.frozen(kw_only=True)
class UnitsPresent(Condition):
    area: str | None = ref("areas", specials=AREA_WORDS, default=None)
    faction: str | None = ref("factions", specials=FACTION_WORDS, default=None)
    unit: str | None = ref("units", default=None)
    at_least: int | None = None
    at_most: int | None = None


@condition("feature")
@attrs.frozen(kw_only=True)
class HasFeature(Condition):
    area: str = ref("areas", specials=AREA_WORDS)
    feature: str = ref("features")


@condition("flag", shorthand="flag")
@attrs.frozen(kw_only=True)
class FlagSet(Condition):
    flag: str = ref("flags")


@condition("decree", shorthand="decree")
@attrs.frozen(kw_only=True)
class DecreeIssued(Condition):
    decree: str = ref("decrees")


@condition("event", shorthand="event")
@attrs.frozen(kw_only=True)
class EventFired(Condition):
    event: str = ref("events")


@condition("date")
@attrs.frozen(kw_only=True)
class DateIs(Condition):
    """Compares the date of the current turn (Old Style)."""

    on_or_after: datetime.date | None = None
    before: datetime.date | None = None


@condition("turn")
@attrs.frozen(kw_only=True)
class TurnIs(Condition):
    at_least: int | None = None
    at_most: int | None = None


@condition("any", shorthand="conditions")
@attrs.frozen(kw_only=True)
class AnyOf(Condition):
    conditions: tuple[Condition, ...]


@condition("not", shorthand="condition")
@attrs.frozen(kw_only=True)
class Not(Condition):
    condition: Condition


# --- effects ---------------------------------------------------------------


@effect("change_track")
@attrs.frozen(kw_only=True)
class ChangeTrack(Effect):
    track: str = ref("tracks")
    by: int
    faction: str | None = ref("factions", specials=FACTION_WORDS, default=None)


@effect("set_track")
@attrs.frozen(kw_only=True)
class SetTrack(Effect):
    track: str = ref("tracks")
    to: int
    faction: str | None = ref("factions", specials=FACTION_WORDS, default=None)


@effect("shift_support")
@attrs.frozen(kw_only=True)
class ShiftSupport(Effect):
    group: str = ref("groups")
    toward: str = ref("factions", specials=FACTION_WORDS)
    by: int


@effect("set_flag", shorthand="flag")
@attrs.frozen(kw_only=True)
class SetFlag(Effect):
    flag: str = switches_on("flags")


@effect("clear_flag", shorthand="flag")
@attrs.frozen(kw_only=True)
class ClearFlag(Effect):
    flag: str = ref("flags")


@effect("place_units")
@attrs.frozen(kw_only=True)
class PlaceUnits(Effect):
    area: str = ref("areas", specials=AREA_WORDS)
    unit: str = ref("units")
    faction: str = ref("factions", specials=FACTION_WORDS)
    count: int = 1


@effect("remove_units")
@attrs.frozen(kw_only=True)
class RemoveUnits(Effect):
    area: str = ref("areas", specials=AREA_WORDS)
    faction: str | None = ref("factions", specials=FACTION_WORDS, default=None)
    unit: str | None = ref("units", default=None)
    count: int | None = None  # weakest first; all when omitted


@effect("move_units")
@attrs.frozen(kw_only=True)
class MoveUnits(Effect):
    source: str = ref("areas", specials=AREA_WORDS, key="from")
    to: str = ref("areas", specials=AREA_WORDS)
    faction: str = ref("factions", specials=FACTION_WORDS)
    unit: str | None = ref("units", default=None)


@effect("set_control")
@attrs.frozen(kw_only=True)
class SetControl(Effect):
    area: str = ref("areas", specials=AREA_WORDS)
    faction: str = ref("factions", specials=FACTION_WORDS)


@effect("clear_control", shorthand="area")
@attrs.frozen(kw_only=True)
class ClearControl(Effect):
    area: str = ref("areas", specials=AREA_WORDS)


@effect("set_status")
@attrs.frozen(kw_only=True)
class SetStatus(Effect):
    area: str = ref("areas", specials=AREA_WORDS)
    status: Status
    value: bool = True
    faction: str | None = ref("factions", specials=FACTION_WORDS, default=None)
    unit: str | None = ref("units", default=None)


@attrs.frozen(kw_only=True)
class Option:
    """One answer to a choice."""

    id: str = id_field()
    name: str
    requires: tuple[Condition, ...] = actor_scope(default=())
    effects: tuple[Effect, ...] = actor_scope(default=())


@effect("choice")
@attrs.frozen(kw_only=True)
class Choice(Effect):
    faction: str = ref("factions", specials=FACTION_WORDS)
    prompt: str
    options: tuple[Option, ...]


@attrs.frozen(kw_only=True)
class Outcome:
    """One listed result of a chance step, with its weight out of the total."""

    id: str = id_field()
    name: str
    weight: int
    effects: tuple[Effect, ...] = ()


@effect("chance")
@attrs.frozen(kw_only=True)
class Chance(Effect):
    prompt: str
    outcomes: tuple[Outcome, ...]


@effect("if")
@attrs.frozen(kw_only=True)
class If(Effect):
    when: tuple[Condition, ...]
    then: tuple[Effect, ...] = ()
    otherwise: tuple[Effect, ...] = keyed("else", default=())
