"""A heuristic value of a position for one faction, read from its victory conditions.

Every faction wins by its own goals (YAML), so the evaluation needs no
faction-specific code: points already held count in full, objectives part met
count in part (a track halfway to its threshold is halfway there), a sudden
death counts by how near it is, and income, support, influence and troops
count a little as the means to do more. An objective that needs a place the
faction does not hold counts a little more the nearer its closest troops
stand, so that a march towards it pays before it arrives. A sudden death
that waits on flags the scenario's upkeep sets (the Whites win at the second
upkeep in a row that finds them in Smolny) is taken as likely while the
upkeep's conditions hold: the likelier the fewer upkeeps it still needs, since
the others have until then to undo it. Troops near the places those
conditions need count a little, so attackers and defenders both see the
threat coming. The weights were tuned by matches of
``normal`` against ``easy`` (docs/balance.md). The factions'
scores become win chances through a softmax, so a position is good when it is
better than the rivals', not merely good.
"""

import functools
import math
from collections import deque
from collections.abc import Callable, Mapping
from typing import TypeVar

import attrs

from game.engine import Game, GameState
from game.ruleset.fields import SELF
from game.ruleset.model import Ruleset
from game.ruleset.vocabulary import ClearFlag, Condition, Controls, FlagSet, If, SetFlag

PARTIAL_CREDIT = 0.8  # of an objective's points, scaled by how near its conditions are
SUDDEN_DEATH_WEIGHT = 8.0  # a sudden death all but met is worth about this many points
INFLUENCE_WEIGHT = 0.03  # influence in hand: worth little until spent
INCOME_WEIGHT = 0.08  # per point of income a turn, for each turn still to come
SUPPORT_WEIGHT = 0.05  # per point of support in any group
STRENGTH_WEIGHT = 0.05
APPROACH_WEIGHT = 0.4  # of an objective's points, for troops next to a place it needs (halved per step further)
# That a sudden death the upkeep would grant if nothing changed comes to pass, when it needs one upkeep more
# (the Whites in Smolny, besieged since the last upkeep) or two (the Whites have just taken Smolny).
PENDING_WIN_CHANCES = (0.6, 0.3)
SUDDEN_APPROACH_WEIGHT = 0.1  # of SUDDEN_DEATH_WEIGHT, for troops next to a place a sudden death needs
TEMPERATURE = 2.0  # points of lead that make a win about e (2.7) times likelier
# The forecast shown to players spreads the same scores wider the more turns are left. Fitted on 1,000 kept
# ``normal`` games and 80 ``hard`` ones: a lead counts a little more than above at the last turn, and two thirds
# as much for each turn further off (docs/balance.md, "How sure the bots are").
FORECAST_TEMPERATURE = 1.5  # at the last turn
FORECAST_GROWTH = 1.5  # the temperature's growth for each turn still to come


def faction_score(game: Game, state: GameState, faction: str) -> float:
    """How well placed ``faction`` is, in points of its own objectives."""
    return _weighed(term_weights(), _terms(game, state, faction, _forces(game, state)[faction], _plans(game)[faction]))


def win_chances(game: Game, state: GameState) -> tuple[float, ...]:
    """Each seat's chance of winning as the evaluation sees it; the returns once the game is over.

    The bots compare positions by these. They are sharp from the first turn,
    which makes a lead count, but as forecasts they are far too sure early on:
    players are shown ``forecast`` instead.
    """
    return _chances(game, state, TEMPERATURE)


def forecast(game: Game, state: GameState) -> tuple[float, ...]:
    """Each seat's chance of winning, as a forecast to show players; the returns once the game is over.

    The evaluation's scores, spread by a temperature that grows with the turns
    left, so that early leads, which the dice and the rivals often undo, count
    for less. Fitted so that the seats forecast about 30% to win have won about
    30% of kept games of the ten-turn campaign (docs/balance.md, "How sure
    the bots are"); the three-turn scenario, by the same rule, was checked too.
    """
    turns_left = len(game.rules.scenario.turns) - state.turn
    return _chances(game, state, FORECAST_TEMPERATURE * FORECAST_GROWTH ** max(0, turns_left))


def forecast_for(game: Game, state: GameState, faction: str) -> float:
    """One faction's ``forecast``."""
    return forecast(game, state)[game.rules.seat_index[faction]]


def forecast_of_terms(game: Game, state: GameState, terms: tuple[tuple[float, ...], ...]) -> tuple[float, ...]:
    """``forecast`` from the ``score_terms`` of the position, for callers that read the terms too."""
    turns_left = len(game.rules.scenario.turns) - state.turn
    return _chances(game, state, FORECAST_TEMPERATURE * FORECAST_GROWTH ** max(0, turns_left), terms)


def _chances(game: Game, state: GameState, temperature: float,
             terms: tuple[tuple[float, ...], ...] | None = None) -> tuple[float, ...]:
    if game.is_terminal(state):
        return game.returns(state)
    term_weight = term_weights()
    scores = [_weighed(term_weight, seat_terms) / temperature
              for seat_terms in (score_terms(game, state) if terms is None else terms)]
    top = max(scores)
    weights = [math.exp(score - top) for score in scores]
    total = sum(weights)
    chances = [weight / total for weight in weights]
    for seat, faction in enumerate(game.seats):  # earlier seats first, as the engine checks them
        upkeeps = upkeeps_to_win(game, state, faction)
        if upkeeps is not None:
            pending = PENDING_WIN_CHANCES[upkeeps - 1]
            chances = [chance * (1 - pending) for chance in chances]
            chances[seat] += pending
    return tuple(chances)


@attrs.define
class _Force:
    """A faction's troops that can still fight: the areas they stand in and their total strength."""

    where: set[str] = attrs.Factory(set)
    strength: int = 0


def _forces(game: Game, state: GameState) -> dict[str, _Force]:
    """Every seat's fighting troops, read in one pass over the units (the evaluation's hot path)."""
    forces = {faction: _Force() for faction in game.seats}
    strengths = _unit_strengths(game.rules)
    for unit in state.units:
        force = forces.get(unit.owner)
        if force is not None and not unit.demoralised:
            force.where.add(unit.area)
            force.strength += strengths[unit.kind]
    return forces


# The parts of a faction's score, in the order ``score_terms`` gives them; ``term_weights`` weighs them.
TERM_NAMES = ("points_held", "points_part_met", "points_approached", "sudden_death_met", "sudden_death_approached",
              "influence", "income_for_the_turns_left", "support", "strength")


def term_weights() -> tuple[float, ...]:
    """What each of ``TERM_NAMES`` counts for in a faction's score (read afresh, so tests may change them)."""
    return (1.0, PARTIAL_CREDIT, APPROACH_WEIGHT, SUDDEN_DEATH_WEIGHT, SUDDEN_DEATH_WEIGHT * SUDDEN_APPROACH_WEIGHT,
            INFLUENCE_WEIGHT, INCOME_WEIGHT, SUPPORT_WEIGHT, STRENGTH_WEIGHT)


def score_terms(game: Game, state: GameState) -> tuple[tuple[float, ...], ...]:
    """Every seat's score taken apart into ``TERM_NAMES``: its score is their sum weighed by ``term_weights``."""
    forces, plans = _forces(game, state), _plans(game)
    return tuple(_terms(game, state, faction, forces[faction], plans[faction]) for faction in game.seats)


def _weighed(weights: tuple[float, ...], terms: tuple[float, ...]) -> float:
    return sum(weight * term for weight, term in zip(weights, terms))


def _terms(game: Game, state: GameState, faction: str, force: _Force, plan: "_Plan") -> tuple[float, ...]:
    rules = game.rules
    held_points = part_met = approached = sudden_met = sudden_approached = 0.0
    where = force.where
    for goal in plan.goals:
        readers = goal.readers
        if len(readers) == 1:  # most goals have one condition
            share = readers[0](state)
            held = share == 1.0
        else:
            nearness = [read(state) for read in readers]
            held = nearness.count(1.0) == len(nearness)
            share = sum(nearness) / len(nearness) if nearness else 1.0
        if goal.points == 0:  # a sudden death
            if not held:
                sudden_approached += _nearness(rules, state, faction, goal.guarded_places, where, held_counts=True)
            sudden_met += share * share
        elif held:
            held_points += goal.points
        else:
            part_met += goal.points * share
            approached += goal.points * _nearness(rules, state, faction, goal.places, where)
    seat = plan.seat
    influence = state.per_faction[plan.influence_track][seat]
    support = sum(row[seat] for row in state.support)
    income = support // rules.scenario.support_per_influence + sum(
        area_influence for area_influence, holder in zip(plan.area_influence, state.control) if holder == faction)
    turns_left = len(rules.scenario.turns) - state.turn
    return (held_points, part_met, approached, sudden_met, sudden_approached, influence, income * turns_left, support,
            force.strength)


def evaluate(game: Game, state: GameState, faction: str) -> float:
    """The chance that ``faction`` wins from ``state``, as far as a quick look can tell (0 to 1)."""
    return win_chances(game, state)[game.rules.seat_index[faction]]


def _places(rules: Ruleset, faction: str, conditions: tuple[Condition, ...]) -> tuple[tuple[str, int], ...]:
    """The places the conditions need the faction to hold, with their indices in the map."""
    return tuple((condition.area, rules.area_index[condition.area]) for condition in conditions
                 if isinstance(condition, Controls) and condition.faction in (SELF, faction))


def _nearness(rules: Ruleset, state: GameState, faction: str, places: tuple[tuple[str, int], ...],
              where: set[str], held_counts: bool = False) -> float:
    """How close the faction's troops (in the areas ``where``) stand to the places it needs (0 to 1).

    1 for troops in the place, 1/2 next to it, 1/4 two steps away, and so on;
    the mean over the places needed. A place the faction holds already is left
    out, or counts 1 with ``held_counts``. 0 when no place is needed.
    """
    if not places:
        return 0.0
    control = state.control
    needed = [area for area, index in places if control[index] != faction]
    held = len(places) - len(needed)
    counted = len(needed) + (held if held_counts else 0)
    if not counted:
        return 0.0
    distances = _distances(rules)
    total = float(held) if held_counts else 0.0
    for area in needed:
        steps = min(map(distances[area].__getitem__, where), default=_FAR)  # steps are the same both ways
        total += 0.5 ** steps
    return total / counted


_FAR = 64
T = TypeVar("T")


def _per_ruleset(work: Callable[..., T]) -> Callable[..., T]:
    """Remember ``work``'s answer for each ruleset, its first argument (kept while the ruleset lives)."""
    cache: dict[int, tuple[Ruleset, T]] = {}

    @functools.wraps(work)
    def remembered(rules: Ruleset, *more: object) -> T:
        found = cache.get(id(rules))
        if found is None or found[0] is not rules:
            found = cache[id(rules)] = (rules, work(rules, *more))
        return found[1]

    return remembered


@attrs.frozen
class _Goal:
    """A goal as the evaluation reads it: its points (0 for a sudden death), its conditions and places."""

    points: int
    readers: tuple[Callable[[GameState], float], ...]  # how near each condition is (``Game.closeness_readers``)
    places: tuple[tuple[str, int], ...]  # areas the conditions need the faction to hold, with their map indices
    guarded_places: tuple[tuple[str, int], ...]  # the same, with those the upkeep's conditions for its flags need


@attrs.frozen
class _PendingWin:
    """A sudden death that waits on flags the upkeep sets, and what must hold for the upkeep to set them."""

    when: tuple[Condition, ...]  # the sudden death's conditions
    gate: tuple[Condition, ...]  # the conditions, other than flags, under which the upkeep sets those flags


@attrs.frozen
class _Plan:
    """What the evaluation reads for one faction, looked up once per ruleset rather than once per position."""

    seat: int
    goals: tuple[_Goal, ...]  # sudden deaths, then objectives, as ``Game.goals`` lists them
    influence_track: int
    area_influence: tuple[int, ...]  # by area, in map order
    pending_wins: tuple[_PendingWin, ...]  # sudden deaths that wait on flags the upkeep sets


def _plans(game: Game) -> Mapping[str, _Plan]:
    return _plans_of_rules(game.rules, game)


@_per_ruleset
def _plans_of_rules(rules: Ruleset, game: Game) -> Mapping[str, _Plan]:
    guards = _upkeep_guards(rules)
    plans = {}
    for faction in rules.seats:
        victory = rules.victory_of(faction)
        goals = tuple(_Goal(0, game.closeness_readers(faction, sudden.when), _places(rules, faction, sudden.when),
                            _places(rules, faction, _with_upkeep_guards(rules, sudden.when)))
                      for sudden in victory.sudden_death)
        goals += tuple(_Goal(objective.points, game.closeness_readers(faction, objective.when),
                             *(_places(rules, faction, objective.when),) * 2)
                       for objective in victory.objectives)
        plans[faction] = _Plan(
            seat=rules.seat_index[faction], goals=goals,
            influence_track=rules.faction_track_index["influence"],
            area_influence=tuple(area.influence for area in rules.areas),
            pending_wins=tuple(_PendingWin(sudden.when, _gate(rules, sudden.when)) for sudden in victory.sudden_death
                               if any(isinstance(condition, FlagSet) and condition.flag in guards
                                      for condition in sudden.when)))
    return plans


@_per_ruleset
def _unit_strengths(rules: Ruleset) -> Mapping[str, int]:
    return {unit.id: unit.strength for unit in rules.units}


@_per_ruleset
def _upkeep_guards(rules: Ruleset) -> Mapping[str, tuple[Condition, ...]]:
    """Flags the scenario's upkeep sets at the end of every turn, with the condition it sets them under."""
    return {effect.flag: step.when for step in rules.scenario.upkeep if isinstance(step, If)
            for effect in step.then if isinstance(effect, SetFlag)}


def upkeeps_to_win(game: Game, state: GameState, faction: str) -> int | None:
    """How many upkeeps from now a sudden death of the faction comes if nothing but the upkeep's flags changes.

    Counts up to ``len(PENDING_WIN_CHANCES)`` upkeeps; None when no sudden death comes that soon.
    """
    soonest = None
    for pending in _plans(game)[faction].pending_wins:
        if not game.holds(state, faction, pending.gate):  # the upkeep will not set its flags: not soon
            continue
        flags = set(state.flags)
        for upkeep in range(1, len(PENDING_WIN_CHANCES) + 1):
            for step in _upkeep_flag_steps(game.rules):
                met = game.holds(state.replace(flags=tuple(sorted(flags))), faction, step.when)
                for effect in step.then if met else step.otherwise:
                    if isinstance(effect, SetFlag):
                        flags.add(effect.flag)
                    elif isinstance(effect, ClearFlag):
                        flags.discard(effect.flag)
            if game.holds(state.replace(flags=tuple(sorted(flags))), faction, pending.when):
                soonest = min(upkeep, soonest or upkeep)
                break
    return soonest


@_per_ruleset
def _upkeep_flag_steps(rules: Ruleset) -> tuple[If, ...]:
    """The upkeep's steps that set or clear flags, in the order the upkeep takes them."""
    return tuple(step for step in rules.scenario.upkeep if isinstance(step, If)
                 and any(isinstance(effect, SetFlag | ClearFlag) for effect in (*step.then, *step.otherwise)))


def _gate(rules: Ruleset, conditions: tuple[Condition, ...]) -> tuple[Condition, ...]:
    """The conditions, other than flags, under which the upkeep sets the flags that ``conditions`` wait on."""
    guards = _upkeep_guards(rules)
    return tuple(guard for condition in conditions if isinstance(condition, FlagSet)
                 for guard in guards.get(condition.flag, ()) if not isinstance(guard, FlagSet))


def _with_upkeep_guards(rules: Ruleset, conditions: tuple[Condition, ...]) -> tuple[Condition, ...]:
    """The conditions, and for each flag the upkeep sets, the condition it sets it under."""
    guards = _upkeep_guards(rules)
    return conditions + tuple(guard for condition in conditions if isinstance(condition, FlagSet)
                              for guard in guards.get(condition.flag, ()))


@_per_ruleset
def _distances(rules: Ruleset) -> Mapping[str, Mapping[str, int]]:
    """Steps between areas by road or rail, for every pair, ``_FAR`` if none (computed once per ruleset)."""
    links: dict[str, set[str]] = {area.id: set() for area in rules.areas}
    for area in rules.areas:
        for other in (*area.adjacent, *area.rail):
            links[area.id].add(other)
            links[other].add(area.id)
    table: dict[str, dict[str, int]] = {}
    for start in links:
        steps = {start: 0}
        queue = deque([start])
        while queue:
            here = queue.popleft()
            for there in sorted(links[here]):
                if there not in steps:
                    steps[there] = steps[here] + 1
                    queue.append(there)
        table[start] = {area: steps.get(area, _FAR) for area in links}
    return table
