"""The heuristic evaluation: a sudden death the upkeep is about to grant is seen coming, by both sides."""

import attrs
import pytest

from game.ai import evaluate
from game.ai.evaluate import PENDING_WIN_CHANCES, faction_score, upkeeps_to_win, win_chances


@pytest.fixture(scope="module")
def start(shipped_game, decisions):
    return next(decisions(shipped_game, 1))


def with_holder(game, state, area, faction):
    control = list(state.control)
    control[game.rules.area_index[area]] = faction
    return state.replace(control=tuple(control))


def test_whites_holding_smolny_for_the_second_upkeep_are_likely_winners(shipped_game, start):
    assert "smolny_fallen" not in start.flags
    held = with_holder(shipped_game, start, "smolny", "whites")
    besieged = held.replace(flags=tuple(sorted((*held.flags, "smolny_besieged"))))
    seat = shipped_game.rules.seat_index
    assert upkeeps_to_win(shipped_game, start, "whites") is None
    assert upkeeps_to_win(shipped_game, held, "whites") == 2  # the first upkeep only besieges
    assert upkeeps_to_win(shipped_game, besieged, "whites") == 1
    assert upkeeps_to_win(shipped_game, besieged, "sovnarkom") is None
    assert win_chances(shipped_game, besieged)[seat["whites"]] >= PENDING_WIN_CHANCES[0]
    assert PENDING_WIN_CHANCES[1] <= win_chances(shipped_game, held)[seat["whites"]] < PENDING_WIN_CHANCES[0]
    assert win_chances(shipped_game, held)[seat["sovnarkom"]] < win_chances(shipped_game, start)[seat["sovnarkom"]]
    assert sum(win_chances(shipped_game, besieged)) == pytest.approx(1)
    assert sum(win_chances(shipped_game, held)) == pytest.approx(1)


def test_a_besieged_smolny_retaken_is_no_longer_a_threat(shipped_game, start):
    besieged = start.replace(flags=tuple(sorted((*start.flags, "smolny_besieged"))))
    assert upkeeps_to_win(shipped_game, besieged, "whites") is None  # Sovnarkom holds it: the upkeep clears the flag


def test_whites_marching_next_to_smolny_score_a_little_more(shipped_game, start, monkeypatch):
    monkeypatch.setattr(evaluate, "APPROACH_WEIGHT", 0.0)  # only the sudden death's nearness changes

    def whites_at(area_of):  # the Whites' units all at Gatchina, but for those ``area_of`` places elsewhere
        return start.replace(units=tuple(attrs.evolve(unit, area=area_of(unit)) if unit.owner == "whites" else unit
                                         for unit in start.units))

    first = next(unit.uid for unit in start.units if unit.owner == "whites")
    far = whites_at(lambda unit: "gatchina")
    near = whites_at(lambda unit: "nevsky_prospect" if unit.uid == first else "gatchina")
    assert "nevsky_prospect" in shipped_game.rules.area["smolny"].adjacent
    assert faction_score(shipped_game, near, "whites") > faction_score(shipped_game, far, "whites")

