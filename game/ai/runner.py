"""Playing whole games with bots in every seat: for simulations, demos and tests."""

from collections.abc import Callable

import attrs

from game.ai.bots import Bot
from game.ai.spec import SeatSpec
from game.engine import CHANCE, Game, GameState, Move
from game.engine.rng import derive_seed

StepHook = Callable[[GameState, Move, GameState, tuple[str, ...]], None]
StartHook = Callable[[GameState, tuple[str, ...]], None]


@attrs.frozen
class PlayedGame:
    """A finished game: its seed, every move in order, and the final state."""

    seed: int
    moves: tuple[Move, ...]
    state: GameState


def seat_bots(game: Game, specs: dict[str, SeatSpec], seed: int) -> dict[str, Bot]:
    """One bot per seat, each with its own seed derived from the game's."""
    return {seat: specs[seat].make(derive_seed(seed, index + 1)) for index, seat in enumerate(game.seats)}


def play_game(game: Game, seed: int, bots: dict[str, Bot], on_step: StepHook | None = None,
              on_start: StartHook | None = None) -> PlayedGame:
    """Play from the start to the end; chance steps use the game's own generator.

    ``on_start`` and ``on_step`` receive the plain-language log as the game goes.
    """
    if on_start is None:
        state = game.new_initial_state(seed)
    else:
        state, lines = game.new_initial_state_logged(seed)
        on_start(state, lines)
    moves: list[Move] = []
    while not game.is_terminal(state):
        player = game.current_player(state)
        move = game.sample_chance(state) if player == CHANCE else bots[str(player)].choose(game, state)
        if on_step is None:
            after = game.apply(state, move)
        else:
            after, lines = game.apply_logged(state, move)
            on_step(state, move, after, lines)
        moves.append(move)
        state = after
    return PlayedGame(seed, tuple(moves), state)
