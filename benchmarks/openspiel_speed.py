"""OpenSpiel's Python MCTS on the adapter: simulations per second on fixed positions of the shipped game.

The positions are every tenth decision of seeded random games, so another
search can be timed on the very same ones (``positions``). Needs the
``openspiel`` extra. Prints one JSON line: ``sims_per_s``, ``seconds_per_move``
and the size of the action space.

Usage: python benchmarks/openspiel_speed.py [--positions N] [--iterations N] [--seed S] [--rules DIR]
"""

import argparse
import json
import time
from collections.abc import Iterator
from pathlib import Path

from game.engine import CHANCE, Game, GameState
from game.engine.rng import Generator
from game.interop.openspiel import OpenSpielMctsBot
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir


def positions(game: Game, seed: int, every: int = 10) -> Iterator[GameState]:
    """Every ``every``-th state where a faction chooses among several moves, over random games from ``seed``."""
    generator, count = Generator(seed), 0
    for index in range(1_000):
        state = game.new_initial_state(seed + index)
        while not game.is_terminal(state):
            moves = game.legal_moves(state)
            if game.current_player(state) == CHANCE:
                state = game.apply(state, game.sample_chance(state))
                continue
            count += len(moves) > 1
            if len(moves) > 1 and count % every == 0:
                yield state
            state = game.apply(state, moves[generator.below(len(moves))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--positions", type=int, default=10)
    parser.add_argument("--iterations", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES_DIR)
    args = parser.parse_args()
    game = Game(load_rules_dir(args.rules))
    chosen = [state for state, _ in zip(positions(game, args.seed), range(args.positions))]
    bot = OpenSpielMctsBot(args.seed, iterations=args.iterations)
    space = bot.spiel_game(game).space

    simulations, started = 0, time.perf_counter()
    for state in chosen:
        bot.choose(game, state)
        simulations += bot.last_simulations
    seconds = time.perf_counter() - started

    print(json.dumps({
        "benchmark": "openspiel_speed",
        "positions": len(chosen),
        "iterations": args.iterations,
        "sims_per_s": round(simulations / seconds, 1),
        "seconds_per_move": round(seconds / len(chosen), 3),
        "actions": len(space.moves),
        "chance_outcomes": len(space.outcomes),
    }))


if __name__ == "__main__":
    main()
