"""The one game API: current player, legal moves, apply, chance, terminal, outcome, returns."""

import attrs
import pytest

from game.ai import parse_bots, play_game, seat_bots
from game.engine import CHANCE, ChanceOutcome, Choose, IllegalMoveError, IssueDecree, Pass, PlayCard, UseAction
from game.engine.state import PendingChance
from tests.engine.conftest import until_action_turn


def test_the_first_decision_of_a_mini_game_is_the_blues_choice(mini_game, start):
    assert mini_game.current_player(start) == "blues"
    assert mini_game.legal_moves(start) == (Choose("rise"), Choose("wait"))


def test_legal_moves_come_in_the_same_order_every_time(shipped_game):
    first = until_action_turn(shipped_game, shipped_game.new_initial_state(5))
    second = until_action_turn(shipped_game, shipped_game.new_initial_state(5))
    assert first == second
    assert shipped_game.legal_moves(first) == shipped_game.legal_moves(second)
    assert shipped_game.legal_moves(first)[-1] == Pass()


def test_every_legal_move_is_legal(shipped_game):
    state = until_action_turn(shipped_game, shipped_game.new_initial_state(2))
    assert all(shipped_game.is_legal(state, move) for move in shipped_game.legal_moves(state))


@pytest.mark.parametrize("move", [
    Pass(), UseAction("march", "hall", "nowhere"), UseAction("no_such_action"), IssueDecree("decree_bread"),
    PlayCard("sabotage"), ChanceOutcome("hit"), Choose("nothing"),
])
def test_an_illegal_move_raises_and_changes_nothing(mini_game, start, move):
    before = start
    with pytest.raises(IllegalMoveError):
        mini_game.apply(start, move)
    assert start == before


def test_chance_outcomes_list_every_outcome_with_probabilities_that_add_up_to_one(mini_game, start):
    state = mini_game.apply(start, Choose("wait"))
    assert mini_game.current_player(state) == CHANCE
    outcomes = mini_game.chance_outcomes(state)
    assert [move for move, _ in outcomes] == list(mini_game.legal_moves(state))
    assert sum(probability for _, probability in outcomes) == pytest.approx(1.0)
    assert mini_game.sample_chance(state) == mini_game.sample_chance(state)


def test_a_chance_step_uses_one_draw_whichever_outcome_is_applied(mini_game, start):
    state = mini_game.apply(start, Choose("wait"))
    assert isinstance(state.decision, PendingChance)
    after = [mini_game.apply(state, move) for move in mini_game.legal_moves(state)]
    assert len({later.rng for later in after}) == 1 and after[0].rng != state.rng


def test_no_chance_outcomes_outside_a_chance_step(mini_game, start):
    assert mini_game.chance_outcomes(start) == ()
    with pytest.raises(IllegalMoveError):
        mini_game.sample_chance(start)


def test_returns_are_zero_before_the_end(mini_game, start):
    assert mini_game.returns(start) == (0.0, 0.0)
    assert mini_game.outcome(start) is None and not mini_game.is_terminal(start)


def test_apply_logged_gives_the_same_state_as_apply_and_a_readable_account(mini_game, start):
    quiet = mini_game.apply(start, Choose("rise"))
    logged, lines = mini_game.apply_logged(start, Choose("rise"))
    assert logged == quiet
    assert lines[0] == "Blues decide: Rise."
    assert any("Palace" in line for line in lines)


def test_describe_move_tells_a_move_as_the_log_does(mini_game, start):
    for move in mini_game.legal_moves(start):  # answers, named by their option
        _, lines = mini_game.apply_logged(start, move)
        assert mini_game.describe_move(start, move) == lines[0]
    turn = until_action_turn(mini_game, start)
    for move in mini_game.legal_moves(turn):  # actions, cards, decrees and passing
        _, lines = mini_game.apply_logged(turn, move)
        assert mini_game.describe_move(turn, move) == lines[0]
    chance = turn
    while mini_game.current_player(chance) != CHANCE:
        chance = mini_game.apply(chance, mini_game.legal_moves(chance)[0])
    for move, _ in mini_game.chance_outcomes(chance):  # dice and draws
        _, lines = mini_game.apply_logged(chance, move)
        assert mini_game.describe_move(chance, move) == lines[0]


def test_state_replace_changes_only_the_named_fields_and_refuses_unknown_ones(start):
    changed = start.replace(turn=2, steps=9)
    assert (changed.turn, changed.steps, changed.units) == (2, 9, start.units)
    assert changed == attrs.evolve(start, turn=2, steps=9)
    with pytest.raises(TypeError):
        start.replace(tunr=2)


def test_something_that_is_no_move_is_refused_as_illegal(mini_game, start):
    with pytest.raises(IllegalMoveError):
        mini_game.apply(start, "pass")


def test_apply_generated_gives_the_same_states_as_apply_over_a_whole_game(shipped_game):
    game, state, step = shipped_game, shipped_game.new_initial_state(11), 0
    while not game.is_terminal(state):
        moves = game.legal_moves(state)
        move = game.sample_chance(state) if game.current_player(state) == CHANCE else moves[step * 7 % len(moves)]
        checked = game.apply(state, move)
        assert game.apply_generated(state, move) == checked
        state, step = checked, step + 1
    assert step > 50


def test_state_replace_leaves_the_original_as_it_was(start):
    before = attrs.asdict(start, recurse=False)
    start.replace(turn=5, units=())
    assert attrs.asdict(start, recurse=False) == before
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        start.turn = 3


def test_scored_at_end_gives_a_game_that_went_to_the_last_turn_the_result_it_ended_with(shipped_game):
    specs = parse_bots("random", shipped_game.seats)
    ends = [play_game(shipped_game, seed, seat_bots(shipped_game, specs, seed)).state for seed in range(7, 13)]
    on_points = [end for end in ends if end.result.points]

    assert any("ahead on" in end.result.reason for end in on_points)  # a tie-break decided one of them
    assert [shipped_game.scored_at_end(end) for end in on_points] == [end.result for end in on_points]


def test_scored_at_end_reads_the_position_not_the_result_the_state_holds(mini_game):
    end = play_game(mini_game, 41, seat_bots(mini_game, parse_bots("random", mini_game.seats), 41)).state
    assert end.result.reason == "The Reds hold the palace."  # a sudden death: no points were counted

    scored = mini_game.scored_at_end(end)

    assert scored.reason.startswith("most points when the last turn ends")
    assert scored.points == tuple(mini_game.points(end, seat) for seat in mini_game.seats)
