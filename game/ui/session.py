"""One game being played at the desktop: who sits where, the log, undo, saves and the AI seats' thinking.

The pygame scenes read a ``Session`` and call its methods; they never touch the
game state any other way. Nothing here imports pygame, so the whole model runs
and is tested without a display.

>>> from game.rulesdir import load_rules_dir
>>> seats = {"sovnarkom": "human", "left_sr": "easy", "salvation": "easy", "whites": "easy"}
>>> session = Session.new(load_rules_dir(), seats, seed=1)
>>> session.current_faction() in (None, "sovnarkom")
True
"""

from pathlib import Path
from typing import Protocol, runtime_checkable

import attrs

from game.ai.bots import Bot
from game.ai.lookahead import Choice
from game.ai.spec import parse_level
from game.engine import CHANCE, Game, GameState, Move
from game.engine.log import DETAIL_INDENT
from game.engine.query import current_date
from game.engine.rng import derive_seed
from game.ruleset.calendar import format_dual
from game.ruleset.model import Ruleset
from game.savegame import game_for_save, load_game, save_game

HUMAN = "human"
SEAT_KINDS = (HUMAN, "easy", "normal", "hard")
AUTOSAVE_NAME = "autosave.json"
TURN_HEADLINE = "— Turn "  # how the engine's log opens a new turn (engine/flow.py, begin_events)


class SessionError(ValueError):
    """Something the session cannot do now, e.g. undo with nothing of one's own to undo."""


@attrs.frozen
class LogEntry:
    """One line of the game log, with the turn it belongs to and who acted."""

    turn: int
    date: str  # the turn's Old Style date with the New Style one, e.g. "29 Oct (11 Nov) 1917"
    faction: str | None  # who acted; None for the game itself (events, upkeep, chance)
    text: str  # the engine's line as it gave it; details keep their indent
    reason: str | None = None  # an AI's one-line reason, on the headline of its move
    kind: str = "move"  # "move" (a human's), "ai", "chance" or "system"

    @property
    def detail(self) -> bool:
        """Whether the line is a consequence of the headline above it (shown indented)."""
        return self.text.startswith(DETAIL_INDENT)


@attrs.frozen
class Step:
    """One applied move, for the log and for animations."""

    move: Move
    faction: str | None  # None for a chance step
    before: GameState
    after: GameState
    entries: tuple[LogEntry, ...]


@runtime_checkable
class ExplainingBot(Protocol):
    """A bot that can say why it chose its move."""

    def choose_explained(self, game: Game, state: GameState) -> Choice:
        """The move and a one-line reason."""
        ...


class Session:
    """One game at the desktop: the game, its seats, every step so far, and the log."""

    SEAT_KINDS = SEAT_KINDS

    def __init__(self, game: Game, seed: int, seats: dict[str, str], initial: GameState,
                 opening_lines: tuple[str, ...] = ()) -> None:
        self.game = game
        self.seed = seed
        self.seats = checked_seats(game, seats)
        self.initial = initial
        self.state = initial
        self.moves: list[Move] = []
        self.history: list[Step] = []
        self.log: list[LogEntry] = [self._entry(1, None, line, "system") for line in opening_lines]
        self.unsaved_changes = False
        self._at_board: str | None = None  # the human last seen at the board: they acted or took it over
        self._autosaved_turn = 0

    @classmethod
    def new(cls, rules: Ruleset, seats: dict[str, str], seed: int, scenario: str | None = None) -> "Session":
        """A new game of ``scenario`` (by default the rules' own); seats left out are human."""
        game = Game(rules.with_scenario(scenario) if scenario is not None else rules)
        initial, lines = game.new_initial_state_logged(seed)
        return cls(game, seed, seats, initial, lines)

    @classmethod
    def load(cls, path: Path | str, rules: Ruleset) -> "Session":
        """A saved game, replayed and checked, with its seats and log; raises ``SaveError``."""
        game = game_for_save(path, rules)
        opening: list[tuple[GameState, tuple[str, ...]]] = []
        replayed: list[tuple[GameState, Move, GameState, tuple[str, ...]]] = []
        loaded = load_game(path, game,
                           on_step=lambda before, move, after, lines: replayed.append((before, move, after, lines)),
                           on_start=lambda state, lines: opening.append((state, lines)))
        session = cls(game, loaded.seed, seats_from_info(game, loaded.info), *opening[0])
        for before, move, after, lines in replayed:
            session._push(session._step(before, move, after, lines, None))
        session._autosaved_turn = session.state.turn  # loading is no reason to overwrite the autosave
        return session

    # --- Who decides ---------------------------------------------------------------

    def current_faction(self) -> str | None:
        """The faction to decide; ``None`` at a chance step or at the end."""
        player = self.game.current_player(self.state)
        return None if player == CHANCE else player

    def is_human_turn(self) -> bool:
        """Whether a human seat decides now."""
        faction = self.current_faction()
        return faction is not None and self.seats[faction] == HUMAN

    def is_ai_turn(self) -> bool:
        """Whether an AI seat decides now."""
        faction = self.current_faction()
        return faction is not None and self.seats[faction] != HUMAN

    def is_chance(self) -> bool:
        """Whether dice or a draw come next."""
        return self.game.current_player(self.state) == CHANCE

    def is_over(self) -> bool:
        """Whether the game has ended."""
        return self.game.is_terminal(self.state)

    def humans(self) -> tuple[str, ...]:
        """The human seats, in initiative order."""
        return tuple(faction for faction in self.game.seats if self.seats[faction] == HUMAN)

    def legal_moves(self) -> tuple[Move, ...]:
        """The moves the deciding seat may make now."""
        return self.game.legal_moves(self.state)

    def current_date(self) -> str:
        """The current turn's date, Old Style with New Style: ``25 Oct (7 Nov) 1917``."""
        return format_dual(current_date(self.game.rules, self.state))

    # --- Playing -------------------------------------------------------------------

    def resolve_chance(self) -> Step:
        """Roll the dice or draw, with the game's own seeded generator."""
        if not self.is_chance():
            raise SessionError("no dice or draw are pending")
        return self.play(self.game.sample_chance(self.state))

    def think(self) -> Choice:
        """The AI seat's move and reason; changes nothing, so it may run on a worker thread.

        The bot is made afresh for each decision, seeded from the session's
        seed, the seat and the step: the same position always gets the same
        move, after an undo or a load too, and no bot's generator is shared.
        """
        state = self.state  # one read: the main thread may replace it, never change it
        faction = self.game.current_player(state)
        if faction is None or faction == CHANCE or self.seats[faction] == HUMAN:
            raise SessionError("no AI seat decides now")
        bot = self._bot(faction, state)
        if isinstance(bot, ExplainingBot):
            return bot.choose_explained(self.game, state)
        return Choice(bot.choose(self.game, state), "")

    def play(self, move: Move, reason: str | None = None) -> Step:
        """Apply a human's move or an AI's chosen move; ``IllegalMoveError`` (changing nothing) if illegal."""
        before = self.state
        after, lines = self.game.apply_logged(before, move)
        step = self._step(before, move, after, lines, reason or None)
        self._push(step)
        self.unsaved_changes = True
        if step.faction is not None and self.seats[step.faction] == HUMAN:
            self._at_board = step.faction
        return step

    # --- Undo ----------------------------------------------------------------------

    def can_undo(self) -> bool:
        """Whether the human deciding now may take back a move of their own."""
        return self._undo_depth() > 0

    def undo(self) -> None:
        """Take back the deciding human's last move, and the AI seats' moves after it.

        Dice, draws and other humans' moves are walls: undo never crosses them,
        so nobody can roll again or see a card and take the move back.
        """
        depth = self._undo_depth()
        if not depth:
            raise SessionError("there is no move of your own to undo since the last dice, draw or other player")
        for _ in range(depth):
            step = self.history.pop()
            self.moves.pop()
            del self.log[len(self.log) - len(step.entries):]
            self.state = step.before
        self.unsaved_changes = True

    def _undo_depth(self) -> int:
        """How many steps the next undo takes back; 0 if it may not."""
        faction = self.current_faction()
        if faction is None or self.seats[faction] != HUMAN:
            return 0
        for depth, step in enumerate(reversed(self.history), start=1):
            if step.faction == faction:
                return depth
            if step.faction is None or self.seats[step.faction] == HUMAN:
                return 0
        return 0

    # --- Saves ---------------------------------------------------------------------

    def save(self, path: Path | str) -> None:
        """Save the game with its seats, atomically; raises ``SaveError``."""
        save_game(path, self.game, self.seed, self.moves, self.state, seats=dict(self.seats))
        self.unsaved_changes = False

    def autosave(self, folder: Path | str) -> Path | None:
        """Call after each step: saves ``folder/autosave.json`` once as each new turn begins; the path if it did."""
        if self.state.turn <= self._autosaved_turn:
            return None
        path = Path(folder) / AUTOSAVE_NAME
        save_game(path, self.game, self.seed, self.moves, self.state, seats=dict(self.seats))
        self._autosaved_turn = self.state.turn
        return path

    # --- Hotseat -------------------------------------------------------------------

    def needs_handover(self) -> bool:
        """Whether the board must be hidden until the next human confirms: two or more humans, another one next."""
        faction = self.current_faction()
        return len(self.humans()) >= 2 and self.is_human_turn() and faction != self._at_board

    def hand_over(self) -> None:
        """The human deciding now has confirmed they sit at the board."""
        if self.is_human_turn():
            self._at_board = self.current_faction()

    def since_last_turn(self, faction: str) -> tuple[LogEntry, ...]:
        """What happened since ``faction`` last decided (all of the log if it never has)."""
        start = 0
        count = len(self.log) - sum(len(step.entries) for step in self.history)
        for step in self.history:
            if step.faction == faction:
                own = next((i for i, entry in enumerate(step.entries) if entry.faction != faction), len(step.entries))
                start = count + own
            count += len(step.entries)
        return tuple(self.log[start:])

    def visible_hand(self, faction: str) -> tuple[str, ...]:
        """The card ids in ``faction``'s own hand; the UI shows only the current human's."""
        return self.state.hands[self.game.rules.seat_index[faction]]

    # --- Inside --------------------------------------------------------------------

    def _bot(self, faction: str, state: GameState) -> Bot:
        seat = self.game.rules.seat_index[faction]
        return parse_level(self.seats[faction]).make(derive_seed(self.seed, seat + 1, state.steps))

    def _push(self, step: Step) -> None:
        self.history.append(step)
        self.moves.append(step.move)
        self.log.extend(step.entries)
        self.state = step.after

    def _step(self, before: GameState, move: Move, after: GameState, lines: tuple[str, ...],
              reason: str | None) -> Step:
        player = self.game.current_player(before)
        faction = None if player == CHANCE else player
        kind = "chance" if faction is None else "move" if self.seats[faction] == HUMAN else "ai"
        turns = line_turns(before, after, lines)
        entries = []
        for index, (line, turn) in enumerate(zip(lines, turns)):
            if index and not line.startswith(DETAIL_INDENT):
                faction, kind, reason = None, "system", None  # later headlines are the game's own
            entries.append(self._entry(turn, faction, line, kind, reason if index == 0 else None))
        return Step(move, None if player == CHANCE else player, before, after, tuple(entries))

    def _entry(self, turn: int, faction: str | None, text: str, kind: str, reason: str | None = None) -> LogEntry:
        dates = self.game.rules.scenario.turns
        date = format_dual(dates[min(max(turn, 1), len(dates)) - 1])
        return LogEntry(turn, date, faction, text, reason, kind)


def line_turns(before: GameState, after: GameState, lines: tuple[str, ...]) -> tuple[int, ...]:
    """The turn of each log line of one step: lines from a new turn's headline on belong to the new turn."""
    if before.turn == after.turn:
        return (before.turn,) * len(lines)
    start = next((index for index, line in enumerate(lines) if line.startswith(TURN_HEADLINE)), len(lines))
    return (before.turn,) * start + (after.turn,) * (len(lines) - start)


def checked_seats(game: Game, seats: dict[str, str]) -> dict[str, str]:
    """Every seat of the game with its kind; seats left out are human. ``ValueError`` names a bad seat or kind."""
    unknown = sorted(set(seats) - set(game.seats))
    if unknown:
        raise ValueError(f"not a seat of this scenario: {', '.join(unknown)} (seats: {', '.join(game.seats)})")
    for faction, kind in seats.items():
        if kind not in SEAT_KINDS:
            raise ValueError(f"seat {faction}: '{kind}' is not one of {', '.join(SEAT_KINDS)}")
    return {faction: seats.get(faction, HUMAN) for faction in game.seats}


def seats_from_info(game: Game, info: dict[str, object]) -> dict[str, str]:
    """The seats a save recorded (``hard:time=0.5`` is read as ``hard``); missing or unknown ones are human."""
    saved = info.get("seats")
    recorded = saved if isinstance(saved, dict) else {}
    levels = {faction: str(kind).split(":")[0] for faction, kind in recorded.items()}
    return {faction: levels[faction] if levels.get(faction) in SEAT_KINDS else HUMAN for faction in game.seats}
