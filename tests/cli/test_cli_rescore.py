"""``simulate --keep-finals`` and ``rescore``: the games of a batch kept, then scored again under other points."""

import json
import re

import pytest

from game.ai import parse_bots, play_game, seat_bots
from game.engine import Game
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir
from game.savegame import game_for_save, load_game
from tests.cli.conftest import MINI_RULES_DIR
from tests.ruleset.rulestext import MINI_TEXT, edited

HALL_WORTH_2 = "Hold the hall, points: 2,"
SHORT = {"reds": "Reds", "blues": "Blues"}


@pytest.fixture
def finals(cli, tmp_path):
    """Twelve mini games from seed 41, kept: the folder. Three of them end by a sudden death."""
    folder = tmp_path / "finals"
    run = cli("simulate", "--games", "12", "--seed", "41", "--rules", MINI_RULES_DIR, "--keep-finals", folder)
    assert run.code == 0, run.err
    return folder


def mini_variant(folder, *changes):
    """A folder of the mini rules with each ``(old, new)`` piece of text replaced."""
    text = MINI_TEXT
    for old, new in changes:
        text = edited(old, new, text)
    folder.mkdir()
    (folder / "mini.yaml").write_text(text, encoding="utf-8")
    return folder


def rescore(cli, finals, *variants):
    """``rescore --json`` of the kept mini games under each variant: the exit code, the summary, stderr."""
    rules = [part for variant in variants for part in ("--rules", variant)]
    run = cli("rescore", finals, *rules, "--played-with", MINI_RULES_DIR, "--json")
    return run.code, json.loads(run.out) if run.code == 0 else None, run.err


def kept_ends(folder, game):
    """Each kept game's seed and final state, replayed, in seed order."""
    return [(loaded.seed, loaded.state) for loaded in
            (load_game(path, game_for_save(path, game.rules)) for path in sorted(folder.glob("game-*.json")))]


def test_keep_finals_saves_each_game_of_the_batch_in_a_file_named_by_its_seed(cli, tmp_path, mini_game):
    folder = tmp_path / "new" / "finals"  # created, with its parent

    run = cli("simulate", "--games", "5", "--seed", "7", "--rules", MINI_RULES_DIR, "--keep-finals", folder)

    assert run.code == 0
    assert run.out.splitlines()[-1] == f"Kept the 5 games in {folder}."
    assert sorted(path.name for path in folder.iterdir()) == [f"game-{seed:04d}.json" for seed in range(7, 12)]
    specs = parse_bots("random", mini_game.seats)
    for seed, end in kept_ends(folder, mini_game):
        assert end == play_game(mini_game, seed, seat_bots(mini_game, specs, seed)).state
        assert end.result is not None


def test_keep_finals_writes_the_same_files_over_two_processes(cli, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    argv = ("simulate", "--games", "6", "--seed", "3", "--rules", MINI_RULES_DIR, "--json")

    assert cli(*argv, "--keep-finals", one).code == cli(*argv, "--keep-finals", two, "--jobs", "2").code == 0

    assert sorted(path.name for path in one.iterdir()) == sorted(path.name for path in two.iterdir())
    assert all((two / path.name).read_bytes() == path.read_bytes() for path in one.iterdir())


def test_keep_finals_leaves_the_json_summary_as_it_was(cli, tmp_path):
    argv = ("simulate", "--games", "3", "--seed", "3", "--rules", MINI_RULES_DIR, "--json")

    assert cli(*argv, "--keep-finals", tmp_path / "finals").out == cli(*argv).out


def test_keep_finals_refuses_a_folder_that_already_holds_kept_games_and_plays_nothing(cli, finals):
    before = {path.name: path.read_bytes() for path in finals.iterdir()}

    run = cli("simulate", "--games", "2", "--seed", "50", "--rules", MINI_RULES_DIR, "--keep-finals", finals)

    assert run.code == 1
    assert run.out == ""
    assert run.err == (f"petrograd: --keep-finals: {finals}: already holds kept games; give a new or empty folder, "
                       "so that two batches do not mix; nothing was run\n")
    assert {path.name: path.read_bytes() for path in finals.iterdir()} == before


def test_rescoring_under_the_rules_played_gives_back_the_winners_simulate_counted(cli, tmp_path, shipped_game):
    folder = tmp_path / "finals"
    played = json.loads(cli("simulate", "--games", "10", "--seed", "1", "--json", "--keep-finals", folder).out)
    assert any("ahead on" in end.result.reason for _, end in kept_ends(folder, shipped_game))  # a tie-break decided

    run = cli("rescore", folder, "--rules", DEFAULT_RULES_DIR, "--json")

    assert run.code == 0, run.err
    summary = json.loads(run.out)
    [again] = summary["rescored"]
    assert summary["games"] - summary["sudden_deaths"] - summary["stalled"] > 0  # some games were scored again
    assert summary["played"]["wins"] == again["wins"] == played["wins"]
    assert summary["played"]["win_shares"] == again["win_shares"] == played["win_shares"]
    assert again["winner_changed"] == []
    assert again["other_changes"] == []


def test_two_processes_replay_the_kept_games_to_the_same_summary(cli, tmp_path, finals):
    variant = mini_variant(tmp_path / "variant", (HALL_WORTH_2, "Hold the hall, points: 100,"))
    rules = ("--rules", variant, "--played-with", MINI_RULES_DIR, "--json")

    alone, shared = cli("rescore", finals, *rules), cli("rescore", finals, *rules, "--jobs", "2")

    assert alone.code == shared.code == 0, shared.err
    assert json.loads(shared.out) == json.loads(alone.out)
    assert json.loads(alone.out)["rescored"][0]["winner_changed"]  # a summary with something in it


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_damaged_kept_game_is_named_in_one_line_whatever_the_processes(cli, finals, jobs):
    damaged = finals / "game-0046.json"
    damaged.write_text(damaged.read_text(encoding="utf-8")[:200], encoding="utf-8")

    run = cli("rescore", finals, "--rules", MINI_RULES_DIR, "--played-with", MINI_RULES_DIR, "--jobs", jobs)

    assert run.code == 1
    assert run.out == ""
    assert run.err.startswith(f"petrograd: {damaged}: ")
    assert len(run.err.splitlines()) == 1


def test_a_huge_objective_wins_every_game_on_points_where_it_held(cli, tmp_path, finals, mini_game):
    variant = mini_variant(tmp_path / "variant", (HALL_WORTH_2, "Hold the hall, points: 100,"))
    hall = mini_game.rules.area_index["hall"]
    expected = {"reds": 0, "blues": 0}
    changed = []
    for seed, end in kept_ends(finals, mini_game):
        winners, points = end.result.winners, end.result.points
        if points and end.control[hall] == "reds":
            winners, points = ("reds",), (points[0] + 98, points[1])
            if end.result.winners != winners:
                changed.append({"seed": seed, "file": f"game-{seed:04d}.json", "played": list(end.result.winners),
                                "rescored": ["reds"], "points_played": list(end.result.points),
                                "points_rescored": list(points)})
        expected.update({winner: expected[winner] + 1 for winner in winners})

    code, summary, _ = rescore(cli, finals, variant)

    assert code == 0
    [again] = summary["rescored"]
    assert again["wins"] == expected
    assert again["winner_changed"] == changed
    assert changed  # the case this test is about did come up
    assert again["rules"] == {"folder": str(variant), "content_hash": load_rules_dir(variant).content_hash}


def test_sudden_deaths_keep_their_winner_whatever_the_points(cli, tmp_path, finals, mini_game):
    variant = mini_variant(tmp_path / "variant", ("Hold the bridge, points: 2,", "Hold the bridge, points: 100,"))
    sudden = {seed: end for seed, end in kept_ends(finals, mini_game) if not end.result.points}
    scored = Game(load_rules_dir(variant))
    # Scored on points, some of these would go to the Blues, who held the bridge when the Reds took the palace.
    assert any(scored.scored_at_end(end).winners == ("blues",) for end in sudden.values())

    code, summary, _ = rescore(cli, finals, variant)

    assert code == 0
    assert summary["sudden_deaths"] == len(sudden)
    assert not {game["seed"] for game in summary["rescored"][0]["winner_changed"]} & set(sudden)


def test_the_plain_output_shows_both_win_rates_and_lists_the_games_whose_winner_changed(cli, tmp_path, finals):
    variant = mini_variant(tmp_path / "variant", (HALL_WORTH_2, "Hold the hall, points: 100,"))
    _, summary, _ = rescore(cli, finals, variant)

    run = cli("rescore", finals, "--rules", variant, "--played-with", MINI_RULES_DIR)

    lines = run.out.splitlines()
    assert run.code == 0
    assert lines[0] == f"Mini (mini): 12 kept games in {finals}, played with {MINI_RULES_DIR}"
    assert f"Ended by a sudden death: {summary['sudden_deaths']} (unchanged by rescoring)" in lines[1]
    reds = next(line.split() for line in lines if line.startswith("  Reds "))
    assert reds[1] == str(summary["played"]["wins"]["reds"]) and reds[4] == str(summary["rescored"][0]["wins"]["reds"])
    changed = summary["rescored"][0]["winner_changed"]
    assert f"  Winner changed in {len(changed)} games (points: Reds/Blues):" in lines
    for game in changed:
        assert (f"    seed {game['seed']} ({game['file']}): {' and '.join(SHORT[seat] for seat in game['played'])} "
                f"-> Reds; points {game['points_played'][0]}/{game['points_played'][1]} -> "
                f"{game['points_rescored'][0]}/{game['points_rescored'][1]}") in lines


def test_several_rules_folders_are_compared_in_one_run_in_the_order_given(cli, tmp_path, finals):
    variant = mini_variant(tmp_path / "variant", (HALL_WORTH_2, "Hold the hall, points: 100,"))

    code, summary, _ = rescore(cli, finals, variant, MINI_RULES_DIR)

    assert code == 0
    assert [again["rules"]["folder"] for again in summary["rescored"]] == [str(variant), str(MINI_RULES_DIR)]
    assert summary["rescored"][0]["wins"] != summary["played"]["wins"]
    assert summary["rescored"][1]["wins"] == summary["played"]["wins"]


def test_other_changes_than_the_scoring_are_named_but_not_their_wording(cli, tmp_path, finals):
    variant = mini_variant(tmp_path / "variant", (HALL_WORTH_2, "Hold the hall, points: 3,"),
                           ("name: Bake bread", "name: Bake more bread"),
                           ("    cost: 1\n    per_turn: 1", "    cost: 2\n    per_turn: 1"),
                           ("track: {track: bread, at_most: 0}", "track: {track: bread, at_most: 1}"))

    code, summary, _ = rescore(cli, finals, variant)
    text = cli("rescore", finals, "--rules", variant, "--played-with", MINI_RULES_DIR).out

    assert code == 0
    assert summary["rescored"][0]["other_changes"] == ["actions", "sudden deaths"]
    assert "  Note: it also changes actions and sudden deaths, which the kept games do not show." in text


def test_rules_other_than_those_the_games_were_played_with_are_refused_naming_the_file_and_the_folder(cli, finals):
    run = cli("rescore", finals, "--rules", MINI_RULES_DIR)  # played with the shipped rules by default

    assert run.code == 1
    assert run.out == ""
    assert run.err == (f"petrograd: {finals / 'game-0041.json'}: played with other rules files than those in "
                       f"{DEFAULT_RULES_DIR} (their content hash differs); it was kept from {MINI_RULES_DIR}: "
                       "give that folder, as it was then, with --played-with\n")


@pytest.mark.parametrize(("change", "differ"), [
    (("seats: [reds, blues]", "seats: [blues, reds]"), "seats"),
    (("  - {id: depot,", "  - {id: yard, name: Yard, kind: site, at: [600, 100], adjacent: []}\n  - {id: depot,"),
     "areas"),
    (("  - {id: order,", "  - {id: morale, name: Morale, max: 5}\n  - {id: order,"), "tracks"),
    (("turns: [1917-10-25, 1917-10-29, 1917-11-02]", "turns: [1917-10-25, 1917-10-29]"), "number of turns"),
], ids=["seats", "areas", "tracks", "turns"])
def test_rules_laid_out_otherwise_are_refused_in_one_line(cli, tmp_path, finals, change, differ):
    variant = mini_variant(tmp_path / "variant", change)

    code, _, err = rescore(cli, finals, variant)

    assert code == 1
    assert err == (f"petrograd: {variant}: cannot score these games again: its {differ} differ from those they "
                   "were played with (rescoring is for changes to objectives and tie-breaks)\n")


def test_rules_without_the_scenario_played_are_refused(cli, tmp_path, finals):
    variant = mini_variant(tmp_path / "variant", ("- id: mini\n", "- id: mini_long\n"))

    code, _, err = rescore(cli, finals, variant)

    assert code == 1
    assert err == f"petrograd: {variant}: has no scenario 'mini', the one the kept games were played in\n"


def test_broken_rules_are_reported_by_file_and_line_and_the_kept_games_are_untouched(cli, tmp_path, finals):
    variant = mini_variant(tmp_path / "variant", ("seats: [reds, blues]\n", "seats: [reds, blues\n"))
    before = {path.name: path.read_bytes() for path in finals.iterdir()}

    code, _, err = rescore(cli, finals, variant)

    assert code == 1
    assert re.match(rf"{re.escape(str(variant / 'mini.yaml'))}:\d+:\d+: YAML syntax: ", err)
    assert err.splitlines()[-1] == "petrograd: 1 problem in the rules; nothing was run"
    assert {path.name: path.read_bytes() for path in finals.iterdir()} == before


@pytest.mark.parametrize(("make", "reason"), [
    (lambda folder: None, "no such folder of kept games"),
    (lambda folder: folder.mkdir(), "holds no kept games (game-*.json); keep some with 'simulate --keep-finals'"),
], ids=["missing", "empty"])
def test_a_folder_without_kept_games_is_refused(cli, tmp_path, make, reason):
    folder = tmp_path / "finals"
    make(folder)

    run = cli("rescore", folder, "--rules", DEFAULT_RULES_DIR)

    assert run.code == 1
    assert run.err == f"petrograd: {folder}: {reason}\n"


def test_a_folder_mixing_scenarios_is_refused(cli, tmp_path, finals):
    cli("simulate", "--seed", "90", "--scenario", "mini_short", "--rules", MINI_RULES_DIR,
        "--save", finals / "game-0090.json")

    code, _, err = rescore(cli, finals, MINI_RULES_DIR)

    assert code == 1
    assert err == (f"petrograd: {finals / 'game-0090.json'}: a game of the scenario 'mini_short', but the games "
                   "before it are of 'mini'; keep each batch in a folder of its own\n")

