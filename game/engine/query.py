"""Reading the state by id: tracks, support, control, units, dates, strengths."""

import datetime
from typing import TypeVar

from game.engine.state import Context, GameState, Unit
from game.ruleset.fields import SELF, TARGET
from game.ruleset.model import Ruleset

T = TypeVar("T")


def replaced(values: tuple[T, ...], index: int, value: T) -> tuple[T, ...]:
    """A copy of ``values`` with one item replaced."""
    return values[:index] + (value,) + values[index + 1:]


def faction_in(context: Context, faction: str) -> str:
    """The faction a rule names, with ``self`` read as the acting faction."""
    if faction == SELF:
        assert context.actor is not None, "the loader allows 'self' only where a faction acts"
        return context.actor
    return faction


def area_in(context: Context, area: str) -> str:
    """The area a rule names, with ``target`` read as the area aimed at."""
    if area == TARGET:
        assert context.target is not None, "the loader allows 'target' only where an area is aimed at"
        return context.target
    return area


def track_value(rules: Ruleset, state: GameState, track: str, faction: str | None = None) -> int:
    """A track's value: the city's, or a seated faction's (0 for a faction without a seat)."""
    if faction is None:
        return state.city[rules.city_track_index[track]]
    seat = rules.seat_index.get(faction)
    return 0 if seat is None else state.per_faction[rules.faction_track_index[track]][seat]


def influence(rules: Ruleset, state: GameState, faction: str) -> int:
    """What a faction has to spend."""
    return track_value(rules, state, "influence", faction)


def support(rules: Ruleset, state: GameState, group: str, faction: str) -> int:
    """A group's support for a faction (0 for a faction without a seat)."""
    seat = rules.seat_index.get(faction)
    return 0 if seat is None else state.support[rules.group_index[group]][seat]


def undecided(rules: Ruleset, state: GameState, group: str) -> int:
    """The part of a group that backs no faction."""
    return rules.group[group].size - sum(state.support[rules.group_index[group]])


def controller(rules: Ruleset, state: GameState, area: str) -> str | None:
    """The faction that controls an area, if any."""
    return state.control[rules.area_index[area]]


def units_in(state: GameState, area: str, owner: str | None = None) -> tuple[Unit, ...]:
    """Units in an area, optionally of one owner."""
    return tuple(unit for unit in state.units if unit.area == area and (owner is None or unit.owner == owner))


def rival_units(rules: Ruleset, state: GameState, area: str, faction: str) -> tuple[Unit, ...]:
    """Units in an area held by other seated factions: the ones that fight."""
    return tuple(unit for unit in state.units
                 if unit.area == area and unit.owner != faction and unit.owner in rules.seat_index)


def ready(unit: Unit) -> bool:
    """A unit that can still move or fight this turn."""
    return not (unit.spent or unit.drunk)


def strength(rules: Ruleset, unit: Unit) -> int:
    """A unit's fighting strength where it stands: drunk is 0, demoralised is halved."""
    if unit.drunk:
        return 0
    kind = rules.unit[unit.kind]
    features = rules.area[unit.area].features
    total = kind.strength + sum(bonus.strength for bonus in kind.bonuses if bonus.feature in features)
    return total // 2 if unit.demoralised else total


def weakest_first(rules: Ruleset, units: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """Units in the order they are lost: weakest first, then the newest."""
    return tuple(sorted(units, key=lambda unit: (strength(rules, unit), -unit.uid)))


def turn_span(rules: Ruleset, turn: int) -> tuple[datetime.date, datetime.date]:
    """The first and last Old Style day of a turn (turns count from 1)."""
    dates = rules.scenario.turns
    start = dates[turn - 1]
    end = dates[turn] - datetime.timedelta(days=1) if turn < len(dates) else rules.scenario.end
    return start, end


def current_date(rules: Ruleset, state: GameState) -> datetime.date:
    """The Old Style date the current turn begins."""
    return rules.scenario.turns[state.turn - 1]
