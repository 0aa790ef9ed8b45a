"""The fixed numbering of moves: every move the engine can offer has a number, and the number gives it back."""

import pytest

from game.engine import CHANCE, ChanceOutcome, Choose, Pass, PlayCard, UseAction
from game.interop.actions import ActionSpace, NotInActionSpaceError, build_action_space


@pytest.fixture(scope="module")
def spaces(shipped_game, mini_game):
    """The numbering of each test game, keyed by the game."""
    return {id(game): build_action_space(game.rules) for game in (shipped_game, mini_game)}


@pytest.mark.parametrize("seed", range(1, 9))
@pytest.mark.parametrize("game_name", ["mini_game", "shipped_game"])
def test_every_legal_move_of_random_games_maps_to_a_number_and_back(request, spaces, random_states, game_name, seed):
    game = request.getfixturevalue(game_name)
    space = spaces[id(game)]
    seen = 0

    for state in random_states(game, seed):
        chance = game.current_player(state) == CHANCE
        for move in game.legal_moves(state):
            assert space.move(space.index(move), chance) == move
            seen += 1

    assert seen > 0


def test_the_numbering_is_the_same_every_time_it_is_built(shipped_rules):
    assert build_action_space(shipped_rules) == build_action_space(shipped_rules)


def test_pass_is_number_zero_and_no_move_is_numbered_twice(shipped_rules):
    space = build_action_space(shipped_rules)

    assert space.moves[0] == Pass()
    assert len(set(space.moves)) == len(space.moves)
    assert len(set(space.outcomes)) == len(space.outcomes)


def test_the_numbering_holds_each_kind_of_move_and_outcome(mini_rules):
    space = build_action_space(mini_rules)
    kinds = {type(move) for move in space.moves}
    outcomes = {outcome.outcome for outcome in space.outcomes}

    assert {Pass, UseAction, PlayCard, Choose} <= kinds
    assert {"decisive", "narrow", "repulsed", "success", "failure", "card_1"} <= outcomes
    assert all(isinstance(outcome, ChanceOutcome) for outcome in space.outcomes)


def test_routes_follow_the_map_and_aimed_cards_come_only_with_an_area(shipped_rules):
    space = build_action_space(shipped_rules)
    links = {(area.id, to) for area in shipped_rules.areas for to in (*area.adjacent, *area.rail)}
    routes = [move for move in space.moves if isinstance(move, UseAction) and move.to is not None]
    plays = [move for move in space.moves if isinstance(move, PlayCard)]

    assert routes and all((move.area, move.to) in links for move in routes)
    assert all((move.area is not None) == (shipped_rules.card[move.card].target == "area") for move in plays)


def test_a_move_outside_the_numbering_is_named_in_the_error():
    space = ActionSpace((Pass(),), ())

    with pytest.raises(NotInActionSpaceError, match="act march smolny nevsky"):
        space.index(UseAction("march", "smolny", "nevsky"))
