"""The ``hard`` bot: Monte-Carlo tree search over worlds it cannot tell apart, guided by the evaluation.

Information-set MCTS with a single tree: every simulation deals the hidden
cards afresh (``Game.determinise``, so the bot never reads another faction's
hand or the real dice), walks the tree choosing by UCB among the moves legal
in that world, samples dice and draws by their listed probabilities with the
bot's own generator, and scores the first new position with the heuristic
evaluation instead of a random play-out. Each seat's share of the value is
backed up, so every faction in the tree plays for itself.

With an iteration budget the bot is deterministic for its seed; with a time
budget it stops on the clock (outside the engine, which stays clock-free).
"""

import math
import time

import attrs

from game.ai.evaluate import win_chances
from game.ai.lookahead import CHANCE_DEPTH, Choice, expected_value, explain
from game.engine import CHANCE, Game, GameState, Move
from game.engine.rng import Generator, pick_weighted

DEFAULT_ITERATIONS = 300
ROOT_CANDIDATES = 8  # the root searches only the moves the one-move look-ahead rates best
EXPLORATION = 0.7  # UCB constant; values are chances to win, between 0 and 1
MAX_TREE_DEPTH = 40  # decisions below the root a simulation may walk before it is scored


@attrs.define
class Node:
    """Statistics of one move in the tree, from the view of the faction that made it."""

    mover: int  # seat index of the faction that chose the move leading here (-1 at the root)
    visits: int = 0
    available: int = 0  # simulations in which this move was legal (for UCB under hidden information)
    value: float = 0.0  # sum of the mover's win chances over the visits
    children: dict[Move, "Node"] = attrs.Factory(dict)


class MctsBot:
    """Search with a budget of iterations (reproducible) or of seconds per move."""

    level = "hard"

    def __init__(self, seed: int, iterations: int | None = None, seconds: float | None = None) -> None:
        self.generator = Generator(seed)
        self.iterations = iterations if iterations is not None or seconds is not None else DEFAULT_ITERATIONS
        self.seconds = seconds
        self.last_simulations = 0

    def choose(self, game: Game, state: GameState) -> Move:
        """The most visited move after the search."""
        return self.choose_explained(game, state).move

    def choose_explained(self, game: Game, state: GameState) -> Choice:
        """The move and why: its goal, and how the search rated it."""
        faction = str(game.current_player(state))
        moves = game.legal_moves(state)
        if len(moves) == 1:
            self.last_simulations = 0
            return Choice(moves[0], f"{game.rules.faction[faction].short}: the only move")
        root = self.search(game, state, faction)
        best_move, best = max(root.children.items(), key=lambda item: (item[1].visits, item[1].value))
        chance = best.value / best.visits if best.visits else 0.0
        reason = explain(game, game.determinise(state, faction, 0), best_move, faction, chance)
        return Choice(best_move, f"{reason}; chosen in {best.visits} of {self.last_simulations} simulations")

    def search(self, game: Game, state: GameState, faction: str) -> Node:
        """Run the simulations from ``state`` for ``faction``; the root of the tree they grew."""
        root = Node(mover=-1)
        world = game.determinise(state, faction, self.generator.below(1 << 62))
        moves = game.legal_moves(world)
        rated = sorted(range(len(moves)), key=lambda index: -expected_value(
            game, game.apply(world, moves[index]), faction, CHANCE_DEPTH))
        seat = game.rules.seat_index[faction]
        root.children = {moves[index]: Node(mover=seat) for index in sorted(rated[:ROOT_CANDIDATES])}
        deadline = time.perf_counter() + self.seconds if self.seconds is not None else None
        count = 0
        while True:
            if self.iterations is not None and count >= self.iterations:
                break
            if deadline is not None and count > 0 and time.perf_counter() >= deadline:
                break
            world = game.determinise(state, faction, self.generator.below(1 << 62))
            self.simulate(game, world, root)
            count += 1
        self.last_simulations = count
        return root

    def simulate(self, game: Game, state: GameState, root: Node) -> None:
        """One walk down the tree in one world, then the evaluation backed up along the path."""
        node, path = root, [root]
        for _ in range(MAX_TREE_DEPTH):
            player = game.current_player(state)
            if player is None:
                break
            if player == CHANCE:
                state = game.apply(state, self.sample(game, state))
                continue
            seat = game.rules.seat_index[player]
            moves = game.legal_moves(state)
            if node is root:
                moves = tuple(move for move in moves if move in root.children)
            for move in moves:
                child = node.children.get(move)
                if child is not None:
                    child.available += 1
            untried = [move for move in moves if move not in node.children or not node.children[move].visits]
            if untried:
                move = untried[self.generator.below(len(untried))]
                child = node.children.setdefault(move, Node(mover=seat, available=1))
                path.append(child)
                state = game.apply(state, move)
                break
            move = self.select(node, moves)
            node = node.children[move]
            path.append(node)
            state = game.apply(state, move)
        values = win_chances(game, self.settle(game, state))
        for visited in path:
            visited.visits += 1
            if visited.mover >= 0:
                visited.value += values[visited.mover]

    def select(self, node: Node, moves: tuple[Move, ...]) -> Move:
        """UCB among the moves legal in this world, each judged by the faction that would make it."""
        def score(move: Move) -> float:
            child = node.children[move]
            return child.value / child.visits + EXPLORATION * math.sqrt(math.log(child.available) / child.visits)
        return max(moves, key=score)

    def sample(self, game: Game, state: GameState) -> Move:
        """A chance outcome by its listed probability, from the bot's own generator."""
        outcomes = game.chance_outcomes(state)
        weights = [max(1, round(probability * 1_000_000)) for _, probability in outcomes]
        return outcomes[pick_weighted(self.generator.below(1 << 64), weights)][0]

    def settle(self, game: Game, state: GameState) -> GameState:
        """Resolve the chance steps a move set off, so the evaluation sees their results."""
        for _ in range(16):
            if game.current_player(state) != CHANCE:
                break
            state = game.apply(state, self.sample(game, state))
        return state
