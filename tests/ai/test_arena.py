"""Seat-rotated matches: each game's seat, shares, baselines, and the same results over any number of processes."""

import pytest

from game.ai.arena import run_match, summarise_match, wilson
from tests.conftest import MINI_RULES_DIR


@pytest.fixture(scope="module")
def match():
    return run_match(MINI_RULES_DIR, None, "normal", "random", games=6, seed=3)


def test_the_first_spec_takes_each_seat_in_turn(match, mini_game):
    assert [result.faction for result in match] == [mini_game.seats[index % 2] for index in range(6)]
    assert [result.seed for result in match] == list(range(3, 9))


def test_every_game_gives_a_share_and_a_baseline_between_0_and_1(match):
    for result in match:
        assert 0 <= result.share <= 1 and 0 <= result.baseline <= 1
        assert result.think and all(seconds >= 0 for seconds in result.think)


def test_the_summary_has_the_figures_the_arena_prints(match, mini_game):
    summary = summarise_match(match, mini_game.seats, "normal", "random", 3)

    assert set(summary) >= {"win_rate", "win_rate_baseline", "ci95", "by_faction", "think_p50", "think_p95",
                            "sims_per_s"}
    assert summary["ci95"][0] <= summary["win_rate"] <= summary["ci95"][1]
    assert summary["by_faction"]["reds"]["games"] == 3
    assert summary["sims_per_s"] == {"first": None, "second": None}


def test_a_match_over_two_processes_gives_the_same_results(match):
    assert run_match(MINI_RULES_DIR, None, "normal", "random", games=6, seed=3, jobs=2) == match


def test_a_search_bot_reports_its_simulations():
    results = run_match(MINI_RULES_DIR, None, "hard:iterations=20", "random", games=2, seed=1)
    summary = summarise_match(results, ("reds", "blues"), "hard:iterations=20", "random", 1)
    assert summary["sims_per_s"]["first"] > 0 and summary["sims_per_s"]["second"] is None


@pytest.mark.parametrize("successes, trials", [(0, 10), (5, 10), (10, 10), (37.5, 100)])
def test_the_wilson_interval_holds_the_rate_and_stays_in_0_1(successes, trials):
    low, high = wilson(successes, trials)
    assert 0 <= low <= successes / trials <= high <= 1


@pytest.mark.parametrize("first, second", [("normal", "random"), ("random", "normal")])
def test_the_summary_says_who_won_each_game_the_first_spec_lost(first, second, mini_game):
    results = run_match(MINI_RULES_DIR, None, first, second, games=6, seed=3)
    summary = summarise_match(results, mini_game.seats, first, second, 3)

    for seat, figures in summary["by_faction"].items():
        lost = [result for result in results if result.faction == seat and result.share == 0]
        assert sum(loss["games"] for loss in figures["lost_to"]) == len(lost)
        for loss in figures["lost_to"]:
            assert loss["winners"] and seat not in loss["winners"] and loss["reason"]
    assert all(result.winners for result in results)
    if first == "random":
        assert any(figures["lost_to"] for figures in summary["by_faction"].values())
