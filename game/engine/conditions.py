"""What each YAML condition means: one small pure function per kind.

Every function takes the rules, the state, the condition and the context it is
read in, and answers True or False. ``holds_all`` is what the rest of the engine
calls.
"""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from game.engine import query as q
from game.engine.state import Context, GameState
from game.ruleset import vocabulary as v
from game.ruleset.model import Ruleset

Check = Callable[[Ruleset, GameState, Any, Context], bool]
CHECKS: dict[type[v.Condition], Check] = {}
F = TypeVar("F", bound=Check)


def checks(kind: type[v.Condition]) -> Callable[[F], F]:
    """Register the function that decides a condition kind."""

    def register(function: F) -> F:
        CHECKS[kind] = function
        return function

    return register


def holds(rules: Ruleset, state: GameState, condition: v.Condition, context: Context) -> bool:
    """Whether one condition holds."""
    return CHECKS[type(condition)](rules, state, condition, context)


def holds_all(rules: Ruleset, state: GameState, conditions: Iterable[v.Condition], context: Context) -> bool:
    """Whether every condition holds (an empty list always does)."""
    for condition in conditions:  # a plain loop: the search calls this about a million times a second of play-out
        if not CHECKS[type(condition)](rules, state, condition, context):
            return False
    return True


def within(value: int, at_least: int | None, at_most: int | None) -> bool:
    """Whether a value lies within optional bounds, both inclusive."""
    return (at_least is None or value >= at_least) and (at_most is None or value <= at_most)


@checks(v.TrackIs)
def track_is(rules: Ruleset, state: GameState, c: v.TrackIs, context: Context) -> bool:
    """``track: {track: bread, at_most: 3}`` or ``track: {track: influence, faction: self, at_least: 5}``"""
    faction = None if c.faction is None else q.faction_in(context, c.faction)
    return within(q.track_value(rules, state, c.track, faction), c.at_least, c.at_most)


@checks(v.SupportIs)
def support_is(rules: Ruleset, state: GameState, c: v.SupportIs, context: Context) -> bool:
    """``support: {group: peasants, faction: left_sr, at_least: 4}``"""
    return within(q.support(rules, state, c.group, q.faction_in(context, c.faction)), c.at_least, c.at_most)


@checks(v.Controls)
def controls(rules: Ruleset, state: GameState, c: v.Controls, context: Context) -> bool:
    """``controls: {faction: whites, area: smolny}``"""
    return q.controller(rules, state, q.area_in(context, c.area)) == q.faction_in(context, c.faction)


@checks(v.AreasControlled)
def areas_controlled(rules: Ruleset, state: GameState, c: v.AreasControlled, context: Context) -> bool:
    """``areas_controlled: {faction: sovnarkom, at_least: 3, feature: station}`` (feature optional)"""
    faction = q.faction_in(context, c.faction)
    count = sum(1 for area, holder in zip(rules.areas, state.control)
                if holder == faction and (c.feature is None or c.feature in area.features))
    return count >= c.at_least


@checks(v.UnitsPresent)
def units_present(rules: Ruleset, state: GameState, c: v.UnitsPresent, context: Context) -> bool:
    """``units: {area: target, faction: self, unit: sailors, at_least: 1}`` (every key optional)"""
    area = None if c.area is None else q.area_in(context, c.area)
    faction = None if c.faction is None else q.faction_in(context, c.faction)
    count = sum(1 for unit in state.units
                if (area is None or unit.area == area)
                and (faction is None or unit.owner == faction)
                and (c.unit is None or unit.kind == c.unit))
    at_least = 1 if c.at_least is None and c.at_most is None else c.at_least
    return within(count, at_least, c.at_most)


@checks(v.HasFeature)
def has_feature(rules: Ruleset, state: GameState, c: v.HasFeature, context: Context) -> bool:
    """``feature: {area: target, feature: cellars}``"""
    return c.feature in rules.area[q.area_in(context, c.area)].features


@checks(v.FlagSet)
def flag_set(rules: Ruleset, state: GameState, c: v.FlagSet, context: Context) -> bool:
    """``flag: congress_in_session``"""
    return c.flag in state.flags


@checks(v.DecreeIssued)
def decree_issued(rules: Ruleset, state: GameState, c: v.DecreeIssued, context: Context) -> bool:
    """``decree: decree_land``"""
    return c.decree in state.decrees


@checks(v.EventFired)
def event_fired(rules: Ruleset, state: GameState, c: v.EventFired, context: Context) -> bool:
    """``event: junker_rising``"""
    return c.event in state.fired


@checks(v.DateIs)
def date_is(rules: Ruleset, state: GameState, c: v.DateIs, context: Context) -> bool:
    """``date: {on_or_after: 1917-11-14, before: 1917-12-01}``: the current turn's Old Style date"""
    today = q.current_date(rules, state)
    return (c.on_or_after is None or today >= c.on_or_after) and (c.before is None or today < c.before)


@checks(v.TurnIs)
def turn_is(rules: Ruleset, state: GameState, c: v.TurnIs, context: Context) -> bool:
    """``turn: {at_least: 3}``"""
    return within(state.turn, c.at_least, c.at_most)


@checks(v.AnyOf)
def any_of(rules: Ruleset, state: GameState, c: v.AnyOf, context: Context) -> bool:
    """``any: [{flag: a}, {decree: decree_peace}]``: at least one holds"""
    return any(holds(rules, state, inner, context) for inner in c.conditions)


@checks(v.Not)
def negation(rules: Ruleset, state: GameState, c: v.Not, context: Context) -> bool:
    """``not: {flag: rail_strike}``"""
    return not holds(rules, state, c.condition, context)
