"""The random bot: a legal move every time, uniform over the legal moves, repeatable from its seed."""

from collections import Counter

import pytest

from game.ai import RandomBot
from game.engine import CHANCE


class _GameWithSixMoves:
    """Just enough of a game for the bot: six legal moves, whatever the state."""

    def legal_moves(self, state):
        return ("a", "b", "c", "d", "e", "f")


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("game_name", ["mini_game", "shipped_game"])
def test_the_random_bot_always_picks_a_legal_move_in_whole_games(request, game_name, seed):
    game = request.getfixturevalue(game_name)
    bot = RandomBot(seed)
    state = game.new_initial_state(seed)
    decisions = 0
    while not game.is_terminal(state):
        if game.current_player(state) == CHANCE:
            move = game.sample_chance(state)
        else:
            move = bot.choose(game, state)
            assert move in game.legal_moves(state)
            assert game.is_legal(state, move)
            decisions += 1
        state = game.apply(state, move)

    assert decisions > 0


def test_two_random_bots_with_the_same_seed_make_the_same_choices(shipped_game, decisions):
    first, second = RandomBot(42), RandomBot(42)

    for state in decisions(shipped_game, 1):
        assert first.choose(shipped_game, state) == second.choose(shipped_game, state)


def test_random_bots_with_different_seeds_make_different_choices(shipped_game, decisions):
    states = [state for state in decisions(shipped_game, 1) if len(shipped_game.legal_moves(state)) > 1]
    first, second = RandomBot(1), RandomBot(2)

    assert [first.choose(shipped_game, state) for state in states] != [
        second.choose(shipped_game, state) for state in states]


def test_the_random_bot_picks_every_legal_move_about_equally_often():
    bot = RandomBot(7)

    counts = Counter(bot.choose(_GameWithSixMoves(), None) for _ in range(6000))

    assert set(counts) == set("abcdef")
    assert all(850 <= count <= 1150 for count in counts.values()), counts


def test_the_random_bot_chooses_among_the_legal_moves_of_a_real_position(shipped_game, wide_decision):
    bot = RandomBot(5)
    moves = shipped_game.legal_moves(wide_decision)

    chosen = {bot.choose(shipped_game, wide_decision) for _ in range(60)}

    assert chosen <= set(moves)
    assert len(chosen) > 1


def test_the_only_legal_move_is_always_the_one_chosen():
    class OneMove:
        def legal_moves(self, state):
            return ("pass",)

    bot = RandomBot(1)

    assert {bot.choose(OneMove(), None) for _ in range(20)} == {"pass"}
