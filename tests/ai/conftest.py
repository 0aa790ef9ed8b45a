"""Helpers for bot tests: states where a faction has a real choice to make."""

import pytest

from game.engine import CHANCE


def _decisions(game, seed: int):
    """Every state of one game where a faction (not chance) decides; the game goes on by the last legal move."""
    state = game.new_initial_state(seed)
    while not game.is_terminal(state):
        if game.current_player(state) == CHANCE:
            state = game.apply(state, game.sample_chance(state))
            continue
        yield state
        state = game.apply(state, game.legal_moves(state)[-1])


@pytest.fixture(scope="session")
def decisions():
    """``decisions(game, seed)``: the states of one game where a faction must decide."""
    return _decisions


@pytest.fixture(scope="session")
def wide_decision(shipped_game):
    """The first state of a shipped game where a faction chooses among at least five moves."""
    return next(state for state in _decisions(shipped_game, 1) if len(shipped_game.legal_moves(state)) >= 5)


def _hidden_twin(game, state):
    """A state the faction to move cannot tell from ``state``: others' hand and deck cards swapped, other dice."""
    mover = game.rules.seat_index[game.current_player(state)]
    hands, decks = list(state.hands), list(state.decks)
    for seat in range(len(hands)):
        if seat != mover and hands[seat] and decks[seat]:
            hands[seat], decks[seat] = (decks[seat][0],) + hands[seat][1:], (hands[seat][0],) + decks[seat][1:]
    return state.replace(hands=tuple(hands), decks=tuple(decks), rng=state.rng ^ 0xABCDEF)


@pytest.fixture(scope="session")
def hidden_twin():
    """``hidden_twin(game, state)``: the same position with the hidden cards and the dice changed."""
    return _hidden_twin
