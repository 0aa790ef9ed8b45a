"""The ``hard`` bot: a Monte-Carlo tree search over worlds it cannot tell apart, judged by the learned value.

This is open-loop information-set MCTS. Each simulation deals a world afresh
from what the bot may see (``Game.determinise``: it never reads another
faction's hand or the real dice), walks down a tree of moves by UCB, every
faction choosing for its own win chance, adds one move new to the tree, and
judges where that move leads by the learned value (``value.py``), weighing
the chance steps the move causes outcome by outcome. Dice further up the tree
are thrown as the world's own. Since the cards in hand differ between worlds,
a move is scored against the number of times it was legal when UCB chose.
The tree stops growing at the end of the turn, where the value judges.

A simulation costs a few engine steps and one reading of the value, so the
search runs many times as many simulations a second as OpenSpiel's MCTS,
whose simulations play at random to the end of the game (docs/benchmarks.md).
The learned value is what makes the tree strong: with the evaluation's win
chances at the leaves instead, the same tree played no better than ``normal``
(docs/balance.md, "A value learned from who won").

An iteration is one simulation. With an iteration budget the bot is
deterministic for its seed; with a time budget it simulates until the clock
runs out, read between simulations (outside the engine, which stays
clock-free). The move played is the one tried most often from the root.
"""

import math
import time
import warnings
from typing import Any

from game.ai.evaluate import _per_ruleset
from game.ai.lookahead import Choice, goal_reason, move_reason
from game.ai.rollout import board_key
from game.ai.value import LearnedValue, Weights, WeightsError, shipped_weights
from game.engine import CHANCE, Game, GameState, Move
from game.engine.log import faction_name
from game.engine.rng import Generator, derive_seed
from game.ruleset.model import Ruleset

DEFAULT_ITERATIONS = 1000  # think p95 within 2 s on a 2-core machine (docs/benchmarks.md)
EXPLORATION = 0.2  # UCB's constant, on win chances (0 to 1); 0.1, 0.4 and 0.5 played no better (docs/balance.md)
CHANCE_DEPTH = 1  # chance steps after the new move weighed outcome by outcome; deeper ones sampled
REPLY_MIN_VISITS = 10  # a rival's reply is named in the reason only if the search tried it this often


class Node:
    """A move in the tree: how often it was tried, every seat's win chances summed, how often it was legal."""

    __slots__ = ("children", "visits", "totals", "available")

    def __init__(self, seats: int) -> None:
        self.children: dict[Move, Node] = {}
        self.visits = 0
        self.totals = [0.0] * seats
        self.available = 1


def learned_value(game: Game) -> LearnedValue:
    """The learned value with the shipped weights, made once for each ruleset."""
    return _learned_value_of(game.rules, game)


@_per_ruleset
def _learned_value_of(rules: Ruleset, game: Game) -> LearnedValue:
    """If the weights file is missing or damaged, the search judges by the forecast alone (weaker, but the
    game goes on) and a warning says why."""
    try:
        weights = shipped_weights()
    except (WeightsError, OSError) as problem:
        warnings.warn(f"{problem}; the hard bot judges by the forecast alone until the weights are mended",
                      stacklevel=3)
        weights = Weights({})
    return LearnedValue(game, weights)


def value_key(state: GameState) -> tuple[Any, ...]:
    """All that the learned value reads: the board, and how many cards each seat holds (not which)."""
    return board_key(state), tuple(len(hand) for hand in state.hands)


class TreeSearchBot:
    """Search with a budget of iterations (reproducible) or of seconds per move; explainable."""

    level = "hard"

    def __init__(self, seed: int, iterations: int | None = None, seconds: float | None = None,
                 exploration: float = EXPLORATION) -> None:
        self.generator = Generator(seed)
        self.iterations = iterations if iterations is not None or seconds is not None else DEFAULT_ITERATIONS
        self.seconds = seconds
        self.exploration = exploration
        self.last_simulations = 0
        self.values: dict[tuple[Any, ...], tuple[float, ...]] = {}

    def choose(self, game: Game, state: GameState) -> Move:
        """The move tried most often from the root."""
        return self.choose_explained(game, state).move

    def choose_explained(self, game: Game, state: GameState) -> Choice:
        """The move and why: its goal, the win chance the search found, and the reply it expects."""
        faction = str(game.current_player(state))
        moves = game.legal_moves(state)
        self.last_simulations = 0
        if len(moves) == 1:
            return Choice(moves[0], f"{faction_name(game.rules, faction)}: the only move")
        root = self.search(game, state, faction)
        seat = game.rules.seat_index[faction]
        move, node = max(root.children.items(), key=lambda pair: (pair[1].visits, pair[1].totals[seat]))
        world = game.determinise(state, faction, 0)
        reason = goal_reason(game, world, move, faction) or move_reason(game, world, move, faction)
        reason += (f"; the search's choice, tried in {node.visits} of {self.last_simulations} simulations "
                   f"(about {_percent(node.totals[seat] / node.visits)} to win after it)")
        reply = self.expected_reply(game, game.apply(world, move), node, faction)
        return Choice(move, reason + (f"; expects {reply}" if reply else ""))

    def search(self, game: Game, state: GameState, faction: str) -> Node:
        """The tree grown from ``state`` within the budget."""
        deadline = None if self.seconds is None else time.perf_counter() + self.seconds
        base, root, count = self.generator.below(1 << 62), Node(len(game.seats)), 0
        self.values = {}  # leaf values are remembered for one move only
        value = learned_value(game)
        while (self.iterations is None or count < self.iterations) and not (
                deadline is not None and count and time.perf_counter() >= deadline):
            world = game.determinise(state, faction, derive_seed(base, count))
            self.simulate(game, value, root, world, state.turn)
            count += 1
        self.last_simulations = count
        return root

    def simulate(self, game: Game, value: LearnedValue, root: Node, state: GameState, turn: int) -> None:
        """One walk down the tree in one world, one new move, its value carried back up."""
        path, node, seats = [root], root, game.rules.seat_index
        while True:
            player = game.current_player(state)
            if player is None:
                result = game.returns(state)
                break
            if player == CHANCE:
                state = game.apply_generated(state, game.sample_chance(state))
                continue
            if state.turn > turn:  # the turn is over: the tree grows no further
                result = self.judge(value, state)
                break
            moves = game.legal_moves(state)
            if len(moves) == 1:
                state = game.apply_generated(state, moves[0])
                continue
            untried = [move for move in moves if move not in node.children]
            if untried:
                move = untried[self.generator.below(len(untried))]
                node.children[move] = child = Node(len(seats))
                for other in moves:
                    if other != move and other in node.children:
                        node.children[other].available += 1
                path.append(child)
                result = self.expected(game, value, game.apply_generated(state, move), CHANCE_DEPTH)
                break
            seat, best, best_score = seats[player], moves[0], -math.inf
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
            visited.totals = [total + share for total, share in zip(visited.totals, result)]

    def expected(self, game: Game, value: LearnedValue, state: GameState, depth: int) -> tuple[float, ...]:
        """Every seat's win chance once the chance steps are over: weighed while ``depth`` lasts, then sampled."""
        player = game.current_player(state)
        if player is None:
            return game.returns(state)
        if player != CHANCE:
            return self.judge(value, state)
        if depth <= 0:
            return self.expected(game, value, game.apply_generated(state, game.sample_chance(state)), 0)
        total = [0.0] * len(game.seats)
        for outcome, probability in game.chance_outcomes(state):
            shares = self.expected(game, value, game.apply_generated(state, outcome), depth - 1)
            total = [sum_ + probability * share for sum_, share in zip(total, shares)]
        return tuple(total)

    def judge(self, value: LearnedValue, state: GameState) -> tuple[float, ...]:
        """The learned value, remembered for positions that differ only in cards the value does not read."""
        key = value_key(state)
        found = self.values.get(key)
        if found is None:
            found = self.values[key] = value.chances(state)
        return found

    def expected_reply(self, game: Game, state: GameState, node: Node, faction: str) -> str:
        """The rival move the search tried most often next, if it tried it often enough to say."""
        for _ in range(8):  # past the move's own dice and any moves the bot itself makes next
            player = game.current_player(state)
            if player is None or not node.children:
                return ""
            if player == CHANCE:
                state = game.apply(state, max(game.chance_outcomes(state), key=lambda pair: pair[1])[0])
                continue
            legal = game.legal_moves(state)
            if len(legal) == 1:  # the tree keeps no node for a forced move
                state = game.apply(state, legal[0])
                continue
            tried = [(move, child) for move, child in node.children.items() if move in legal]
            if not tried:
                return ""
            move, child = max(tried, key=lambda pair: pair[1].visits)
            if child.visits < REPLY_MIN_VISITS:
                return ""
            if player != faction:
                return game.describe_move(state, move).rstrip(".")
            state, node = game.apply(state, move), child
        return ""


def _percent(share: float) -> str:
    return "under 1%" if share < 0.005 else f"{share:.0%}"
