"""The learned value: win chances that add up, the forecast without weights, weights matched to the rules by name."""

import itertools
import json

import pytest

from game.ai.evaluate import forecast
from game.ai.value import LearnedValue, Weights, WeightsError, feature_names, parse_weights, shipped_weights
from game.engine import Game


@pytest.fixture(scope="module")
def positions(shipped_game, decisions):
    return list(itertools.islice(decisions(shipped_game, 5), 0, 60, 6))


def test_the_shipped_weights_cover_every_faction_and_only_names_the_rules_know(shipped_game):
    weights = shipped_weights()
    assert set(weights.factions) == set(shipped_game.seats)
    assert LearnedValue(shipped_game, weights).unknown == ()
    assert all(len(named) > 100 for named in weights.factions.values())


def test_the_chances_are_shares_that_add_up_to_one(shipped_game, positions):
    value = LearnedValue(shipped_game, shipped_weights())
    for state in positions:
        chances = value.chances(state)
        assert len(chances) == len(shipped_game.seats)
        assert all(0.0 <= chance <= 1.0 for chance in chances)
        assert sum(chances) == pytest.approx(1.0)


def test_without_weights_the_value_is_the_forecast(shipped_game, positions):
    value = LearnedValue(shipped_game, Weights({}))
    for state in positions:
        assert value.chances(state) == pytest.approx(forecast(shipped_game, state))


def test_a_weight_on_holding_an_area_raises_its_holders_chance(shipped_game, positions):
    state = positions[3]
    faction = state.control[0]
    assert faction in shipped_game.seats, "the first area is held by a seat at this point of the game"
    area = shipped_game.rules.areas[0].id
    plain = LearnedValue(shipped_game, Weights({})).chances(state)
    keen = LearnedValue(shipped_game, Weights({faction: {f"area:{area}:held": 2.0}})).chances(state)
    seat = shipped_game.rules.seat_index[faction]
    assert keen[seat] > plain[seat]


def test_weights_for_names_the_rules_lack_are_ignored_and_listed(mini_game):
    names = feature_names(mini_game)
    area = names["areas"][0]
    faction = mini_game.seats[0]
    weights = Weights({faction: {f"area:{area}:held": 0.5, "area:atlantis:held": 3.0, "flag:no_such_flag": 1.0}})
    value = LearnedValue(mini_game, weights)
    assert value.unknown == ("area:atlantis:held", "flag:no_such_flag")
    state = mini_game.new_initial_state(1)
    assert sum(value.chances(state)) == pytest.approx(1.0)


def test_the_game_over_gives_the_returns(mini_game):
    from game.ai.runner import play_game, seat_bots
    from game.ai.spec import parse_bots

    played = play_game(mini_game, 2, seat_bots(mini_game, parse_bots("random", mini_game.seats), 2))
    assert LearnedValue(mini_game, shipped_weights()).chances(played.state) == mini_game.returns(played.state)


@pytest.mark.parametrize("text, message", [
    ("{not json", r"weights\.json, line 1: not valid JSON"),
    ("[1, 2]", "expected an object with 'factions'"),
    ('{"factions": {"whites": [1, 2]}}', "the weights of 'whites' should map names to numbers"),
    ('{"factions": {"whites": {"hand": "high"}}}', "'whites' weight 'hand' should be a finite number, not 'high'"),
    ('{"factions": {"whites": {"hand": NaN}}}', "should be a finite number, not nan"),
    ('{"factions": {"whites": {"hand": true}}}', "should be a finite number, not True"),
])
def test_a_damaged_weights_file_is_refused_with_the_file_and_the_reason(text, message):
    with pytest.raises(WeightsError, match=message):
        parse_weights(text, "weights.json")


def test_weights_are_read_with_how_they_were_fitted():
    weights = parse_weights(json.dumps({"fitted": "by hand", "factions": {"whites": {"hand": 1}}}), "w.json")
    assert weights == Weights({"whites": {"hand": 1.0}}, "by hand")


def test_the_value_reads_no_hidden_card_only_how_many(shipped_game: Game, positions, hidden_twin):
    value = LearnedValue(shipped_game, shipped_weights())
    for state in positions:
        assert value.chances(hidden_twin(shipped_game, state)) == value.chances(state)
