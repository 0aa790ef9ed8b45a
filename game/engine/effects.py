"""What each YAML effect does: one small pure function per kind.

Every function takes the rules, the state, the effect, its context and a log,
and returns the new state. Effects that need a decision (``choice``,
``chance``) set ``state.decision`` and the game waits for a move; ``if``
pushes the chosen branch onto the agenda to run next.
"""

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from game.engine import query as q
from game.engine.conditions import holds_all
from game.engine.log import Log, area_name, capitalised, faction_name, units_doing, units_text
from game.engine.state import Context, Frame, GameState, PendingChance, PendingChoice, Unit
from game.ruleset import vocabulary as v
from game.ruleset.model import Ruleset

Apply = Callable[[Ruleset, GameState, Any, Context, Log], GameState]
APPLIERS: dict[type[v.Effect], Apply] = {}
F = TypeVar("F", bound=Apply)


def applies(kind: type[v.Effect]) -> Callable[[F], F]:
    """Register the function that carries out an effect kind."""

    def register(function: F) -> F:
        APPLIERS[kind] = function
        return function

    return register


def apply_effect(rules: Ruleset, state: GameState, effect: v.Effect, context: Context, log: Log) -> GameState:
    """Carry out one effect."""
    return APPLIERS[type(effect)](rules, state, effect, context, log)


def push(state: GameState, effects: tuple[v.Effect, ...], context: Context) -> GameState:
    """Put effects on top of the agenda, to run before anything already waiting."""
    if not effects:
        return state
    return state.replace(agenda=state.agenda + (Frame(effects, context),))


# --- helpers shared by several effects --------------------------------------


def set_track(rules: Ruleset, state: GameState, track: str, faction: str | None, value: int, log: Log) -> GameState:
    """Set a track, kept within its bounds; a faction without a seat has no tracks."""
    spec = rules.track[track]
    value = max(spec.min, min(spec.max, value))
    old = q.track_value(rules, state, track, faction)
    if value == old or (faction is not None and faction not in rules.seat_index):
        return state
    if log:
        owner = "" if faction is None else f" of {faction_name(rules, faction)}"
        log.detail(f"{spec.name}{owner}: {old} → {value}{' ' + spec.unit if spec.unit else ''}")
    if faction is None:
        return state.replace(city=q.replaced(state.city, rules.city_track_index[track], value))
    row = rules.faction_track_index[track]
    values = q.replaced(state.per_faction[row], rules.seat_index[faction], value)
    return state.replace(per_faction=q.replaced(state.per_faction, row, values))


def claim(rules: Ruleset, state: GameState, area: str, faction: str, log: Log) -> GameState:
    """A seated faction takes an area when it stands there unopposed."""
    if faction not in rules.seat_index or q.rival_units(rules, state, area, faction):
        return state
    index = rules.area_index[area]
    if state.control[index] == faction:
        return state
    if log:
        log.detail(f"{capitalised(area_name(rules, area))} passes to {faction_name(rules, faction)}.")
    return state.replace(control=q.replaced(state.control, index, faction))


def matching_units(state: GameState, area: str, faction: str | None, kind: str | None) -> tuple[Unit, ...]:
    """Units in an area, filtered by owner and type when given."""
    return tuple(unit for unit in state.units if unit.area == area
                 and (faction is None or unit.owner == faction) and (kind is None or unit.kind == kind))


def remove(state: GameState, gone: tuple[Unit, ...]) -> GameState:
    """Take units off the board."""
    uids = {unit.uid for unit in gone}
    return state.replace(units=tuple(unit for unit in state.units if unit.uid not in uids))


def relocate(state: GameState, moving: tuple[Unit, ...], area: str, spent: bool | None = None) -> GameState:
    """Move units to an area, optionally marking them spent."""
    uids = {unit.uid for unit in moving}
    units = tuple(unit.moved(area, unit.spent if spent is None else spent)
                  if unit.uid in uids else unit for unit in state.units)
    return state.replace(units=units)


# --- the vocabulary -------------------------------------------------------------


@applies(v.ChangeTrack)
def change_track(rules: Ruleset, state: GameState, e: v.ChangeTrack, context: Context, log: Log) -> GameState:
    """``change_track: {track: bread, by: -2}``, or for a faction's track ``{track: influence, faction: self, by: 1}``

    The value stays within the track's min and max.
    """
    faction = None if e.faction is None else q.faction_in(context, e.faction)
    return set_track(rules, state, e.track, faction, q.track_value(rules, state, e.track, faction) + e.by, log)


@applies(v.SetTrack)
def set_track_to(rules: Ruleset, state: GameState, e: v.SetTrack, context: Context, log: Log) -> GameState:
    """``set_track: {track: vikzhel_talks, to: 0}``"""
    faction = None if e.faction is None else q.faction_in(context, e.faction)
    return set_track(rules, state, e.track, faction, e.to, log)


@applies(v.ShiftSupport)
def shift_support(rules: Ruleset, state: GameState, e: v.ShiftSupport, context: Context, log: Log) -> GameState:
    """``shift_support: {group: peasants, toward: left_sr, by: 2}``

    A gain comes first from the undecided, then from the rival with most
    support (the earlier seat on a tie); a loss goes back to the undecided.
    """
    faction = q.faction_in(context, e.toward)
    if faction not in rules.seat_index or e.by == 0:
        return state
    row = rules.group_index[e.group]
    values = list(state.support[row])
    seat = rules.seat_index[faction]
    if e.by < 0:
        values[seat] = max(0, values[seat] + e.by)
    else:
        for _ in range(e.by):
            if sum(values) < rules.group[e.group].size:
                values[seat] += 1
                continue
            rival = max((index for index in range(len(values)) if index != seat and values[index] > 0),
                        key=lambda index: (values[index], -index), default=None)
            if rival is None:
                break
            values[rival] -= 1
            values[seat] += 1
    if log and tuple(values) != state.support[row]:
        log.detail(f"{rules.group[e.group].name}: support for {faction_name(rules, faction)} "
                f"{state.support[row][seat]} → {values[seat]}")
    return state.replace(support=q.replaced(state.support, row, tuple(values)))


@applies(v.SetFlag)
def set_flag(rules: Ruleset, state: GameState, e: v.SetFlag, context: Context, log: Log) -> GameState:
    """``set_flag: congress_in_session``"""
    if e.flag in state.flags:
        return state
    return state.replace(flags=tuple(sorted((*state.flags, e.flag))))


@applies(v.ClearFlag)
def clear_flag(rules: Ruleset, state: GameState, e: v.ClearFlag, context: Context, log: Log) -> GameState:
    """``clear_flag: congress_in_session``"""
    return state.replace(flags=tuple(flag for flag in state.flags if flag != e.flag))


@applies(v.PlaceUnits)
def place_units(rules: Ruleset, state: GameState, e: v.PlaceUnits, context: Context, log: Log) -> GameState:
    """``place_units: {area: gatchina, unit: cossacks, faction: whites, count: 3}``; an unopposed seat takes the area"""
    area, faction = q.area_in(context, e.area), q.faction_in(context, e.faction)
    new = tuple(Unit(state.next_uid + index, e.unit, faction, area) for index in range(e.count))
    state = state.replace(units=state.units + new, next_uid=state.next_uid + e.count)
    if log:
        appear = "appears" if len(new) == 1 else "appear"
        log.detail(f"{units_text(rules, new)} ({faction_name(rules, faction)}) {appear} in {area_name(rules, area)}.")
    return claim(rules, state, area, faction, log)


@applies(v.RemoveUnits)
def remove_units(rules: Ruleset, state: GameState, e: v.RemoveUnits, context: Context, log: Log) -> GameState:
    """``remove_units: {area: engineers_castle, faction: salvation, unit: junkers, count: 2}``

    The weakest go first; without ``count`` all matching units go.
    """
    area = q.area_in(context, e.area)
    faction = None if e.faction is None else q.faction_in(context, e.faction)
    gone = q.weakest_first(rules, matching_units(state, area, faction, e.unit))[:e.count]
    if log and gone:
        log.detail(f"{units_doing(rules, gone, 'leaves', 'leave')} {area_name(rules, area)}.")
    return remove(state, gone)


@applies(v.MoveUnits)
def move_units(rules: Ruleset, state: GameState, e: v.MoveUnits, context: Context, log: Log) -> GameState:
    """``move_units: {from: helsinki, to: smolny, faction: sovnarkom, unit: sailors}``"""
    source, to = q.area_in(context, e.source), q.area_in(context, e.to)
    faction = q.faction_in(context, e.faction)
    moving = matching_units(state, source, faction, e.unit)
    if not moving:
        return state
    if log:
        log.detail(f"{units_doing(rules, moving, 'goes', 'go')} from {area_name(rules, source)} "
                   f"to {area_name(rules, to)}.")
    return claim(rules, relocate(state, moving, to), to, faction, log)


@applies(v.SetControl)
def set_control(rules: Ruleset, state: GameState, e: v.SetControl, context: Context, log: Log) -> GameState:
    """``set_control: {area: state_bank, faction: salvation}``"""
    area, faction = q.area_in(context, e.area), q.faction_in(context, e.faction)
    if log:
        log.detail(f"{capitalised(area_name(rules, area))} passes to {faction_name(rules, faction)}.")
    return state.replace(control=q.replaced(state.control, rules.area_index[area], faction))


@applies(v.ClearControl)
def clear_control(rules: Ruleset, state: GameState, e: v.ClearControl, context: Context, log: Log) -> GameState:
    """``clear_control: telephone_exchange``"""
    area = q.area_in(context, e.area)
    if log:
        log.detail(f"{capitalised(area_name(rules, area))} is held by no one now.")
    return state.replace(control=q.replaced(state.control, rules.area_index[area], None))


@applies(v.SetStatus)
def set_status(rules: Ruleset, state: GameState, e: v.SetStatus, context: Context, log: Log) -> GameState:
    """``set_status: {area: winter_palace, status: drunk}`` (also ``value: false``, ``faction:``, ``unit:``)"""
    area = q.area_in(context, e.area)
    faction = None if e.faction is None else q.faction_in(context, e.faction)
    kinds = {kind.id for kind in rules.units if e.status != "drunk" or kind.can_get_drunk}
    hit = {unit.uid for unit in matching_units(state, area, faction, e.unit) if unit.kind in kinds}
    if not hit:
        return state
    units = tuple(_with_status(unit, e.status, e.value) if unit.uid in hit else unit for unit in state.units)
    if log:
        word = e.status.capitalize() if e.value else f"No longer {e.status}"
        log.detail(f"{word}: {len(hit)} unit{'s' if len(hit) > 1 else ''} in {area_name(rules, area)}.")
    return state.replace(units=units)


def _with_status(unit: Unit, status: v.Status, value: bool) -> Unit:
    if status == "drunk":
        return attrs.evolve(unit, drunk=value)
    return attrs.evolve(unit, demoralised=value)


@applies(v.Choice)
def choice(rules: Ruleset, state: GameState, e: v.Choice, context: Context, log: Log) -> GameState:
    """``choice: {faction: left_sr, prompt: ..., options: [{id: join, name: ..., effects: [...]}, ...]}``

    Only options whose ``requires`` hold are offered. A faction without a seat
    in this scenario takes the first option it may.
    """
    faction = q.faction_in(context, e.faction)
    inner = Context(actor=faction, target=context.target, source=context.source)
    offered = tuple(option for option in e.options if holds_all(rules, state, option.requires, inner))
    if not offered:
        log.detail(f"{faction_name(rules, faction)}: no option is open ({e.prompt})")
        return state
    if faction not in rules.seat_index:
        log.detail(f"{faction_name(rules, faction)}: {offered[0].name}")
        return push(state, offered[0].effects, inner)
    return state.replace(decision=PendingChoice(faction, e.prompt, offered, inner))


@applies(v.Chance)
def chance(rules: Ruleset, state: GameState, e: v.Chance, context: Context, log: Log) -> GameState:
    """``chance: {prompt: ..., outcomes: [{id: riot, name: ..., weight: 2, effects: [...]}, ...]}``"""
    return state.replace(decision=PendingChance(e.prompt, e.outcomes, context))


@applies(v.If)
def if_then_else(rules: Ruleset, state: GameState, e: v.If, context: Context, log: Log) -> GameState:
    """``if: {when: [{track: {track: order, at_most: 2}}], then: [...], else: [...]}``"""
    branch = e.then if holds_all(rules, state, e.when, context) else e.otherwise
    return push(state, branch, context)
