"""The end screen's timeline: this game's key moments beside the real dates from the rules.

The teacher's comparison: "your game took the Pulkovo heights on 2 Nov (15 Nov);
historically the fighting there was on 30 Oct (12 Nov)". Every real date comes
from a ``date:`` in the YAML (of the event, the decree or the area); where the
rules give none, the moment has none. Nothing here invents a date.

Key moments: each event that fired, each decree, the first fight over each
area the rules date, changes of hands of the areas the victory terms name (or
the rules date), and the end. The list is kept short: when there are too many,
the dated moments and the changes of hands of objectives stay, the undated
events go first.
"""

import datetime
import re
from collections.abc import Sequence

import attrs

from game.engine import Game, GameState, Move, PlayCard, UseAction
from game.engine.log import area_name, faction_name
from game.engine.state import PendingChance, PendingChoice
from game.ruleset.calendar import format_dual
from game.ruleset.entry import Entry
from game.ruleset.model import Ruleset
from game.ruleset.vocabulary import AnyOf, Condition, Controls, Not
from game.ui.changes import diff
from game.ui.session import Session

MAX_MOMENTS = 25
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# Which moments stay when there are too many: lower stays first.
END, DATED, DECREE, OBJECTIVE, EVENT = range(5)
StepTriple = tuple[GameState, Move, GameState]


@attrs.frozen
class Moment:
    """One key moment of this game, with the real date of the same thing where the rules give one."""

    turn: int
    game_date: str  # the turn's date in this game, e.g. "2 Nov (15 Nov) 1917"
    text: str
    real_date: str | None = None  # from the YAML's date, e.g. "30 Oct (12 Nov) 1917"
    real_text: str | None = None  # what really happened, from the record's history note
    kind: str = "event"  # "event", "decree", "fight", "control" or "end"
    faction: str | None = None  # who acted or gained, for the faction's colour


@attrs.frozen
class _Found:
    priority: int
    order: int
    moment: Moment


def key_moments(source: Session | Game, moves: Sequence[Move] = (), initial: GameState | None = None) -> list[Moment]:
    """``key_moments(session)``, or ``key_moments(game, moves, initial_state)``: at most 25, in game order."""
    if isinstance(source, Session):
        steps = [(step.before, step.move, step.after) for step in source.history]
        return moments_of(source.game, source.initial, steps)
    if initial is None:
        raise TypeError("key_moments(game, moves, initial) needs the game's initial state")
    return moments_of(source, initial, replay(source, initial, moves))


def replay(game: Game, initial: GameState, moves: Sequence[Move]) -> list[StepTriple]:
    """Each move with the states before and after it."""
    steps = []
    state = initial
    for move in moves:
        after = game.apply(state, move)
        steps.append((state, move, after))
        state = after
    return steps


def moments_of(game: Game, initial: GameState, steps: Sequence[StepTriple]) -> list[Moment]:
    """The key moments of a game given as its initial state and its steps."""
    rules = game.rules
    found = [_event(rules, 1, event, order=-1) for event in initial.fired]
    found += _step_moments(rules, steps)
    final = steps[-1][2] if steps else initial
    if final.result is not None:
        found.append(_Found(END, len(steps), _end(rules, final)))
    kept = sorted(found, key=lambda item: (item.priority, item.order))[:MAX_MOMENTS]
    # A step that ends a turn holds moments of two turns: the old turn's first.
    return [item.moment for item in sorted(kept, key=lambda item: (item.order, item.moment.turn))]


def _step_moments(rules: Ruleset, steps: Sequence[StepTriple]) -> list[_Found]:
    found: list[_Found] = []
    watched = watched_areas(rules)
    fought: set[str] = set()
    handovers: dict[tuple[int, str], tuple[int, str | None, str | None]] = {}  # (turn, area): (order, first, last)
    for order, (before, move, after) in enumerate(steps):
        changes = diff(rules, before, after)
        found += [_event(rules, after.turn, event, order) for event in changes.events]
        found += [_decree(rules, before.turn, decree, order) for decree in changes.decrees]
        fight = _fight(rules, move)
        if fight is not None and fight not in fought:
            fought.add(fight)
            text = f"Attack by {faction_name(rules, _mover(before))} on {area_name(rules, fight)}."
            found.append(_Found(DATED, order, _moment(rules, before.turn, text, rules.area[fight], "fight",
                                                      _mover(before))))
        for area, old, new in changes.control:
            if area in watched:
                turn = before.turn if area == aimed_at(before, move) else after.turn
                first_order, first_holder, _ = handovers.get((turn, area), (order, old, new))
                handovers[(turn, area)] = (first_order, first_holder, new)
    changed = sorted((change[0], turn, area, change[1], change[2]) for (turn, area), change in handovers.items()
                     if change[1] != change[2])
    seen: set[str] = set()
    for order, turn, area, old, new in changed:
        found.append(_handover(rules, turn, area, order, old, new, first=area not in seen))
        seen.add(area)
    return found


def _handover(rules: Ruleset, turn: int, area: str, order: int, old: str | None, new: str | None,
              first: bool) -> _Found:
    """An area that changed hands in a turn: who held it before the turn's fighting, and who holds it after.

    The first change of hands of a dated area is the one to set beside history;
    later ones rank with the objectives when the list must be cut.
    """
    entry = rules.area[area]
    if new is None:
        text = f"{entry.name}: lost by {faction_name(rules, old)}; nobody holds it."
    else:
        text = f"{entry.name}: taken by {faction_name(rules, new)}"
        text += f" from {faction_name(rules, old)}." if old is not None else "."
    priority = DATED if entry.date is not None and first else OBJECTIVE
    return _Found(priority, order, _moment(rules, turn, text, entry, "control", new))


def _fight(rules: Ruleset, move: Move) -> str | None:
    """The area attacked by ``move``, if it is an attack on an area the rules date."""
    if not isinstance(move, UseAction) or move.to is None or rules.action[move.action].kind != "attack":
        return None
    return move.to if rules.area[move.to].date is not None else None


def _mover(state: GameState) -> str | None:
    decision = state.decision
    return None if decision is None or isinstance(decision, PendingChance) else decision.faction


def aimed_at(before: GameState, move: Move) -> str | None:
    """The area a step was about: where a move or card aimed, or what the dice decide."""
    if isinstance(move, UseAction):
        return move.to or move.area
    if isinstance(move, PlayCard):
        return move.area
    if isinstance(before.decision, (PendingChance, PendingChoice)):
        return before.decision.context.target
    return None


def _event(rules: Ruleset, turn: int, event_id: str, order: int) -> _Found:
    event = rules.event[event_id]
    priority = DATED if event.date is not None else EVENT
    return _Found(priority, order, _moment(rules, turn, f"Event: {event.name}.", event, "event"))


def _decree(rules: Ruleset, turn: int, decree_id: str, order: int) -> _Found:
    decree = rules.decree[decree_id]
    text = f"{decree.name}, issued by {faction_name(rules, decree.issuer)}."
    priority = DATED if decree.date is not None else DECREE
    return _Found(priority, order, _moment(rules, turn, text, decree, "decree", decree.issuer))


def _end(rules: Ruleset, final: GameState) -> Moment:
    result = final.result
    assert result is not None
    if result.stalled or not result.winners:
        text = f"No winner: {result.reason}."
    else:
        winners = " and ".join(faction_name(rules, faction) for faction in result.winners)
        text = f"Victory for {winners}: {result.reason.rstrip('.')}."
    if result.points:
        text += " Points: " + ", ".join(f"{faction_name(rules, faction)} {points}"
                                        for faction, points in zip(rules.seats, result.points)) + "."
    winner = result.winners[0] if len(result.winners) == 1 else None
    # Points are counted when the last turn is over, on the scenario's last day.
    date = format_dual(rules.scenario.end) if result.points else _game_date(rules, final.turn)
    return Moment(final.turn, date, text, kind="end", faction=winner)


def _moment(rules: Ruleset, turn: int, text: str, entry: Entry, kind: str, faction: str | None = None) -> Moment:
    real_date = format_dual(entry.date) if entry.date is not None else None
    real_text = history_line(entry) if entry.date is not None else None
    return Moment(turn, _game_date(rules, turn), text, real_date, real_text, kind, faction)


def _game_date(rules: Ruleset, turn: int) -> str:
    dates = rules.scenario.turns
    return format_dual(dates[min(max(turn, 1), len(dates)) - 1])


def history_line(entry: Entry) -> str | None:
    """The sentence of the history note that names the record's date, else its first sentence."""
    sentences = [part.strip() for part in re.split(r"(?<=[.!?])\s+", entry.history) if part.strip()]
    if not sentences:
        return None
    day = _spelled(entry.date) if entry.date is not None else None
    return next((sentence for sentence in sentences if day and day in sentence), sentences[0])


def _spelled(date: datetime.date) -> str:
    """``30 October``, as the history notes write dates."""
    return f"{date.day} {MONTHS[date.month - 1]}"


def watched_areas(rules: Ruleset) -> frozenset[str]:
    """Areas whose change of hands is a key moment: those named by victory terms, and those the rules date."""
    conditions: list[Condition] = []
    for faction in rules.seats:
        victory = rules.victory_of(faction)
        conditions += [c for sudden in victory.sudden_death for c in sudden.when]
        conditions += [c for objective in victory.objectives for c in objective.when]
    named = {area for condition in conditions for area in _controlled_areas(condition) if area in rules.area}
    return frozenset(named | {area.id for area in rules.areas if area.date is not None})


def _controlled_areas(condition: Condition) -> tuple[str, ...]:
    if isinstance(condition, Controls):
        return (condition.area,)
    if isinstance(condition, AnyOf):
        return tuple(area for inner in condition.conditions for area in _controlled_areas(inner))
    if isinstance(condition, Not):
        return _controlled_areas(condition.condition)
    return ()

