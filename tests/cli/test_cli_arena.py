"""``arena`` and the batch options of ``simulate``: --jobs changes nothing but speed, --chart draws the wins."""

import json

import pytest

from tests.cli.conftest import MINI_RULES_DIR


def test_the_arena_prints_one_json_object_with_the_figures(cli):
    run = cli("arena", "--bots", "normal", "--vs", "random", "--games", "4", "--json", "--rules", MINI_RULES_DIR)

    assert run.code == 0
    summary = json.loads(run.out)
    assert set(summary) >= {"win_rate", "win_rate_baseline", "ci95", "by_faction", "think_p50", "think_p95",
                            "sims_per_s"}
    assert set(summary["by_faction"]) == {"reds", "blues"}


def test_the_arena_table_names_every_seat(cli):
    run = cli("arena", "--bots", "normal", "--vs", "random", "--games", "2", "--rules", MINI_RULES_DIR)

    assert run.code == 0
    assert "Reds" in run.out and "Blues" in run.out and "all seats" in run.out


@pytest.mark.parametrize("argv, message", [
    (("--bots", "genius", "--vs", "random"), "--bots: unknown bot level 'genius'"),
    (("--bots", "normal", "--vs", "reds=normal"), "--vs: give one level for the whole side"),
])
def test_the_arena_refuses_bad_specs_in_one_line(cli, argv, message):
    run = cli("arena", *argv, "--games", "2", "--rules", MINI_RULES_DIR)

    assert run.code == 1
    assert run.err.startswith(f"petrograd: {message}")


def test_simulate_gives_the_same_figures_over_two_processes(cli):
    one = json.loads(cli("simulate", "--games", "6", "--json", "--rules", MINI_RULES_DIR).out)
    two = json.loads(cli("simulate", "--games", "6", "--json", "--jobs", "2", "--rules", MINI_RULES_DIR).out)

    assert one == two


def test_simulate_draws_the_chart_it_is_asked_for(cli, tmp_path):
    run = cli("simulate", "--games", "4", "--chart", tmp_path / "wins.svg", "--rules", MINI_RULES_DIR)

    assert run.code == 0
    assert "Reds" in (tmp_path / "wins.svg").read_text(encoding="utf-8")


def test_a_chart_that_cannot_be_written_is_a_one_line_error(cli, tmp_path):
    run = cli("simulate", "--games", "2", "--chart", tmp_path / "missing" / "wins.svg", "--rules", MINI_RULES_DIR)

    assert run.code == 1
    assert "cannot be written" in run.err


def test_win_shares_split_each_tie_and_add_up_to_the_games_won(cli):
    summary = json.loads(cli("simulate", "--games", "12", "--json", "--rules", MINI_RULES_DIR).out)

    decided = summary["games"] - summary["stalled"]
    assert sum(summary["win_shares"].values()) == pytest.approx(decided, abs=0.05)
    assert all(summary["win_shares"][seat] <= summary["wins"][seat] for seat in summary["wins"])


def test_the_arena_table_says_how_the_first_spec_lost_with_the_rarer_endings_summed(mini_game):
    from game.cli.arena import losses_text

    lost_to = [{"winners": ["blues"], "reason": f"ending {index}", "games": 5 - index} for index in range(5)]
    summary = {"by_faction": {"reds": {"games": 20, "lost_to": lost_to}, "blues": {"games": 20, "lost_to": []}}}

    rows = losses_text(mini_game, summary)

    assert rows[2] == "  Reds: lost 15 of 20"
    assert rows[3].split() == ["5", "Blues:", "ending", "0"]
    assert rows[-1].split() == ["3", "other", "endings"]  # endings 3 and 4: 2 + 1 games
    assert not any("Blues: lost" in row for row in rows)
    assert losses_text(mini_game, {"by_faction": {"reds": {"games": 2, "lost_to": []}}}) == []
