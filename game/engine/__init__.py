"""The pure rules engine: no pygame, no files, no clock, no global random.

Use ``Game`` for everything: it holds the static ``Ruleset`` and takes and
returns immutable ``GameState`` values.
"""

from game.engine.game import CHANCE, Game
from game.engine.moves import (
    ChanceOutcome,
    Choose,
    IllegalMoveError,
    InvalidMoveError,
    IssueDecree,
    Move,
    Pass,
    PlayCard,
    UseAction,
    parse_move,
)
from game.engine.state import GameState, Result

__all__ = [
    "CHANCE", "ChanceOutcome", "Choose", "Game", "GameState", "IllegalMoveError", "InvalidMoveError",
    "IssueDecree", "Move", "Pass", "PlayCard", "Result", "UseAction", "parse_move",
]
