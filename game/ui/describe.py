"""The rules' effects and conditions in plain words, for cards, hover notes and "why not" messages.

A designer writes ``change_track: {track: bread, by: 2}``; a player reads
"Bread +2". Each effect or condition kind has one small function here, found
by its class, the way the engine finds what an effect *does*. Nothing here
imports pygame, and nothing reads a state except to say what a value is now.

>>> from game.rulesdir import load_rules_dir
>>> rules = load_rules_dir()
>>> effect_lines(Voice(rules, actor="sovnarkom", viewer="sovnarkom"), rules.card["seafarers_union"].effects)
['Administration +1', 'Bread +1']
"""

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from game.engine.log import listed
from game.ruleset import vocabulary as v
from game.ruleset.calendar import format_dual
from game.ruleset.fields import SELF, TARGET
from game.ruleset.model import Ruleset

INDENT = "    "  # a line under a choice, a chance or an "if": one of its branches


def features_text(rules: Ruleset, features: Sequence[str]) -> str:
    """Area features in the words their records give: "factories and a railway station"."""
    return listed([rules.feature[feature].name for feature in features])


@attrs.frozen
class Voice:
    """Who the words are for: ``actor`` is whom ``self`` means, ``viewer`` reads "you" for their own faction."""

    rules: Ruleset
    actor: str | None = None
    viewer: str | None = None
    target: str | None = None  # the area aimed at, when known; else "the chosen place"

    def faction(self, faction: str | None) -> str:
        """A faction as the reader hears it: "you", or its short name."""
        who = self.actor if faction == SELF else faction
        if who is None:
            return "the chooser" if faction == SELF else "nobody"
        if who == self.viewer:
            return "you"
        return self.rules.faction[who].short if who in self.rules.faction else who

    def area(self, area: str | None) -> str:
        """An area's name ("the chosen place" for an aimed card or action whose place is not yet known)."""
        place = self.target if area == TARGET else area
        if place is None:
            return "the chosen place"
        name = self.rules.area[place].name if place in self.rules.area else place
        return "the" + name[3:] if name.startswith("The ") else name

    def unit(self, unit: str | None, count: int | None = None) -> str:
        """A unit type's name ("troops" when any type will do)."""
        if unit is None:
            return "troops" if count != 1 else "one unit"
        if unit not in self.rules.unit:
            return unit if count is None else f"{count} {unit}"
        kind = self.rules.unit[unit]
        return kind.name if count is None else kind.counted(count)

    def flag(self, flag: str, on: bool = True) -> str:
        """A flag as the rules word it: the statement true while it is set (``on``), or while it is not."""
        words = self.rules.flag[flag]
        return words.when_set if on else words.when_unset

    def for_(self, actor: str | None) -> "Voice":
        """The same reader, with ``self`` meaning ``actor`` (inside a choice)."""
        return attrs.evolve(self, actor=actor)


def verb(subject: str, singular: str, plural: str) -> str:
    """``Sovnarkom gains``, ``you gain``, ``the Whites gain``: a faction's name with its verb."""
    many = subject == "you" or subject.endswith("s")
    return f"{subject} {plural if many else singular}"


def possessive(name: str) -> str:
    """``Workers'``, ``the Duma's``."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def signed(number: int) -> str:
    """``+2`` or ``−1`` (a true minus sign)."""
    return f"+{number}" if number >= 0 else f"−{-number}"


# --- effects ---------------------------------------------------------------------------------------

Say = Callable[[Voice, Any], list[str]]
EFFECT_WORDS: dict[type, Say] = {}
CONDITION_WORDS: dict[type, Callable[[Voice, Any], str]] = {}


def says(kind: type) -> Callable[[Say], Say]:
    """Register the words for an effect kind."""
    def register(function: Say) -> Say:
        EFFECT_WORDS[kind] = function
        return function
    return register


def effect_lines(voice: Voice, effects: Sequence[v.Effect]) -> list[str]:
    """Each effect as one or more short lines; lines of a branch start with ``INDENT``."""
    lines: list[str] = []
    for effect in effects:
        say = EFFECT_WORDS.get(type(effect))
        lines += say(voice, effect) if say else [type(effect).__name__]
    return lines


def _indented(lines: list[str]) -> list[str]:
    return [INDENT + line for line in lines]


@says(v.ChangeTrack)
def _change_track(voice: Voice, e: v.ChangeTrack) -> list[str]:
    track = voice.rules.track[e.track]
    if e.faction is None:
        return [f"{track.name} {signed(e.by)}"]
    who = voice.faction(e.faction)
    gains = verb(who, "gains", "gain") if e.by >= 0 else verb(who, "loses", "lose")
    return [f"{gains[0].upper()}{gains[1:]} {abs(e.by)} {track.name.lower()}"]


@says(v.SetTrack)
def _set_track(voice: Voice, e: v.SetTrack) -> list[str]:
    track = voice.rules.track[e.track]
    owner = f" of {voice.faction(e.faction)}" if e.faction else ""
    return [f"{track.name}{owner} set to {e.to}"]


@says(v.ShiftSupport)
def _shift_support(voice: Voice, e: v.ShiftSupport) -> list[str]:
    return [f"{possessive(voice.rules.group[e.group].name)} support for {voice.faction(e.toward)} {signed(e.by)}"]


@says(v.SetFlag)
def _set_flag(voice: Voice, e: v.SetFlag) -> list[str]:
    return [_capital(voice.flag(e.flag))]


@says(v.ClearFlag)
def _clear_flag(voice: Voice, e: v.ClearFlag) -> list[str]:
    return [_capital(voice.flag(e.flag, on=False))]


@says(v.PlaceUnits)
def _place_units(voice: Voice, e: v.PlaceUnits) -> list[str]:
    owner = voice.faction(e.faction)
    whose = "of yours" if owner == "you" else f"({owner})"
    arrive = "arrives" if e.count == 1 else "arrive"
    return [f"{voice.unit(e.unit, e.count)} {whose} {arrive} in {voice.area(e.area)}"]


@says(v.RemoveUnits)
def _remove_units(voice: Voice, e: v.RemoveUnits) -> list[str]:
    owner = f" of {voice.faction(e.faction)}" if e.faction else ""
    units = voice.unit(e.unit, e.count) if e.count else f"all {voice.unit(e.unit)}"
    leave = "leaves" if e.count == 1 else "leave"
    return [f"{_capital(units)}{owner} {leave} {voice.area(e.area)}"]


@says(v.MoveUnits)
def _move_units(voice: Voice, e: v.MoveUnits) -> list[str]:
    owner = voice.faction(e.faction)
    return [f"{_capital(voice.unit(e.unit))} of {owner} go from {voice.area(e.source)} to {voice.area(e.to)}"]


@says(v.SetControl)
def _set_control(voice: Voice, e: v.SetControl) -> list[str]:
    return [f"{_capital(voice.area(e.area))} passes to {voice.faction(e.faction)}"]


@says(v.ClearControl)
def _clear_control(voice: Voice, e: v.ClearControl) -> list[str]:
    return [f"{_capital(voice.area(e.area))} is held by nobody"]


@says(v.SetStatus)
def _set_status(voice: Voice, e: v.SetStatus) -> list[str]:
    owner = f" of {voice.faction(e.faction)}" if e.faction else ""
    units = f"{_capital(voice.unit(e.unit))}{owner} in {voice.area(e.area)}"
    if e.status == "drunk":
        return [f"{units} get drunk" if e.value else f"{units} sober up"]
    return [f"{units} lose heart (strength halved)" if e.value else f"{units} recover their nerve"]


@says(v.Choice)
def _choice(voice: Voice, e: v.Choice) -> list[str]:
    chooser_id = voice.actor if e.faction == SELF else e.faction
    chooser = voice.for_(chooser_id)
    lines = [f"{_capital(verb(chooser.faction(chooser_id), 'chooses', 'choose'))}:"]
    for option in e.options:
        effects = effect_lines(chooser, option.effects)
        lines.append(f"{INDENT}{option.name}" + (":" if effects else " (nothing else happens)"))
        lines += _indented(_indented(effects))
    return lines


@says(v.Chance)
def _chance(voice: Voice, e: v.Chance) -> list[str]:
    total = sum(outcome.weight for outcome in e.outcomes) or 1
    lines = ["A roll decides:"]
    for outcome in e.outcomes:
        lines.append(f"{INDENT}{outcome.weight} in {total}: {outcome.name}")
        lines += _indented(_indented(effect_lines(voice, outcome.effects)))
    return lines


@says(v.If)
def _if(voice: Voice, e: v.If) -> list[str]:
    lines = [f"If {conditions_text(voice, e.when)}:"]
    lines += _indented(effect_lines(voice, e.then)) or [INDENT + "nothing"]
    if e.otherwise:
        lines.append("Otherwise:")
        lines += _indented(effect_lines(voice, e.otherwise))
    return lines


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- conditions ------------------------------------------------------------------------------------


def condition_words(kind: type) -> Callable[[Callable[[Voice, Any], str]], Callable[[Voice, Any], str]]:
    """Register the words for a condition kind."""
    def register(function: Callable[[Voice, Any], str]) -> Callable[[Voice, Any], str]:
        CONDITION_WORDS[kind] = function
        return function
    return register


def condition_text(voice: Voice, condition: v.Condition) -> str:
    """A condition as a statement that is true when it holds: "you hold Vyborg side"."""
    say = CONDITION_WORDS.get(type(condition))
    return say(voice, condition) if say else type(condition).__name__


def conditions_text(voice: Voice, conditions: Sequence[v.Condition]) -> str:
    """Several conditions joined: "A, B and C"."""
    return listed([condition_text(voice, condition) for condition in conditions]) or "always"


def _range(at_least: int | None, at_most: int | None) -> str:
    if at_least is not None and at_most is not None:
        return f"from {at_least} to {at_most}"
    return f"at least {at_least}" if at_least is not None else f"at most {at_most}"


@condition_words(v.TrackIs)
def _track_is(voice: Voice, c: v.TrackIs) -> str:
    name = voice.rules.track[c.track].name
    if c.faction is None:
        return f"{name} is {_range(c.at_least, c.at_most)}"
    return f"{verb(voice.faction(c.faction), 'has', 'have')} {_range(c.at_least, c.at_most)} {name.lower()}"


@condition_words(v.SupportIs)
def _support_is(voice: Voice, c: v.SupportIs) -> str:
    group = possessive(voice.rules.group[c.group].name)
    return f"{group} support for {voice.faction(c.faction)} is {_range(c.at_least, c.at_most)}"


@condition_words(v.Controls)
def _controls(voice: Voice, c: v.Controls) -> str:
    return f"{verb(voice.faction(c.faction), 'holds', 'hold')} {voice.area(c.area)}"


@condition_words(v.AreasControlled)
def _areas_controlled(voice: Voice, c: v.AreasControlled) -> str:
    kind = f" with {voice.rules.feature[c.feature].name}" if c.feature else ""
    places = "place" if c.at_least == 1 else "places"
    return f"{verb(voice.faction(c.faction), 'holds', 'hold')} at least {c.at_least} {places}{kind}"


@condition_words(v.UnitsPresent)
def _units_present(voice: Voice, c: v.UnitsPresent) -> str:
    owner = voice.faction(c.faction) if c.faction else ""
    units = voice.unit(c.unit)
    whose = " of yours" if owner == "you" else f" of {owner}" if owner else ""
    where = f" in {voice.area(c.area)}" if c.area else " on the board"
    if c.at_most is not None and c.at_least is None:
        return f"at most {c.at_most} {units}{whose} stand{where}"
    count = "" if c.at_least in (None, 1) else f"at least {c.at_least} "
    return f"{count}{units}{whose} stand{where}"


@condition_words(v.HasFeature)
def _has_feature(voice: Voice, c: v.HasFeature) -> str:
    return f"{voice.area(c.area)} has {voice.rules.feature[c.feature].name}"


@condition_words(v.FlagSet)
def _flag_set(voice: Voice, c: v.FlagSet) -> str:
    return voice.flag(c.flag)


@condition_words(v.DecreeIssued)
def _decree_issued(voice: Voice, c: v.DecreeIssued) -> str:
    return f"the {voice.rules.decree[c.decree].name} has been issued"


@condition_words(v.EventFired)
def _event_fired(voice: Voice, c: v.EventFired) -> str:
    return f"“{voice.rules.event[c.event].name}” has happened"


@condition_words(v.DateIs)
def _date_is(voice: Voice, c: v.DateIs) -> str:
    parts = []
    if c.on_or_after is not None:
        parts.append(f"from {format_dual(c.on_or_after)}")
    if c.before is not None:
        parts.append(f"before {format_dual(c.before)}")
    return "it is " + " and ".join(parts)


@condition_words(v.TurnIs)
def _turn_is(voice: Voice, c: v.TurnIs) -> str:
    return f"the turn is {_range(c.at_least, c.at_most)}"


@condition_words(v.AnyOf)
def _any_of(voice: Voice, c: v.AnyOf) -> str:
    return "either " + " or ".join(condition_text(voice, inner) for inner in c.conditions)


@condition_words(v.Not)
def _not(voice: Voice, c: v.Not) -> str:
    inner = c.condition
    if isinstance(inner, v.FlagSet):
        return voice.flag(inner.flag, on=False)
    if isinstance(inner, v.Controls):
        return f"{verb(voice.faction(inner.faction), 'does', 'do')} not hold {voice.area(inner.area)}"
    if isinstance(inner, v.DecreeIssued):
        return f"the {voice.rules.decree[inner.decree].name} has not been issued"
    if isinstance(inner, v.EventFired):
        return f"“{voice.rules.event[inner.event].name}” has not happened"
    if isinstance(inner, v.UnitsPresent) and inner.at_most is None and inner.at_least in (None, 1):
        return "no " + condition_text(voice, inner)
    return f"it is not so that {condition_text(voice, inner)}"
