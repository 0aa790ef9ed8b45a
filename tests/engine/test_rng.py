"""The engine's generator gives the published SplitMix64 numbers, whatever the Python version."""

from collections import Counter

from game.engine.rng import Generator, derive_seed, next_u64, pick_weighted, seed_state


def test_splitmix64_matches_the_reference_sequence():
    # Reference values from Sebastiano Vigna's splitmix64.c with seed 1234567.
    state, outputs = 1234567, []
    for _ in range(3):
        state, number = next_u64(state)
        outputs.append(number)
    assert outputs == [6457827717110365317, 3203168211198807973, 9817491932198370423]


def test_seed_zero_gives_the_reference_first_number():
    assert next_u64(seed_state(0))[1] == 0xE220A8397B1DCDAF


def test_negative_seeds_are_folded_into_64_bits():
    assert seed_state(-1) == (1 << 64) - 1


def test_pick_weighted_follows_the_weights():
    state, picks = 7, Counter()
    for _ in range(4000):
        state, number = next_u64(state)
        picks[pick_weighted(number, [1, 3])] += 1
    assert 800 < picks[0] < 1200 and 2800 < picks[1] < 3200


def test_pick_weighted_maps_the_extremes_to_the_first_and_last_outcome():
    assert pick_weighted(0, [2, 5, 1]) == 0
    assert pick_weighted((1 << 64) - 1, [2, 5, 1]) == 2


def test_generator_below_stays_in_range_and_repeats_with_its_seed():
    first, second = Generator(99), Generator(99)
    draws = [first.below(6) for _ in range(200)]
    assert draws == [second.below(6) for _ in range(200)]
    assert set(draws) == set(range(6))


def test_derived_seeds_differ_by_label_and_repeat():
    assert derive_seed(1, 2) == derive_seed(1, 2)
    assert len({derive_seed(1, label) for label in range(50)}) == 50
