"""The ``hard`` bot: Monte-Carlo search over worlds it cannot tell apart, with play-outs of the rivals' replies.

The root's candidates are the moves the one-move look-ahead rates best. Each
simulation takes one candidate into one world dealt afresh from what the bot
may see (``Game.determinise``: it never reads another faction's hand or the
real dice) and plays on to the end of the next turn (at most ``HORIZON``
decisions), every faction making the move the evaluation likes best one step
ahead and the world's own dice deciding chance steps (``rollout.py``); the
evaluation scores the end, after two upkeeps have run. Play-outs to the end
of this turn alone made the Committee of Salvation play worse than ``normal``:
its goals (the ministries, the middle classes) move slowly, and one turn
shows the cost of a move more than what it builds. All the
candidates of a round are tried in the same worlds, so they are compared on
the same cards and dice, and successive halving spends the budget on the
contenders: after each round the worse half is dropped.

An iteration is one such simulation (one candidate, one world, one play-out).
With an iteration budget the bot is deterministic for its seed; with a time
budget it plays one world first to learn what a simulation costs in this
position, plans the first rounds to fit, and plays the last round until the
clock runs out (outside the engine, which stays clock-free). The clock is
read before every step of a play-out, and a play-out it cuts short is
dropped, so a move takes little more than its time, whatever a play-out costs.
"""

import math
import time

import attrs

from game.ai.lookahead import CHANCE_DEPTH, Choice, explain
from game.ai.rollout import Forecaster, OutOfTime
from game.engine import Game, GameState, Move
from game.engine.rng import Generator, derive_seed

DEFAULT_ITERATIONS = 20  # two-turn play-outs cost several times one-turn ones; p95 within 2 s (docs/benchmarks.md)
ROOT_CANDIDATES = 8  # the root searches only the moves the one-move look-ahead rates best (docs/balance.md)
HORIZON = 24  # decisions played out after the candidate, at most
TURNS = 2  # a play-out stops at the end of the second turn: this one and the next (docs/balance.md)


@attrs.define
class Candidate:
    """A root move with the win chances its simulations ended in, world by world."""

    move: Move
    prior: float  # the one-move look-ahead's value, which breaks ties
    values: list[float] = attrs.Factory(list)

    @property
    def mean(self) -> float:
        """The average win chance over its simulations (the prior before any)."""
        return sum(self.values) / len(self.values) if self.values else self.prior


class MctsBot:
    """Search with a budget of iterations (reproducible) or of seconds per move."""

    level = "hard"

    def __init__(self, seed: int, iterations: int | None = None, seconds: float | None = None,
                 horizon: int = HORIZON, candidates: int = ROOT_CANDIDATES, turns: int = TURNS) -> None:
        self.generator = Generator(seed)
        self.iterations = iterations if iterations is not None or seconds is not None else DEFAULT_ITERATIONS
        self.seconds = seconds
        self.horizon = horizon
        self.turns = turns
        self.candidates = candidates
        self.last_simulations = 0

    def choose(self, game: Game, state: GameState) -> Move:
        """The move whose simulations ended best."""
        return self.choose_explained(game, state).move

    def choose_explained(self, game: Game, state: GameState) -> Choice:
        """The move and why: its goal, and how the search rated it."""
        faction = str(game.current_player(state))
        moves = game.legal_moves(state)
        if len(moves) == 1:
            self.last_simulations = 0
            return Choice(moves[0], f"{game.rules.faction[faction].short}: the only move")
        finalists = self.search(game, state, faction)
        best = max(finalists, key=lambda candidate: (candidate.mean, candidate.prior))
        reason = explain(game, game.determinise(state, faction, 0), best.move, faction)
        return Choice(best.move, f"{reason}; rivals' replies played out in {_worlds(len(best.values))}, "
                                 f"best of {self.last_simulations} simulations")

    def search(self, game: Game, state: GameState, faction: str) -> list[Candidate]:
        """Successive halving over the root candidates; the last round's survivors."""
        started = time.perf_counter()
        base = self.generator.below(1 << 62)
        seat = game.rules.seat_index[faction]
        forecaster = Forecaster(game, derive_seed(base, 0))
        survivors = self.root_candidates(game, game.determinise(state, faction, base), seat, forecaster)
        deadline = started + self.seconds if self.seconds is not None else None
        rounds = max(1, math.ceil(math.log2(len(survivors))))
        count, worlds = 0, 0

        def out_of_time() -> bool:  # never before the first simulation
            return deadline is not None and count > 0 and time.perf_counter() >= deadline

        stop = out_of_time if deadline is not None else None  # play-outs read no clock on an iteration budget

        def try_in_a_new_world(candidates: list[Candidate], budget: int) -> None:
            nonlocal count, worlds
            world = game.determinise(state, faction, derive_seed(base, worlds + 1))
            for candidate in candidates[:budget - count]:  # the same world for each: a fair comparison
                if out_of_time():
                    break
                try:
                    value = forecaster.value_after(world, candidate.move, seat, self.horizon, self.turns, stop)
                except OutOfTime:  # the clock ran out in the middle: the unfinished play-out is dropped
                    break
                candidate.values.append(value)
                count += 1
            worlds += 1

        probed = 0  # worlds of the first round already played
        if self.iterations is not None:
            budget = self.iterations
        else:  # one world first, to learn what a simulation costs here; it counts towards the first round
            probe_started = time.perf_counter()
            try_in_a_new_world(survivors, len(survivors))
            budget, probed = self._plan(count, time.perf_counter() - probe_started, time.perf_counter() - started), 1
        for round_index in range(rounds):
            if round_index:
                survivors, probed = self._halve(survivors), 0
            if self.seconds is not None and round_index == rounds - 1:
                while not out_of_time():  # the last round runs to the clock: later worlds cost less than the first
                    try_in_a_new_world(survivors, count + len(survivors))
                break
            share = _worlds_this_round(budget - count + probed * len(survivors), rounds - round_index, len(survivors))
            for _ in range(share - probed):
                if count >= budget or out_of_time():
                    break
                try_in_a_new_world(survivors, budget)
            if count >= budget or out_of_time():
                break
        self.last_simulations = count
        played = max(len(candidate.values) for candidate in survivors)
        return [candidate for candidate in survivors if len(candidate.values) == played]

    def root_candidates(self, game: Game, world: GameState, seat: int, forecaster: Forecaster) -> list[Candidate]:
        """The moves the one-move look-ahead rates best, best first; no more than the budget can try once."""
        rated = [Candidate(move, forecaster.expected(game.apply_generated(world, move), seat, CHANCE_DEPTH))
                 for move in game.legal_moves(world)]
        rated.sort(key=lambda candidate: -candidate.prior)
        limit = self.candidates if self.iterations is None else min(self.candidates, self.iterations)
        return rated[:max(1, limit)]

    def _plan(self, done: int, spent: float, elapsed: float) -> int:
        """The simulations a time budget affords: ``done`` took ``spent`` seconds, ``elapsed`` have gone by."""
        assert self.seconds is not None
        return done + max(0, int((self.seconds - elapsed) * done / max(spent, 1e-6)))

    @staticmethod
    def _halve(survivors: list[Candidate]) -> list[Candidate]:
        """The better half, by mean value (ties to the look-ahead's favourite)."""
        ranked = sorted(survivors, key=lambda candidate: (-candidate.mean, -candidate.prior))
        return ranked[:max(1, (len(ranked) + 1) // 2)]


def _worlds(count: int) -> str:
    return "1 world" if count == 1 else f"{count} worlds"


def _worlds_this_round(left: int, rounds_left: int, candidates: int) -> int:
    """Worlds each candidate is tried in this round: an equal share of the budget left, the rest in the last."""
    if rounds_left <= 1:
        return max(1, -(-left // candidates))
    return max(1, left // rounds_left // candidates)
