"""Equal points at the end: the scenario's tie-breaks settle them in order; seats level on all share the win."""

import attrs
import pytest

from game.engine import CHANCE
from game.engine.flow import final_scoring, tie_break_measure
from game.engine.log import Log


def _with_tie_breaks(rules, tie_breaks):
    scenario = attrs.evolve(rules.scenario, tie_breaks=tie_breaks)
    return attrs.evolve(rules, scenarios=(scenario, *rules.scenarios[1:]), scenario=scenario)


@pytest.fixture(scope="module")
def tied_end(mini_game):
    """The last state, before scoring, of the first mini game (by seed) whose seats end level on points."""
    for seed in range(1, 200):
        state = mini_game.new_initial_state(seed)
        while not mini_game.is_terminal(state):
            player = mini_game.current_player(state)
            move = mini_game.sample_chance(state) if player == CHANCE else mini_game.legal_moves(state)[-1]
            state = mini_game.apply(state, move)
        if len(state.result.winners) == len(mini_game.seats) and not state.result.stalled:
            return state.replace(result=None)
    pytest.fail("no mini game up to seed 200 ends level on points")


def _set_influence(rules, state, values):
    row = rules.faction_track_index["influence"]
    per_faction = tuple(tuple(values) if index == row else line for index, line in enumerate(state.per_faction))
    return state.replace(per_faction=per_faction)


def test_without_tie_breaks_level_seats_share_the_win(mini_rules, tied_end):
    result = final_scoring(mini_rules, tied_end, Log(enabled=False)).result

    assert result.winners == mini_rules.seats
    assert result.reason == "most points when the last turn ends"


def test_the_first_measure_that_differs_decides(mini_rules, tied_end):
    rules = _with_tie_breaks(mini_rules, ("influence", "support"))
    state = _set_influence(rules, tied_end, (2, 5))
    log = Log()

    result = final_scoring(rules, state, log).result

    assert result.winners == (rules.seats[1],)
    assert result.reason.endswith("ahead on influence among the seats level on points")
    assert result.points[0] == result.points[1]
    assert any("settled by influence" in line for line in log.lines)


def test_a_level_measure_passes_to_the_next(mini_rules, tied_end):
    rules = _with_tie_breaks(mini_rules, ("influence", "areas"))
    state = _set_influence(rules, tied_end, (3, 3))
    areas = [tie_break_measure(rules, state, faction, "areas") for faction in rules.seats]

    result = final_scoring(rules, state, Log(enabled=False)).result

    if areas[0] == areas[1]:
        assert result.winners == rules.seats
    else:
        assert result.winners == (rules.seats[areas.index(max(areas))],)
        assert "ahead on areas" in result.reason


def test_seats_level_on_every_measure_share_the_win(mini_rules, tied_end):
    rules = _with_tie_breaks(mini_rules, ("influence",))
    state = _set_influence(rules, tied_end, (4, 4))

    assert final_scoring(rules, state, Log(enabled=False)).result.winners == rules.seats


def test_the_shipped_scenarios_break_ties(shipped_rules):
    for scenario in shipped_rules.scenarios:
        assert scenario.tie_breaks, scenario.id


def test_measures_read_the_state(shipped_game):
    rules = shipped_game.rules
    state = shipped_game.new_initial_state(1)
    influence = rules.faction_track_index["influence"]
    for faction in rules.seats:
        seat = rules.seat_index[faction]
        assert tie_break_measure(rules, state, faction, "influence") == state.per_faction[influence][seat]
        assert tie_break_measure(rules, state, faction, "support") == sum(row[seat] for row in state.support)
        assert tie_break_measure(rules, state, faction, "areas") == state.control.count(faction)
    with pytest.raises(ValueError, match="unknown tie-break"):
        tie_break_measure(rules, state, rules.seats[0], "charm")
