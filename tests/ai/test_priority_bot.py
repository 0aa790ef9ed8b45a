"""The easy bot: its faction's flowchart from the YAML, the line that decided, and a legal move always."""

import itertools

import pytest

from game.ai.priority import PriorityBot, matches
from game.engine import Pass


@pytest.fixture(scope="module")
def positions(shipped_game, decisions):
    return list(itertools.islice(decisions(shipped_game, 4), 40))


def test_every_move_is_legal_and_every_reason_is_a_line_of_the_flowchart_or_a_hunch(shipped_game, positions):
    bot = PriorityBot(2)
    for state in positions:
        faction = shipped_game.current_player(state)
        choice = bot.choose_explained(shipped_game, state)
        assert shipped_game.is_legal(state, choice.move)
        who, _, why = choice.reason.partition(": ")
        assert who == shipped_game.rules.faction[faction].short
        lines = {priority.reason for priority in shipped_game.rules.faction[faction].priorities}
        assert why in lines or "hunch" in why


def test_without_its_handicap_the_bot_follows_the_first_line_that_applies(shipped_game, positions):
    bot = PriorityBot(5, hunch_per_mille=0)
    for state in positions:
        faction = shipped_game.current_player(state)
        choice = bot.choose_explained(shipped_game, state)
        moves = shipped_game.legal_moves(state)
        first = next((priority for priority in shipped_game.rules.faction[faction].priorities
                      if shipped_game.holds(state, faction, priority.when)
                      and any(matches(shipped_game, state, faction, priority, move) for move in moves)), None)
        if first is None:
            assert "nothing on its list applies" in choice.reason
        else:
            assert choice.reason.endswith(first.reason)
            assert matches(shipped_game, state, faction, first, choice.move)


def test_the_easy_bot_is_reproducible_with_its_seed(shipped_game, positions):
    assert [PriorityBot(9).choose(shipped_game, state) for state in positions] == [
        PriorityBot(9).choose(shipped_game, state) for state in positions]


def test_a_pass_line_matches_only_passing(shipped_game, positions):
    state = positions[0]
    faction = shipped_game.current_player(state)
    resting = next(priority for priority in shipped_game.rules.faction[faction].priorities if priority.pass_turn)
    assert matches(shipped_game, state, faction, resting, Pass())
    assert not any(matches(shipped_game, state, faction, resting, move)
                   for move in shipped_game.legal_moves(state) if move != Pass())
