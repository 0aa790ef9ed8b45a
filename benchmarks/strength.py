"""Strength of one bot spec against another: seat-rotated games, win rate against the baseline.

The first spec plays one seat, the second the others, seat by seat in turn;
the baseline is the same seat when the second spec plays all four. Targets
(issue 4): hard vs normal and normal vs easy at least +25 percentage points;
hard vs openspiel-mcts at equal time at least 75% of seat-rotated games.
Prints one JSON line (the arena's summary plus "gain", the win rate minus the
baseline).

Usage: python benchmarks/strength.py --first hard --second normal [--games N] [--seed S] [--jobs J]
"""

import argparse
import json
from pathlib import Path
from typing import Any

from game.ai.arena import run_match, summarise_match
from game.engine import Game
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir


def measure(rules_dir: Path, first: str, second: str, games: int, seed: int, jobs: int) -> dict[str, Any]:
    """The match's summary as ``arena --json`` gives it, plus ``gain``."""
    seats = Game(load_rules_dir(rules_dir)).seats
    results = run_match(rules_dir, None, first, second, games, seed, jobs)
    summary = summarise_match(results, seats, first, second, seed)
    summary["gain"] = round(summary["win_rate"] - summary["win_rate_baseline"], 4)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", default="normal")
    parser.add_argument("--second", default="random")
    parser.add_argument("--games", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES_DIR)
    args = parser.parse_args()
    summary = measure(args.rules, args.first, args.second, args.games, args.seed, args.jobs)
    print(json.dumps({"benchmark": "strength", "games": args.games, **summary}))


if __name__ == "__main__":
    main()
