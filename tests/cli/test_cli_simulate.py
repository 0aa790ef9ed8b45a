"""``simulate``: whole games headless; the same seed gives the same output, in any process."""

import json
import re

import pytest

from game.ai import parse_bots, play_game, seat_bots
from tests.ruleset.rulestext import edited

SUMMARY_KEYS = {"games", "scenario", "wins", "lengths", "decrees_issued", "events_fired", "stalled"}


@pytest.fixture
def summary(cli):
    """``simulate --games 20 --seed 3 --json`` on the shipped rules, parsed."""
    run = cli("simulate", "--games", "20", "--seed", "3", "--json")
    assert run.code == 0 and run.err == ""
    return json.loads(run.out)


def test_json_output_is_one_object_with_the_figures_of_every_game(summary, shipped_game, shipped_rules):
    assert SUMMARY_KEYS <= set(summary)
    assert summary["games"] == 20
    assert summary["scenario"] == shipped_rules.scenarios[0].id == summary["rules"]["id"]
    assert list(summary["wins"]) == list(shipped_game.seats)
    assert all(isinstance(count, int) and 0 <= count <= 20 for count in summary["wins"].values())
    assert sum(summary["wins"].values()) >= summary["games"] - summary["stalled"]
    assert len(summary["lengths"]) == 20
    assert all(0 < length <= shipped_game.max_steps for length in summary["lengths"])
    assert set(summary["decrees_issued"]) == {decree.id for decree in shipped_rules.decrees}
    assert set(summary["events_fired"]) == {event.id for event in shipped_rules.events}
    assert isinstance(summary["stalled"], int) and 0 <= summary["stalled"] <= 20


def test_objectives_held_are_each_seats_objectives_as_they_stood_when_its_game_ended(cli, shipped_game):
    run = cli("simulate", "--games", "2", "--seed", "3", "--json")
    held = json.loads(run.out)["objectives_held"]

    ends = [play_game(shipped_game, seed, seat_bots(shipped_game, parse_bots("random", shipped_game.seats), seed)).state
            for seed in (3, 4)]
    expected = {seat: {goal.name: sum(status.held for end in ends for status in shipped_game.goals(end, seat)
                                      if status.name == goal.name)
                       for goal in shipped_game.goals(ends[0], seat) if goal.points}
                for seat in shipped_game.seats}
    assert held == expected
    assert "The Whites have held Smolny for a whole turn; the Council of People's Commissars has fallen." \
        not in held["whites"]  # sudden deaths are counted in "endings", not here


def test_the_plain_summary_lists_how_often_each_objective_held(cli):
    run = cli("simulate", "--games", "2", "--seed", "3")
    assert "Objectives held at the end (games):" in run.out
    assert re.search(r"^ +\d+ +\d+\.\d% +Smolny still stands$", run.out, re.MULTILINE)


def test_json_output_keeps_timings_out_and_is_identical_when_run_twice(cli):
    first = cli("simulate", "--games", "20", "--seed", "3", "--json")
    second = cli("simulate", "--games", "20", "--seed", "3", "--json")

    assert first.out == second.out
    assert not {"time", "seconds", "elapsed", "games_per_second"} & set(json.loads(first.out))


def test_a_different_seed_plays_different_games(cli):
    first = json.loads(cli("simulate", "--games", "5", "--seed", "3", "--json").out)
    second = json.loads(cli("simulate", "--games", "5", "--seed", "4", "--json").out)

    assert first["lengths"] != second["lengths"]


def test_game_i_of_a_batch_is_the_single_game_with_seed_plus_i(cli):
    batch = json.loads(cli("simulate", "--games", "4", "--seed", "10", "--json").out)
    singles = [json.loads(cli("simulate", "--seed", str(10 + index), "--json").out)["lengths"][0]
               for index in range(4)]

    assert batch["lengths"] == singles


def test_json_output_is_the_same_in_processes_with_different_hash_seeds(petrograd, cli, mini_rules_dir):
    argv = ("simulate", "--games", "20", "--seed", "3", "--json")
    first = petrograd(*argv, hash_seed="0")
    second = petrograd(*argv, hash_seed="12345")

    assert first.code == second.code == 0
    assert first.out == second.out
    assert first.out == cli(*argv).out


def test_the_plain_summary_names_every_faction_and_the_stalled_games(cli, shipped_rules):
    run = cli("simulate", "--games", "5", "--seed", "2")

    assert run.code == 0
    assert "5 games from seed 2; bots: random" in run.out
    for faction in shipped_rules.factions:
        if faction.seat:
            assert faction.short in run.out
    assert "stalled: " in run.out


def test_the_plain_summary_names_the_scenario_played_in_its_first_line(cli, mini_rules_dir):
    run = cli("simulate", "--games", "3", "--seed", "3", "--scenario", "mini_short", "--rules", mini_rules_dir)

    assert run.code == 0
    assert run.out.splitlines()[0] == "Mini, one turn (mini_short): 3 games from seed 3; bots: random"


def test_a_shorter_scenario_counts_only_the_events_that_can_arrive_in_it(cli, mini_rules_dir):
    # The opening's window, 25 to 26 October, ends before mini_short begins on the 29th.
    argv = ("simulate", "--games", "3", "--seed", "3", "--rules", mini_rules_dir, "--scenario", "mini_short")

    summary = json.loads(cli(*argv, "--json").out)
    text = cli(*argv).out

    assert list(summary["events_fired"]) == ["storm", "rumour", "good_news"]
    never_fired = next(line for line in text.splitlines() if line.startswith("Events never fired: "))
    assert "opening" not in never_fired


def test_a_scenario_counts_only_the_decrees_of_its_seats(cli, tmp_path):
    # mini_short without the Reds: their bread decree could never be issued, so it is not "never issued".
    text = edited("seats: [blues, reds]", "seats: [blues]")
    text = edited("  victory:\n    - faction: reds\n      objectives: [{name: Hold the hill, points: 1, "
                  "when: [{controls: {faction: self, area: hill}}]}]\n", "", text)
    text = edited("    - set_track: {track: influence, faction: reds, to: 1}\n", "", text)
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    argv = ("simulate", "--games", "3", "--seed", "3", "--rules", tmp_path, "--scenario", "mini_short")

    summary = json.loads(cli(*argv, "--json").out)
    full = json.loads(cli(*argv[:-2], "--json").out)

    assert summary["decrees_issued"] == {}
    assert "Decrees never issued: none" in cli(*argv).out.splitlines()
    assert list(full["decrees_issued"]) == ["decree_bread"]  # in mini, where the Reds sit
    assert list(full["events_fired"]) == ["opening", "storm", "rumour", "good_news"]


def test_bots_can_be_given_per_faction(cli):
    run = cli("simulate", "--games", "3", "--seed", "3", "--json", "--bots", "sovnarkom=random,whites=random")

    assert run.code == 0
    assert json.loads(run.out)["games"] == 3


def test_a_per_faction_spec_that_leaves_seats_out_plays_the_same_games_as_all_random(cli):
    argv = ("simulate", "--games", "3", "--seed", "3", "--json")

    assert json.loads(cli(*argv, "--bots", "whites=random").out)["lengths"] == json.loads(
        cli(*argv, "--bots", "random").out)["lengths"]


@pytest.mark.parametrize(("spec", "message"), [
    ("randm", "unknown bot level 'randm'; did you mean 'random'?"),
    ("whites=randm", "unknown bot level 'randm'; did you mean 'random'?"),
    ("white=random", "unknown seat 'white'; did you mean 'whites'?"),
    ("whites=random,whites=random", "seat 'whites' is given twice"),
    ("random:time=1", "'time=1' is not an option of level 'random' (options: none)"),
    ("", "the bot spec is empty"),
])
def test_a_bad_bot_spec_exits_non_zero_with_a_one_line_reason(cli, spec, message):
    run = cli("simulate", "--games", "2", "--bots", spec)

    assert run.code != 0
    assert run.out == ""
    assert run.err == f"petrograd: --bots: {message}\n"


def test_log_prints_one_game_move_by_move_ending_with_the_result(cli, mini_rules_dir, mini_rules):
    run = cli("simulate", "--log", "--seed", "3", "--rules", mini_rules_dir)
    lines = run.out.splitlines()
    shorts = "|".join(faction.short for faction in mini_rules.factions)

    assert run.code == 0
    assert lines[0].startswith("— Turn 1: ")
    assert sum(1 for line in lines if re.match(r"^— Turn \d+: .+ —$", line)) >= 2
    assert any(line.startswith("Event: ") for line in lines)
    assert any(re.match(rf"^({shorts}): [A-Z].*\.$", line) for line in lines)
    assert re.match(r"^(Winner: .+ after \d+ steps\.|No winner: .+\.)$", lines[-1])


def test_log_of_the_shipped_game_names_the_factions_and_the_historical_events(cli, shipped_rules):
    run = cli("simulate", "--log", "--seed", "1")
    event_names = {event.name for event in shipped_rules.events}

    assert run.code == 0
    assert any(line.removeprefix("Event: ").removesuffix(".") in event_names
               for line in run.out.splitlines() if line.startswith("Event: "))
    assert any(line.startswith(("Winner: ", "No winner: ")) for line in run.out.splitlines()[-1:])


@pytest.mark.parametrize("option", [["--log"], ["--save", "game.json"]])
def test_log_and_save_are_refused_for_more_than_one_game(cli, tmp_path, monkeypatch, option):
    monkeypatch.chdir(tmp_path)

    run = cli("simulate", "--games", "2", *option)

    assert run.code != 0
    assert run.out == ""
    assert "--log and --save work on a single game" in run.err
    assert list(tmp_path.iterdir()) == []


def test_save_writes_a_save_and_says_where(cli, tmp_path, mini_rules_dir, mini_game):
    path = tmp_path / "game.json"

    run = cli("simulate", "--seed", "4", "--save", path, "--rules", mini_rules_dir)

    assert run.code == 0
    assert run.out.splitlines()[-1] == f"Saved to {path}."
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["seed"] == 4
    assert data["info"]["seats"] == {"reds": "random", "blues": "random"}


def test_a_save_that_cannot_be_written_fails_with_a_one_line_reason(cli, tmp_path, mini_rules_dir):
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    path = tmp_path / "notes.txt" / "game.json"

    run = cli("simulate", "--save", path, "--rules", mini_rules_dir)

    assert run.code != 0
    assert run.err.startswith(f"petrograd: {path}: cannot be written")
    assert len(run.err.splitlines()) == 1


def test_zero_games_is_a_usage_error(cli, capsys):
    with pytest.raises(SystemExit) as leaving:
        cli("simulate", "--games", "0")

    assert leaving.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


def test_simulate_with_a_broken_rules_folder_fails_cleanly_and_runs_nothing(cli, broken_rules):
    run = cli("simulate", "--games", "2", "--rules", broken_rules)

    assert run.code == 1
    assert run.out == ""
    assert f"{broken_rules / 'decrees.yaml'}:" in run.err
    assert run.err.splitlines()[-1].endswith("problems in the rules; nothing was run")


def test_simulate_with_a_missing_rules_folder_fails_cleanly(cli, tmp_path):
    run = cli("simulate", "--rules", tmp_path / "nowhere")

    assert run.code == 1
    assert "rules folder not found" in run.err


def test_scenario_plays_another_scenario_of_the_rules(cli, mini_rules_dir, mini_rules):
    run = cli("simulate", "--games", "3", "--seed", "3", "--json", "--scenario", "mini_short",
              "--rules", mini_rules_dir)

    assert run.code == 0 and run.err == ""
    summary = json.loads(run.out)
    assert summary["scenario"] == "mini_short"
    assert summary["rules"] == {"id": "mini_short", "content_hash": mini_rules.content_hash}
    assert list(summary["wins"]) == ["blues", "reds"]


def test_the_first_scenario_is_played_unless_another_is_asked_for(cli, mini_rules_dir):
    argv = ("simulate", "--games", "3", "--seed", "3", "--json", "--rules", mini_rules_dir)
    default, first, short = (json.loads(cli(*argv, *extra).out) for extra in
                             ((), ("--scenario", "mini"), ("--scenario", "mini_short")))

    assert default == first
    assert default["scenario"] == "mini"
    assert short["lengths"] != default["lengths"]


def test_a_game_of_another_scenario_is_logged_on_its_own_dates(cli, mini_rules_dir):
    run = cli("simulate", "--log", "--seed", "3", "--scenario", "mini_short", "--rules", mini_rules_dir)
    turns = [line for line in run.out.splitlines() if line.startswith("— Turn ")]

    assert run.code == 0
    assert len(turns) == 1 and "29 Oct" in turns[0]


def test_an_unknown_scenario_exits_non_zero_with_a_one_line_reason_listing_the_scenarios(cli, mini_rules_dir):
    run = cli("simulate", "--scenario", "mini_long", "--rules", mini_rules_dir)

    assert run.code == 1
    assert run.out == ""
    assert run.err == "petrograd: --scenario: no scenario 'mini_long' in the rules; they have: mini, mini_short\n"


def test_an_unknown_scenario_in_a_real_process_prints_no_traceback(petrograd, shipped_rules):
    run = petrograd("simulate", "--scenario", "nowhere")

    known = ", ".join(scenario.id for scenario in shipped_rules.scenarios)
    assert (run.code, run.out) == (1, "")
    assert run.err == f"petrograd: --scenario: no scenario 'nowhere' in the rules; they have: {known}\n"

