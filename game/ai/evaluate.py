"""A heuristic value of a position for one faction, read from its victory conditions.

Every faction wins by its own goals (YAML), so the evaluation needs no
faction-specific code: points already held count in full, objectives half met
count in part, a sudden death counts by how many of its conditions hold, and
influence and troops count a little as the means to do more. The factions'
scores become win chances through a softmax, so a position is good when it is
better than the rivals', not merely good.
"""

import math

from game.engine import Game, GameState

PARTIAL_CREDIT = 0.5  # of an objective's points, scaled by the share of its conditions met
SUDDEN_DEATH_WEIGHT = 4.0  # a sudden death all but met is worth about this many points
INFLUENCE_WEIGHT = 0.1
STRENGTH_WEIGHT = 0.05
TEMPERATURE = 2.0  # points of lead that make a win about e (2.7) times likelier


def faction_score(game: Game, state: GameState, faction: str) -> float:
    """How well placed ``faction`` is, in points of its own objectives."""
    score = 0.0
    for goal in game.goals(state, faction):
        share = goal.met / goal.total if goal.total else 1.0
        if goal.sudden_death:
            score += SUDDEN_DEATH_WEIGHT * share * share
        elif goal.held:
            score += goal.points
        else:
            score += PARTIAL_CREDIT * goal.points * share
    influence = state.per_faction[game.rules.faction_track_index["influence"]][game.rules.seat_index[faction]]
    strength = sum(game.rules.unit[unit.kind].strength for unit in state.units
                   if unit.owner == faction and not unit.demoralised)
    return score + INFLUENCE_WEIGHT * influence + STRENGTH_WEIGHT * strength


def win_chances(game: Game, state: GameState) -> tuple[float, ...]:
    """Each seat's chance of winning as the evaluation sees it; the returns once the game is over."""
    if game.is_terminal(state):
        return game.returns(state)
    scores = [faction_score(game, state, faction) / TEMPERATURE for faction in game.seats]
    top = max(scores)
    weights = [math.exp(score - top) for score in scores]
    total = sum(weights)
    return tuple(weight / total for weight in weights)


def evaluate(game: Game, state: GameState, faction: str) -> float:
    """The chance that ``faction`` wins from ``state``, as far as a quick look can tell (0 to 1)."""
    return win_chances(game, state)[game.rules.seat_index[faction]]
