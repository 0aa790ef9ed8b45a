"""How near each faction stands to its victory: the objectives and sudden deaths, condition by condition.

The end screen, a faction's goal panel and the bots' evaluation all read the
same figures from here.
"""

import attrs

from game.engine.conditions import holds
from game.engine.state import Context, GameState
from game.ruleset.model import Ruleset


@attrs.frozen
class GoalStatus:
    """One objective (``points`` > 0) or sudden death (``points`` == 0) of a faction, as things stand."""

    name: str
    points: int
    met: int  # conditions that hold now
    total: int  # conditions in all

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
    context = Context(actor=faction)
    victory = rules.victory_of(faction)
    goals = [(sudden.reason, 0, sudden.when) for sudden in victory.sudden_death]
    goals += [(objective.name, objective.points, objective.when) for objective in victory.objectives]
    return tuple(GoalStatus(name, points, sum(holds(rules, state, condition, context) for condition in when), len(when))
                 for name, points, when in goals)
