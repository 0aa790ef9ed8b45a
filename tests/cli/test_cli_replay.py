"""``replay``: a save replayed move by move, ending with the same result line as the game that made it."""

import json

import pytest

from game.rulesdir import DEFAULT_RULES_DIR


@pytest.fixture
def saved(cli, tmp_path, mini_rules_dir):
    """A mini game played with ``simulate --log --save``: the save's path and what simulate printed."""
    path = tmp_path / "game.json"
    run = cli("simulate", "--seed", "4", "--log", "--save", path, "--rules", mini_rules_dir)
    assert run.code == 0
    return path, run.out.splitlines()


def test_replay_prints_the_same_final_result_line_as_the_game_that_was_saved(cli, saved, mini_rules_dir):
    path, played = saved

    run = cli("replay", path, "--rules", mini_rules_dir)

    assert run.code == 0
    assert played[-1] == f"Saved to {path}."
    assert run.out.splitlines()[-1] == played[-2]
    assert run.out.splitlines()[-1].startswith(("Winner: ", "No winner: "))


def test_replay_prints_the_very_log_that_simulate_printed(cli, saved, mini_rules_dir):
    path, played = saved

    run = cli("replay", path, "--rules", mini_rules_dir)

    assert run.out.splitlines() == played[:-1]


def test_a_shipped_game_saved_and_replayed_in_real_processes_ends_the_same(petrograd, tmp_path):
    path = tmp_path / "game.json"
    played = petrograd("simulate", "--seed", "6", "--save", path, "--log")

    replayed = petrograd("replay", path, hash_seed="777")

    assert played.code == replayed.code == 0
    assert replayed.out.splitlines()[-1] == played.out.splitlines()[-2]
    assert replayed.err == ""


def test_replaying_a_missing_save_exits_non_zero_with_a_one_line_reason_naming_the_file(cli, tmp_path):
    path = tmp_path / "nowhere.json"

    run = cli("replay", path)

    assert run.code != 0
    assert run.err == f"petrograd: {path}: no such save file\n"


@pytest.mark.parametrize(("damage", "reason"), [
    (lambda path: path.write_bytes(path.read_bytes()[:-40]), "damaged"),
    (lambda path: path.write_text("not json", encoding="utf-8"), "damaged"),
    (lambda path: path.write_text('{"moves": []}', encoding="utf-8"), "not a Petrograd 1917 save"),
    (lambda path: path.write_text(path.read_text(encoding="utf-8").replace('"version": 1', '"version": 99'),
                                  encoding="utf-8"), "newer version"),
    (lambda path: path.write_text(path.read_text(encoding="utf-8").replace('"checksum": "sha256:',
                                                                           '"checksum": "sha256:0'),
                                  encoding="utf-8"), "checksum"),
], ids=["truncated", "not-json", "not-a-save", "newer", "checksum"])
def test_replaying_a_damaged_save_exits_non_zero_with_a_one_line_reason_naming_the_file(
        cli, saved, mini_rules_dir, damage, reason):
    path, _ = saved
    damage(path)

    run = cli("replay", path, "--rules", mini_rules_dir)

    assert run.code != 0
    assert len(run.err.splitlines()) == 1
    assert run.err.startswith(f"petrograd: {path}: ")
    assert reason in run.err


def test_replaying_a_save_with_an_illegal_move_stops_there_with_a_one_line_reason(cli, saved, mini_rules_dir):
    path, _ = saved
    data = json.loads(path.read_text(encoding="utf-8"))
    data["moves"][0] = "act march hall bridge"
    path.write_text(json.dumps(data), encoding="utf-8")

    run = cli("replay", path, "--rules", mini_rules_dir)

    assert run.code != 0
    assert run.err == f"petrograd: {path}: damaged: move 1 ('act march hall bridge') is not legal at that point\n"


def test_replaying_with_other_rules_than_the_save_was_made_with_is_refused(cli, saved):
    path, _ = saved

    run = cli("replay", path)  # the shipped rules: the save was made with the mini rules

    assert run.code != 0
    assert run.err == (f"petrograd: {path}: saved with a different version of the rules files "
                       "(their content hash differs)\n")



def test_a_game_of_another_scenario_saves_and_replays_in_that_scenario(cli, tmp_path, mini_rules_dir):
    path = tmp_path / "short.json"
    played = cli("simulate", "--seed", "4", "--log", "--save", path, "--scenario", "mini_short",
                 "--rules", mini_rules_dir)

    replayed = cli("replay", path, "--rules", mini_rules_dir)

    assert played.code == replayed.code == 0
    assert json.loads(path.read_text(encoding="utf-8"))["rules"]["id"] == "mini_short"
    assert json.loads(path.read_text(encoding="utf-8"))["info"]["scenario"] == "Mini, one turn"
    assert replayed.out.splitlines() == played.out.splitlines()[:-1]


def test_replaying_a_damaged_save_in_a_real_process_prints_no_traceback(petrograd, tmp_path):
    path = tmp_path / "game.json"
    path.write_bytes(b'{"format": "petrograd1917-save", "version": 1, "moves": ["act')

    run = petrograd("replay", path)

    assert run.code == 1
    assert run.err.startswith(f"petrograd: {path}: damaged")
    assert len(run.err.splitlines()) == 1
    assert "Traceback" not in run.err
    assert run.out == ""


def test_replay_with_a_broken_rules_folder_fails_cleanly(cli, saved, broken_rules):
    path, _ = saved

    run = cli("replay", path, "--rules", broken_rules)

    assert run.code == 1
    assert run.out == ""
    assert "nothing was run" in run.err


def test_a_game_saved_with_the_rules_given_by_a_relative_path_replays_with_the_default_rules(
        cli, tmp_path, monkeypatch):
    monkeypatch.chdir(DEFAULT_RULES_DIR.parent)
    path = tmp_path / "game.json"
    assert cli("simulate", "--seed", "2", "--save", path, "--rules", "rules").code == 0

    run = cli("replay", path)

    assert run.code == 0, run.err
