"""How long a game can last: an upper bound on its steps, derived from the rules.

Every step is a decision (an action, a choice or a chance outcome). Actions are
capped per turn, events and decrees happen once each, and effect lists are
finite trees, so the number of decisions is bounded; the engine stops a game
that reaches the bound (which would be a bug) rather than run forever.
"""

from collections.abc import Iterable

from game.ruleset import vocabulary as v
from game.ruleset.model import Ruleset


def decisions_in(effects: Iterable[v.Effect]) -> int:
    """The most decisions an effect list can ask for, following its worst branches."""
    total = 0
    for effect in effects:
        if isinstance(effect, v.Choice):
            total += 1 + max((decisions_in(option.effects) for option in effect.options), default=0)
        elif isinstance(effect, v.Chance):
            total += 1 + max((decisions_in(outcome.effects) for outcome in effect.outcomes), default=0)
        elif isinstance(effect, v.If):
            total += max(decisions_in(effect.then), decisions_in(effect.otherwise))
    return total


def step_bound(rules: Ruleset) -> int:
    """An upper bound on the steps of any game under these rules."""
    turns = len(rules.scenario.turns)
    per_action = max(
        [1 + (action.kind in ("attack", "agitate")) + decisions_in(action.effects) for action in rules.actions]
        + [1 + decisions_in(decree.effects) for decree in rules.decrees]
        + [1 + decisions_in(card.effects) for card in rules.cards],
        default=1,
    )
    actions_per_turn = len(rules.seats) * (rules.scenario.actions_per_turn * per_action + 1)
    per_turn = actions_per_turn + decisions_in(rules.scenario.upkeep) + 1  # + the event deck draw
    once_per_game = sum(decisions_in(event.effects) for event in rules.events) + sum(
        card.copies for card in rules.cards)
    return turns * per_turn + once_per_game
