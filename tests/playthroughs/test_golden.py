"""Golden playthroughs pin the engine's behaviour on the mini rules, move by move.

Any change in move generation, ordering, effects or the generator shows up here
as a diff. When a change is intended, regenerate the files with:

    PETROGRAD_UPDATE_GOLDEN=1 python -m pytest tests/playthroughs

and read the diff before committing it.
"""

import os
from pathlib import Path

import pytest

from game.ai import parse_bots, play_game, seat_bots
from game.cli.narrate import result_text
from game.savegame.envelope import state_checksum

HERE = Path(__file__).parent
SEEDS = (1, 2, 3)


def transcript(game, seed: int) -> str:
    played = play_game(game, seed, seat_bots(game, parse_bots("random", game.seats), seed))
    lines = [f"seed {seed}", *(move.notation() for move in played.moves), result_text(game, played.state),
             state_checksum(played.state)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_mini_game_plays_exactly_as_recorded(mini_game, seed):
    golden = HERE / f"mini_seed_{seed}.txt"
    actual = transcript(mini_game, seed)
    if os.environ.get("PETROGRAD_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")
