"""Play-outs with every faction modelled as the one-move look-ahead, to a short horizon.

The benchmarks use them as a model of ``normal`` rivals (``decision_quality.py``,
``evaluation_fit.py``, the tree trial); ``board_key`` is what the bots key the
evaluation's and the learned value's memories on. They were the play-outs of
the former ``hard`` bot, until the tree search replaced it (docs/balance.md).

A play-out starts in a determinised world just after the move being judged and
lets each faction in turn make the move the evaluation likes best one step
ahead, with the world's own dice for the chance steps, until a given number
of decisions have been made or a given number of turns have ended; the evaluation then scores where it got
to. Since the ``normal`` bot plays this way, a play-out forecasts how
``normal`` rivals will answer, which one look at the position after a move
cannot see.

A ``Forecaster`` lives for one search and remembers what it worked out: the
evaluation of each board (the evaluation reads the board, never a hand or the
dice) and each faction's reply to a position as that faction sees it (board,
turn order and its own cards), so the many worlds of a search that agree on
these share the work. A reply is worked out in two parts: the best of the
moves that need no card (actions, decrees, choices, passing) is remembered for
the position without the hand, since neither those moves nor the evaluation
read the hand; only the cards in hand are tried afresh for each hand. Worlds
dealt different rival hands then share most of a reply's cost.
"""

import math
from collections.abc import Callable, Sequence
from typing import Any

from game.ai.evaluate import win_chances
from game.engine import CHANCE, Game, GameState, Move, Pass, PlayCard
from game.engine.rng import Generator

MAX_CHANCE_STEPS = 64  # a guard against a play-out that only throws dice
REPLY_CHANCE_DEPTH = 1  # chance steps a modelled reply weighs outcome by outcome; deeper ones are sampled


class OutOfTime(Exception):
    """A play-out given a ``stop`` check was cut short by it; its value is not to be used."""


def board_key(state: GameState) -> tuple[Any, ...]:
    """What the evaluation reads: tracks, support, control, units, flags, decrees, events, the date, the result."""
    return (state.turn, state.city, state.per_faction, state.support, state.control, state.units,
            state.flags, state.decrees, state.fired, state.result)


def position_key(state: GameState) -> tuple[Any, ...]:
    """What decides the moves that need no card, and their values: the board and where play stands."""
    return (board_key(state), state.phase, state.decision, state.agenda, state.actions_taken, state.passed,
            state.uses, state.next_seat)


def view_key(state: GameState, seat: int) -> tuple[Any, ...]:
    """What decides a modelled reply: the position and the replying seat's own cards."""
    return (position_key(state), state.hands[seat], state.decks[seat])


class Forecaster:
    """Models every faction as the one-move look-ahead and plays positions out; remembers its work."""

    def __init__(self, game: Game, seed: int, chance_depth: int = REPLY_CHANCE_DEPTH) -> None:
        self.game = game
        self.generator = Generator(seed)
        self.chance_depth = chance_depth
        self.values: dict[tuple[Any, ...], tuple[float, ...]] = {}
        self.replies: dict[tuple[Any, ...], Move] = {}
        self.cardless: dict[tuple[Any, ...], tuple[Move, float]] = {}

    def win_chances(self, state: GameState) -> tuple[float, ...]:
        """The evaluation's win chances of every seat, worked out once per board."""
        key = board_key(state)
        chances = self.values.get(key)
        if chances is None:
            chances = self.values[key] = win_chances(self.game, state)
        return chances

    def expected(self, state: GameState, seat: int, depth: int) -> float:
        """A seat's win chance once the chance steps are over: weighed while ``depth`` lasts, then sampled."""
        game = self.game
        if game.current_player(state) != CHANCE:
            return self.win_chances(state)[seat]
        if depth > 0:
            return sum(probability * self.expected(game.apply_generated(state, outcome), seat, depth - 1)
                       for outcome, probability in game.chance_outcomes(state))
        return self.win_chances(self.settle(state))[seat]

    def reply(self, state: GameState) -> Move:
        """The move the faction to play makes by a one-move look-ahead, as it sees this world."""
        game = self.game
        seat = game.rules.seat_index[str(game.current_player(state))]
        key = view_key(state, seat)
        move = self.replies.get(key)
        if move is None:
            move = self.replies[key] = self._best(state, seat)
        return move

    def _best(self, state: GameState, seat: int) -> Move:
        """The move the evaluation likes best one step ahead: the best card, unless a move without one does better."""
        moves = self.game.legal_moves(state)
        if len(moves) == 1:
            return moves[0]
        key = position_key(state)
        cardless = self.cardless.get(key)
        if cardless is None:
            cardless = self.cardless[key] = self._best_of(
                state, seat, [move for move in moves if not isinstance(move, PlayCard)])
        cards = [move for move in moves if isinstance(move, PlayCard)]
        if not cards:
            return cardless[0]
        card, value = self._best_of(state, seat, cards)
        return card if value > cardless[1] + 1e-9 else cardless[0]

    def _best_of(self, state: GameState, seat: int, moves: Sequence[Move]) -> tuple[Move, float]:
        """The best of ``moves`` and its value (none of them: a pass worth nothing); ties by the search's generator."""
        if not moves:
            return Pass(), -math.inf
        values = [self.expected(self.game.apply_generated(state, move), seat, self.chance_depth) for move in moves]
        best = max(values)
        tied = [move for move, value in zip(moves, values) if value >= best - 1e-9]
        return (tied[self.generator.below(len(tied))] if len(tied) > 1 else tied[0]), best

    def play_out(self, state: GameState, decisions: int, turns: int = 1,
                 stop: Callable[[], bool] | None = None) -> GameState:
        """Follow the modelled replies for up to ``decisions`` moves or to the end of ``turns`` turns, dice settled.

        ``stop``, if given, is asked before each step (a reply or a die); when it answers yes, ``OutOfTime`` is raised.
        """
        game, last_turn, made, chance_steps = self.game, state.turn + turns - 1, 0, 0
        while made < decisions and chance_steps < MAX_CHANCE_STEPS * turns:
            player = game.current_player(state)
            if player is None or state.turn > last_turn:
                break
            if stop is not None and stop():
                raise OutOfTime
            if player == CHANCE:
                state = game.apply_generated(state, game.sample_chance(state))  # the world's own dice
                chance_steps += 1
                continue
            state = self._apply_reply(state)
            made += 1
        return self.settle(state)

    def _apply_reply(self, state: GameState) -> GameState:
        # The legal moves read the board, where play stands and the mover's own cards: all in ``view_key``.
        # A reply remembered for the key is therefore legal here, and is applied without the check.
        return self.game.apply_generated(state, self.reply(state))

    def settle(self, state: GameState) -> GameState:
        """Resolve pending chance steps with the world's dice, so the evaluation sees their results."""
        for _ in range(MAX_CHANCE_STEPS):
            if self.game.current_player(state) != CHANCE:
                break
            state = self.game.apply_generated(state, self.game.sample_chance(state))
        return state

    def value_after(self, world: GameState, move: Move, seat: int, decisions: int, turns: int = 1,
                    stop: Callable[[], bool] | None = None) -> float:
        """Seat ``seat``'s win chance after ``move`` in ``world``, ``decisions`` modelled replies and ``turns`` ends.

        ``stop`` is passed to ``play_out``, which raises ``OutOfTime`` when it answers yes.
        """
        return self.win_chances(self.play_out(self.game.apply(world, move), decisions, turns, stop))[seat]
