"""What the board shows between moves, and for how long: public cards as they come, hand-overs, choices.

Pure rules of pacing, without pygame, so tests can pin them:

- every event that fires is shown as a card; so is a decree issued or an
  initiative card played by a computer seat (a human saw their own when they
  played it);
- with a human at the table a card stays until it is dismissed (a teacher
  pauses for discussion); in a game of computer seats only, it stays a few
  seconds scaled by the animation speed, and not at all at speed "off";
- an event that puts a question to a human is not shown twice: the question's
  own card, with the answers, takes its place.
"""

from game.engine.moves import IssueDecree, PlayCard
from game.engine.state import GameState, PendingChoice
from game.ruleset.model import Ruleset
from game.ui.animation import SPEED_FACTORS
from game.ui.changes import diff
from game.ui.session import HUMAN, Step

CARD_SECONDS = 3.5  # how long a card stays for watchers of a computer-only game, at normal speed
Shown = tuple[str, str]  # ("event" | "decree" | "card", id)


def public_cards(rules: Ruleset, step: Step, seats: dict[str, str]) -> list[Shown]:
    """The cards a step made public: events fired, and a decree or card a computer seat used."""
    changes = diff(rules, step.before, step.after)
    shown: list[Shown] = [("event", event) for event in changes.events]
    by_computer = step.faction is not None and seats.get(step.faction) != HUMAN
    if by_computer and isinstance(step.move, IssueDecree):
        shown.insert(0, ("decree", step.move.decree))
    if by_computer and isinstance(step.move, PlayCard):
        shown.insert(0, ("card", step.move.card))
    return shown


def card_hold(seats: dict[str, str], speed: str) -> float | None:
    """Seconds a public card stays up: ``None`` until dismissed (a human plays), 0 for not shown at all."""
    if any(kind == HUMAN for kind in seats.values()):
        return None
    return CARD_SECONDS * SPEED_FACTORS.get(speed, 1.0)


def answered_on_its_own_card(state: GameState, shown: Shown, seats: dict[str, str]) -> bool:
    """Whether a queued event is the one asking the human deciding now: its question's card will show it."""
    decision = state.decision
    return (isinstance(decision, PendingChoice) and seats.get(decision.faction) == HUMAN
            and decision.context.source == shown[1])
