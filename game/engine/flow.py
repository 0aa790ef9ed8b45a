"""The turn, declared as a table of phases, and the loop that runs the game between decisions.

A turn is: events, income, actions, upkeep. Each phase puts its work on the
agenda when it begins; the actions phase also hands the turn from faction to
faction. ``settle`` runs the agenda until someone must decide or the game ends,
checking sudden-death victories whenever the agenda is empty.
"""

from collections.abc import Callable

import attrs

from game.engine import query as q
from game.engine.conditions import holds_all
from game.engine.effects import apply_effect, push, set_track
from game.engine.goals import goal_statuses
from game.engine.log import Log, faction_name
from game.engine.procedures import DrawCards, DrawEvent, FireEvent
from game.engine.rng import next_u64, pick_weighted, seed_state
from game.engine.state import ActionTurn, Context, Frame, GameState, Result, context_of
from game.ruleset.calendar import format_dual
from game.ruleset.model import Ruleset

Step = Callable[[Ruleset, GameState, Log], GameState]
Resume = Callable[[Ruleset, GameState, Log], GameState | None]


@attrs.frozen
class Phase:
    """One part of a turn: what it does when it begins, and how play resumes inside it."""

    name: str
    summary: str
    begin: Step
    resume: Resume | None = None


def begin_events(rules: Ruleset, state: GameState, log: Log) -> GameState:
    """Historical events whose date window overlaps this turn, in file order; then one deck card."""
    start, end = q.turn_span(rules, state.turn)
    log.add(f"— Turn {state.turn}: {format_dual(start)} —")
    due = tuple(FireEvent(event.id) for event in rules.events
                if event.window is not None and event.window.start <= end and event.window.end >= start)
    return push(state, (*due, DrawEvent()), Context(source="events"))


def begin_income(rules: Ruleset, state: GameState, log: Log) -> GameState:
    """Each seat gains influence from its base income, its areas and its support; then draws cards."""
    log.add("Income.")
    draws = []
    for seat, faction in enumerate(rules.seats):
        gain = rules.faction[faction].income + sum(
            area.influence for area, holder in zip(rules.areas, state.control) if holder == faction)
        gain += sum(row[seat] for row in state.support) // rules.scenario.support_per_influence
        state = set_track(rules, state, "influence", faction, q.influence(rules, state, faction) + gain, log)
        missing = rules.faction[faction].hand_size - len(state.hands[seat])
        if missing > 0:
            draws.append(DrawCards(faction, missing))
    return push(state, tuple(draws), Context(source="income"))


def begin_actions(rules: Ruleset, state: GameState, log: Log) -> GameState:
    """Every seat starts the rounds with no actions taken."""
    seats = len(rules.seats)
    return state.replace(actions_taken=(0,) * seats, passed=(False,) * seats, uses=(), next_seat=0)


def next_action_turn(rules: Ruleset, state: GameState, log: Log) -> GameState | None:
    """The next seat, in initiative order, that has neither passed nor used all its actions."""
    seats = len(rules.seats)
    for offset in range(seats):
        seat = (state.next_seat + offset) % seats
        if not state.passed[seat] and state.actions_taken[seat] < rules.scenario.actions_per_turn:
            return state.replace(decision=ActionTurn(rules.seats[seat]), next_seat=(seat + 1) % seats)
    return None


def begin_upkeep(rules: Ruleset, state: GameState, log: Log) -> GameState:
    """Units rest and sober up; then the scenario's upkeep effects (bread eaten, riots) run."""
    log.add("Upkeep: units rest and sober up.")
    units = tuple(unit.rested() if unit.spent or unit.drunk else unit
                  for unit in state.units)
    return push(state.replace(units=units), rules.scenario.upkeep, Context(source="upkeep"))


PHASES = (
    Phase("events", "Dated events arrive; one card is drawn from the event deck.", begin_events),
    Phase("income", "Influence from base income, controlled areas and support; cards are drawn.", begin_income),
    Phase("actions", "Factions act one at a time in initiative order until all pass.", begin_actions,
          next_action_turn),
    Phase("upkeep", "Units rest and sober up; bread is eaten; riots are checked.", begin_upkeep),
)
PHASE = {phase.name: phase for phase in PHASES}


def new_game(rules: Ruleset, seed: int, log: Log) -> GameState:
    """The first decision of the game, after the scenario's setup and the first events."""
    seats = len(rules.seats)
    rng = seed_state(seed)
    decks = []
    for faction in rules.seats:
        # Shuffled with the game's hidden generator, so a draw's deck place ("card 3 of 7") names no card.
        deck = [card.id for card in rules.cards if card.faction == faction for _ in range(card.copies)]
        for index in range(len(deck) - 1, 0, -1):
            rng, number = next_u64(rng)
            other = pick_weighted(number, [1] * (index + 1))
            deck[index], deck[other] = deck[other], deck[index]
        decks.append(tuple(deck))
    state = GameState(
        turn=1, phase="setup", steps=0, rng=rng,
        city=tuple(track.start for track in rules.city_tracks()),
        per_faction=tuple((track.start,) * seats for track in rules.faction_tracks()),
        support=tuple((0,) * seats for _ in rules.groups),
        control=(None,) * len(rules.areas), units=(), next_uid=1, flags=(), decrees=(), fired=(),
        hands=((),) * seats, decks=tuple(decks), actions_taken=(0,) * seats, passed=(False,) * seats, uses=(),
        next_seat=0, agenda=(Frame(rules.scenario.setup, Context(source="setup")),), decision=None,
    )
    state = run_agenda(rules, state, Log(enabled=False))  # the setup is the board as it stands, not news
    first = PHASES[0]
    return settle(rules, first.begin(rules, state.replace(phase=first.name), log), log)


def run_agenda(rules: Ruleset, state: GameState, log: Log) -> GameState:
    """Run waiting effects, top frame first, until the agenda is empty or a decision is needed."""
    while state.agenda and state.decision is None:
        frame = state.agenda[-1]
        rest = frame.effects[1:]
        agenda = state.agenda[:-1] + ((Frame(rest, frame.context),) if rest else ())
        state = apply_effect(rules, state.replace(agenda=agenda), frame.effects[0], frame.context, log)
    return state


def settle(rules: Ruleset, state: GameState, log: Log) -> GameState:
    """Run the game forward until a decision is needed or the game is over."""
    while True:
        state = check_sudden_death(rules, run_agenda(rules, state, log), log)
        if state.result is not None or state.decision is not None:
            return state
        resume = PHASE[state.phase].resume
        resumed = resume(rules, state, log) if resume is not None else None
        state = resumed if resumed is not None else enter_next_phase(rules, state, log)


def enter_next_phase(rules: Ruleset, state: GameState, log: Log) -> GameState:
    """Begin the next phase, the next turn, or score the game after the last turn."""
    index = next(i for i, phase in enumerate(PHASES) if phase.name == state.phase)
    if index + 1 < len(PHASES):
        following = PHASES[index + 1]
        return following.begin(rules, state.replace(phase=following.name), log)
    if state.turn == len(rules.scenario.turns):
        return final_scoring(rules, state, log)
    first = PHASES[0]
    return first.begin(rules, state.replace(turn=state.turn + 1, phase=first.name), log)


def check_sudden_death(rules: Ruleset, state: GameState, log: Log) -> GameState:
    """End the game if some seat's sudden-death conditions all hold (earlier seats first).

    Checked whenever play stops for a decision and whenever the agenda runs
    dry, so no step of play can pass a winning position by.
    """
    if state.result is not None:
        return state
    for faction in rules.seats:
        sudden_deaths = rules.victory_of(faction).sudden_death
        if not sudden_deaths:
            continue
        context = context_of(faction)
        for sudden in sudden_deaths:
            if holds_all(rules, state, sudden.when, context):
                log.add(f"Victory for {faction_name(rules, faction)}: {sudden.reason}")
                return state.replace(result=Result((faction,), sudden.reason), decision=None)
    return state


def objective_points(rules: Ruleset, state: GameState, faction: str) -> int:
    """A seat's points from the objectives that hold now."""
    return sum(goal.points for goal in goal_statuses(rules, state, faction) if goal.held)


def tie_break_measure(rules: Ruleset, state: GameState, faction: str, measure: str) -> int:
    """A seat's standing by one of the scenario's tie-break measures."""
    seat = rules.seat_index[faction]
    if measure == "influence":
        return state.per_faction[rules.faction_track_index["influence"]][seat]
    if measure == "support":
        return sum(row[seat] for row in state.support)
    if measure == "areas":
        return sum(1 for holder in state.control if holder == faction)
    if measure == "strength":
        return sum(rules.unit[unit.kind].strength for unit in state.units if unit.owner == faction)
    raise ValueError(f"unknown tie-break measure {measure!r}")


def final_scoring(rules: Ruleset, state: GameState, log: Log) -> GameState:
    """After the last turn: most objective points win; the scenario's tie-breaks settle equal points in order.

    Seats still level after every tie-break share the win.
    """
    points = tuple(objective_points(rules, state, faction) for faction in rules.seats)
    best = max(points)
    winners = tuple(faction for faction, score in zip(rules.seats, points) if score == best)
    reason = "most points when the last turn ends"
    settled_by = []
    for measure in rules.scenario.tie_breaks:
        if len(winners) == 1:
            break
        standing = {faction: tie_break_measure(rules, state, faction, measure) for faction in winners}
        top = max(standing.values())
        if list(standing.values()).count(top) < len(winners):
            settled_by.append(measure)
        winners = tuple(faction for faction in winners if standing[faction] == top)
    if settled_by:
        reason += f", ahead on {' then '.join(settled_by)} among the seats level on points"
    scores = ", ".join(f"{faction_name(rules, f)} {score}" for f, score in zip(rules.seats, points))
    log.add(f"Victory on points for {' and '.join(faction_name(rules, f) for f in winners)} ({scores}).")
    if settled_by:
        log.add(f"Equal points were settled by {' then '.join(settled_by)}.")
    return state.replace(result=Result(winners, reason, points))
