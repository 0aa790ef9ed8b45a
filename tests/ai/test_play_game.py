"""Playing whole games with bots in every seat."""

import pytest

from game.ai import RandomBot, parse_bots, play_game, seat_bots


def _random_game(game, seed: int, **hooks):
    return play_game(game, seed, seat_bots(game, parse_bots("random", game.seats), seed), **hooks)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("game_name", ["mini_game", "shipped_game"])
def test_a_random_game_reaches_the_end_within_the_step_bound(request, game_name, seed):
    game = request.getfixturevalue(game_name)

    played = _random_game(game, seed)

    assert game.is_terminal(played.state)
    assert game.outcome(played.state) is not None
    assert played.state.steps == len(played.moves) <= game.max_steps
    assert played.seed == seed


@pytest.mark.parametrize("game_name", ["mini_game", "shipped_game"])
def test_the_moves_of_a_played_game_replay_legally_to_the_same_final_state(request, game_name):
    game = request.getfixturevalue(game_name)
    played = _random_game(game, 8)

    state = game.new_initial_state(played.seed)
    for move in played.moves:
        assert game.is_legal(state, move)
        state = game.apply(state, move)

    assert state == played.state


def test_the_same_seed_plays_the_same_game(shipped_game):
    assert _random_game(shipped_game, 5) == _random_game(shipped_game, 5)


def test_different_seeds_play_different_games(shipped_game):
    assert _random_game(shipped_game, 5).moves != _random_game(shipped_game, 6).moves


def test_the_hooks_see_the_start_and_every_move_and_change_nothing(mini_game):
    started, steps = [], []

    played = _random_game(mini_game, 3, on_start=lambda state, lines: started.append((state, lines)),
                          on_step=lambda before, move, after, lines: steps.append((before, move, after, lines)))

    assert played == _random_game(mini_game, 3)
    assert len(started) == 1 and started[0][0] == mini_game.new_initial_state(3)
    assert [move for _, move, _, _ in steps] == list(played.moves)
    assert steps[-1][2] == played.state
    assert all(steps[i][2] == steps[i + 1][0] for i in range(len(steps) - 1))
    assert any(lines for *_, lines in steps)


def test_seat_bots_seats_one_bot_per_faction(shipped_game):
    bots = seat_bots(shipped_game, parse_bots("random", shipped_game.seats), 1)

    assert list(bots) == list(shipped_game.seats)
    assert all(isinstance(bot, RandomBot) for bot in bots.values())


def test_each_seat_gets_its_own_stream_of_random_choices(shipped_game, wide_decision):
    bots = seat_bots(shipped_game, parse_bots("random", shipped_game.seats), 1)

    streams = {seat: tuple(bot.choose(shipped_game, wide_decision) for _ in range(20)) for seat, bot in bots.items()}

    assert len(set(streams.values())) == len(streams)


def test_seat_bots_for_the_same_seed_make_the_same_choices(shipped_game, wide_decision):
    specs = parse_bots("random", shipped_game.seats)
    first, second = seat_bots(shipped_game, specs, 9), seat_bots(shipped_game, specs, 9)

    for seat in shipped_game.seats:
        assert [first[seat].choose(shipped_game, wide_decision) for _ in range(10)] == [
            second[seat].choose(shipped_game, wide_decision) for _ in range(10)]


def test_seat_bots_for_different_seeds_make_different_choices(shipped_game, wide_decision):
    specs = parse_bots("random", shipped_game.seats)
    first, second = seat_bots(shipped_game, specs, 1), seat_bots(shipped_game, specs, 2)

    assert [first["whites"].choose(shipped_game, wide_decision) for _ in range(20)] != [
        second["whites"].choose(shipped_game, wide_decision) for _ in range(20)]
