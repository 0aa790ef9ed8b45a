"""Helpers for engine tests: run effects on a state, read values by id."""

import attrs
import pytest

from game.engine.effects import push
from game.engine.flow import run_agenda
from game.engine.log import Log
from game.engine.state import Context, GameState
from game.ruleset.model import Ruleset


def run_effects(rules: Ruleset, state: GameState, *effects, actor=None, target=None, log=None) -> GameState:
    """The state after running ``effects`` (and anything they push) until a decision or the end."""
    state = attrs.evolve(state, decision=None, agenda=())  # only the given effects run
    return run_agenda(rules, push(state, tuple(effects), Context(actor=actor, target=target)), log or Log(False))


@pytest.fixture
def start(mini_game):
    """The first decision of a mini game (the Blues' choice in the opening event)."""
    return mini_game.new_initial_state(seed=1)


def until_action_turn(game, state):
    """Answer choices with their first option and chance steps with the game's generator until a faction acts."""
    from game.engine.state import ActionTurn, PendingChance

    while not isinstance(state.decision, ActionTurn) and not game.is_terminal(state):
        move = game.sample_chance(state) if isinstance(state.decision, PendingChance) else game.legal_moves(state)[0]
        state = game.apply(state, move)
    return state
