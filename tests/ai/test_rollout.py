"""Play-outs of the hard bot: every faction answers as the one-move look-ahead would, within the horizon."""

import itertools

import pytest

from game.ai.lookahead import CHANCE_DEPTH, expected_value
from game.ai.rollout import Forecaster, OutOfTime, board_key
from game.engine import CHANCE, PlayCard


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


def test_a_play_out_asks_its_stop_check_before_each_reply_and_stops_when_told(shipped_game, wide_decision):
    asked = []

    def stop_at_the_third() -> bool:
        asked.append(True)
        return len(asked) == 3

    with pytest.raises(OutOfTime):
        Forecaster(shipped_game, 4).play_out(wide_decision, 12, 2, stop=stop_at_the_third)
    assert len(asked) == 3
    unstopped = Forecaster(shipped_game, 4).play_out(wide_decision, 12, 2, stop=lambda: False)
    assert unstopped == Forecaster(shipped_game, 4).play_out(wide_decision, 12, 2)


def test_the_evaluation_is_remembered_per_board(shipped_game, wide_decision):
    forecaster = Forecaster(shipped_game, 3)
    twin = wide_decision.replace(rng=wide_decision.rng ^ 1)
    assert forecaster.win_chances(wide_decision) == forecaster.win_chances(twin)
    assert list(forecaster.values) == [board_key(wide_decision)]


def _with_other_hand(game, state):
    """The same position with the mover's first card swapped for the top of its deck."""
    seat = game.rules.seat_index[game.current_player(state)]
    hands, decks = list(state.hands), list(state.decks)
    hands[seat], decks[seat] = (decks[seat][0],) + hands[seat][1:], (hands[seat][0],) + decks[seat][1:]
    return state.replace(hands=tuple(hands), decks=tuple(decks))


def test_another_hand_reuses_the_best_move_without_a_card_and_still_replies_best(shipped_game, decisions):
    game = shipped_game

    def has_cards(state):
        seat = game.rules.seat_index[game.current_player(state)]
        return state.hands[seat] and state.decks[seat] and len(game.legal_moves(state)) >= 5

    def replies(state):  # the first hand's reply, the second hand's, and the forecaster that found them
        forecaster = Forecaster(game, 4, chance_depth=CHANCE_DEPTH)
        return forecaster.reply(state), forecaster.reply(_with_other_hand(game, state)), forecaster

    # One hand's best reply a card, the other's not: such a position comes up in most games; look in a few.
    states = itertools.chain.from_iterable(decisions(game, seed) for seed in range(1, 6))
    for state in filter(has_cards, states):
        first, second, forecaster = replies(state)
        if isinstance(first, PlayCard) != isinstance(second, PlayCard):
            break
    else:
        pytest.fail("no position in games 1-5 where one hand's best reply is a card and the other's is not")
    faction = game.current_player(state)
    for position, move in ((state, first), (_with_other_hand(game, state), second)):
        values = [expected_value(game, game.apply(position, other), faction, CHANCE_DEPTH)
                  for other in game.legal_moves(position)]
        assert expected_value(game, game.apply(position, move), faction, CHANCE_DEPTH) == max(values)
    assert len(forecaster.replies) == 2 and len(forecaster.cardless) == 1


def test_a_remembered_reply_is_legal_in_every_world_that_shares_its_view(shipped_game, decisions):
    game = shipped_game
    checked = []

    class CheckingForecaster(Forecaster):
        def reply(self, state):
            move = super().reply(state)
            checked.append(game.is_legal(state, move))
            return move

    forecaster = CheckingForecaster(game, 5)
    for state in itertools.islice(decisions(game, 3), 0, 60, 6):  # many worlds of each moment share replies
        faction = game.current_player(state)
        for world_seed in range(6):
            forecaster.play_out(game.determinise(state, faction, world_seed), 12)
    assert len(checked) > 100 and all(checked)
    assert len(forecaster.replies) < len(checked)  # replies were remembered and used again
