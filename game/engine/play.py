"""Applying a move: check it against the generated legal moves, then let the game run on."""

from collections.abc import Iterable

from game.engine import legal
from game.engine import query as q
from game.engine.effects import push, set_track
from game.engine.flow import settle
from game.engine.log import Log, area_name, capitalised, faction_name
from game.engine.moves import ChanceOutcome, Choose, IllegalMoveError, IssueDecree, Move, Pass, PlayCard, UseAction
from game.engine.procedures import BeginAgitation, BeginAttack, March
from game.engine.rng import next_u64, pick_weighted
from game.engine.state import ActionTurn, Context, GameState, PendingChance, PendingChoice, Result
from game.ruleset.model import Action, Ruleset
from game.ruleset.vocabulary import Effect, Option, Outcome


def is_legal(rules: Ruleset, state: GameState, move: Move) -> bool:
    """Whether ``move`` is among the legal moves, generating only the moves of its kind."""
    decision = state.decision
    if state.result is not None or decision is None:
        return False
    if isinstance(decision, (PendingChance, PendingChoice)) or isinstance(move, (ChanceOutcome, Choose)):
        return move in legal.legal_moves(rules, state)
    return move in _candidates(rules, state, decision, move)


def _candidates(rules: Ruleset, state: GameState, turn: ActionTurn, move: Move) -> Iterable[Move]:
    faction = turn.faction
    if isinstance(move, Pass):
        return (move,)
    if isinstance(move, UseAction) and move.action in rules.action:
        return legal.action_moves(rules, state, faction, rules.action[move.action])
    if isinstance(move, PlayCard) and move.card in rules.card:
        if move.card not in state.hands[rules.seat_index[faction]]:
            return ()
        return legal.card_moves(rules, state, faction, rules.card[move.card])
    if isinstance(move, IssueDecree) and move.decree in rules.decree:
        return legal.decree_moves(rules, state, faction, rules.decree[move.decree])
    return ()


def sample_chance(state: GameState) -> ChanceOutcome:
    """The outcome the state's own generator gives for the pending chance step."""
    decision = state.decision
    if not isinstance(decision, PendingChance):
        raise IllegalMoveError("no chance step is pending")
    _, number = next_u64(state.rng)
    index = pick_weighted(number, [outcome.weight for outcome in decision.outcomes])
    return ChanceOutcome(decision.outcomes[index].id)


def apply_move(rules: Ruleset, state: GameState, move: Move, log: Log, max_steps: int,
               checked: bool = True) -> GameState:
    """The state after ``move``; raise ``IllegalMoveError`` (changing nothing) if it is not legal.

    ``checked=False`` skips the check, for a move just generated from this
    same state; an illegal move then gives an undefined state.
    """
    if checked and not is_legal(rules, state, move):
        notation = move.notation() if hasattr(move, "notation") else repr(move)
        raise IllegalMoveError(f"{notation!r} is not a legal move now")
    decision = state.decision
    state = state.replace(decision=None, steps=state.steps + 1)
    if isinstance(decision, PendingChance):
        state = _resolve_chance(state, decision, move, log)
    elif isinstance(decision, PendingChoice):
        state = _resolve_choice(rules, state, decision, move, log)
    elif isinstance(decision, ActionTurn):
        state = _take_action(rules, state, decision.faction, move, log)
    state = settle(rules, state, log)
    if state.result is None and state.steps >= max_steps:
        log.add(f"The game is stopped after {state.steps} steps, its limit.")
        state = state.replace(result=Result((), "the game reached its step limit", stalled=True))
    return state


def _resolve_chance(state: GameState, decision: PendingChance, move: Move, log: Log) -> GameState:
    assert isinstance(move, ChanceOutcome)
    outcome = next(o for o in decision.outcomes if o.id == move.outcome)
    rng, _ = next_u64(state.rng)  # every chance step uses one draw, however its outcome was chosen
    log.add(chance_text(decision, outcome))
    return push(state.replace(rng=rng), outcome.effects, decision.context)


def chance_text(decision: PendingChance, outcome: Outcome) -> str:
    """A chance step's result as the log tells it; a private draw is not named."""
    said = outcome.name if decision.private_to is None else "drawn, unseen by the others"
    return f"{decision.prompt}: {said}."


def answer_text(rules: Ruleset, decision: PendingChoice, option: Option) -> str:
    """An answer to a question as the log tells it: ``Sovnarkom decide: Leave the ministries alone...``."""
    return f"{faction_name(rules, decision.faction)} decide: {option.name}."


def _resolve_choice(rules: Ruleset, state: GameState, decision: PendingChoice, move: Move, log: Log) -> GameState:
    assert isinstance(move, Choose)
    option = next(o for o in decision.options if o.id == move.option)
    log.add(answer_text(rules, decision, option))
    return push(state, option.effects, decision.context)


def _take_action(rules: Ruleset, state: GameState, faction: str, move: Move, log: Log) -> GameState:
    seat = rules.seat_index[faction]
    if isinstance(move, Pass):
        log.add(f"{faction_name(rules, faction)}: pass.")
        return state.replace(passed=q.replaced(state.passed, seat, True))
    state = state.replace(actions_taken=q.replaced(state.actions_taken, seat, state.actions_taken[seat] + 1))
    if log:  # a search applies moves without a log; describing them would cost it time
        log.add(describe_move(rules, faction, move))
    if isinstance(move, UseAction):
        action = rules.action[move.action]
        state = _pay(rules, state, faction, action.cost, log)
        state = state.replace(uses=state.uses + ((seat, action.id),))
        target = move.to if action.kind in ("move", "attack") else move.area
        effects = (*_procedure(action, move), *action.effects)
        return push(state, effects, Context(actor=faction, target=target, source=action.id))
    if isinstance(move, IssueDecree):
        decree = rules.decree[move.decree]
        state = _pay(rules, state, faction, decree.cost, log)
        state = state.replace(decrees=state.decrees + (decree.id,))
        return push(state, decree.effects, Context(actor=faction, source=decree.id))
    assert isinstance(move, PlayCard)
    card = rules.card[move.card]
    hand = list(state.hands[seat])
    hand.remove(card.id)
    state = _pay(rules, state, faction, card.cost, log).replace(hands=q.replaced(state.hands, seat, tuple(hand)))
    return push(state, card.effects, Context(actor=faction, target=move.area, source=card.id))


def _procedure(action: Action, move: UseAction) -> tuple[Effect, ...]:
    """The engine's own step that starts a move, an attack or an agitation (legal moves carry their areas)."""
    if action.kind in ("move", "attack"):
        assert move.area is not None and move.to is not None
        return (March(move.area, move.to) if action.kind == "move" else BeginAttack(move.area, move.to),)
    if action.kind == "agitate":
        assert move.area is not None and action.odds is not None
        return (BeginAgitation(move.area, action.odds),)
    return ()


def _pay(rules: Ruleset, state: GameState, faction: str, cost: int, log: Log) -> GameState:
    if not cost:
        return state
    return set_track(rules, state, "influence", faction, q.influence(rules, state, faction) - cost, log)


def describe_move(rules: Ruleset, faction: str, move: Move) -> str:
    """A move in words, e.g. ``Sovnarkom: March (Smolny → Nevsky Prospect)``."""
    who = faction_name(rules, faction)
    if isinstance(move, Pass):
        return f"{who}: pass."
    if isinstance(move, UseAction):
        places = [capitalised(area_name(rules, area)) for area in (move.area, move.to) if area]  # as map labels
        where = f" ({' → '.join(places)})" if places else ""
        return f"{who}: {rules.action[move.action].name}{where}."
    if isinstance(move, IssueDecree):
        return f"{who}: {rules.decree[move.decree].name}."
    if isinstance(move, PlayCard):
        where = f" ({capitalised(area_name(rules, move.area))})" if move.area else ""
        return f"{who}: {rules.card[move.card].name}{where} (card)."
    return move.notation()
