"""Engine speed: random full games per second and legal-moves + apply steps per second.

Prints one JSON line. Usage: python benchmarks/engine_speed.py [--games N] [--seed S] [--rules DIR]
"""

import argparse
import json
import time
from pathlib import Path

from game.ai import parse_bots, play_game, seat_bots
from game.engine import CHANCE, Game
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES_DIR)
    args = parser.parse_args()
    game = Game(load_rules_dir(args.rules))
    specs = parse_bots("random", game.seats)

    started = time.perf_counter()
    played = [play_game(game, args.seed + index, seat_bots(game, specs, args.seed + index))
              for index in range(args.games)]
    games_seconds = time.perf_counter() - started

    # The same games again, timing only what a search does at every node: list the moves, apply one.
    steps, started = 0, time.perf_counter()
    for record in played:
        state = game.new_initial_state(record.seed)
        for move in record.moves:
            if game.current_player(state) != CHANCE:
                game.legal_moves(state)
            state = game.apply(state, move)
            steps += 1
    steps_seconds = time.perf_counter() - started

    print(json.dumps({
        "benchmark": "engine_speed",
        "games": args.games,
        "games_per_s": round(args.games / games_seconds, 1),
        "steps": steps,
        "steps_per_s": round(steps / steps_seconds),
        "mean_steps_per_game": round(steps / args.games, 1),
    }))


if __name__ == "__main__":
    main()
