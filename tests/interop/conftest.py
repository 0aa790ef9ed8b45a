"""Helpers for the adapter tests: random games played through the engine, step by step."""

import pytest

from game.engine import CHANCE
from game.engine.rng import Generator


def _random_states(game, seed: int):
    """Every state of one random game, the end included (chance by the game's own generator)."""
    generator = Generator(seed)
    state = game.new_initial_state(seed)
    yield state
    while not game.is_terminal(state):
        if game.current_player(state) == CHANCE:
            move = game.sample_chance(state)
        else:
            moves = game.legal_moves(state)
            move = moves[generator.below(len(moves))]
        state = game.apply(state, move)
        yield state


@pytest.fixture(scope="session")
def random_states():
    """``random_states(game, seed)``: the states of one random game, in order."""
    return _random_states


def _decision_states(game, seed: int):
    """The states of one random game where a faction (not chance) must choose among several moves."""
    return (state for state in _random_states(game, seed)
            if game.current_player(state) not in (None, CHANCE) and len(game.legal_moves(state)) > 1)


@pytest.fixture(scope="session")
def decision_states():
    """``decision_states(game, seed)``: the states of one random game where a faction has a real choice."""
    return _decision_states
