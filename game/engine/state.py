"""The dynamic state of one game: immutable, compact, and complete.

Everything that can change lives here, the random generator included, so a
state plus the ruleset determines the rest of the game. Tuples follow the
ruleset's file order: ``city[i]`` is the i-th city track, ``per_faction[t][s]``
faction track ``t`` of seat ``s``, ``support[g][s]`` group ``g``'s support for
seat ``s``, ``control[a]`` the controller of area ``a``.
"""


import functools

import attrs

from game.ruleset.vocabulary import Effect, Option, Outcome


@attrs.frozen(cache_hash=True)  # bots key their caches on the board's units: hash each unit once
class Unit:
    """A unit on the board. Units owned by a force without a seat are neutral."""

    uid: int
    kind: str
    owner: str
    area: str
    drunk: bool = False
    demoralised: bool = False
    spent: bool = False

    def moved(self, area: str, spent: bool) -> "Unit":
        """The unit in another area, spent or not (``attrs.evolve`` costs twice as much on this hot path)."""
        return Unit(self.uid, self.kind, self.owner, area, self.drunk, self.demoralised, spent)

    def rested(self) -> "Unit":
        """The unit after a night's rest: ready, and sober."""
        return Unit(self.uid, self.kind, self.owner, self.area, False, self.demoralised, False)


@attrs.frozen
class Context:
    """On whose behalf effects run, what they aim at, and what caused them."""

    actor: str | None = None
    target: str | None = None
    source: str = ""


@functools.lru_cache(maxsize=4096)
def context_of(actor: str | None, target: str | None = None, source: str = "") -> Context:
    """``Context(actor, target, source)``, built once for each combination: contexts never change (a hot path)."""
    return Context(actor=actor, target=target, source=source)


@attrs.frozen
class Frame:
    """Effects still to run, in order, with their context."""

    effects: tuple[Effect, ...]
    context: Context


@attrs.frozen
class ActionTurn:
    """A seated faction picks its next action."""

    faction: str


@attrs.frozen
class PendingChoice:
    """An event or card asks a faction to choose."""

    faction: str
    prompt: str
    options: tuple[Option, ...]
    context: Context


@attrs.frozen
class PendingChance:
    """Dice or a draw: listed outcomes with integer weights. ``private_to`` sees the result alone."""

    prompt: str
    outcomes: tuple[Outcome, ...]
    context: Context
    private_to: str | None = None


Decision = ActionTurn | PendingChoice | PendingChance


@attrs.frozen
class Result:
    """How a finished game ended: winners (several on a tie), why, and end-of-game points per seat."""

    winners: tuple[str, ...]
    reason: str
    points: tuple[int, ...] = ()
    stalled: bool = False


@attrs.frozen(slots=False)  # a plain __dict__, so that ``replace`` copies it in one call
class GameState:
    """One moment of a game. Never changed in place: moves make new states."""

    turn: int
    phase: str
    steps: int
    rng: int
    city: tuple[int, ...]
    per_faction: tuple[tuple[int, ...], ...]
    support: tuple[tuple[int, ...], ...]
    control: tuple[str | None, ...]
    units: tuple[Unit, ...]
    next_uid: int
    flags: tuple[str, ...]  # sorted, so that equal states compare and print equal
    decrees: tuple[str, ...]  # in the order issued
    fired: tuple[str, ...]  # events, in the order they fired
    hands: tuple[tuple[str, ...], ...]  # per seat; hidden from the other seats
    decks: tuple[tuple[str, ...], ...]  # per seat, cards not yet drawn
    actions_taken: tuple[int, ...]  # this turn, per seat
    passed: tuple[bool, ...]  # this turn, per seat
    uses: tuple[tuple[int, str], ...]  # (seat, action) taken this turn, for per-turn limits
    next_seat: int  # where the round of actions goes on
    agenda: tuple[Frame, ...]  # a stack: the last frame runs first
    decision: Decision | None
    result: Result | None = None

    def replace(self, **changes: object) -> "GameState":
        """A copy with some fields changed: ``attrs.evolve`` without its generic overhead (a hot path)."""
        if not _STATE_FIELD_SET.issuperset(changes):
            raise TypeError(f"GameState has no field {sorted(set(changes) - _STATE_FIELD_SET)}")
        fields = self.__dict__.copy()
        fields.update(changes)
        new = object.__new__(GameState)
        object.__setattr__(new, "__dict__", fields)
        return new


_STATE_FIELD_SET = frozenset(field.name for field in attrs.fields(GameState))
