"""Saving a game and loading it back gives the very same game."""

import shutil
from pathlib import Path

import pytest

from game.engine import Game
from game.rulesdir import load_rules_dir
from game.savegame import load_game, save_game

MINI_RULES_DIR = Path(__file__).parent.parent / "fixtures" / "mini_rules"


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("game_name", ["mini_game", "shipped_game"])
def test_a_saved_random_game_loads_back_to_the_identical_final_state_moves_and_seed(
        request, tmp_path, play_random, game_name, seed):
    game = request.getfixturevalue(game_name)
    played = play_random(game, seed)
    path = tmp_path / "game.json"

    save_game(path, game, played.seed, played.moves, played.state)
    loaded = load_game(path, game)

    assert loaded.state == played.state
    assert loaded.moves == played.moves
    assert loaded.seed == played.seed
    assert game.is_terminal(loaded.state)


def test_a_game_saved_in_the_middle_loads_back_to_the_same_unfinished_state(tmp_path, shipped_game, play_random):
    played = play_random(shipped_game, 7)
    halfway = played.moves[: len(played.moves) // 2]
    state = shipped_game.new_initial_state(played.seed)
    for move in halfway:
        state = shipped_game.apply(state, move)
    path = tmp_path / "halfway.json"

    save_game(path, shipped_game, played.seed, halfway, state)
    loaded = load_game(path, shipped_game)

    assert loaded.state == state
    assert loaded.moves == halfway
    assert not shipped_game.is_terminal(loaded.state)


def test_a_game_saved_before_any_move_loads_back_to_the_first_decision(tmp_path, mini_game):
    state = mini_game.new_initial_state(11)
    path = tmp_path / "new.json"

    save_game(path, mini_game, 11, [], state)

    assert load_game(path, mini_game).state == state


def test_a_loaded_game_plays_on_exactly_as_the_original_would(tmp_path, mini_game, play_random):
    played = play_random(mini_game, 4)
    cut = len(played.moves) // 2
    state = mini_game.new_initial_state(played.seed)
    for move in played.moves[:cut]:
        state = mini_game.apply(state, move)
    path = tmp_path / "halfway.json"
    save_game(path, mini_game, played.seed, played.moves[:cut], state)

    resumed = load_game(path, mini_game).state
    for move in played.moves[cut:]:
        resumed = mini_game.apply(resumed, move)

    assert resumed == played.state


def test_loading_reports_the_log_of_every_move_as_it_replays(mini_save, mini_game, played_mini):
    started, steps = [], []

    load_game(mini_save, mini_game, on_start=lambda state, lines: started.append(lines),
              on_step=lambda before, move, after, lines: steps.append(move))

    assert len(started) == 1 and started[0]
    assert tuple(steps) == played_mini.moves


def test_the_info_a_load_screen_shows_comes_back_with_the_game(tmp_path, mini_game, played_mini):
    path = tmp_path / "game.json"
    save_game(path, mini_game, played_mini.seed, played_mini.moves, played_mini.state,
              seats={"reds": "random", "blues": "random"})

    info = load_game(path, mini_game).info

    assert info["turn"] == played_mini.state.turn
    assert info["finished"] is True
    assert info["seats"] == {"reds": "random", "blues": "random"}
    assert "1917" in info["date"]


def test_a_save_loads_with_an_identical_copy_of_the_rules_in_another_folder(tmp_path, play_random):
    original = Game(load_rules_dir(MINI_RULES_DIR))
    shutil.copytree(MINI_RULES_DIR, tmp_path / "copy")
    copy = Game(load_rules_dir(tmp_path / "copy"))
    played = play_random(original, 2)
    path = tmp_path / "game.json"
    save_game(path, original, played.seed, played.moves, played.state)

    assert load_game(path, copy).state == played.state
