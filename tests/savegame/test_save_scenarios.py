"""A save remembers its scenario: ``game_for_save`` sets the rules up for it before the moves are replayed."""

import json

import pytest

from game.engine import Game
from game.savegame import SaveError, game_for_save, load_game, save_game


@pytest.fixture(scope="module")
def short_game(mini_rules) -> Game:
    return Game(mini_rules.with_scenario("mini_short"))


@pytest.fixture
def short_save(tmp_path, short_game, play_random):
    """A finished game of the second mini scenario, saved, and the game as played."""
    played = play_random(short_game, 3)
    path = tmp_path / "short.json"
    save_game(path, short_game, played.seed, played.moves, played.state)
    return path, played


def test_a_save_of_another_scenario_records_its_id_and_its_name(short_save, mini_rules):
    path, _ = short_save
    data = json.loads(path.read_text(encoding="utf-8"))

    assert data["rules"] == {"id": "mini_short", "content_hash": mini_rules.content_hash}
    assert data["info"]["scenario"] == "Mini, one turn"


def test_game_for_save_picks_the_scenario_the_save_was_made_in(short_save, mini_rules):
    path, played = short_save

    game = game_for_save(path, mini_rules)  # the rules as loaded: set up for the first scenario

    assert game.rules.scenario.id == "mini_short"
    assert game.seats == ("blues", "reds")
    assert load_game(path, game).state == played.state


def test_game_for_save_of_the_first_scenario_gives_the_first_scenario(mini_save, mini_rules, played_mini):
    game = game_for_save(mini_save, mini_rules.with_scenario("mini_short"))

    assert game.rules.scenario.id == "mini"
    assert load_game(mini_save, game).state == played_mini.state


def test_game_for_save_accepts_the_path_as_text(short_save, mini_rules):
    path, _ = short_save

    assert game_for_save(str(path), mini_rules).rules.id == "mini_short"


def test_a_save_loaded_into_a_game_of_another_scenario_is_refused(short_save, mini_game):
    path, _ = short_save

    with pytest.raises(SaveError) as caught:
        load_game(path, mini_game)

    assert str(caught.value) == f"{path}: saved in the scenario 'mini_short', but the game is set up for 'mini'"


def test_game_for_save_of_a_save_made_with_other_rules_files_says_so_not_that_the_scenario_is_unknown(
        mini_save, shipped_rules):
    with pytest.raises(SaveError) as caught:
        game_for_save(mini_save, shipped_rules)

    assert caught.value.path == mini_save
    assert str(caught.value) == (f"{mini_save}: saved with a different version of the rules files "
                                 "(their content hash differs)")


def test_game_for_save_of_a_scenario_the_same_rules_files_lack_lists_the_scenarios(mini_save, mini_rules):
    # Only an edited save can name a scenario its own rules files do not have.
    data = json.loads(mini_save.read_text(encoding="utf-8"))
    data["rules"]["id"] = "mini_long"
    mini_save.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(SaveError) as caught:
        game_for_save(mini_save, mini_rules)

    assert str(caught.value) == (f"{mini_save}: damaged: no scenario 'mini_long' in the rules; "
                                 "they have: mini, mini_short")


@pytest.mark.parametrize(("write", "reason"), [
    (None, "no such save file"),
    ("not json", "damaged"),
    ('{"moves": []}', "not a Petrograd 1917 save"),
])
def test_game_for_save_of_an_unreadable_file_gives_the_same_save_error_as_loading(tmp_path, mini_rules, write, reason):
    path = tmp_path / "game.json"
    if write is not None:
        path.write_text(write, encoding="utf-8")

    with pytest.raises(SaveError) as caught:
        game_for_save(path, mini_rules)

    assert str(caught.value).startswith(f"{path}: ")
    assert reason in caught.value.reason
