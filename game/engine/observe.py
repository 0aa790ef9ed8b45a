"""What one faction may see of a state, and states it cannot tell apart from the real one.

A faction sees the whole board, every track, the decrees and events, its own
hand and how many cards the others hold. It does not see the other factions'
hands (nor, so, which of their cards are still in their decks) and it does not
see the generator, whose state decides the dice to come. Bots, the hotseat
screen and the OpenSpiel adapter all go through here, so that no player reads
what it should not.
"""

from typing import Any

import attrs

from game.engine.rng import Generator, derive_seed
from game.engine.state import GameState, PendingChance, PendingChoice, Unit
from game.ruleset.model import Ruleset


def observation(rules: Ruleset, state: GameState, faction: str | None) -> dict[str, Any]:
    """Everything ``faction`` may see, as plain data; ``None`` gives what every seat sees."""
    seat = rules.seat_index.get(faction) if faction is not None else None
    return {
        "turn": state.turn,
        "phase": state.phase,
        "city": list(state.city),
        "per_faction": [list(row) for row in state.per_faction],
        "support": [list(row) for row in state.support],
        "control": list(state.control),
        "units": [_unit(unit) for unit in state.units],
        "flags": list(state.flags),
        "decrees": list(state.decrees),
        "fired": list(state.fired),
        "hand": sorted(state.hands[seat]) if seat is not None else None,
        "hand_sizes": [len(hand) for hand in state.hands],
        "deck_sizes": [len(deck) for deck in state.decks],
        "actions_taken": list(state.actions_taken),
        "passed": list(state.passed),
        "decision": _decision(state),
        "result": attrs.asdict(state.result) if state.result is not None else None,
    }


def determinise(rules: Ruleset, state: GameState, faction: str, seed: int) -> GameState:
    """A state ``faction`` cannot tell from ``state``: the others' hidden cards dealt afresh, new dice.

    For every other seat the cards it holds and the cards left in its deck are
    pooled and dealt again, the hand keeping its size; the generator is
    re-seeded, so a search cannot foresee the real dice. The same ``seed``
    always deals the same way, and two states the faction cannot tell apart
    give the same world.
    """
    seat = rules.seat_index[faction]
    hands, decks = list(state.hands), list(state.decks)
    for other in range(len(hands)):
        if other == seat or not hands[other]:
            continue
        pool = sorted(hands[other] + decks[other])  # in a fixed order: the real split must not leak through
        _shuffle(pool, Generator(derive_seed(seed, other + 1)))
        size = len(hands[other])
        hands[other], decks[other] = tuple(pool[:size]), tuple(sorted(pool[size:]))
    return state.replace(hands=tuple(hands), decks=tuple(decks), rng=derive_seed(seed, 0))


def _shuffle(items: list[str], generator: Generator) -> None:
    for index in range(len(items) - 1, 0, -1):
        other = generator.below(index + 1)
        items[index], items[other] = items[other], items[index]


def _unit(unit: Unit) -> list[Any]:
    return [unit.uid, unit.kind, unit.owner, unit.area, unit.drunk, unit.demoralised, unit.spent]


def _decision(state: GameState) -> dict[str, Any] | None:
    decision = state.decision
    if decision is None:
        return None
    if isinstance(decision, PendingChance):
        # A private draw lists deck places ("card 2 of 5"), never cards, so it can be shown whole.
        return {"chance": decision.prompt, "outcomes": [outcome.id for outcome in decision.outcomes],
                "private_to": decision.private_to}
    if isinstance(decision, PendingChoice):
        return {"choice": decision.prompt, "faction": decision.faction,
                "options": [option.id for option in decision.options]}
    return {"action": decision.faction}
