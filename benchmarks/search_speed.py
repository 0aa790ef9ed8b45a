"""Search speed: simulations per second of our MCTS (``hard``) against OpenSpiel's Python MCTS.

Both search the same positions of the shipped game (every tenth decision of
seeded random games) on the same machine. A simulation of OpenSpiel's bot
(through the adapter) walks down its tree and plays at random to the end of
the game; one of ours walks down its tree in a world dealt afresh, adds a move
and judges it by the learned value (``game/ai/tree.py``). Target (issue 4):
ours at least 10 times faster. Needs the ``openspiel`` extra.

The two searches take turns, ``--repeats`` times each, with fresh bots of the
same seed, so both see the same moments of a noisy machine; the ratio is of
each side's best run (as ``timeit`` reports the best), and the medians are
printed beside it. With ``--count-steps`` a further, untimed pass counts
the engine's work per simulation for each side: the moves and dice applied
(``applied``; for ours this includes the moves a modelled reply tries) and
the legal-move lists made. Prints one JSON line.

Usage: python benchmarks/search_speed.py [--positions N] [--iterations N] [--openspiel-iterations N]
       [--repeats R] [--seed S] [--count-steps]
"""

import argparse
import contextlib
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from game.ai.tree import TreeSearchBot
from game.engine import Game
from game.interop.openspiel import OpenSpielMctsBot
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir

sys.path.insert(0, str(Path(__file__).parent))
from openspiel_speed import positions  # noqa: E402  (the same positions as that benchmark)


def rate(bot: TreeSearchBot | OpenSpielMctsBot, game: Game, states: list) -> float:
    simulations, started = 0, time.perf_counter()
    for state in states:
        bot.choose(game, state)
        simulations += bot.last_simulations
    return simulations / (time.perf_counter() - started)


@contextlib.contextmanager
def counting_steps() -> Iterator[Counter[str]]:
    """Counts, while open, the moves and dice any ``Game`` applies and the legal-move lists it makes."""
    counts: Counter[str] = Counter()
    originals = {name: getattr(Game, name) for name in ("apply", "apply_generated", "legal_moves")}

    def counting(original: Callable[..., object], kind: str) -> Callable[..., object]:
        def counted(self: Game, *args: object) -> object:
            counts[kind] += 1
            return original(self, *args)
        return counted

    for name, original in originals.items():
        setattr(Game, name, counting(original, "legal_move_lists" if name == "legal_moves" else "applied"))
    try:
        yield counts
    finally:
        for name, original in originals.items():
            setattr(Game, name, original)


def engine_work(make_bot: Callable[[], TreeSearchBot | OpenSpielMctsBot], game: Game, states: list) -> dict[str, float]:
    """Moves and dice applied, and legal-move lists made, per simulation: an untimed pass of its own."""
    simulations = 0
    with counting_steps() as counts:
        for state in states:
            bot = make_bot()
            bot.choose(game, state)
            simulations += bot.last_simulations
    return {kind: round(counts[kind] / max(1, simulations), 1) for kind in ("applied", "legal_move_lists")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--positions", type=int, default=10)
    parser.add_argument("--iterations", type=int, default=1000, help="simulations per move for ours")
    parser.add_argument("--openspiel-iterations", type=int, default=30, help="simulations per move for OpenSpiel")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each search, taking turns")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count-steps", action="store_true",
                        help="also count the engine's work a simulation costs, in a pass of its own")
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES_DIR)
    args = parser.parse_args()
    game = Game(load_rules_dir(args.rules))
    states = [state for state, _ in zip(positions(game, args.seed), range(args.positions))]
    ours: list[float] = []
    theirs: list[float] = []

    def our_bot() -> TreeSearchBot:
        return TreeSearchBot(args.seed, iterations=args.iterations)

    def their_bot() -> OpenSpielMctsBot:
        return OpenSpielMctsBot(args.seed, iterations=args.openspiel_iterations)

    for _ in range(max(1, args.repeats)):
        ours.append(rate(our_bot(), game, states))
        theirs.append(rate(their_bot(), game, states))
    work = {"ours_per_sim": engine_work(our_bot, game, states),
            "openspiel_per_sim": engine_work(their_bot, game, states)} if args.count_steps else {}
    print(json.dumps({
        "benchmark": "search_speed",
        "positions": len(states),
        "iterations": args.iterations,
        "repeats": len(ours),
        "ours_sims_per_s": round(max(ours), 1),
        "openspiel_sims_per_s": round(max(theirs), 1),
        "ratio": round(max(ours) / max(theirs), 1),
        "ratio_of_medians": round(statistics.median(ours) / statistics.median(theirs), 1),
        **work,
    }))


if __name__ == "__main__":
    main()
