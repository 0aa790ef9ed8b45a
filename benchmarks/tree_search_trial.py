"""A trial, not a bot level: a tree search whose simulations are cheap, for the speed and strength it shows.

``hard`` plays each candidate out for two turns with every faction answering as
``normal`` would, which is dear (about 146 engine steps a simulation) and does
not grow a tree. This trial is the other kind of search: open-loop
information-set MCTS. Each simulation deals a world afresh from what the bot
may see (``Game.determinise``), walks down a tree of moves by UCB (every seat
choosing for its own win chance; a move is scored against the times it was
legal, since the cards in hand differ between worlds), adds one new move,
and scores it by the evaluation, weighing the chance steps that move causes
outcome by outcome. Dice further up are thrown as the world's own. A
simulation costs a few engine steps, so it runs 10–20 times as many a second
as OpenSpiel's MCTS, whose simulation plays at random to the end of the game.

It is kept here so that the figures in docs/balance.md ("A tree search,
tried") can be measured again. Two modes, one JSON line each:

- ``speed``: simulations per second against OpenSpiel's MCTS on the positions
  of ``search_speed.py``;
- ``match``: a seat-rotated match of ``tree[:time=S|:iterations=N][:c=C]``
  against any bot spec (``normal``, ``openspiel-mcts:time=0.25``, ...).

With ``rivals=normal`` (``--rivals normal`` for ``speed``) the tree holds only
the bot's own moves: the rivals answer as ``normal`` would (the model of the
play-outs of ``hard``, ``rollout.Forecaster``), and a new move is scored once
they have, at the bot's next move or the end of the turn.

Usage: python benchmarks/tree_search_trial.py speed [--positions N] [--iterations N]
       python benchmarks/tree_search_trial.py match --first tree:time=0.25 --second normal [--games N] [--jobs J]
Needs the ``openspiel`` extra for ``speed`` and for an ``openspiel-mcts`` spec.
"""

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

from game.ai import spec
from game.ai.evaluate import win_chances
from game.ai.rollout import Forecaster, board_key
from game.engine import CHANCE, Game, GameState, Move
from game.engine.rng import Generator, derive_seed
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir

EXPLORATION = 0.2  # UCB's constant, on win chances (0 to 1); 0.5 played worse against normal, 0.1 no better
CHANCE_DEPTH = 1  # chance steps after the new move weighed outcome by outcome; deeper ones sampled
DEFAULT_ITERATIONS = 1000


class Node:
    """A move in the tree: how often it was tried, the win chances it ended in, how often it was legal."""

    __slots__ = ("children", "visits", "totals", "available")

    def __init__(self, seats: int) -> None:
        self.children: dict[Move, Node] = {}
        self.visits = 0
        self.totals = [0.0] * seats
        self.available = 1


class TreeBot:
    """Open-loop information-set MCTS with the evaluation at the leaves; deterministic on an iteration budget."""

    level = "tree"

    def __init__(self, seed: int, iterations: int | None = None, seconds: float | None = None,
                 exploration: float = EXPLORATION, turns: int = 1, rivals: str = "tree") -> None:
        self.generator = Generator(seed)
        self.rivals = rivals  # "tree": the rivals' moves are in the tree too; "normal": they answer as normal would
        self.iterations = iterations if iterations is not None or seconds is not None else DEFAULT_ITERATIONS
        self.seconds = seconds
        self.exploration = exploration
        self.turns = turns  # the tree stops growing at the end of this many turns
        self.last_simulations = 0
        self.values: dict[tuple[Any, ...], tuple[float, ...]] = {}

    def choose(self, game: Game, state: GameState) -> Move:
        """The move tried most often from the root (the trial gives no reason)."""
        moves = game.legal_moves(state)
        self.last_simulations = 0
        if len(moves) == 1:
            return moves[0]
        faction = str(game.current_player(state))
        deadline = None if self.seconds is None else time.perf_counter() + self.seconds
        base, root, count = self.generator.below(1 << 62), Node(len(game.seats)), 0
        self.values = {}
        self.forecaster = Forecaster(game, derive_seed(base, 1 << 40))
        self.seat = game.rules.seat_index[faction]
        last_turn = state.turn + self.turns - 1
        while (self.iterations is None or count < self.iterations) and not (
                deadline is not None and count and time.perf_counter() >= deadline):
            self.simulate(game, root, game.determinise(state, faction, derive_seed(base, count)), last_turn)
            count += 1
        self.last_simulations = count
        return max(root.children.items(), key=lambda pair: (pair[1].visits, pair[1].totals[self.seat]))[0]

    def simulate(self, game: Game, root: Node, state: GameState, last_turn: int) -> None:
        """One walk down the tree in one world, one new move, its value carried back up."""
        path, node, seats = [root], root, game.rules.seat_index
        while True:
            player = game.current_player(state)
            if player is None:
                value = game.returns(state)
                break
            if player == CHANCE:
                state = game.apply_generated(state, game.sample_chance(state))
                continue
            if state.turn > last_turn:
                value = self.chances(game, state)
                break
            seat = seats[player]
            if self.rivals == "normal" and seat != self.seat:
                state = game.apply_generated(state, self.forecaster.reply(state))
                continue
            moves = game.legal_moves(state)
            if len(moves) == 1:
                state = game.apply_generated(state, moves[0])
                continue
            untried = [move for move in moves if move not in node.children]
            if untried:
                move = untried[self.generator.below(len(untried))]
                node.children[move] = child = Node(len(seats))
                for other in moves:
                    if other in node.children and other != move:
                        node.children[other].available += 1
                path.append(child)
                after = game.apply_generated(state, move)
                if self.rivals == "normal":  # the rivals answer, up to this seat's next move or the turn's end
                    value = self.chances(game, self.answered(game, after, last_turn))
                else:
                    value = self.expected(game, after, CHANCE_DEPTH)
                break
            best, best_score = moves[0], -math.inf
            for move in moves:
                child = node.children[move]
                child.available += 1
                score = (child.totals[seat] / child.visits
                         + self.exploration * math.sqrt(math.log(child.available) / child.visits))
                if score > best_score:
                    best, best_score = move, score
            state = game.apply_generated(state, best)
            node = node.children[best]
            path.append(node)
        for visited in path:
            visited.visits += 1
            visited.totals = [total + share for total, share in zip(visited.totals, value)]

    def answered(self, game: Game, state: GameState, last_turn: int) -> GameState:
        """Play the rivals' modelled answers and the dice until this seat moves again or the turn ends."""
        seats = game.rules.seat_index
        for _ in range(200):
            player = game.current_player(state)
            if player is None or state.turn > last_turn:
                break
            if player == CHANCE:
                state = game.apply_generated(state, game.sample_chance(state))
            elif seats[player] == self.seat:
                break
            else:
                state = game.apply_generated(state, self.forecaster.reply(state))
        return self.forecaster.settle(state)

    def expected(self, game: Game, state: GameState, depth: int) -> tuple[float, ...]:
        """Every seat's win chance once the chance steps are over: weighed while ``depth`` lasts, then sampled."""
        player = game.current_player(state)
        if player is None:
            return game.returns(state)
        if player != CHANCE:
            return self.chances(game, state)
        if depth <= 0:
            return self.expected(game, game.apply_generated(state, game.sample_chance(state)), 0)
        total = [0.0] * len(game.seats)
        for outcome, probability in game.chance_outcomes(state):
            value = self.expected(game, game.apply_generated(state, outcome), depth - 1)
            total = [sum_ + probability * share for sum_, share in zip(total, value)]
        return tuple(total)

    def chances(self, game: Game, state: GameState) -> tuple[float, ...]:
        key = board_key(state)
        value = self.values.get(key)
        if value is None:
            value = self.values[key] = win_chances(game, state)
        return value


def make_tree_bot(seed: int, options: dict[str, str]) -> TreeBot:
    return TreeBot(seed, iterations=int(options["iterations"]) if "iterations" in options else None,
                   seconds=float(options["time"]) if "time" in options else None,
                   exploration=float(options.get("c", EXPLORATION)),
                   turns=int(options.get("turns", 1)), rivals=options.get("rivals", "tree"))


spec.LEVELS["tree"] = make_tree_bot  # for this script's matches only (worker processes inherit it by fork)
spec.LEVEL_OPTIONS["tree"] = (*spec.BUDGETS, "c", "turns", "rivals")
_check_number = spec._check_number
spec._check_number = lambda key, value: None if key == "rivals" else _check_number(key, value)  # rivals=normal


def speed(args: argparse.Namespace, game: Game) -> dict[str, Any]:
    sys.path.insert(0, str(Path(__file__).parent))
    from openspiel_speed import positions  # the same positions as search_speed.py

    from game.interop.openspiel import OpenSpielMctsBot

    states = [state for state, _ in zip(positions(game, args.seed), range(args.positions))]
    rates: dict[str, list[float]] = {"tree": [], "openspiel": []}
    for _ in range(args.repeats):
        for name, bot in (("tree", TreeBot(args.seed, iterations=args.iterations, rivals=args.rivals)),
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
    parser.add_argument("--rivals", choices=("tree", "normal"), default="tree", help="the tree's rivals (speed)")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--first", default="tree:time=0.25")
    parser.add_argument("--second", default="normal")
    parser.add_argument("--games", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES_DIR)
    args = parser.parse_args()
    game = Game(load_rules_dir(args.rules))
    figures = speed(args, game) if args.mode == "speed" else match(args, game)
    print(json.dumps({"benchmark": "tree_search_trial", "mode": args.mode, **figures}))


if __name__ == "__main__":
    main()
