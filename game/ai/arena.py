"""Seat-rotated matches between two bot specs: who wins more, by how much, and how fast they think.

Game ``i`` of a match uses seed ``seed + i``; the first spec takes seat
``i mod seats`` and the second spec every other seat. The same seed is then
played with the second spec on every seat, and the same seat's result there is
the baseline. A shared win counts as a share (two winners get a half each),
so win rates over all seats add up to one game per game. Results do not depend
on how many processes play the games.
"""

import functools
import math
import os
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from game.ai.bots import Bot
from game.ai.runner import play_game, seat_bots
from game.ai.spec import SeatSpec, parse_level
from game.engine import Game, GameState, Move
from game.engine.rng import derive_seed
from game.rulesdir import load_rules_dir

Z95 = 1.959964


@attrs.frozen
class MatchGame:
    """One seed of a match: the seat the first spec played, its share of the win, and the baseline share."""

    seed: int
    faction: str
    share: float
    baseline: float
    think: tuple[float, ...] = attrs.field(eq=False)  # seconds per decision of the first spec
    sims: tuple[int, int]  # search simulations run by the first and the second spec
    # Time the first and the second spec spent in searches that counted simulations.
    search_seconds: tuple[float, float] = attrs.field(eq=False)
    winners: tuple[str, ...]  # who won the rotated game, and why
    reason: str


class TimedBot:
    """A bot wrapper that times each decision and counts the search simulations it ran."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.times: list[float] = []
        self.simulations = 0
        self.search_seconds = 0.0

    def choose(self, game: Game, state: GameState) -> Move:
        """The wrapped bot's move, timed."""
        started = time.perf_counter()
        move = self.bot.choose(game, state)
        elapsed = time.perf_counter() - started
        self.times.append(elapsed)
        simulations = getattr(self.bot, "last_simulations", 0)
        if simulations:
            self.simulations += simulations
            self.search_seconds += elapsed
        return move


def play_match_game(game: Game, first: SeatSpec, second: SeatSpec, seed: int, index: int) -> MatchGame:
    """Game ``index`` of a match: the rotated game, then its baseline with ``second`` everywhere."""
    faction = game.seats[index % len(game.seats)]
    bots = {seat: TimedBot(bot) for seat, bot in seat_bots(game, {seat: second for seat in game.seats}, seed).items()}
    bots[faction] = TimedBot(first.make(derive_seed(seed, 99)))
    played = play_game(game, seed, dict(bots))
    baseline = play_game(game, seed, seat_bots(game, {seat: second for seat in game.seats}, seed))
    seat = game.rules.seat_index[faction]
    others = [bot for name, bot in bots.items() if name != faction]
    result = played.state.result
    assert result is not None  # play_game stops only when the game is over
    return MatchGame(
        seed, faction, game.returns(played.state)[seat], game.returns(baseline.state)[seat],
        tuple(bots[faction].times), (bots[faction].simulations, sum(bot.simulations for bot in others)),
        (bots[faction].search_seconds, sum(bot.search_seconds for bot in others)),
        result.winners, result.reason)


@functools.cache
def game_in_worker(rules_dir: str, scenario: str | None) -> Game:
    """The game a worker process plays, loaded once per process and scenario."""
    rules = load_rules_dir(Path(rules_dir))
    return Game(rules.with_scenario(scenario) if scenario else rules)


def _play_in_worker(job: tuple[str, str | None, str, str, int, int]) -> MatchGame:
    rules_dir, scenario, first, second, seed, index = job
    game = game_in_worker(rules_dir, scenario)
    return play_match_game(game, parse_level(first), parse_level(second), seed, index)


def run_match(rules_dir: Path, scenario: str | None, first: str, second: str, games: int, seed: int,
              jobs: int = 1, on_game: Callable[[int], None] | None = None) -> list[MatchGame]:
    """Play ``games`` seat-rotated games, over ``jobs`` processes; ``on_game(done)`` after each one."""
    work = [(str(rules_dir), scenario, first, second, seed + index, index) for index in range(games)]
    results: list[MatchGame] = []
    if jobs <= 1:
        for job in work:
            results.append(_play_in_worker(job))
            if on_game:
                on_game(len(results))
        return results
    with ProcessPoolExecutor(max_workers=min(jobs, os.cpu_count() or 1, games)) as pool:
        for result in pool.map(_play_in_worker, work):
            results.append(result)
            if on_game:
                on_game(len(results))
    return results


def wilson(successes: float, trials: int) -> tuple[float, float]:
    """The 95% Wilson score interval of a rate."""
    if trials == 0:
        return (0.0, 1.0)
    rate = successes / trials
    denominator = 1 + Z95 ** 2 / trials
    centre = (rate + Z95 ** 2 / (2 * trials)) / denominator
    spread = Z95 * math.sqrt(rate * (1 - rate) / trials + Z95 ** 2 / (4 * trials ** 2)) / denominator
    return (max(0.0, round(centre - spread, 12)), min(1.0, round(centre + spread, 12)))


def _rates(results: list[MatchGame]) -> dict[str, Any]:
    count = len(results)
    share = sum(result.share for result in results)
    low, high = wilson(share, count)
    return {"games": count, "win_rate": round(share / count, 4) if count else 0.0,
            "ci95": [round(low, 4), round(high, 4)],
            "win_rate_baseline": round(sum(result.baseline for result in results) / count, 4) if count else 0.0}


def _losses(results: list[MatchGame]) -> list[dict[str, Any]]:
    """The games the first spec lost outright, grouped by who won and why, most frequent first."""
    counts = Counter((result.winners, result.reason) for result in results if result.faction not in result.winners)
    return [{"winners": list(winners), "reason": reason, "games": games}
            for (winners, reason), games in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summarise_match(results: list[MatchGame], seats: tuple[str, ...], first: str, second: str,
                    seed: int) -> dict[str, Any]:
    """The figures of a match, as ``arena --json`` prints them."""
    think = [seconds for result in results for seconds in result.think]
    summary: dict[str, Any] = {"first": first, "second": second, "seed": seed, **_rates(results)}
    summary["by_faction"] = {}
    for seat in seats:
        played = [result for result in results if result.faction == seat]
        summary["by_faction"][seat] = {**_rates(played), "lost_to": _losses(played)}
    summary["think_mean"] = round(sum(think) / len(think), 5) if think else 0.0
    summary["think_p50"] = round(_percentile(think, 0.5), 5)
    summary["think_p95"] = round(_percentile(think, 0.95), 5)
    sims = [sum(result.sims[side] for result in results) for side in (0, 1)]
    seconds = [sum(result.search_seconds[side] for result in results) for side in (0, 1)]
    summary["sims_per_s"] = {name: round(sims[side] / seconds[side], 1) if seconds[side] else None
                             for side, name in enumerate(("first", "second"))}
    return summary
