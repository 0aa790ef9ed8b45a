"""Shared fixtures: the shipped rules, the small test rules, and games over both."""

from pathlib import Path

import pytest

from game.engine import Game
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir
from game.ruleset import Ruleset

MINI_RULES_DIR = Path(__file__).parent / "fixtures" / "mini_rules"


@pytest.fixture(scope="session")
def shipped_rules() -> Ruleset:
    """The scenario in rules/, as players get it."""
    return load_rules_dir(DEFAULT_RULES_DIR)


@pytest.fixture(scope="session")
def shipped_game(shipped_rules: Ruleset) -> Game:
    return Game(shipped_rules)


@pytest.fixture(scope="session")
def mini_rules() -> Ruleset:
    """A two-seat ruleset that exercises every mechanism and changes only with the engine."""
    return load_rules_dir(MINI_RULES_DIR)


@pytest.fixture(scope="session")
def mini_game(mini_rules: Ruleset) -> Game:
    return Game(mini_rules)
