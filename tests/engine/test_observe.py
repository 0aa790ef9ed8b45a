"""What a faction may see: its own hand, never the others' nor the dice to come."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import CHANCE


def play_until_hands_are_dealt(game, seed):
    """The first action turn after every seat has drawn its hand."""
    state = game.new_initial_state(seed)
    while not (all(state.hands) and game.current_player(state) in game.seats):
        player = game.current_player(state)
        state = game.apply(state, game.sample_chance(state) if player == CHANCE else game.legal_moves(state)[0])
    return state


@pytest.fixture(scope="module")
def dealt(shipped_game):
    return play_until_hands_are_dealt(shipped_game, 5)


def test_a_faction_sees_its_own_hand_and_only_the_sizes_of_the_others(shipped_game, dealt):
    seen = shipped_game.observation(dealt, "whites")

    assert seen["hand"] == sorted(dealt.hands[shipped_game.rules.seat_index["whites"]])
    assert seen["hand_sizes"] == [len(hand) for hand in dealt.hands]
    assert "hands" not in seen and "decks" not in seen and "rng" not in seen


def test_the_public_view_shows_no_hand(shipped_game, dealt):
    assert shipped_game.observation(dealt, None)["hand"] is None


def test_swapping_another_factions_hidden_cards_changes_nothing_it_shows(shipped_game, dealt):
    other = shipped_game.rules.seat_index["sovnarkom"]
    hands, decks = list(dealt.hands), list(dealt.decks)
    hands[other], decks[other] = decks[other][:len(hands[other])], hands[other] + decks[other][len(hands[other]):]
    swapped = dealt.replace(hands=tuple(hands), decks=tuple(decks), rng=dealt.rng + 1)

    assert swapped.hands != dealt.hands
    assert shipped_game.observation(swapped, "whites") == shipped_game.observation(dealt, "whites")
    assert shipped_game.observation(swapped, "sovnarkom") != shipped_game.observation(dealt, "sovnarkom")


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32))
def test_a_determinised_state_looks_the_same_to_the_faction_and_keeps_every_card(shipped_game, dealt, seed):
    mover = shipped_game.current_player(dealt)
    world = shipped_game.determinise(dealt, mover, seed)

    assert shipped_game.observation(world, mover) == shipped_game.observation(dealt, mover)
    assert world.hands[shipped_game.rules.seat_index[mover]] == dealt.hands[shipped_game.rules.seat_index[mover]]
    for seat in range(len(shipped_game.seats)):
        assert Counter(world.hands[seat] + world.decks[seat]) == Counter(dealt.hands[seat] + dealt.decks[seat])
    # The faction to move has the same choices in every world it cannot tell apart.
    assert shipped_game.legal_moves(world) == shipped_game.legal_moves(dealt)


def test_determinising_is_reproducible_and_varies_with_the_seed(shipped_game, dealt):
    worlds = [shipped_game.determinise(dealt, "whites", seed) for seed in range(12)]

    assert worlds[0] == shipped_game.determinise(dealt, "whites", 0)
    assert len({world.hands for world in worlds}) > 1
    assert len({world.rng for world in worlds}) == len(worlds)


def test_a_determinised_state_plays_on_to_the_end(shipped_game, dealt):
    state = shipped_game.determinise(dealt, "left_sr", 3)
    while not shipped_game.is_terminal(state):
        player = shipped_game.current_player(state)
        moves = shipped_game.legal_moves(state) if player != CHANCE else None
        state = shipped_game.apply(state, shipped_game.sample_chance(state) if moves is None else moves[-1])

    assert shipped_game.outcome(state).winners


def test_states_a_faction_cannot_tell_apart_give_it_the_same_worlds(shipped_game, dealt):
    other = shipped_game.rules.seat_index["sovnarkom"]
    hands, decks = list(dealt.hands), list(dealt.decks)
    hands[other], decks[other] = decks[other][:len(hands[other])], hands[other] + decks[other][len(hands[other]):]
    swapped = dealt.replace(hands=tuple(hands), decks=tuple(decks), rng=dealt.rng + 1)

    assert shipped_game.determinise(swapped, "whites", 9) == shipped_game.determinise(dealt, "whites", 9)
