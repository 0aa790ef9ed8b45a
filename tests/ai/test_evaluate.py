"""The heuristic evaluation: a sudden death the upkeep is about to grant is seen coming, by both sides; the
forecast shown to players is modest early and sure late."""

import attrs
import pytest

from game.ai import evaluate
from game.ai.evaluate import PENDING_WIN_CHANCES, faction_score, forecast, upkeeps_to_win, win_chances


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


def test_the_forecast_keeps_an_early_lead_modest_where_the_bots_own_chances_are_sure(shipped_game, start):
    assert start.turn == 1
    sharp, shown = win_chances(shipped_game, start), forecast(shipped_game, start)

    assert sum(shown) == pytest.approx(1)
    assert min(sharp) < 0.01 and max(sharp) > 0.9  # what the bots compare: far too sure as a forecast
    assert 0.15 < min(shown) <= max(shown) < 0.35
    assert shown.index(max(shown)) == sharp.index(max(sharp))  # the same leader


def test_the_forecast_at_the_last_turn_is_surer_of_the_leader_than_the_bots_chances(shipped_game, decisions):
    last = next(state for state in decisions(shipped_game, 1) if state.turn == len(shipped_game.rules.scenario.turns))
    sharp, shown = win_chances(shipped_game, last), forecast(shipped_game, last)
    leader = sharp.index(max(sharp))

    assert shown[leader] > sharp[leader]
    assert sum(shown) == pytest.approx(1)


def test_the_forecast_of_a_finished_game_is_its_result(shipped_game, decisions):
    *_, before_end = decisions(shipped_game, 1)
    end = shipped_game.apply(before_end, shipped_game.legal_moves(before_end)[-1])
    while not shipped_game.is_terminal(end):
        end = shipped_game.apply(end, shipped_game.sample_chance(end))

    assert forecast(shipped_game, end) == shipped_game.returns(end)


def test_a_score_is_its_terms_weighed(shipped_game, decisions):
    """``score_terms`` takes every seat's score apart into terms that, weighed, add up to it again."""
    weights = evaluate.term_weights()
    assert len(weights) == len(evaluate.TERM_NAMES)
    states = [state for state, _ in zip(decisions(shipped_game, 2), range(60))][::6]
    for state in states:
        terms = evaluate.score_terms(shipped_game, state)
        assert len(terms) == len(shipped_game.seats)
        for faction, seat_terms in zip(shipped_game.seats, terms):
            assert len(seat_terms) == len(weights)
            weighed = sum(weight * term for weight, term in zip(weights, seat_terms))
            assert weighed == pytest.approx(faction_score(shipped_game, state, faction), abs=1e-9)
    assert any(term[0] > 0 for state in states for term in evaluate.score_terms(shipped_game, state))  # points held
