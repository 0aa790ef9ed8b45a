"""How near each faction stands to its victory: the objectives and sudden deaths, condition by condition.

The end screen, a faction's goal panel and the bots' evaluation all read the
same figures from here.
"""

from collections.abc import Callable

import attrs

from game.engine import query as q
from game.engine.conditions import holds, within
from game.engine.state import Context, GameState, context_of
from game.ruleset import vocabulary as v
from game.ruleset.model import Ruleset

Reader = Callable[[GameState], float]  # a condition's closeness, as a function of the state


@attrs.frozen
class GoalStatus:
    """One objective (``points`` > 0) or sudden death (``points`` == 0) of a faction, as things stand."""

    name: str
    points: int
    met: int  # conditions that hold now
    total: int  # conditions in all
    progress: float = 1.0  # 0 to 1: how near all its conditions are, counting how far a number has to go

    @property
    def held(self) -> bool:
        """Whether every condition holds: the objective scores, or the sudden death wins."""
        return self.met == self.total

    @property
    def sudden_death(self) -> bool:
        """Whether this wins the game at once rather than scoring points."""
        return self.points == 0


def goal_statuses(rules: Ruleset, state: GameState, faction: str) -> tuple[GoalStatus, ...]:
    """The faction's sudden deaths, then its objectives, in the order the rules list them."""
    context = context_of(faction)
    victory = rules.victory_of(faction)
    return (*(_status(rules, state, sudden.reason, 0, sudden.when, context) for sudden in victory.sudden_death),
            *(_status(rules, state, objective.name, objective.points, objective.when, context)
              for objective in victory.objectives))


def _status(rules: Ruleset, state: GameState, name: str, points: int, when: tuple[v.Condition, ...],
            context: Context) -> GoalStatus:
    if not when:
        return GoalStatus(name, points, 0, 0, 1.0)
    nearness = [closeness(rules, state, condition, context) for condition in when]
    return GoalStatus(name, points, nearness.count(1.0), len(when), sum(nearness) / len(nearness))


def closeness(rules: Ruleset, state: GameState, condition: v.Condition, context: Context) -> float:
    """1 if the condition holds; else how far along a track or a count is towards it (0 for the rest)."""
    return closeness_reader(rules, condition, context)(state)


def closeness_reader(rules: Ruleset, condition: v.Condition, context: Context) -> Reader:
    """``closeness`` of one condition in one context, as a function of the state.

    Built once and read in many states, it looks up the track, area or group
    once instead of at every reading: the bots' evaluation reads every goal in
    every position it weighs.
    """
    if isinstance(condition, v.TrackIs):
        return _track_reader(rules, condition, context)
    if isinstance(condition, v.Controls):
        index, faction = rules.area_index[q.area_in(context, condition.area)], q.faction_in(context, condition.faction)
        return lambda state: 1.0 if state.control[index] == faction else 0.0
    if isinstance(condition, v.SupportIs):
        group, faction = condition.group, q.faction_in(context, condition.faction)
        at_least, at_most = condition.at_least, condition.at_most

        def support_closeness(state: GameState) -> float:
            value = q.support(rules, state, group, faction)
            if within(value, at_least, at_most):
                return 1.0
            return _share(value, at_least) if at_least else 0.0

        return support_closeness
    if isinstance(condition, v.DecreeIssued):
        decree = condition.decree
        return lambda state: 1.0 if decree in state.decrees else 0.0
    if isinstance(condition, v.FlagSet):
        flag = condition.flag
        return lambda state: 1.0 if flag in state.flags else 0.0
    return lambda state: 1.0 if holds(rules, state, condition, context) else 0.0


def _track_reader(rules: Ruleset, condition: v.TrackIs, context: Context) -> Reader:
    track = rules.track[condition.track]
    at_least, at_most = condition.at_least, condition.at_most
    faction = None if condition.faction is None else q.faction_in(context, condition.faction)
    seat = None if faction is None else rules.seat_index.get(faction)
    if faction is None:
        index = rules.city_track_index[track.id]

        def value_of(state: GameState) -> int:
            return state.city[index]
    elif seat is None:  # a faction without a seat has 0 on every track

        def value_of(state: GameState) -> int:
            return 0
    else:
        row = rules.faction_track_index[track.id]

        def value_of(state: GameState) -> int:
            return state.per_faction[row][seat]

    def track_closeness(state: GameState) -> float:
        value = value_of(state)
        if at_least is not None and value < at_least:
            return _share(value - track.min, at_least - track.min)
        if at_most is not None and value > at_most:
            return _share(track.max - value, track.max - at_most)
        return 1.0

    return track_closeness


def _share(done: int, needed: int) -> float:
    return max(0.0, min(0.99, done / needed)) if needed > 0 else 0.0
