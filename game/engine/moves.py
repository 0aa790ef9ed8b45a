"""Moves: small frozen values, one per kind of decision, each with a short text form.

The text form (``act move smolny nevsky``, ``decree decree_land``, ``pass``)
is what saves store and logs show; ``parse_move`` reads it back.
"""

import attrs


class InvalidMoveError(ValueError):
    """The text is not the notation of any move."""


class IllegalMoveError(ValueError):
    """The move is well formed but not legal in this state; the state is unchanged."""


@attrs.frozen
class Pass:
    """End this faction's actions for the turn."""

    def notation(self) -> str:
        """``pass``"""
        return "pass"


@attrs.frozen
class UseAction:
    """Take an action; ``area`` is where it starts or aims, ``to`` where a move or attack goes."""

    action: str
    area: str | None = None
    to: str | None = None

    def notation(self) -> str:
        """``act move smolny nevsky``, ``act agitate vyborg``, ``act food_supply``"""
        return " ".join(part for part in ("act", self.action, self.area, self.to) if part)


@attrs.frozen
class IssueDecree:
    """Pass a decree."""

    decree: str

    def notation(self) -> str:
        """``decree decree_land``"""
        return f"decree {self.decree}"


@attrs.frozen
class PlayCard:
    """Play an initiative card from the hand, at ``area`` if the card aims at one."""

    card: str
    area: str | None = None

    def notation(self) -> str:
        """``card junker_plot`` or ``card wine_raid winter_palace``"""
        return " ".join(part for part in ("card", self.card, self.area) if part)


@attrs.frozen
class Choose:
    """Answer a choice that an event or card put to this faction."""

    option: str

    def notation(self) -> str:
        """``choose join``"""
        return f"choose {self.option}"


@attrs.frozen
class ChanceOutcome:
    """What the dice or the shuffled deck gave; played by the chance player."""

    outcome: str

    def notation(self) -> str:
        """``chance decisive``"""
        return f"chance {self.outcome}"


Move = Pass | UseAction | IssueDecree | PlayCard | Choose | ChanceOutcome

_ARITY = {"act": (1, 3), "decree": (1, 1), "card": (1, 2), "choose": (1, 1), "chance": (1, 1), "pass": (0, 0)}


def parse_move(text: str) -> Move:
    """Read a move from its notation, e.g. ``parse_move("act move smolny nevsky")``."""
    verb, *args = text.split() or [""]
    low, high = _ARITY.get(verb, (-1, -1))
    if not low <= len(args) <= high:
        raise InvalidMoveError(f"not a move: {text!r}")
    if verb == "pass":
        return Pass()
    if verb == "act":
        return UseAction(*args)
    if verb == "card":
        return PlayCard(*args)
    if verb == "decree":
        return IssueDecree(args[0])
    if verb == "choose":
        return Choose(args[0])
    return ChanceOutcome(args[0])
