"""Why a move is not open to a player, in words a player understands.

The engine says only *what* is legal (``game.engine.legal``); a player who
clicks a greyed-out action or a place that is not lit wants to know *why*.
``why_not`` walks the same steps as legal move generation (whose turn, the
cost, the limit a turn, where the troops stand, the rules' requirements) and
names the first that fails. It returns ``None`` when the move is legal, so
legality still has one source. Nothing here imports pygame.

>>> from game.engine import Game
>>> from game.rulesdir import load_rules_dir
>>> game = Game(load_rules_dir())
>>> state = game.new_initial_state(seed=1)
>>> why_not(game, state, "sovnarkom", "rail_transport")  # doctest: +ELLIPSIS
'...'
"""

from collections.abc import Iterable, Sequence

import attrs

from game.engine import Game, legal
from game.engine import query as q
from game.engine.conditions import holds
from game.engine.moves import IssueDecree, Move, PlayCard, UseAction
from game.engine.procedures import can_be_demoralised, can_be_won
from game.engine.state import ActionTurn, Context, GameState, PendingChance, PendingChoice
from game.ruleset import vocabulary as v
from game.ruleset.fields import TARGET
from game.ruleset.model import Action, Card, Decree, Ruleset
from game.ui.describe import Voice, condition_text, conditions_text

RESTING = "units that have marched or fought this turn, or are drunk, rest until the upkeep"


@attrs.frozen
class Closed:
    """One of a faction's actions, decrees or cards that it may not use now, and why."""

    key: str  # "action:march", "decree:decree_land", "card:muraviev"
    name: str
    cost: int
    reason: str


def why_not(game: Game, state: GameState, faction: str, action_id: str, area: str | None = None) -> str | None:
    """Why ``faction`` may not use an action, decree or card now (at ``area``, if given); ``None`` if it may.

    ``action_id`` is an action's id, a decree's or a card's (``decree:`` or
    ``card:`` in front picks one where ids could clash). ``area`` is where a
    move or attack goes, or where an action or card aims.
    """
    rules = game.rules
    kind, _, ident = action_id.rpartition(":")
    turn = _whose_turn(rules, state, faction)
    if turn is not None:
        return turn
    if kind in ("", "action") and ident in rules.action:
        return _action(rules, state, faction, rules.action[ident], area)
    if kind in ("", "decree") and ident in rules.decree:
        return _decree(rules, state, faction, rules.decree[ident])
    if kind in ("", "card") and ident in rules.card:
        return _card(rules, state, faction, rules.card[ident], area)
    return f"There is no action called “{ident}”."


def closed_options(game: Game, state: GameState, faction: str) -> list[Closed]:
    """The faction's own actions, unissued decrees and cards in hand that it may not use now, with why."""
    rules = game.rules
    closed = []
    for action in rules.actions:
        if not action.factions or faction in action.factions:
            closed.append((f"action:{action.id}", action.name, action.cost))
    for decree in rules.decrees:
        if decree.issuer == faction and decree.id not in state.decrees:
            closed.append((f"decree:{decree.id}", decree.name, decree.cost))
    for card in rules.cards:
        if card.id in state.hands[rules.seat_index[faction]]:
            closed.append((f"card:{card.id}", card.name, card.cost))
    found = []
    for key, name, cost in dict.fromkeys(closed):
        reason = why_not(game, state, faction, key)
        if reason is not None:
            found.append(Closed(key, name, cost, reason))
    return found


# --- whose turn --------------------------------------------------------------------------------------


def _whose_turn(rules: Ruleset, state: GameState, faction: str) -> str | None:
    decision = state.decision
    if state.result is not None or decision is None:
        return "The game is over."
    if isinstance(decision, PendingChance):
        return "Wait: the dice are rolled or a card is drawn first."
    if isinstance(decision, PendingChoice):
        if decision.faction == faction:
            return f"First answer the question: {decision.prompt}"
        return f"Wait: {rules.faction[decision.faction].short} must answer a question first."
    if isinstance(decision, ActionTurn) and decision.faction != faction:
        return f"It is not your turn: {rules.faction[decision.faction].short} is acting."
    return None


# --- actions -----------------------------------------------------------------------------------------


def _action(rules: Ruleset, state: GameState, faction: str, action: Action, area: str | None) -> str | None:
    if any(_aims_at(move, area) for move in legal.action_moves(rules, state, faction, action)):
        return None
    name = action.name
    if action.factions and faction not in action.factions:
        who = " and ".join(rules.faction[other].short for other in action.factions)
        return f"{name} is for {who} only."
    price = _price(rules, state, faction, name, action.cost)
    if price:
        return price
    seat = rules.seat_index[faction]
    if action.per_turn and state.uses.count((seat, action.id)) >= action.per_turn:
        times = "once" if action.per_turn == 1 else f"{action.per_turn} times"
        return f"{name} may be taken {times} a turn, and you have taken it already."
    general = [condition for condition in action.requires if not mentions_target(condition)]
    context = Context(actor=faction, source=action.id)
    barred = _failing(rules, state, faction, name, general, context)  # e.g. no trains at all, wherever
    if barred:
        return barred
    if action.kind in ("move", "attack"):
        return _troops(rules, state, faction, action, area) or _requirements(rules, state, faction, action, area)
    if action.kind == "agitate":
        return _agitation(rules, state, faction, area) or _requirements(rules, state, faction, action, area)
    return _requirements(rules, state, faction, action, area)


def _aims_at(move: Move, area: str | None) -> bool:
    if area is None:
        return True
    if isinstance(move, UseAction):
        return (move.to or move.area) == area
    return isinstance(move, PlayCard) and move.area == area


def _price(rules: Ruleset, state: GameState, faction: str, name: str, cost: int) -> str | None:
    have = q.influence(rules, state, faction)
    if have >= cost:
        return None
    return f"Not enough influence: {name} costs {cost}, you have {have}."


def _troops(rules: Ruleset, state: GameState, faction: str, action: Action, area: str | None) -> str | None:
    """Where the faction's ready units stand, against where the move or attack must go."""
    positions = legal.Positions.of(rules, state, faction)
    if not positions.ready:
        if positions.present:
            return f"None of your troops can go: {RESTING}."
        return "You have no troops on the board."
    routes = list(legal.stack_routes(rules, positions, action))
    attacking = action.kind == "attack"
    if area is None:
        if routes:
            return None
        if attacking:
            return "No rival troops stand next to your ready troops."
        return "Every place your ready troops could go is held by rival troops: attack instead."
    name = rules.area[area].name
    linked = [source for source in positions.ready
              if area in (rules.area[source].rail if action.via == "rail" else rules.area[source].adjacent)]
    if not linked:
        if action.via == "rail":
            return f"None of your ready troops stand on a railway line to {name}."
        return f"None of your ready troops stand next to {name}."
    if attacking and area not in positions.contested:
        return f"There are no rival troops in {name} to attack: march there instead."
    if not attacking and area in positions.contested:
        return f"Rival troops hold {name}: attack it instead."
    return None


def _agitation(rules: Ruleset, state: GameState, faction: str, area: str | None) -> str | None:
    positions = legal.Positions.of(rules, state, faction)
    if area is None:
        if any(legal.agitation_targets(rules, state, faction, positions)):
            return None
        return ("No troops that could be swayed stand where or next to where you have units: agitation wins "
                "neutral garrison regiments and shakes rival troops that can waver (the Cossacks).")
    name = rules.area[area].name
    if area not in positions.present and positions.present.isdisjoint(rules.area[area].adjacent):
        return f"You have no units in or next to {name} to send agitators from."
    swayable = any(unit.area == area and (can_be_won(rules, unit) or (
        unit.owner != faction and unit.owner in rules.seat_index and can_be_demoralised(rules, unit)))
        for unit in state.units)
    if not swayable:
        return f"Nobody in {name} will listen: only neutral regiments and wavering rival troops can be swayed."
    return None


# --- decrees and cards -------------------------------------------------------------------------------


def _decree(rules: Ruleset, state: GameState, faction: str, decree: Decree) -> str | None:
    if any(move == IssueDecree(decree.id) for move in legal.decree_moves(rules, state, faction, decree)):
        return None
    if decree.issuer != faction:
        return f"Only {rules.faction[decree.issuer].short} may issue the {decree.name}."
    if decree.id in state.decrees:
        return f"The {decree.name} has been issued already."
    return _price(rules, state, faction, decree.name, decree.cost) or _failing(
        rules, state, faction, decree.name, decree.requires, Context(actor=faction, source=decree.id))


def _card(rules: Ruleset, state: GameState, faction: str, card: Card, area: str | None) -> str | None:
    if card.id not in state.hands[rules.seat_index[faction]]:
        return f"“{card.name}” is not in your hand."
    if any(_aims_at(move, area) for move in legal.card_moves(rules, state, faction, card)):
        return None
    price = _price(rules, state, faction, card.name, card.cost)
    if price:
        return price
    return _needs(rules, state, faction, card.name, card.requires, card.id, area, card.target == "area") or (
        f"“{card.name}” cannot be played there." if area else f"“{card.name}” cannot be played now.")


# --- the rules' requirements -------------------------------------------------------------------------


def _requirements(rules: Ruleset, state: GameState, faction: str, action: Action, area: str | None) -> str | None:
    aimed = action.kind != "effect" or action.target == "area"
    return _needs(rules, state, faction, action.name, action.requires, action.id, area, aimed) or (
        f"{action.name} is not possible there." if area else f"{action.name} is not possible now.")


def _needs(rules: Ruleset, state: GameState, faction: str, name: str, requires: Sequence[v.Condition],
           source: str, area: str | None, aimed: bool) -> str | None:
    """The first requirement that fails; without a place, first those that do not depend on the place."""
    context = Context(actor=faction, target=area, source=source)
    if area is not None or not aimed:
        return _failing(rules, state, faction, name, requires, context)
    general = [condition for condition in requires if not mentions_target(condition)]
    return _failing(rules, state, faction, name, general, context) or _nowhere(
        rules, faction, name, [condition for condition in requires if mentions_target(condition)])


def mentions_target(value: object) -> bool:
    """Whether a condition speaks of the area aimed at (``target``), at any depth."""
    if value == TARGET:
        return True
    if isinstance(value, tuple):
        return any(mentions_target(item) for item in value)
    if attrs.has(type(value)):
        return any(mentions_target(getattr(value, field.name)) for field in attrs.fields(type(value)))  # type: ignore[arg-type]
    return False


def _failing(rules: Ruleset, state: GameState, faction: str, name: str, requires: Sequence[v.Condition],
             context: Context) -> str | None:
    """The first requirement that does not hold, as "Name: only if ..." with the value it has now."""
    for condition in requires:
        if holds(rules, state, condition, context):
            continue
        bar = _flag_bar(rules, condition)
        if bar:
            return f"{name}: {bar}."
        voice = Voice(rules, actor=faction, viewer=faction, target=context.target)
        return f"{name}: only if {condition_text(voice, condition)}{_now(rules, state, condition, context)}."
    return None


def _flag_bar(rules: Ruleset, condition: v.Condition) -> str | None:
    """Why a requirement that a flag be off is not met, where the rules word it (the flag's ``bar``)."""
    if isinstance(condition, v.Not) and isinstance(condition.condition, v.FlagSet):
        return rules.flag[condition.condition.flag].bar
    return None


def _now(rules: Ruleset, state: GameState, condition: v.Condition, context: Context) -> str:
    """What a track or support stands at now, beside a requirement on it."""
    if isinstance(condition, v.TrackIs):
        faction = None if condition.faction is None else q.faction_in(context, condition.faction)
        return f" (it is {q.track_value(rules, state, condition.track, faction)})"
    if isinstance(condition, v.SupportIs):
        return f" (it is {q.support(rules, state, condition.group, q.faction_in(context, condition.faction))})"
    return ""


def _nowhere(rules: Ruleset, faction: str, name: str, requires: Iterable[v.Condition]) -> str | None:
    conditions = tuple(requires)
    if not conditions:
        return None
    voice = Voice(rules, actor=faction, viewer=faction, target=None)
    return f"{name}: no place qualifies now; it needs a place where {conditions_text(voice, conditions)}."
