"""What one ruleset changes from another, for ``rescore``: the scoring, the state's layout, or play itself.

A game's state holds its tracks, support, control and seats as tuples in the
ruleset's file order, so a state can be read under other rules only if those
orders are the same (``layout_differences``). Anything else but the
objectives and the tie-breaks changes how games are played
(``beyond_scoring``); the words players read are left out of both.
"""

from collections.abc import Callable
from typing import Any

from game.ruleset.export import to_data
from game.ruleset.model import Ruleset

# What a state's tuples and the final scoring read by position or by id, in designers' words.
LAYOUT: dict[str, Callable[[Ruleset], object]] = {
    "seats": lambda rules: rules.seats,
    "areas": lambda rules: tuple(area.id for area in rules.areas),
    "tracks": lambda rules: (tuple(rules.city_track_index), tuple(rules.faction_track_index)),
    "groups": lambda rules: tuple(group.id for group in rules.groups),
    "units": lambda rules: tuple(unit.id for unit in rules.units),
    "number of turns": lambda rules: len(rules.scenario.turns),
}
PLAY_SECTIONS = ("factions", "groups", "tracks", "flags", "features", "areas", "units", "actions", "decrees",
                 "events", "cards")
# Fields of an entry that only players read (the teaching layer, the drawing, the flags' wording).
WORDING = {"name", "date", "history", "source", "discuss", "terms", "short", "colour", "symbol", "pattern", "goals",
           "at", "polygon", "set", "unset", "bar"}


def layout_differences(played: Ruleset, other: Ruleset) -> list[str]:
    """What ``other`` lays out differently from ``played`` (both set up for one scenario): seats, areas..."""
    return [name for name, read in LAYOUT.items() if read(played) != read(other)]


def beyond_scoring(played: Ruleset, other: Ruleset) -> tuple[str, ...]:
    """The parts of play ``other`` changes from ``played``, besides the objectives and the tie-breaks.

    Both are set up for the same scenario; the parts are named by section
    (``actions``), by the scenario's key (``the scenario's setup``), and
    ``sudden deaths`` for the seats' sudden deaths.
    """
    before, after = play_parts(played), play_parts(other)
    return tuple(name for name in before if before[name] != after[name])


def play_parts(rules: Ruleset) -> dict[str, Any]:
    """The rules as plain data without the objectives, the tie-breaks and the wording, keyed by part."""
    parts: dict[str, Any] = {section: [_without_wording(entry) for entry in to_data(getattr(rules, section))]
                             for section in PLAY_SECTIONS}
    # A scenario's terms for a seat replace the faction's own, as in ``Ruleset.victory_of``.
    sudden = {faction["id"]: _conditions(faction.pop("victory")) for faction in parts["factions"]}
    scenario = _without_wording(to_data(rules.scenario))
    del scenario["tie_breaks"]
    for terms in scenario.pop("victory"):
        sudden[terms["faction"]] = _conditions(terms)
    parts["sudden deaths"] = {faction: sudden[faction] for faction in rules.seats}
    parts.update({f"the scenario's {key}": value for key, value in scenario.items() if key != "id"})
    return parts


def _conditions(victory: dict[str, Any]) -> list[Any]:
    """The conditions of each sudden death, without the reason players read."""
    return [sudden["when"] for sudden in victory["sudden_death"]]


def _without_wording(entry: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in entry.items() if key not in WORDING}
