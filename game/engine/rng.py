"""The engine's own random generator, whose whole state is one integer kept in the game state.

SplitMix64 is tiny, fast and fully specified, so a seed gives the same numbers
in every Python version and process (``random.Random`` promises no such thing
for ``randrange`` or ``choice``).
"""

from collections.abc import Sequence

MASK64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


def seed_state(seed: int) -> int:
    """The generator state for a seed (any integer, negative ones included)."""
    return seed & MASK64


def next_u64(state: int) -> tuple[int, int]:
    """Advance the generator: return the new state and a 64-bit number."""
    state = (state + _GOLDEN) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


def pick_weighted(number: int, weights: Sequence[int]) -> int:
    """The index chosen by a 64-bit ``number`` among positive integer ``weights``."""
    point = (number * sum(weights)) >> 64
    for index, weight in enumerate(weights):
        if point < weight:
            return index
        point -= weight
    raise ValueError("weights must be positive")


def derive_seed(seed: int, *labels: int) -> int:
    """A new seed from a seed and some integers, e.g. one per game of a batch."""
    state = seed_state(seed)
    for label in labels:
        state, number = next_u64(state ^ (label & MASK64))
        state = number
    return state


class Generator:
    """A mutable SplitMix64 for code outside the engine (bots, batches)."""

    def __init__(self, seed: int) -> None:
        self.state = seed_state(seed)

    def below(self, bound: int) -> int:
        """A whole number from 0 to ``bound - 1``."""
        self.state, number = next_u64(self.state)
        return (number * bound) >> 64
