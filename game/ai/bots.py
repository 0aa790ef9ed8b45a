"""Bots choose moves through the public game API only; the random bot is the first of them."""

from typing import Protocol

from game.engine import Game, GameState, Move
from game.engine.rng import Generator


class Bot(Protocol):
    """Anything that picks a legal move for the faction to play."""

    def choose(self, game: Game, state: GameState) -> Move:
        """A legal move for ``game.current_player(state)``."""
        ...


class RandomBot:
    """Picks uniformly among the legal moves, from its own seeded generator."""

    level = "random"

    def __init__(self, seed: int) -> None:
        self.generator = Generator(seed)

    def choose(self, game: Game, state: GameState) -> Move:
        """A uniformly random legal move."""
        moves = game.legal_moves(state)
        return moves[self.generator.below(len(moves))]
