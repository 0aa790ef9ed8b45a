"""Bot specs from the command line: ``random`` for every seat, or ``sovnarkom=random,whites=random``.

A level may carry options after colons (``hard:time=0.5``), for the levels
that take them; seats left out of a per-faction spec play ``random``. The
search levels, ``hard`` and ``openspiel-mcts``, take a budget.
"""

from collections.abc import Callable

import attrs

from game.ai.bots import Bot, RandomBot
from game.ai.lookahead import LookaheadBot
from game.ai.priority import PriorityBot
from game.ai.tree import TreeSearchBot
from game.ruleset.problems import did_you_mean

DEFAULT_LEVEL = "random"
LEVELS: dict[str, Callable[[int, dict[str, str]], Bot]] = {
    "random": lambda seed, options: RandomBot(seed),
    "easy": lambda seed, options: PriorityBot(seed),
    "normal": lambda seed, options: LookaheadBot(seed),
    "hard": lambda seed, options: _search(TreeSearchBot, seed, options),
    "openspiel-mcts": lambda seed, options: _search(_openspiel_bot(), seed, options),
}
BUDGETS = ("iterations", "time")
WHOLE_NUMBERS = {"iterations": 400}  # options that count, with an example of each
LEVEL_OPTIONS: dict[str, tuple[str, ...]] = {"random": (), "easy": (), "normal": (), "hard": BUDGETS,
                                             "openspiel-mcts": BUDGETS}


class SpecError(ValueError):
    """A bot spec that cannot be understood; the message says why."""


@attrs.frozen
class SeatSpec:
    """The level and options for one seat."""

    level: str
    options: tuple[tuple[str, str], ...] = ()

    def text(self) -> str:
        """The spec written back, e.g. ``random`` or ``hard:time=0.5``."""
        return ":".join((self.level, *(f"{key}={value}" for key, value in self.options)))

    def make(self, seed: int) -> Bot:
        """A new bot for this seat, seeded."""
        return LEVELS[self.level](seed, dict(self.options))


def _search(make: Callable[..., Bot], seed: int, options: dict[str, str]) -> Bot:
    """A search bot with its budget, ``iterations=N`` or ``time=SECONDS``.

    The options were checked when the spec was parsed.
    """
    settings: dict[str, float] = {}
    if "iterations" in options:
        settings["iterations"] = int(options["iterations"])
    if "time" in options:
        settings["seconds"] = float(options["time"])
    return make(seed, **settings)


def _openspiel_bot() -> Callable[..., Bot]:
    """OpenSpiel's MCTS through the adapter; only with the ``openspiel`` extra installed."""
    try:
        from game.interop.openspiel import make_mcts_bot
    except ImportError:
        raise SpecError("the openspiel-mcts level needs OpenSpiel: pip install -e '.[openspiel]'") from None
    return make_mcts_bot


def parse_level(text: str) -> SeatSpec:
    """``random`` or ``level:key=value:key=value``."""
    level, *pairs = text.strip().split(":")
    if level not in LEVELS:
        hint = did_you_mean(level, LEVELS) or f"; levels: {', '.join(LEVELS)}"
        raise SpecError(f"unknown bot level '{level}'{hint}")
    if level == "openspiel-mcts":
        _openspiel_bot()  # refuse the spec now, not in the middle of a batch, if OpenSpiel is missing
    return _with_options(level, pairs)


def _with_options(level: str, pairs: list[str]) -> SeatSpec:
    options = []
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or key not in LEVEL_OPTIONS[level]:
            allowed = ", ".join(LEVEL_OPTIONS[level]) or "none"
            raise SpecError(f"'{pair}' is not an option of level '{level}' (options: {allowed})")
        _check_number(key, value)
        options.append((key, value))
    keys = {key for key, _ in options}
    if len(keys) < len(options):
        raise SpecError(f"level '{level}' was given the same option twice: {':'.join(pairs)}")
    if set(BUDGETS) <= keys:
        raise SpecError(f"level '{level}' takes one budget: iterations=N or time=SECONDS, not both")
    return SeatSpec(level, tuple(options))


def _check_number(key: str, value: str) -> None:
    try:
        number = int(value) if key in WHOLE_NUMBERS else float(value)
    except ValueError:
        number = 0
    if not number > 0:
        wanted = (f"a positive whole number, e.g. {key}={WHOLE_NUMBERS[key]}" if key in WHOLE_NUMBERS
                  else f"a positive number of seconds, e.g. {key}=0.5")
        raise SpecError(f"'{key}={value}' needs {wanted}")


def parse_bots(text: str, seats: tuple[str, ...]) -> dict[str, SeatSpec]:
    """The spec of every seat from a command-line spec string."""
    entries = [entry.strip() for entry in text.split(",") if entry.strip()]
    if not entries:
        raise SpecError("the bot spec is empty")
    if len(entries) == 1 and "=" not in entries[0].split(":")[0]:
        if entries[0] in seats and entries[0].split(":")[0] not in LEVELS:
            raise SpecError(f"'{entries[0]}' is a seat; give it a level, e.g. {entries[0]}={DEFAULT_LEVEL}")
        shared = parse_level(entries[0])
        return {seat: shared for seat in seats}
    chosen: dict[str, SeatSpec] = {}
    for entry in entries:
        seat, equals, level = entry.partition("=")
        if not equals:
            raise SpecError(f"'{entry}' should read faction=level, e.g. sovnarkom={DEFAULT_LEVEL}")
        if seat not in seats:
            hint = did_you_mean(seat, seats) or f"; seats: {', '.join(seats)}"
            raise SpecError(f"unknown seat '{seat}'{hint}")
        if seat in chosen:
            raise SpecError(f"seat '{seat}' is given twice")
        chosen[seat] = parse_level(level)
    return {seat: chosen.get(seat, SeatSpec(DEFAULT_LEVEL)) for seat in seats}


def describe_bots(specs: dict[str, SeatSpec]) -> str:
    """A spec map written back compactly: one level if all seats share it."""
    texts = {spec.text() for spec in specs.values()}
    if len(texts) == 1:
        return texts.pop()
    return ",".join(f"{seat}={spec.text()}" for seat, spec in specs.items())
