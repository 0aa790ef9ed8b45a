"""A trial, not a bot level: the tree search of ``hard`` with the evaluation at its leaves.

``hard`` (``game/ai/tree.py``) is open-loop information-set MCTS judged by
the learned value (``game/ai/value.py``). This trial runs the same search
with the evaluation's win chances (``evaluate.win_chances``) at the leaves
instead, as it stood before the value was learned, so that the figures of
docs/balance.md ("A tree search, tried") can be measured again and the
learned value's part in ``hard``'s strength seen. A simulation costs a few
engine steps, so it runs many times as many a second as OpenSpiel's MCTS.

Two modes, one JSON line each:

- ``speed``: simulations per second against OpenSpiel's MCTS on the positions
  of ``search_speed.py``;
- ``match``: a seat-rotated match of ``tree[:time=S|:iterations=N][:c=C]``
  against any bot spec (``normal``, ``hard``, ``openspiel-mcts:time=0.25``...).

The figures with the rivals answering as ``normal`` would (``rivals=normal``)
were measured with this script as it stood at commit 45ee358, before its
search moved into ``game/ai/tree.py``.

Usage: python benchmarks/tree_search_trial.py speed [--positions N] [--iterations N]
       python benchmarks/tree_search_trial.py match --first tree:time=0.25 --second normal [--games N] [--jobs J]
Needs the ``openspiel`` extra for ``speed`` and for an ``openspiel-mcts`` spec.
"""

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from game.ai import spec
from game.ai.evaluate import win_chances
from game.ai.rollout import board_key
from game.ai.tree import EXPLORATION, TreeSearchBot
from game.ai.value import LearnedValue
from game.engine import Game, GameState
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir


class TreeBot(TreeSearchBot):
    """``hard``'s search with the evaluation's win chances at the leaves."""

    level = "tree"

    def judge(self, value: LearnedValue, state: GameState) -> tuple[float, ...]:
        key = board_key(state)  # the evaluation reads no hand, not even its size
        found = self.values.get(key)
        if found is None:
            found = self.values[key] = win_chances(value.game, state)
        return found


def make_tree_bot(seed: int, options: dict[str, str], bot: type[TreeSearchBot] = TreeBot) -> TreeSearchBot:
    return bot(seed, iterations=int(options["iterations"]) if "iterations" in options else None,
               seconds=float(options["time"]) if "time" in options else None,
               exploration=float(options.get("c", EXPLORATION)))


spec.LEVELS["tree"] = make_tree_bot  # for this script's matches only (worker processes inherit it by fork)
spec.LEVEL_OPTIONS["tree"] = (*spec.BUDGETS, "c")


def speed(args: argparse.Namespace, game: Game) -> dict[str, Any]:
    sys.path.insert(0, str(Path(__file__).parent))
    from openspiel_speed import positions  # the same positions as search_speed.py

    from game.interop.openspiel import OpenSpielMctsBot

    states = [state for state, _ in zip(positions(game, args.seed), range(args.positions))]
    rates: dict[str, list[float]] = {"tree": [], "openspiel": []}
    for _ in range(args.repeats):
        for name, bot in (("tree", args.bot(args.seed, iterations=args.iterations)),
                          ("openspiel", OpenSpielMctsBot(args.seed, iterations=args.openspiel_iterations))):
            simulations, started = 0, time.perf_counter()
            for state in states:
                bot.choose(game, state)
                simulations += bot.last_simulations
            rates[name].append(simulations / (time.perf_counter() - started))
    return {"tree_sims_per_s": round(max(rates["tree"]), 1), "openspiel_sims_per_s": round(max(rates["openspiel"]), 1),
            "ratio": round(max(rates["tree"]) / max(rates["openspiel"]), 1)}


def match(args: argparse.Namespace, game: Game) -> dict[str, Any]:
    sys.path.insert(0, str(Path(__file__).parent))
    from strength import measure  # the same match and summary as strength.py

    return measure(args.rules, args.first, args.second, args.games, args.seed, args.jobs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("speed", "match"))
    parser.add_argument("--positions", type=int, default=10)
    parser.add_argument("--iterations", type=int, default=1000, help="simulations per move for the tree (speed)")
    parser.add_argument("--openspiel-iterations", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--first", default="tree:time=0.25")
    parser.add_argument("--second", default="normal")
    parser.add_argument("--games", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES_DIR)
    args = parser.parse_args()
    args.bot = TreeBot
    game = Game(load_rules_dir(args.rules))
    figures = speed(args, game) if args.mode == "speed" else match(args, game)
    print(json.dumps({"benchmark": "tree_search_trial", "mode": args.mode, **figures}))


if __name__ == "__main__":
    main()
