"""Random legal games, played under Hypothesis, keep every invariant at every step.

At each step: there are legal moves until the end, every legal move applies,
a move from outside the legal set raises IllegalMoveError and changes nothing,
every counter stays in range; each game ends within its bound; a save of the
game loads back to the identical state.
"""

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import (
    CHANCE,
    ChanceOutcome,
    Choose,
    Game,
    IllegalMoveError,
    IssueDecree,
    Pass,
    PlayCard,
    UseAction,
)
from game.ruleset import vocabulary as v
from game.ruleset.checks import walk
from game.savegame import load_game, save_game
from game.savegame.envelope import state_checksum

GAME_SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                 HealthCheck.function_scoped_fixture])


def outside_moves(game: Game) -> st.SearchStrategy:
    """Moves built from every id in the rules (and some that are no id at all): mostly illegal."""
    rules = game.rules
    areas = st.sampled_from([None, "nowhere", *rules.area])
    options = sorted({record.id for record in walk(rules.events + rules.cards) if isinstance(record, v.Option)})
    return st.one_of(
        st.just(Pass()),
        st.builds(UseAction, st.sampled_from(["no_such_action", *rules.action]), areas, areas),
        st.builds(IssueDecree, st.sampled_from(["no_such_decree", *rules.decree])),
        st.builds(PlayCard, st.sampled_from(["no_such_card", *rules.card]), areas),
        st.builds(Choose, st.sampled_from(["no_such_option", *options])),
        st.builds(ChanceOutcome, st.sampled_from(["decisive", "narrow", "repulsed", "success", "failure",
                                                  *rules.event, *rules.card])),
    )


def check_counters(game: Game, state) -> None:
    rules = game.rules
    for track, value in zip(rules.city_tracks(), state.city):
        assert track.min <= value <= track.max, track.id
    for track, values in zip(rules.faction_tracks(), state.per_faction):
        assert all(track.min <= value <= track.max for value in values), track.id
    for group, values in zip(rules.groups, state.support):
        assert all(value >= 0 for value in values) and sum(values) <= group.size, group.id
    for unit in state.units:
        assert unit.area in rules.area and unit.kind in rules.unit and unit.owner in rules.faction
    assert all(holder is None or holder in rules.seat_index for holder in state.control)
    assert len({unit.uid for unit in state.units}) == len(state.units)
    for seat, faction in enumerate(rules.seats):
        assert len(state.hands[seat]) <= rules.faction[faction].hand_size
    assert 1 <= state.turn <= len(rules.scenario.turns)
    assert state.steps <= game.max_steps


def play_and_check(game: Game, seed: int, data, tmp_path) -> None:
    state = game.new_initial_state(seed)
    outsiders = outside_moves(game)
    moves = []
    while not game.is_terminal(state):
        legal = game.legal_moves(state)
        assert legal, "a game that is not over must offer a move"
        check_counters(game, state)
        for move in legal:
            game.apply(state, move)
        outsider = data.draw(outsiders, label="outside move")
        if outsider not in legal:
            checksum = state_checksum(state)
            with pytest.raises(IllegalMoveError):
                game.apply(state, outsider)
            assert state_checksum(state) == checksum
        if game.current_player(state) == CHANCE and data.draw(st.booleans(), label="use the generator"):
            move = game.sample_chance(state)
        else:
            move = legal[data.draw(st.integers(0, len(legal) - 1), label="move")]
        moves.append(move)
        state = game.apply(state, move)
    assert not state.result.stalled and state.steps <= game.max_steps
    assert game.legal_moves(state) == () and game.current_player(state) is None
    save_game(tmp_path / "game.json", game, seed, moves, state)
    assert load_game(tmp_path / "game.json", game).state == state


@GAME_SETTINGS
@given(seed=st.integers(0, 2**63), data=st.data())
def test_random_games_of_the_shipped_scenario_keep_every_invariant(shipped_game, tmp_path, seed, data):
    play_and_check(shipped_game, seed, data, tmp_path)


@settings(GAME_SETTINGS, max_examples=40)
@given(seed=st.integers(0, 2**63), data=st.data())
def test_random_games_of_the_mini_rules_keep_every_invariant(mini_game, tmp_path, seed, data):
    play_and_check(mini_game, seed, data, tmp_path)


def test_the_same_seed_and_moves_give_the_same_game(shipped_game):
    from game.ai import parse_bots, play_game, seat_bots

    specs = parse_bots("random", shipped_game.seats)
    first = play_game(shipped_game, 11, seat_bots(shipped_game, specs, 11))
    second = play_game(shipped_game, 11, seat_bots(shipped_game, specs, 11))
    assert first == second
    replayed = shipped_game.new_initial_state(11)
    for move in first.moves:
        replayed = shipped_game.apply(replayed, move)
    assert replayed == first.state
    assert attrs.asdict(replayed) == attrs.asdict(first.state)
