"""Playing another scenario of the rules: its seats, calendar and set-up, and its own victory terms for a seat."""

import attrs
import pytest

from game.engine import Game
from game.engine import query as q
from game.engine.flow import objective_points, settle
from game.engine.log import Log
from game.engine.state import ActionTurn
from game.ruleset import vocabulary as v
from tests.engine.conftest import run_effects, until_action_turn


@pytest.fixture(scope="module")
def short_game(mini_rules):
    """A game of mini_short: one turn, the Blues first, and the Reds scoring for the hill instead of the hall."""
    return Game(mini_rules.with_scenario("mini_short"))


def play_out(game, state):
    """The end of the game, passing throughout and answering every choice with its last option."""
    while not game.is_terminal(state):
        state = game.apply(state, game.sample_chance(state) if game.current_player(state) == "chance"
                           else game.legal_moves(state)[-1])
    return state


def test_the_game_takes_its_seats_calendar_and_set_up_from_the_scenario(short_game):
    rules = short_game.rules
    state = until_action_turn(short_game, short_game.new_initial_state(seed=1))

    assert short_game.seats == ("blues", "reds")
    assert state.decision == ActionTurn("blues")
    assert str(q.current_date(rules, state)) == "1917-10-29"
    assert [(unit.area, unit.owner) for unit in state.units] == [("hall", "reds"), ("bridge", "blues")]


def test_the_scenario_ends_after_its_own_last_turn(short_game):
    end = play_out(short_game, short_game.new_initial_state(seed=1))

    assert end.turn == len(short_game.rules.scenario.turns) == 1


def test_the_seat_given_its_own_victory_terms_scores_those_not_its_factions(short_game):
    rules = short_game.rules
    end = play_out(short_game, short_game.new_initial_state(seed=1))

    # The Reds hold the hall, worth 2 by their faction's objectives; in mini_short only the hill counts.
    assert q.controller(rules, end, "hall") == "reds"
    assert [objective.name for objective in rules.faction["reds"].victory.objectives] == ["Hold the hall"]
    assert objective_points(rules, end, "reds") == 0
    assert end.result.points == (2, 0)  # seat order: Blues (the bridge), Reds
    assert end.result.winners == ("blues",)


def test_the_seat_given_its_own_victory_terms_scores_its_new_objective(short_game):
    start = until_action_turn(short_game, short_game.new_initial_state(seed=1))
    state = run_effects(short_game.rules, start, v.SetControl(area="hill", faction="reds"))
    state = attrs.evolve(state, decision=start.decision)

    end = play_out(short_game, state)

    assert end.result.points == (2, 1)
    assert end.result.winners == ("blues",)


def test_the_scenario_terms_replace_the_factions_sudden_death_too(short_game, mini_game):
    for game, winners in ((mini_game, ("reds",)), (short_game, None)):
        start = until_action_turn(game, game.new_initial_state(seed=1))
        state = run_effects(game.rules, start, v.SetFlag(flag="palace_held"))
        after = settle(game.rules, attrs.evolve(state, decision=start.decision), Log(False))
        assert (after.result.winners if after.result else None) == winners


def test_a_seat_without_scenario_terms_keeps_its_factions_sudden_death(short_game):
    start = until_action_turn(short_game, short_game.new_initial_state(seed=1))
    state = run_effects(short_game.rules, start, v.SetTrack(track="bread", to=0))
    after = settle(short_game.rules, attrs.evolve(state, decision=start.decision), Log(False))

    assert after.result is not None and after.result.winners == ("blues",)
