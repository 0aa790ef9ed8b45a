"""Legal moves: the single source of what may be done, in a fixed order.

Order follows the rules files (actions, then decrees, then cards in the hand,
then ``pass``), and areas follow the map file, so the same state always lists
the same moves in the same order.
"""

from collections.abc import Iterator

import attrs

from game.engine import query as q
from game.engine.conditions import holds_all
from game.engine.moves import ChanceOutcome, Choose, IssueDecree, Move, Pass, PlayCard, UseAction
from game.engine.procedures import can_be_demoralised, can_be_won
from game.engine.state import ActionTurn, GameState, PendingChance, PendingChoice, context_of
from game.ruleset.model import Action, Card, Decree, Ruleset
from game.ruleset.vocabulary import Condition


def legal_moves(rules: Ruleset, state: GameState) -> tuple[Move, ...]:
    """Every legal move, in a deterministic order; empty once the game is over."""
    decision = state.decision
    if state.result is not None or decision is None:
        return ()
    if isinstance(decision, PendingChance):
        return tuple(ChanceOutcome(outcome.id) for outcome in decision.outcomes)
    if isinstance(decision, PendingChoice):
        return tuple(Choose(option.id) for option in decision.options)
    return (*action_turn_moves(rules, state, decision), Pass())


@attrs.frozen
class Positions:
    """Where a faction stands, worked out once per move generation."""

    ready: frozenset[str]  # areas with at least one of its ready units
    present: frozenset[str]  # areas with any of its units
    contested: frozenset[str]  # areas with units of another seated faction

    @classmethod
    def of(cls, rules: Ruleset, state: GameState, faction: str) -> "Positions":
        """The positions of ``faction`` in ``state``."""
        own = [unit for unit in state.units if unit.owner == faction]
        return cls(
            ready=frozenset(unit.area for unit in own if q.ready(unit)),
            present=frozenset(unit.area for unit in own),
            contested=frozenset(unit.area for unit in state.units
                                if unit.owner != faction and unit.owner in rules.seat_index),
        )


def action_turn_moves(rules: Ruleset, state: GameState, turn: ActionTurn) -> Iterator[Move]:
    """The actions, decrees and cards open to a faction on its turn (``pass`` aside)."""
    faction = turn.faction
    positions = Positions.of(rules, state, faction)
    for action in rules.actions:
        yield from action_moves(rules, state, faction, action, positions)
    for decree in rules.decrees:
        yield from decree_moves(rules, state, faction, decree)
    hand = state.hands[rules.seat_index[faction]]
    for card in rules.cards:
        if card.id in hand:
            yield from card_moves(rules, state, faction, card)


def decree_moves(rules: Ruleset, state: GameState, faction: str, decree: Decree) -> Iterator[IssueDecree]:
    """The decree, if the faction may issue it now: its own, not yet issued, paid for, requirements met."""
    if decree.issuer != faction or decree.id in state.decrees or not affordable(rules, state, faction, decree.cost):
        return
    if holds_all(rules, state, decree.requires, context_of(faction, None, decree.id)):
        yield IssueDecree(decree.id)


def affordable(rules: Ruleset, state: GameState, faction: str, cost: int) -> bool:
    """Whether the faction has the influence to pay."""
    return q.influence(rules, state, faction) >= cost


def may_use(rules: Ruleset, state: GameState, faction: str, action: Action) -> bool:
    """Whether the faction may take this action at all this turn, wherever it aims."""
    if action.factions and faction not in action.factions:
        return False
    if not affordable(rules, state, faction, action.cost):
        return False
    seat = rules.seat_index[faction]
    return not action.per_turn or state.uses.count((seat, action.id)) < action.per_turn


def action_moves(rules: Ruleset, state: GameState, faction: str, action: Action,
                 positions: Positions | None = None) -> Iterator[UseAction]:
    """The legal uses of one action by one faction."""
    if not may_use(rules, state, faction, action):
        return
    positions = positions or Positions.of(rules, state, faction)
    if action.kind in ("move", "attack"):
        for source, to in stack_routes(rules, positions, action):
            if holds_all(rules, state, action.requires, context_of(faction, to, action.id)):
                yield UseAction(action.id, source, to)
    elif action.kind == "agitate":
        for area in agitation_targets(rules, state, faction, positions):
            if holds_all(rules, state, action.requires, context_of(faction, area, action.id)):
                yield UseAction(action.id, area)
    else:
        for aim in open_targets(rules, state, faction, action.requires, action.id, action.target == "area"):
            yield UseAction(action.id, aim)


def open_targets(rules: Ruleset, state: GameState, faction: str, requires: tuple[Condition, ...], source: str,
                 aimed: bool) -> Iterator[str | None]:
    """Where an effect action or card may be used: each area whose requirements hold, or ``None`` if not aimed."""
    if not aimed:
        if holds_all(rules, state, requires, context_of(faction, None, source)):
            yield None
        return
    for area in rules.areas:
        if holds_all(rules, state, requires, context_of(faction, area.id, source)):
            yield area.id


def stack_routes(rules: Ruleset, positions: Positions, action: Action) -> Iterator[tuple[str, str]]:
    """(from, to) pairs for a move or an attack by the faction's ready units."""
    attacking = action.kind == "attack"
    for area in rules.areas:
        if area.id not in positions.ready:
            continue
        for to in area.rail if action.via == "rail" else area.adjacent:
            if (to in positions.contested) == attacking:
                yield area.id, to


def agitation_targets(rules: Ruleset, state: GameState, faction: str, positions: Positions) -> Iterator[str]:
    """Areas where or next to which the faction stands and some troops could be swayed."""
    present = positions.present
    for area in rules.areas:
        if area.id not in present and present.isdisjoint(area.adjacent):
            continue
        swayable = any(
            unit.area == area.id and (can_be_won(rules, unit) or (
                unit.owner != faction and unit.owner in rules.seat_index and can_be_demoralised(rules, unit)))
            for unit in state.units)
        if swayable:
            yield area.id


def card_moves(rules: Ruleset, state: GameState, faction: str, card: Card) -> Iterator[PlayCard]:
    """The legal ways to play one card from the hand."""
    if not affordable(rules, state, faction, card.cost):
        return
    for area in open_targets(rules, state, faction, card.requires, card.id, card.target == "area"):
        yield PlayCard(card.id, area)
