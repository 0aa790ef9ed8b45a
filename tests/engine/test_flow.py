"""The turn runs through its declared phases; games end by sudden death or on points."""

import attrs
import pytest

from game.engine import Pass
from game.engine import query as q
from game.engine.flow import PHASES
from game.engine.state import ActionTurn
from game.ruleset import vocabulary as v
from tests.engine.conftest import run_effects, until_action_turn


def test_a_turn_is_events_income_actions_upkeep():
    assert [phase.name for phase in PHASES] == ["events", "income", "actions", "upkeep"]
    assert all(phase.summary for phase in PHASES)


def test_income_adds_base_income_areas_and_support(mini_game, mini_rules, start):
    state = until_action_turn(mini_game, start)
    # Reds: 2 at the start + income 1 + the hall (1) + 2 support // 3 (0)
    assert q.influence(mini_rules, state, "reds") == 4
    # Blues: 2 + income 1 + nothing, plus 1 if they chose to wait in the opening event
    assert q.influence(mini_rules, state, "blues") in (3, 4)


def test_factions_act_in_initiative_order_until_all_pass(mini_game, start):
    state = until_action_turn(mini_game, start)
    order = []
    while isinstance(state.decision, ActionTurn) and state.phase == "actions":
        order.append(state.decision.faction)
        state = mini_game.apply(state, Pass())
    assert order == ["reds", "blues"]
    assert state.phase != "actions" or state.turn == 2


def test_a_faction_stops_after_its_actions_per_turn(mini_game, mini_rules, start):
    state = until_action_turn(mini_game, start)
    taken = 0
    while isinstance(state.decision, ActionTurn) and state.turn == 1:
        if state.decision.faction == "reds":
            taken += 1
            state = mini_game.apply(state, mini_game.legal_moves(state)[0])
        else:
            state = mini_game.apply(state, Pass())
        state = until_action_turn(mini_game, state) if state.turn == 1 else state
    assert taken == mini_rules.scenario.actions_per_turn


def test_upkeep_rests_and_sobers_units(mini_game, mini_rules, start):
    state = until_action_turn(mini_game, start)
    state = run_effects(mini_rules, state, v.SetStatus(area="square", status="drunk"))
    state = attrs.evolve(state, decision=ActionTurn("reds"), next_seat=1)
    while state.turn == 1:
        state = mini_game.apply(state, Pass()) if isinstance(state.decision, ActionTurn) else \
            until_action_turn(mini_game, state)
    assert not any(unit.drunk or unit.spent for unit in state.units)


def test_sudden_death_ends_the_game_at_once(mini_game, mini_rules, start):
    state = until_action_turn(mini_game, start)
    state = run_effects(mini_rules, state, v.SetFlag(flag="palace_held"))
    state = attrs.evolve(state, decision=ActionTurn("reds"))
    after = mini_game.apply(state, Pass())
    assert after.result is not None and after.result.winners == ("reds",)
    assert mini_game.is_terminal(after) and mini_game.legal_moves(after) == ()
    assert mini_game.returns(after) == (1.0, 0.0)


def test_the_game_ends_on_points_after_the_last_turn(mini_game, start):
    state = start
    while not mini_game.is_terminal(state):
        state = mini_game.apply(state, mini_game.sample_chance(state) if mini_game.current_player(state) == "chance"
                                else mini_game.legal_moves(state)[-1])  # always pass, answer the last option
    result = mini_game.outcome(state)
    assert state.turn == len(mini_game.rules.scenario.turns)
    best = max(result.points)
    assert result.winners == tuple(seat for seat, points in zip(mini_game.seats, result.points) if points == best)


def test_a_tie_on_points_shares_the_win(mini_game, start):
    state = start
    while not mini_game.is_terminal(state):
        state = mini_game.apply(state, mini_game.sample_chance(state) if mini_game.current_player(state) == "chance"
                                else mini_game.legal_moves(state)[-1])
    # Passing throughout, the Reds keep the hall and the Blues the bridge: 2 points each.
    assert state.result.winners == ("reds", "blues")
    assert mini_game.returns(state) == (0.5, 0.5)


@pytest.mark.parametrize("seed", range(5))
def test_the_step_bound_is_never_reached(mini_game, seed):
    from game.ai import parse_bots, play_game, seat_bots

    played = play_game(mini_game, seed, seat_bots(mini_game, parse_bots("random", mini_game.seats), seed))
    assert not played.state.result.stalled
    assert played.state.steps <= mini_game.max_steps


def test_sudden_death_is_checked_even_when_play_stops_for_a_decision(mini_rules, start):
    from game.engine.effects import push
    from game.engine.flow import settle
    from game.engine.log import Log
    from game.engine.state import Context

    choice = v.Choice(faction="reds", prompt="Bake?", options=(
        v.Option(id="bake", name="Bake", effects=(v.ChangeTrack(track="bread", by=3),)),))
    state = push(start.replace(decision=None, agenda=()), (v.SetTrack(track="bread", to=0), choice), Context())
    after = settle(mini_rules, state, Log(False))
    assert after.result is not None and after.result.winners == ("blues",)
    assert after.decision is None


def test_rules_without_any_action_still_make_a_game(mini_rules):
    from game.engine import Game

    game = Game(attrs.evolve(mini_rules, actions=(), decrees=(), cards=()))
    assert game.max_steps > 0
