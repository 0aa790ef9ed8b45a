"""The scenario's quality bar, measured the way a designer measures it.

``python -m game simulate --games 500 --seed 1 --json`` must show every decree
issued and every event fired at least once, no stalled game, and a win for
every faction. The figures are deterministic, so this test fails exactly when
the command's figures do.
"""

import contextlib
import io
import json

import pytest

from game.cli import main


def simulate(*argv):
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["simulate", "--json", *argv])
    assert code == 0
    return json.loads(buffer.getvalue())


@pytest.fixture(scope="module")
def campaign():
    return simulate("--games", "500", "--seed", "1")


def test_every_decree_is_issued_in_500_random_games(campaign):
    assert [decree for decree, count in campaign["decrees_issued"].items() if not count] == []


def test_every_event_fires_in_500_random_games(campaign):
    assert [event for event, count in campaign["events_fired"].items() if not count] == []


def test_no_game_stalls_and_every_faction_wins_sometimes(campaign):
    assert campaign["stalled"] == 0
    assert all(count > 0 for count in campaign["wins"].values()), campaign["wins"]


def test_the_one_lesson_scenario_plays_to_the_end_with_a_win_for_every_faction(exported):
    lesson = exported["scenarios"][1]["id"]

    summary = simulate("--games", "200", "--seed", "1", "--scenario", lesson)

    assert summary["scenario"] == lesson
    assert summary["stalled"] == 0
    assert all(count > 0 for count in summary["wins"].values()), summary["wins"]
