"""The ``openspiel-mcts`` bot: OpenSpiel's MCTS in a runner seat; legal, budgeted, seeded, blind to hidden cards."""

import itertools

import pytest

pytest.importorskip("pyspiel")

from game.ai import play_game  # noqa: E402
from game.interop.openspiel import OpenSpielMctsBot, make_mcts_bot  # noqa: E402


def test_the_bot_plays_whole_mini_games_with_legal_moves(mini_game):
    bots = {seat: OpenSpielMctsBot(seed, iterations=12) for seed, seat in enumerate(mini_game.seats)}
    chosen = []

    def check(state, move, after, lines):
        if mini_game.current_player(state) in bots:
            chosen.append(move in mini_game.legal_moves(state))

    played = play_game(mini_game, 3, bots, on_step=check)

    assert mini_game.is_terminal(played.state) and chosen and all(chosen)


def test_the_bot_chooses_a_legal_move_in_shipped_positions(shipped_game, decision_states):
    bot = OpenSpielMctsBot(1, iterations=4, rollout_limit=20)

    for state in itertools.islice(decision_states(shipped_game, 2), 0, 60, 12):
        assert bot.choose(shipped_game, state) in shipped_game.legal_moves(state)


def test_the_bot_runs_exactly_its_iterations(shipped_game, decision_states):
    state = next(decision_states(shipped_game, 1))
    bot = OpenSpielMctsBot(5, iterations=6)

    bot.choose(shipped_game, state)

    assert bot.last_simulations == 6


def test_two_bots_with_the_same_seed_and_iterations_choose_the_same_moves(mini_game, shipped_game, decision_states):
    positions = [(mini_game, state) for state in itertools.islice(decision_states(mini_game, 4), 6)]
    positions.append((shipped_game, next(decision_states(shipped_game, 4))))

    first = [OpenSpielMctsBot(9, iterations=10).choose(game, state) for game, state in positions]
    second = [OpenSpielMctsBot(9, iterations=10).choose(game, state) for game, state in positions]

    assert first == second


def test_the_bot_does_not_read_another_factions_hidden_cards(shipped_game, decision_states):
    state = next(s for s in decision_states(shipped_game, 5) if _other_hand_can_change(shipped_game, s))
    changed = _with_another_hand(shipped_game, state)

    assert changed.hands != state.hands
    assert (OpenSpielMctsBot(2, iterations=8, rollout_limit=30).choose(shipped_game, state)
            == OpenSpielMctsBot(2, iterations=8, rollout_limit=30).choose(shipped_game, changed))


def test_a_time_budget_still_gives_a_legal_move_after_some_simulations(mini_game, decision_states):
    state = next(decision_states(mini_game, 1))
    bot = make_mcts_bot(3, seconds=0.05)

    assert bot.choose(mini_game, state) in mini_game.legal_moves(state)
    assert bot.last_simulations >= 2


def test_the_bot_level_builder_takes_the_runners_budget_options():
    assert make_mcts_bot(1, iterations=50).iterations == 50
    assert make_mcts_bot(1, seconds=0.5).seconds == 0.5
    assert make_mcts_bot(1).iterations > 0


def _other_hand_can_change(game, state):
    mover = game.rules.seat_index[game.current_player(state)]
    return any(seat != mover and hand and set(game_deck) - {hand[0]}
               for seat, (hand, game_deck) in enumerate(zip(state.hands, state.decks)))


def _with_another_hand(game, state):
    """``state`` with one card of another faction's hand swapped for a different one of its deck."""
    mover = game.rules.seat_index[game.current_player(state)]
    owner = next(seat for seat, (hand, deck) in enumerate(zip(state.hands, state.decks))
                 if seat != mover and hand and set(deck) - {hand[0]})
    hand, deck = state.hands[owner], list(state.decks[owner])
    swap = next(card for card in deck if card != hand[0])
    deck.remove(swap)
    hands = tuple((swap, *hand[1:]) if seat == owner else h for seat, h in enumerate(state.hands))
    decks = tuple((*deck, hand[0]) if seat == owner else d for seat, d in enumerate(state.decks))
    return state.replace(hands=hands, decks=decks)
