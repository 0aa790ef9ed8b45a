"""Make the game's sound effects from scratch: ``python assets/sounds/make_sounds.py``.

Every sound is synthesised here (sine partials and shaped noise), so the
project owns them outright and no licence file is needed. The WAV files are
committed; re-run this script only after changing a recipe. The noise comes
from a fixed-seed generator, so the files come out the same every time.

- ``march.wav``: two muffled drum taps, when units march.
- ``battle.wav``: a rattle of shots fading away, when an attack is fought.
- ``card.wav``: a card slid across the table, when a card opens.
- ``turn.wav``: a soft bell, when a new turn begins.
"""

import math
import struct
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

RATE = 22050
HERE = Path(__file__).resolve().parent


def noise(seed: int) -> Iterator[float]:
    """White noise from -1 to 1 (a 32-bit linear congruential generator)."""
    state = seed
    while True:
        state = (1664525 * state + 1013904223) & 0xFFFFFFFF
        yield state / 0x7FFFFFFF - 1.0


def render(seconds: float, sample: Callable[[float], float]) -> list[float]:
    return [sample(index / RATE) for index in range(int(seconds * RATE))]


def low_pass(samples: list[float], amount: float) -> list[float]:
    """A one-pole filter: ``amount`` near 1 keeps only the low rumble."""
    out, last = [], 0.0
    for value in samples:
        last = last * amount + value * (1 - amount)
        out.append(last)
    return out


def drum(start: float, at: float, source: Iterator[float]) -> float:
    t = at - start
    if t < 0:
        return 0.0
    body = math.sin(2 * math.pi * (70 + 40 * math.exp(-t * 30)) * t) * math.exp(-t * 14)
    return body + 0.25 * next(source) * math.exp(-t * 60)


def march() -> list[float]:
    source = noise(1)
    return low_pass(render(0.55, lambda t: drum(0.0, t, source) + 0.8 * drum(0.24, t, source)), 0.55)


def battle() -> list[float]:
    source = noise(2)
    shots = (0.0, 0.07, 0.19, 0.26, 0.41, 0.58)

    def sample(t: float) -> float:
        total = 0.0
        for index, start in enumerate(shots):
            age = t - start
            if age >= 0:
                total += next(source) * math.exp(-age * 45) * (0.85 ** index)
        return total

    return low_pass(render(0.9, sample), 0.7)


def card() -> list[float]:
    source = noise(3)

    def sample(t: float) -> float:
        envelope = math.sin(math.pi * min(1.0, t / 0.22)) ** 2
        return next(source) * envelope * 0.6

    return low_pass(render(0.24, sample), 0.35)


def turn() -> list[float]:
    partials = ((523.25, 1.0, 2.2), (1046.5, 0.45, 3.5), (1308.0, 0.25, 5.0), (1570.0, 0.15, 6.5))
    return render(1.2, lambda t: sum(amp * math.sin(2 * math.pi * freq * t) * math.exp(-t * decay)
                                     for freq, amp, decay in partials) * min(1.0, t * 400))


def write(name: str, samples: list[float], loudness: float) -> None:
    peak = max(abs(value) for value in samples) or 1.0
    frames = b"".join(struct.pack("<h", round(value / peak * loudness * 32767)) for value in samples)
    with wave.open(str(HERE / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


if __name__ == "__main__":
    write("march.wav", march(), 0.5)
    write("battle.wav", battle(), 0.45)
    write("card.wav", card(), 0.35)
    write("turn.wav", turn(), 0.3)
