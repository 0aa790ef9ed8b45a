"""Play-outs of the hard bot: every faction answers as the one-move look-ahead would, within the horizon."""

import itertools

from game.ai.lookahead import CHANCE_DEPTH, expected_value
from game.ai.rollout import Forecaster, board_key
from game.engine import CHANCE


def test_a_modelled_reply_is_a_move_the_look_ahead_rates_best(shipped_game, wide_decision):
    forecaster = Forecaster(shipped_game, 1, chance_depth=CHANCE_DEPTH)
    faction = shipped_game.current_player(wide_decision)
    move = forecaster.reply(wide_decision)
    values = [expected_value(shipped_game, shipped_game.apply(wide_decision, other), faction, CHANCE_DEPTH)
              for other in shipped_game.legal_moves(wide_decision)]
    assert expected_value(shipped_game, shipped_game.apply(wide_decision, move), faction, CHANCE_DEPTH) == max(values)


def test_a_play_out_stops_after_its_decisions_or_at_the_end_of_the_turn(shipped_game, decisions):
    forecaster = Forecaster(shipped_game, 2)
    for state in itertools.islice(decisions(shipped_game, 5), 0, 40, 7):
        end = forecaster.play_out(state, 3)
        assert shipped_game.current_player(end) != CHANCE
        assert end.turn >= state.turn and end.steps > state.steps or shipped_game.is_terminal(end)


def test_the_evaluation_is_remembered_per_board(shipped_game, wide_decision):
    forecaster = Forecaster(shipped_game, 3)
    twin = wide_decision.replace(rng=wide_decision.rng ^ 1)
    assert forecaster.win_chances(wide_decision) == forecaster.win_chances(twin)
    assert list(forecaster.values) == [board_key(wide_decision)]
