"""A fixed numbering of every move that could ever be legal under a ruleset, for the OpenSpiel adapter.

Learning agents need the same integer for the same move in every state, so the
numbering is built once from the rules, never from a state: ``pass`` first,
then every action with every area (and destination) it could aim at, every
decree, every card at every area (or at none, if it does not aim), and every option id of every
choice. Chance outcomes are numbered apart, as OpenSpiel keeps them apart:
the dice of attacks and agitation, every deck event, every place in the
largest initiative deck (``card_1 … card_n``) and every outcome of a YAML
``chance``. A move missing from the numbering would be a bug in
``build_action_space``; ``ActionSpace.index`` names it.
"""

from collections.abc import Iterator
from typing import Any

import attrs

from game.engine.moves import ChanceOutcome, Choose, IssueDecree, Move, Pass, PlayCard, UseAction
from game.engine.procedures import ATTACK_RESULTS
from game.ruleset import vocabulary as v
from game.ruleset.model import Action, Card, Ruleset

AGITATION_RESULTS = ("success", "failure")  # the ids ``procedures.begin_agitation`` gives its two outcomes


class NotInActionSpaceError(LookupError):
    """A move the numbering does not hold: the enumeration missed a kind of move."""


@attrs.frozen
class ActionSpace:
    """Player moves and chance outcomes, each numbered from 0 in a fixed order."""

    moves: tuple[Move, ...]
    outcomes: tuple[ChanceOutcome, ...]
    _move_ids: dict[Move, int] = attrs.field(init=False, eq=False, repr=False)
    _outcome_ids: dict[ChanceOutcome, int] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_move_ids", {move: index for index, move in enumerate(self.moves)})
        object.__setattr__(self, "_outcome_ids", {outcome: index for index, outcome in enumerate(self.outcomes)})

    def index(self, move: Move) -> int:
        """The number of a player move or a chance outcome, e.g. ``index(Pass()) == 0``."""
        number = self._outcome_ids.get(move) if isinstance(move, ChanceOutcome) else self._move_ids.get(move)
        if number is None:
            raise NotInActionSpaceError(f"{move.notation()!r} is not in the action space")
        return number

    def move(self, number: int, chance: bool = False) -> Move:
        """The move (or, with ``chance``, the outcome) numbered ``number``."""
        return self.outcomes[number] if chance else self.moves[number]


def build_action_space(rules: Ruleset) -> ActionSpace:
    """Every move and chance outcome that could be legal under ``rules``, in rules-file order."""
    moves: list[Move] = [Pass()]
    for action in rules.actions:
        moves.extend(action_uses(rules, action))
    moves.extend(IssueDecree(decree.id) for decree in rules.decrees)
    for card in rules.cards:
        moves.extend(card_plays(rules, card))
    moves.extend(Choose(option) for option in _unique(o.id for o in _found(rules, v.Option)))
    outcomes = tuple(ChanceOutcome(outcome) for outcome in _unique(chance_ids(rules)))
    return ActionSpace(tuple(_unique(moves)), outcomes)


def action_uses(rules: Ruleset, action: Action) -> Iterator[UseAction]:
    """Every way the action could be aimed, whatever the state: routes, areas, or nowhere."""
    if action.kind in ("move", "attack"):
        for area in rules.areas:
            for to in area.rail if action.via == "rail" else area.adjacent:
                yield UseAction(action.id, area.id, to)
    elif action.kind == "agitate" or action.target == "area":
        yield from (UseAction(action.id, area.id) for area in rules.areas)
    else:
        yield UseAction(action.id)


def card_plays(rules: Ruleset, card: Card) -> Iterator[PlayCard]:
    """Every way the card could be played: at each area if it aims at one, else at none."""
    if card.target == "area":
        yield from (PlayCard(card.id, area.id) for area in rules.areas)
    else:
        yield PlayCard(card.id)


def chance_ids(rules: Ruleset) -> Iterator[str]:
    """The ids of every chance outcome the engine or the rules can offer."""
    kinds = {action.kind for action in rules.actions}
    if "attack" in kinds:
        yield from ATTACK_RESULTS
    if "agitate" in kinds:
        yield from AGITATION_RESULTS
    yield from (event.id for event in rules.events if event.window is None)
    largest_deck = max((sum(card.copies for card in rules.cards if card.faction == faction.id)
                        for faction in rules.factions), default=0)
    yield from (f"card_{place}" for place in range(1, largest_deck + 1))
    yield from (outcome.id for outcome in _found(rules, v.Outcome))


def _found(rules: Ruleset, kind: type[Any]) -> Iterator[Any]:
    """Every value of ``kind`` nested anywhere in the actions, decrees, events, cards and scenarios."""
    for entries in (rules.actions, rules.decrees, rules.events, rules.cards, rules.scenarios):
        yield from _walk(entries, kind)


def _walk(value: Any, kind: type[Any]) -> Iterator[Any]:
    if isinstance(value, kind):
        yield value
    if isinstance(value, tuple):
        for item in value:
            yield from _walk(item, kind)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _walk(getattr(value, field.name), kind)


def _unique(items: Any) -> list[Any]:
    """The items in first-seen order, each once."""
    return list(dict.fromkeys(items))
