"""The frozen rules of a game: what the YAML files say, validated and typed.

Every record carries the teaching layer (``date``, ``history``, ``source``,
``discuss``) so that the front end and the encyclopedia can show it. Dates are
Old Style, as the documents of 1917 give them; see ``game.ruleset.calendar``.
"""

import datetime
from collections.abc import Mapping as MappingType
from types import MappingProxyType
from typing import Any, ClassVar, Literal

import attrs

from game.ruleset.board import Board, Point
from game.ruleset.entry import Entry
from game.ruleset.fields import actor_scope, aimed_scope, id_field, keyed, ref, switches_on
from game.ruleset.problems import UnknownScenarioError
from game.ruleset.reader import Scope
from game.ruleset.victory import FactionVictory, Victory
from game.ruleset.vocabulary import Condition, Effect
from game.ruleset.yamlnodes import Mapping

Symbol = Literal["star", "circle", "triangle", "square", "diamond", "cross", "hexagon"]
FillPattern = Literal["solid", "hatch", "crosshatch", "dots", "stripes", "checks"]
AreaKind = Literal["district", "site", "approach", "offmap"]
TieBreak = Literal["influence", "support", "areas", "strength"]
ActionKind = Literal["move", "attack", "agitate", "effect"]


@attrs.frozen(kw_only=True)
class Priority:
    """One line of a faction's flowchart for the easy bot: the first line with a matching legal move decides.

    A line names the moves it wants by exactly one of ``action``, ``kind``,
    ``decree``, ``card``, ``choose`` or ``pass``; ``when`` must hold for the
    line to count, and ``target`` must hold for the area a move aims at.
    """

    reason: str  # what the bot says when this line decides, e.g. "take an undefended place"
    when: tuple[Condition, ...] = actor_scope(default=())
    action: str | None = ref("actions", default=None)
    kind: ActionKind | None = None
    decree: str | None = ref("decrees", specials=("any",), default=None)
    card: str | None = ref("cards", specials=("any",), default=None)
    choose: str | None = None  # an option id of a choice
    pass_turn: bool = keyed("pass", default=False)
    target: tuple[Condition, ...] = aimed_scope(default=())


@attrs.frozen(kw_only=True)
class Faction(Entry):
    """A seat at the table, or a force with rules but no player (``seat: false``)."""

    collection = "factions"
    short: str
    colour: str
    symbol: Symbol = "circle"
    pattern: FillPattern = "solid"  # how the faction's areas are filled, beside the colour
    seat: bool = True
    goals: str = ""
    income: int = 0
    hand_size: int = 0
    victory: Victory = Victory()
    priorities: tuple[Priority, ...] = ()  # the easy bot's flowchart, first line first


@attrs.frozen(kw_only=True)
class Group(Entry):
    """A social group whose support the factions compete for; ``size`` points in all."""

    collection = "groups"
    size: int = 10


@attrs.frozen(kw_only=True)
class Track(Entry):
    """A public counter: one value for the city, or one per seated faction."""

    collection = "tracks"
    scope: Literal["city", "faction"] = "city"
    min: int = 0
    max: int
    start: int = 0
    unit: str = ""


@attrs.frozen(kw_only=True)
class Feature:
    """Something a place may have (wine cellars, a railway station) that the rules can test, with its words."""

    collection: ClassVar[str] = "features"
    id: str = id_field()
    name: str  # as a part of a sentence: "wine cellars", "a railway station", "the telephone exchange"


@attrs.frozen(kw_only=True)
class Area(Entry):
    """A place on the board, with its neighbours, rail links and drawing position."""

    collection = "areas"
    kind: AreaKind
    at: Point
    polygon: tuple[Point, ...] = ()
    adjacent: tuple[str, ...] = ref("areas")
    rail: tuple[str, ...] = ref("areas", default=())
    features: tuple[str, ...] = switches_on("features", default=())  # the place has them, so tests of them can hold
    influence: int = 0
    defence: int = 0


@attrs.frozen(kw_only=True)
class Bonus:
    """Extra strength for a unit standing in an area with ``feature``."""

    feature: str = ref("features")
    strength: int


@attrs.frozen(kw_only=True)
class UnitType(Entry):
    """A kind of unit: its strength and the special rules it follows."""

    collection = "units"
    strength: int
    can_get_drunk: bool = False
    agitation: Literal["none", "join", "demoralise"] = "none"
    bonuses: tuple[Bonus, ...] = ()
    one: str = ""  # one unit, counted: "1 Armoured car" (the name if empty)
    many: str = ""  # several, counted: "2 Garrison regiments" (the name if empty)

    def counted(self, count: int) -> str:
        """A number of these units in words: ``1 Armoured car``, ``3 Red Guards``."""
        return f"{count} {(self.one if count == 1 else self.many) or self.name}"


@attrs.frozen(kw_only=True)
class Odds:
    """Weights of success and failure for an agitation roll."""

    success: int
    failure: int
    plus_support: str | None = ref("groups", default=None)


@attrs.frozen(kw_only=True)
class Action(Entry):
    """Something a faction may do on its turn in the action rounds."""

    collection = "actions"
    kind: ActionKind
    factions: tuple[str, ...] = ref("factions", default=())  # empty: every seat
    cost: int = 0
    per_turn: int = 0  # 0: no limit beyond the faction's actions per turn
    via: Literal["road", "rail"] = "road"
    target: Literal["none", "area"] = "none"
    odds: Odds | None = None
    requires: tuple[Condition, ...] = ()
    effects: tuple[Effect, ...] = ()

    @staticmethod
    def inner_scope(node: Mapping, outer: Scope) -> Scope:
        """A faction acts; moves, attacks, agitation and area actions aim at an area."""
        values = {key.text: getattr(value, "text", None) for key, value in node.entries}
        aimed = values.get("kind") in ("move", "attack", "agitate") or values.get("target") == "area"
        return Scope(actor=True, target=aimed)


@attrs.frozen(kw_only=True)
class Decree(Entry):
    """A law the issuing faction may pass once, as an action."""

    collection = "decrees"
    issuer: str = ref("factions")
    cost: int = 0
    requires: tuple[Condition, ...] = ()
    effects: tuple[Effect, ...] = ()

    @staticmethod
    def inner_scope(node: Mapping, outer: Scope) -> Scope:
        """The issuer acts."""
        return Scope(actor=True)


@attrs.frozen(kw_only=True)
class Window:
    """The turns in which a historical event may arrive, by their dates."""

    start: datetime.date = keyed("from")
    end: datetime.date = keyed("to")

    def overlaps(self, first: datetime.date, last: datetime.date) -> bool:
        """Whether some day from ``first`` to ``last`` (both included) lies in the window."""
        return self.start <= last and self.end >= first


@attrs.frozen(kw_only=True)
class Event(Entry):
    """A historical event (with a window) or a card of the random deck (without)."""

    collection = "events"
    window: Window | None = None
    requires: tuple[Condition, ...] = ()
    effects: tuple[Effect, ...] = ()


@attrs.frozen(kw_only=True)
class Card(Entry):
    """An initiative card in a faction's hidden hand."""

    collection = "cards"
    faction: str = ref("factions")
    copies: int = 1
    cost: int = 0
    target: Literal["none", "area"] = "none"
    requires: tuple[Condition, ...] = ()
    effects: tuple[Effect, ...] = ()

    @staticmethod
    def inner_scope(node: Mapping, outer: Scope) -> Scope:
        """The holder acts; a card with ``target: area`` aims at one."""
        aimed = any(key.text == "target" and getattr(value, "text", None) == "area" for key, value in node.entries)
        return Scope(actor=True, target=aimed)


@attrs.frozen(kw_only=True)
class Flag:
    """A named switch that effects turn on and off, with what players read while it is on and while it is off."""

    collection: ClassVar[str] = "flags"
    id: str = id_field()
    when_set: str = keyed("set")  # a statement true while it is set: "Smolny has fallen to the Whites"
    when_unset: str = keyed("unset")  # and while it is not: "Smolny stands"
    # Why something that needs the flag off is closed while it is on, where "only if <unset>" would not say it well.
    bar: str | None = None


@attrs.frozen(kw_only=True)
class Term(Entry):
    """A glossary entry: ``name`` is the term."""

    collection = "glossary"
    definition: str
    matches: tuple[str, ...] = ()  # words that count as using the term; default: its name


@attrs.frozen(kw_only=True)
class Combat:
    """Dice for combat: each side rolls one die and adds its strength."""

    die: int = 6
    decisive_margin: int = 3


@attrs.frozen(kw_only=True)
class Scenario(Entry):
    """The set-up and the calendar of one game."""

    collection = "scenarios"
    seats: tuple[str, ...] = ref("factions")  # in initiative order
    turns: tuple[datetime.date, ...]  # the Old Style date each turn begins
    end: datetime.date
    actions_per_turn: int = 4
    support_per_influence: int = 4
    combat: Combat = Combat()
    victory: tuple[FactionVictory, ...] = ()
    # Equal points at the end are settled by these measures in order; seats still level share the win.
    tie_breaks: tuple[TieBreak, ...] = ()
    setup: tuple[Effect, ...] = ()
    upkeep: tuple[Effect, ...] = ()

    def can_arrive(self, event: Event) -> bool:
        """Whether the event could come up in this scenario: it has no window, or one within its dates."""
        return event.window is None or event.window.overlaps(self.turns[0], self.end)


def _index(entries: tuple[Entry, ...]) -> MappingType[str, Any]:
    return MappingProxyType({entry.id: entry for entry in entries})


@attrs.frozen(kw_only=True)
class Ruleset:
    """Everything static about a game, with lookups by id."""

    factions: tuple[Faction, ...]
    groups: tuple[Group, ...]
    tracks: tuple[Track, ...]
    areas: tuple[Area, ...]
    units: tuple[UnitType, ...]
    actions: tuple[Action, ...]
    decrees: tuple[Decree, ...]
    events: tuple[Event, ...]
    cards: tuple[Card, ...] = ()
    flags: tuple[Flag, ...] = ()
    features: tuple[Feature, ...] = ()
    glossary: tuple[Term, ...] = ()
    scenarios: tuple[Scenario, ...]
    board: Board = Board()
    content_hash: str = ""
    # The scenario being played: by default the first.
    scenario: Scenario = attrs.field(default=attrs.Factory(lambda self: self.scenarios[0], takes_self=True))

    faction: MappingType[str, Faction] = attrs.field(init=False, eq=False, repr=False)
    group: MappingType[str, Group] = attrs.field(init=False, eq=False, repr=False)
    track: MappingType[str, Track] = attrs.field(init=False, eq=False, repr=False)
    area: MappingType[str, Area] = attrs.field(init=False, eq=False, repr=False)
    unit: MappingType[str, UnitType] = attrs.field(init=False, eq=False, repr=False)
    action: MappingType[str, Action] = attrs.field(init=False, eq=False, repr=False)
    decree: MappingType[str, Decree] = attrs.field(init=False, eq=False, repr=False)
    event: MappingType[str, Event] = attrs.field(init=False, eq=False, repr=False)
    card: MappingType[str, Card] = attrs.field(init=False, eq=False, repr=False)
    flag: MappingType[str, Flag] = attrs.field(init=False, eq=False, repr=False)
    feature: MappingType[str, Feature] = attrs.field(init=False, eq=False, repr=False)
    # Positions used by the engine's compact state, all in file order.
    city_track_index: MappingType[str, int] = attrs.field(init=False, eq=False, repr=False)
    faction_track_index: MappingType[str, int] = attrs.field(init=False, eq=False, repr=False)
    group_index: MappingType[str, int] = attrs.field(init=False, eq=False, repr=False)
    area_index: MappingType[str, int] = attrs.field(init=False, eq=False, repr=False)
    seat_index: MappingType[str, int] = attrs.field(init=False, eq=False, repr=False)
    # Each faction's terms of victory in the scenario being played (see ``victory_of``).
    victories: MappingType[str, Victory] = attrs.field(init=False, eq=False, repr=False)

    @scenario.validator
    def _played_scenario_is_one_of_the_rules(self, attribute: "attrs.Attribute[Scenario]", value: Scenario) -> None:
        if value not in self.scenarios:
            known = ", ".join(scenario.id for scenario in self.scenarios)
            raise ValueError(f"the scenario '{value.id}' is not one of the rules' scenarios ({known})")

    def __attrs_post_init__(self) -> None:
        for name in ("faction", "group", "track", "area", "unit", "action", "decree", "event", "card", "flag",
                     "feature"):
            object.__setattr__(self, name, _index(getattr(self, name + "s")))
        positions = {
            "city_track_index": [track.id for track in self.tracks if track.scope == "city"],
            "faction_track_index": [track.id for track in self.tracks if track.scope == "faction"],
            "group_index": [group.id for group in self.groups],
            "area_index": [area.id for area in self.areas],
            "seat_index": list(self.scenario.seats),
        }
        for name, ids in positions.items():
            object.__setattr__(self, name, MappingProxyType({value: index for index, value in enumerate(ids)}))
        scenario_terms = {victory.faction: victory for victory in self.scenario.victory}
        object.__setattr__(self, "victories", MappingProxyType(
            {faction.id: scenario_terms.get(faction.id, faction.victory) for faction in self.factions}))

    @property
    def id(self) -> str:
        """The ruleset's id: its scenario's."""
        return self.scenario.id

    @property
    def seats(self) -> tuple[str, ...]:
        """The seated factions in initiative order."""
        return self.scenario.seats

    def with_scenario(self, scenario_id: str) -> "Ruleset":
        """The same rules set up for another of their scenarios; ``UnknownScenarioError`` if there is none."""
        if scenario_id == self.scenario.id:
            return self
        chosen = next((scenario for scenario in self.scenarios if scenario.id == scenario_id), None)
        if chosen is None:
            raise UnknownScenarioError(scenario_id, tuple(scenario.id for scenario in self.scenarios))
        return attrs.evolve(self, scenario=chosen)

    def victory_of(self, faction_id: str) -> Victory:
        """How a faction wins in the scenario being played: the scenario's own terms, else the faction's."""
        return self.victories[faction_id]

    def city_tracks(self) -> tuple[Track, ...]:
        """Tracks with one value for the whole city, in state order."""
        return tuple(self.track[track_id] for track_id in self.city_track_index)

    def faction_tracks(self) -> tuple[Track, ...]:
        """Tracks with one value per seated faction, in state order."""
        return tuple(self.track[track_id] for track_id in self.faction_track_index)
