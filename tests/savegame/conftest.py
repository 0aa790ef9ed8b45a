"""Helpers for save tests: whole random-bot games, and a valid save of one to damage."""

from pathlib import Path

import pytest

from game.ai import PlayedGame, parse_bots, play_game, seat_bots
from game.engine import Game
from game.savegame import save_game


def _play_random_game(game: Game, seed: int) -> PlayedGame:
    return play_game(game, seed, seat_bots(game, parse_bots("random", game.seats), seed))


@pytest.fixture(scope="session")
def play_random():
    """``play_random(game, seed)``: a whole game with a random bot in every seat."""
    return _play_random_game


@pytest.fixture(scope="session")
def played_mini(mini_game) -> PlayedGame:
    """One finished mini game, long enough to have choices, chance steps and actions in it."""
    return _play_random_game(mini_game, 5)


@pytest.fixture
def mini_save(tmp_path, mini_game, played_mini) -> Path:
    """A valid save of ``played_mini`` in a fresh folder."""
    path = tmp_path / "game.json"
    save_game(path, mini_game, played_mini.seed, played_mini.moves, played_mini.state)
    return path
