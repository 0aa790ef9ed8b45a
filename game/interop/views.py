"""What each seat has seen of a game: the moves so far and the board now, as text.

Every move is public except one thing: which card a faction drew. The engine
offers a draw as a chance over the places in the faction's deck (``card_3``),
and the decks start in rules-file order, so the place names the card to anyone
who kept count. Others therefore see only "drew a card"; the drawer sees the
card itself, as it would in hand.
"""

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

from game.engine import CHANCE, Game, GameState, Move


@attrs.frozen
class Step:
    """One move of the history, linked to the step before it (sharing the past keeps appending cheap)."""

    actor: str  # a seated faction, or CHANCE
    notation: str
    previous: "Step | None"
    drawn_by: str | None = None  # a private card draw: the faction that drew ...
    card: str | None = None  # ... and the card it got

    def seen_by(self, viewer: str | None) -> str:
        """The step as ``viewer`` saw it (``None``: as every seat saw it), e.g. ``chance: whites drew a card``."""
        if self.drawn_by is None:
            return f"{self.actor}: {self.notation.removeprefix(CHANCE + ' ')}"
        if viewer == self.drawn_by and self.card is not None:
            return f"{CHANCE}: {self.drawn_by} drew {self.card}"
        return f"{CHANCE}: {self.drawn_by} drew a card"


def record(game: Game, before: GameState, move: Move, after: GameState, previous: Step | None) -> Step:
    """The history step for ``move``, which took ``before`` to ``after``."""
    actor = game.current_player(before) or ""
    decision = before.decision
    drawn_by = getattr(decision, "private_to", None) if actor == CHANCE else None
    if drawn_by is None:
        return Step(actor, move.notation(), previous)
    seat = game.rules.seat_index[drawn_by]
    gained = list((Counter(after.hands[seat]) - Counter(before.hands[seat])).elements())
    return Step(actor, move.notation(), previous, drawn_by, gained[0] if len(gained) == 1 else None)


def steps(last: Step | None) -> list[Step]:
    """The history from the first step to ``last``."""
    found: list[Step] = []
    while last is not None:
        found.append(last)
        last = last.previous
    return found[::-1]


def history_seen_by(last: Step | None, viewer: str | None) -> Iterator[str]:
    """The moves so far as ``viewer`` saw them, one line each."""
    return (step.seen_by(viewer) for step in steps(last))


def observation_text(game: Game, state: GameState, viewer: str | None) -> str:
    """What ``viewer`` sees of the position now (``None``: what every seat sees), as one line of JSON."""
    return _json({"viewer": viewer, **game.observation(state, viewer)})


def information_text(game: Game, state: GameState, last: Step | None, viewer: str | None) -> str:
    """The viewer's whole information: every move as it saw it, then the position now."""
    return "\n".join((*history_seen_by(last, viewer), observation_text(game, state, viewer)))


def full_text(game: Game, state: GameState) -> str:
    """Everything, hidden cards included: for debugging and for OpenSpiel's state comparisons."""
    return _json({**game.observation(state, None), "hands": state.hands, "decks": state.decks})


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
