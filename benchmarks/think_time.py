"""Think time per decision of a bot level at its default settings: median and 95th percentile.

Plays whole games with the level in every seat and times every decision with
more than one legal move. Prints one JSON line. Targets (issue 4, on a
2-core machine): normal at most 0.2 s and hard at most 2 s at the p95.

Usage: python benchmarks/think_time.py --level normal [--games N] [--seed S] [--rules DIR]
"""

import argparse
import json
import time
from pathlib import Path

from game.ai import parse_bots, seat_bots
from game.engine import CHANCE, Game
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--level", default="normal", help="a bot spec for every seat, e.g. normal or hard")
    parser.add_argument("--games", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES_DIR)
    args = parser.parse_args()
    game = Game(load_rules_dir(args.rules))
    specs = parse_bots(args.level, game.seats)
    times: list[float] = []
    for index in range(args.games):
        seed = args.seed + index
        bots = seat_bots(game, specs, seed)
        state = game.new_initial_state(seed)
        while not game.is_terminal(state):
            player = game.current_player(state)
            if player == CHANCE:
                state = game.apply(state, game.sample_chance(state))
                continue
            several = len(game.legal_moves(state)) > 1
            started = time.perf_counter()
            move = bots[player].choose(game, state)
            if several:
                times.append(time.perf_counter() - started)
            state = game.apply(state, move)
    times.sort()
    print(json.dumps({
        "benchmark": "think_time",
        "level": args.level,
        "games": args.games,
        "decisions": len(times),
        "think_p50_s": round(times[len(times) // 2], 4),
        "think_p95_s": round(times[int(0.95 * len(times))], 4),
        "think_max_s": round(times[-1], 4),
    }))


if __name__ == "__main__":
    main()
