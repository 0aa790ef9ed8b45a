"""How a faction wins: sudden deaths that end the game at once, and objectives scored when the last turn ends.

A faction's ``victory`` in factions.yaml, or a scenario's ``victory`` for one
faction in its place.
"""

import attrs

from game.ruleset.fields import actor_scope, ref
from game.ruleset.vocabulary import Condition


@attrs.frozen(kw_only=True)
class SuddenDeath:
    """Wins the game at once, the moment every condition holds."""

    reason: str
    when: tuple[Condition, ...] = actor_scope()


@attrs.frozen(kw_only=True)
class Objective:
    """Points at the end of the last turn if every condition holds then."""

    name: str
    points: int
    when: tuple[Condition, ...] = actor_scope()


@attrs.frozen(kw_only=True)
class Victory:
    """How a faction wins: at once, or on points when the last turn ends."""

    sudden_death: tuple[SuddenDeath, ...] = ()
    objectives: tuple[Objective, ...] = ()


@attrs.frozen(kw_only=True)
class FactionVictory(Victory):
    """A scenario's own victory conditions for one faction, in place of the faction's."""

    faction: str = ref("factions")
