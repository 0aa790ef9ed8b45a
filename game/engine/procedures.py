"""The engine's own steps: marching, combat, agitation, events and card draws.

They run on the agenda like YAML effects, so a move, an event and a dice roll
all resolve the same way, and a half-finished move is plain data in the state.
A designer cannot write them in YAML; actions of kind ``move``, ``attack`` and
``agitate`` and the phases put them on the agenda.
"""

from typing import Literal

import attrs

from game.engine import query as q
from game.engine.conditions import holds_all
from game.engine.effects import applies, claim, push, relocate, remove
from game.engine.log import Log, area_name, faction_name, units_doing, units_text
from game.engine.state import Context, GameState, PendingChance, Unit
from game.ruleset import vocabulary as v
from game.ruleset.model import Odds, Ruleset

AttackResult = Literal["decisive", "narrow", "repulsed"]
ATTACK_RESULTS: dict[AttackResult, str] = {
    "decisive": "Decisive victory: the defenders are routed",
    "narrow": "Narrow victory: the defenders lose a unit",
    "repulsed": "Repulsed: the attackers lose a unit",
}


@attrs.frozen
class March(v.Effect):
    """The acting faction's ready units in ``source`` move to ``to`` and are spent."""

    kind = "march"
    source: str
    to: str


@attrs.frozen
class BeginAttack(v.Effect):
    """The acting faction's ready units in ``source`` attack ``to``: roll the dice."""

    kind = "begin_attack"
    source: str
    to: str


@attrs.frozen
class ResolveAttack(v.Effect):
    """Carry out what the dice gave an attack by the units ``uids``."""

    kind = "resolve_attack"
    uids: tuple[int, ...]
    to: str
    result: AttackResult


@attrs.frozen
class BeginAgitation(v.Effect):
    """Agitators work on the troops in ``area``: roll for success."""

    kind = "begin_agitation"
    area: str
    odds: Odds


@attrs.frozen
class ResolveAgitation(v.Effect):
    """A neutral regiment in ``area`` comes over; rival troops that can waver are demoralised."""

    kind = "resolve_agitation"
    area: str


@attrs.frozen
class FireEvent(v.Effect):
    """A historical or drawn event happens, if its conditions still hold."""

    kind = "fire_event"
    event: str


@attrs.frozen
class DrawEvent(v.Effect):
    """Draw one card from the random event deck (the events without a window)."""

    kind = "draw_event"


@attrs.frozen
class DrawCards(v.Effect):
    """A faction draws ``count`` initiative cards, one chance step each."""

    kind = "draw_cards"
    faction: str
    count: int


@attrs.frozen
class TakeCard(v.Effect):
    """The card at a place in the faction's deck goes to its hand."""

    kind = "take_card"
    faction: str
    place: int


def attack_weights(attack: int, defence: int, die: int, decisive_margin: int) -> dict[AttackResult, int]:
    """How many of the die x die rolls give each result; each side adds one die to its strength."""
    weights: dict[AttackResult, int] = {"decisive": 0, "narrow": 0, "repulsed": 0}
    for attacker_roll in range(1, die + 1):
        for defender_roll in range(1, die + 1):
            margin = attack + attacker_roll - defence - defender_roll
            if margin >= decisive_margin:
                weights["decisive"] += 1
            elif margin >= 1:
                weights["narrow"] += 1
            else:
                weights["repulsed"] += 1
    return weights


@applies(March)
def march(rules: Ruleset, state: GameState, e: March, context: Context, log: Log) -> GameState:
    """Ready units march; the destination is taken if no rival stands there."""
    actor = context.actor
    assert actor is not None
    moving = tuple(unit for unit in q.units_in(state, e.source, actor) if q.ready(unit))
    if log:
        log.detail(f"{units_doing(rules, moving, 'marches', 'march')} from {area_name(rules, e.source)} "
                   f"to {area_name(rules, e.to)}.")
    return claim(rules, relocate(state, moving, e.to, spent=True), e.to, actor, log)


@applies(BeginAttack)
def begin_attack(rules: Ruleset, state: GameState, e: BeginAttack, context: Context, log: Log) -> GameState:
    """Count both sides' strength and offer the dice's outcomes with their weights."""
    actor = context.actor
    assert actor is not None
    attackers = tuple(unit for unit in q.units_in(state, e.source, actor) if q.ready(unit))
    attack = sum(q.strength(rules, unit) for unit in attackers)
    defence = sum(q.strength(rules, unit) for unit in q.rival_units(rules, state, e.to, actor))
    defence += rules.area[e.to].defence
    combat = rules.scenario.combat
    weights = attack_weights(attack, defence, combat.die, combat.decisive_margin)
    uids = tuple(unit.uid for unit in attackers)
    outcomes = tuple(v.Outcome(id=result, name=ATTACK_RESULTS[result], weight=weight,
                               effects=(ResolveAttack(uids, e.to, result),))
                     for result, weight in weights.items() if weight)
    prompt = f"Attack by {faction_name(rules, actor)} on {area_name(rules, e.to)}, strength {attack} against {defence}"
    state = state.replace(units=tuple(attrs.evolve(unit, spent=True) if unit.uid in uids else unit
                                            for unit in state.units))
    return state.replace(decision=PendingChance(prompt, outcomes, context))


@applies(ResolveAttack)
def resolve_attack(rules: Ruleset, state: GameState, e: ResolveAttack, context: Context, log: Log) -> GameState:
    """Remove the losers; attackers who clear the area move in and take it."""
    actor = context.actor
    assert actor is not None
    attackers = tuple(unit for unit in state.units if unit.uid in e.uids)
    defenders = q.weakest_first(rules, q.rival_units(rules, state, e.to, actor))
    if e.result == "repulsed":
        lost = q.weakest_first(rules, attackers)[:1]
        log.detail(f"The attack on {area_name(rules, e.to)} is repulsed; lost: {units_text(rules, lost)}.")
        return remove(state, lost)
    lost = defenders if e.result == "decisive" else defenders[:1]
    log.detail(f"The attack on {area_name(rules, e.to)} succeeds; the defenders lose {units_text(rules, lost)}.")
    state = remove(state, lost)
    if q.rival_units(rules, state, e.to, actor):
        return state
    return claim(rules, relocate(state, attackers, e.to), e.to, actor, log)


@applies(BeginAgitation)
def begin_agitation(rules: Ruleset, state: GameState, e: BeginAgitation, context: Context, log: Log) -> GameState:
    """Offer success and failure, success weighted up by the actor's support in the named group."""
    actor = context.actor
    assert actor is not None
    bonus = 0 if e.odds.plus_support is None else q.support(rules, state, e.odds.plus_support, actor)
    outcomes = tuple(outcome for outcome in (
        v.Outcome(id="success", name="The troops listen", weight=e.odds.success + bonus,
                  effects=(ResolveAgitation(e.area),)),
        v.Outcome(id="failure", name="The troops will not listen", weight=e.odds.failure),
    ) if outcome.weight > 0)
    prompt = f"Agitation by {faction_name(rules, actor)} among the troops in {area_name(rules, e.area)}"
    return state.replace(decision=PendingChance(prompt, outcomes, context))


@applies(ResolveAgitation)
def resolve_agitation(rules: Ruleset, state: GameState, e: ResolveAgitation, context: Context, log: Log) -> GameState:
    """One neutral regiment joins the agitators; rival units that can waver are demoralised."""
    actor = context.actor
    assert actor is not None
    joiner = next((unit for unit in q.units_in(state, e.area) if can_be_won(rules, unit)), None)
    wavering = {unit.uid for unit in q.rival_units(rules, state, e.area, actor) if can_be_demoralised(rules, unit)}
    units = tuple(
        attrs.evolve(unit, owner=actor) if joiner is not None and unit.uid == joiner.uid
        else attrs.evolve(unit, demoralised=True) if unit.uid in wavering else unit
        for unit in state.units)
    if joiner is not None:
        unit = rules.unit[joiner.kind].counted(1)
        log.detail(f"{unit} in {area_name(rules, e.area)} goes over to {faction_name(rules, actor)}.")
    if wavering:
        plural = "s" if len(wavering) > 1 else ""
        log.detail(f"Demoralised: {len(wavering)} rival unit{plural} in {area_name(rules, e.area)}.")
    return state.replace(units=units)


def can_be_won(rules: Ruleset, unit: Unit) -> bool:
    """A neutral unit that agitation can bring over."""
    return unit.owner not in rules.seat_index and rules.unit[unit.kind].agitation == "join"


def can_be_demoralised(rules: Ruleset, unit: Unit) -> bool:
    """A unit whose will to fight agitation can break, not yet broken."""
    return rules.unit[unit.kind].agitation == "demoralise" and not unit.demoralised


@applies(FireEvent)
def fire_event(rules: Ruleset, state: GameState, e: FireEvent, context: Context, log: Log) -> GameState:
    """Mark the event fired and run its effects, if it has not fired and its conditions hold."""
    event = rules.event[e.event]
    if e.event in state.fired or not holds_all(rules, state, event.requires, Context()):
        return state
    log.add(f"Event: {event.name}.")
    state = state.replace(fired=state.fired + (e.event,))
    return push(state, event.effects, Context(source=e.event))


@applies(DrawEvent)
def draw_event(rules: Ruleset, state: GameState, e: DrawEvent, context: Context, log: Log) -> GameState:
    """Offer every deck event not yet drawn whose conditions hold, each with weight 1."""
    eligible = tuple(event for event in rules.events if event.window is None and event.id not in state.fired
                     and holds_all(rules, state, event.requires, Context()))
    if not eligible:
        return state
    outcomes = tuple(v.Outcome(id=event.id, name=event.name, weight=1, effects=(FireEvent(event.id),))
                     for event in eligible)
    return state.replace(decision=PendingChance("Draw from the event deck", outcomes, Context()))


@applies(DrawCards)
def draw_cards(rules: Ruleset, state: GameState, e: DrawCards, context: Context, log: Log) -> GameState:
    """Draw one card: a uniform chance over the places in the deck, so the public outcomes say nothing of its cards.

    Only the number of cards left is public; which card lies at each place is
    part of the hidden state, like the hand.
    """
    deck = state.decks[rules.seat_index[e.faction]]
    if e.count < 1 or not deck:
        return state
    more = (DrawCards(e.faction, e.count - 1),) if e.count > 1 else ()
    outcomes = tuple(v.Outcome(id=f"card_{place + 1}", name=f"card {place + 1} of {len(deck)}", weight=1,
                               effects=(TakeCard(e.faction, place), *more)) for place in range(len(deck)))
    prompt = f"Initiative card for {faction_name(rules, e.faction)}"
    return state.replace(decision=PendingChance(prompt, outcomes, context, private_to=e.faction))


@applies(TakeCard)
def take_card(rules: Ruleset, state: GameState, e: TakeCard, context: Context, log: Log) -> GameState:
    """The card at ``place`` in the faction's deck goes to its hand."""
    seat = rules.seat_index[e.faction]
    deck = state.decks[seat]
    hands = q.replaced(state.hands, seat, state.hands[seat] + (deck[e.place],))
    return state.replace(hands=hands, decks=q.replaced(state.decks, seat, deck[:e.place] + deck[e.place + 1:]))
