"""The normal bot: a legal move, the same for the same seed, blind to hidden cards, with a reason."""

import pytest

from game.ai import play_game
from game.ai.evaluate import evaluate, win_chances
from game.ai.lookahead import LookaheadBot
from game.ai.spec import parse_bots
from game.engine import CHANCE


def first_decisions(game, seed, count):
    """States at which a seat decides, along a game of random legal moves (the first of each list)."""
    state = game.new_initial_state(seed)
    found = []
    while len(found) < count and not game.is_terminal(state):
        player = game.current_player(state)
        if player == CHANCE:
            state = game.apply(state, game.sample_chance(state))
            continue
        found.append(state)
        moves = game.legal_moves(state)
        state = game.apply(state, moves[(len(found) * 7) % len(moves)])
    return found


@pytest.fixture(scope="module")
def decisions(shipped_game):
    return first_decisions(shipped_game, 11, 25)


def test_the_normal_bot_always_picks_a_legal_move_and_gives_a_reason(shipped_game, decisions):
    bot = LookaheadBot(1)
    for state in decisions:
        choice = bot.choose_explained(shipped_game, state)
        assert shipped_game.is_legal(state, choice.move)
        faction = shipped_game.current_player(state)
        assert choice.reason.startswith(shipped_game.rules.faction[faction].short)


def test_the_normal_bot_is_reproducible_with_its_seed(shipped_game, decisions):
    first = [LookaheadBot(5).choose_explained(shipped_game, state) for state in decisions]
    again = [LookaheadBot(5).choose_explained(shipped_game, state) for state in decisions]
    assert first == again


def test_the_normal_bot_never_reads_another_factions_hand_or_the_dice(shipped_game, decisions):
    rules = shipped_game.rules
    for state in decisions:
        mover = rules.seat_index[shipped_game.current_player(state)]
        hands, decks = list(state.hands), list(state.decks)
        for seat in range(len(hands)):
            if seat != mover and hands[seat] and decks[seat]:
                hands[seat], decks[seat] = (decks[seat][0],) + hands[seat][1:], (hands[seat][0],) + decks[seat][1:]
        twin = state.replace(hands=tuple(hands), decks=tuple(decks), rng=state.rng ^ 0xFFFF)
        assert LookaheadBot(3).choose_explained(shipped_game, twin) == LookaheadBot(3).choose_explained(
            shipped_game, state)


def test_the_evaluation_is_a_chance_to_win_and_the_returns_at_the_end(shipped_game, decisions):
    for state in decisions:
        chances = win_chances(shipped_game, state)
        assert all(0 <= chance <= 1 for chance in chances) and sum(chances) == pytest.approx(1)
    specs = parse_bots("normal", shipped_game.seats)
    played = play_game(shipped_game, 2, {seat: spec.make(index) for index, (seat, spec) in enumerate(specs.items())})
    assert win_chances(shipped_game, played.state) == shipped_game.returns(played.state)
    assert evaluate(shipped_game, played.state, played.state.result.winners[0]) > 0
