"""A heuristic value of a position for one faction, read from its victory conditions.

Every faction wins by its own goals (YAML), so the evaluation needs no
faction-specific code: points already held count in full, objectives part met
count in part (a track halfway to its threshold is halfway there), a sudden
death counts by how near it is, and income, support, influence and troops
count a little as the means to do more. The weights were tuned by matches of
``normal`` against ``easy`` (docs/balance.md). The factions'
scores become win chances through a softmax, so a position is good when it is
better than the rivals', not merely good.
"""

import math

from game.engine import Game, GameState

PARTIAL_CREDIT = 0.8  # of an objective's points, scaled by how near its conditions are
SUDDEN_DEATH_WEIGHT = 8.0  # a sudden death all but met is worth about this many points
INFLUENCE_WEIGHT = 0.03  # influence in hand: worth little until spent
INCOME_WEIGHT = 0.08  # per point of income a turn, for each turn still to come
SUPPORT_WEIGHT = 0.05  # per point of support in any group
STRENGTH_WEIGHT = 0.05
TEMPERATURE = 2.0  # points of lead that make a win about e (2.7) times likelier


def faction_score(game: Game, state: GameState, faction: str) -> float:
    """How well placed ``faction`` is, in points of its own objectives."""
    score = 0.0
    for goal in game.goals(state, faction):
        share = goal.progress
        if goal.sudden_death:
            score += SUDDEN_DEATH_WEIGHT * share * share
        elif goal.held:
            score += goal.points
        else:
            score += PARTIAL_CREDIT * goal.points * share
    rules = game.rules
    seat = rules.seat_index[faction]
    influence = state.per_faction[rules.faction_track_index["influence"]][seat]
    strength = sum(rules.unit[unit.kind].strength for unit in state.units
                   if unit.owner == faction and not unit.demoralised)
    support = sum(row[seat] for row in state.support)
    income = support // rules.scenario.support_per_influence + sum(
        area.influence for area, holder in zip(rules.areas, state.control) if holder == faction)
    turns_left = len(rules.scenario.turns) - state.turn
    return (score + INFLUENCE_WEIGHT * influence + INCOME_WEIGHT * income * turns_left
            + SUPPORT_WEIGHT * support + STRENGTH_WEIGHT * strength)


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
