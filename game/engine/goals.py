"""How near each faction stands to its victory: the objectives and sudden deaths, condition by condition.

The end screen, a faction's goal panel and the bots' evaluation all read the
same figures from here.
"""

import attrs

from game.engine import query as q
from game.engine.conditions import holds
from game.engine.state import Context, GameState, context_of
from game.ruleset import vocabulary as v
from game.ruleset.model import Ruleset


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
    if holds(rules, state, condition, context):
        return 1.0
    if isinstance(condition, v.TrackIs):
        track = rules.track[condition.track]
        faction = None if condition.faction is None else q.faction_in(context, condition.faction)
        value = q.track_value(rules, state, condition.track, faction)
        if condition.at_least is not None and value < condition.at_least:
            return _share(value - track.min, condition.at_least - track.min)
        if condition.at_most is not None and value > condition.at_most:
            return _share(track.max - value, track.max - condition.at_most)
    if isinstance(condition, v.SupportIs) and condition.at_least:
        return _share(q.support(rules, state, condition.group, q.faction_in(context, condition.faction)),
                      condition.at_least)
    return 0.0


def _share(done: int, needed: int) -> float:
    return max(0.0, min(0.99, done / needed)) if needed > 0 else 0.0
