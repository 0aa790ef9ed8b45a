"""Checks that need the whole ruleset: ids resolve, the map is consistent, numbers make sense."""

import re
from collections.abc import Iterator
from typing import Any

import attrs

from game.ruleset import vocabulary as v
from game.ruleset.problems import Mark, Problem, did_you_mean
from game.ruleset.reader import INVALID, Reader

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
MAX_DIE = 100
# The fields a reader sees; a glossary term used in one of them is listed in the record's terms.
_TEACHING_TEXT = ("name", "history", "discuss", "goals", "definition")


def walk(obj: Any) -> Iterator[Any]:
    """Every attrs record inside ``obj`` (itself included), depth first, in written order."""
    if isinstance(obj, tuple):
        for item in obj:
            yield from walk(item)
    elif attrs.has(type(obj)):
        yield obj
        for field in attrs.fields(type(obj)):
            if field.init:
                yield from walk(getattr(obj, field.name))


def check_rules(reader: Reader, sections: dict[str, Any]) -> None:
    """Append to ``reader.problems`` everything wrong across sections."""
    checker = _Checker(reader, sections)
    checker.check_ids()
    checker.check_references()
    checker.check_map()
    checker.check_records()
    checker.check_owners()
    scenarios = sections["scenarios"]
    for scenario in scenarios:
        checker.check_scenario(scenario)
    defined = sum(1 for definition in reader.definitions if definition.collection == "scenarios")
    if scenarios and len(scenarios) == defined and all(scenario.turns for scenario in scenarios):
        # With a scenario left out for its own problems, the windows cannot be judged.
        checker.check_windows(scenarios)
    checker.check_influence()
    if sections["board"] is not INVALID:
        checker.check_board(sections["board"])
    checker.check_terms()


class _Checker:
    def __init__(self, reader: Reader, sections: dict[str, Any]) -> None:
        self.reader = reader
        self.sections = sections
        self.everything = tuple(item for items in sections.values() if items is not INVALID
                                for item in (items if isinstance(items, tuple) else (items,)))

    def problem(self, obj: Any, message: str, suffix: str = "") -> None:
        mark, path = self.reader.origin(obj) or (Mark("rules", 1, 1), "")
        self.reader.problems.append(Problem(mark, path + suffix, message))

    def check_ids(self) -> None:
        first: dict[tuple[str, str], Mark] = {}
        for definition in self.reader.definitions:
            if definition.shared:
                continue
            key = (definition.collection, definition.value)
            if key in first:
                message = f"duplicate id '{definition.value}' in {definition.collection} (first at {first[key]})"
                self.reader.problems.append(Problem(definition.mark, definition.path + ".id", message))
            else:
                first[key] = definition.mark

    def known_ids(self) -> dict[str, set[str]]:
        known: dict[str, set[str]] = {}
        for definition in self.reader.definitions:
            known.setdefault(definition.collection, set()).add(definition.value)
        return known

    def check_references(self) -> None:
        known = self.known_ids()
        nouns = {"features": "area feature", "flags": "flag", "glossary": "glossary term"}
        for reference in self.reader.references:
            ids = known.get(reference.collection, set())
            if reference.value in ids:
                continue
            noun = nouns.get(reference.collection, reference.collection.rstrip("s"))
            if reference.collection == "flags":
                message = f"flag '{reference.value}' is never set by any set_flag"
            else:
                message = f"unknown {noun} '{reference.value}'"
            message += did_you_mean(reference.value, sorted(ids))
            self.reader.problems.append(Problem(reference.mark, reference.path, message))

    def check_map(self) -> None:
        areas = {area.id: area for area in self.sections["areas"]}
        for area in self.sections["areas"]:
            for link in ("adjacent", "rail"):
                links = getattr(area, link)
                for index, other in enumerate(links):
                    suffix = f".{link}[{index}]"
                    if other in links[:index]:
                        self.problem(area, f"'{other}' is listed twice in {link}", suffix)
                    elif other == area.id:
                        self.problem(area, f"'{area.id}' lists itself in {link}", suffix)
                    elif other in areas and area.id not in getattr(areas[other], link):
                        message = f"'{area.id}' lists '{other}' in {link}, but '{other}' does not list '{area.id}'"
                        self.problem(area, message, suffix)

    def check_records(self) -> None:
        tracks = {track.id: track for track in self.sections["tracks"]}
        for record in walk(self.everything):
            check = getattr(self, f"check_{type(record).__name__}", None)
            if check is not None:
                check(record)
            if isinstance(record, (v.ChangeTrack, v.SetTrack, v.TrackIs)) and record.track in tracks:
                self.check_track_use(record, tracks[record.track].scope)

    def check_track_use(self, record: Any, scope: str) -> None:
        if scope == "faction" and record.faction is None:
            self.problem(record, f"track '{record.track}' has one value per faction; say which with 'faction:'")
        if scope == "city" and record.faction is not None:
            self.problem(record, f"track '{record.track}' is one value for the whole city; remove 'faction:'")

    def check_Faction(self, faction: Any) -> None:
        if not _COLOUR.fullmatch(faction.colour):
            self.problem(faction, f"colour '{faction.colour}' must be written #rrggbb", ".colour")
        for name in ("income", "hand_size"):
            self.not_negative(faction, name)

    def check_Track(self, track: Any) -> None:
        if track.min >= track.max:
            self.problem(track, f"min ({track.min}) must be below max ({track.max})")
        elif not track.min <= track.start <= track.max:
            self.problem(track, f"start ({track.start}) must lie between min and max", ".start")

    def check_Area(self, area: Any) -> None:
        self.not_negative(area, "influence")
        self.not_negative(area, "defence")

    def check_Group(self, group: Any) -> None:
        if group.size < 1:
            self.problem(group, "size must be at least 1", ".size")

    def check_UnitType(self, unit: Any) -> None:
        self.not_negative(unit, "strength")

    def check_Action(self, action: Any) -> None:
        self.not_negative(action, "cost")
        self.not_negative(action, "per_turn")
        if (action.kind == "agitate") != (action.odds is not None):
            self.problem(action, "agitate actions need 'odds', and only they take it")
        if action.kind != "move" and action.via != "road":
            self.problem(action, "only move actions take 'via'", ".via")
        if action.kind != "effect" and action.target != "none":
            self.problem(action, f"{action.kind} actions always aim at an area; remove 'target'", ".target")

    def check_Decree(self, decree: Any) -> None:
        self.not_negative(decree, "cost")

    def check_Card(self, card: Any) -> None:
        self.not_negative(card, "cost")
        if card.copies < 1:
            self.problem(card, "copies must be at least 1", ".copies")

    def check_Event(self, event: Any) -> None:
        if event.window is not None and event.window.start > event.window.end:
            self.problem(event, "the window's 'from' date comes after its 'to' date", ".window")

    def check_Odds(self, odds: Any) -> None:
        if odds.success < 0 or odds.failure < 0 or odds.success + odds.failure < 1:
            self.problem(odds, "odds need non-negative weights that add up to at least 1")

    def check_Choice(self, choice: Any) -> None:
        self.unique_ids(choice, choice.options, "option")

    def check_Chance(self, chance: Any) -> None:
        self.unique_ids(chance, chance.outcomes, "outcome")
        for outcome in chance.outcomes:
            if outcome.weight < 1:
                self.problem(outcome, "an outcome's weight must be at least 1", ".weight")

    def check_PlaceUnits(self, place: Any) -> None:
        if place.count < 1:
            self.problem(place, "count must be at least 1", ".count")

    def check_RemoveUnits(self, remove: Any) -> None:
        if remove.count is not None and remove.count < 1:
            self.problem(remove, "count must be at least 1; leave it out to remove them all", ".count")

    def unique_ids(self, owner: Any, items: tuple[Any, ...], noun: str) -> None:
        if not items:
            self.problem(owner, f"needs at least one {noun}")
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                self.problem(item, f"duplicate {noun} id '{item.id}'", ".id")
            seen.add(item.id)

    def not_negative(self, record: Any, name: str) -> None:
        if getattr(record, name) < 0:
            self.problem(record, f"{name} must not be negative", f".{name}")

    def check_owners(self) -> None:
        """Decrees and cards of a force without a seat could never be used."""
        factions = {faction.id: faction for faction in self.sections["factions"]}
        owners = [(decree, decree.issuer, ".issuer") for decree in self.sections["decrees"]]
        owners += [(card, card.faction, ".faction") for card in self.sections["cards"]]
        for record, owner, suffix in owners:
            if owner in factions and not factions[owner].seat:
                self.problem(record, f"'{owner}' has no seat, so no one could ever use this", suffix)

    def check_windows(self, scenarios: tuple[Any, ...]) -> None:
        """An event whose window lies outside every scenario's dates would never arrive."""
        spans = [(scenario.turns[0], scenario.end) for scenario in scenarios]
        for event in self.sections["events"]:
            window = event.window
            if window is not None and not any(window.start <= end and window.end >= first for first, end in spans):
                dates = ", ".join(f"{first} to {end}" for first, end in spans)
                self.problem(event, f"the window lies outside every scenario ({dates}); "
                                    "the event could never arrive", ".window")

    def check_influence(self) -> None:
        tracks = {track.id: track for track in self.sections["tracks"]}
        if "influence" not in tracks or tracks["influence"].scope != "faction":
            owner = tracks.get("influence") or next(iter(self.sections["scenarios"]), None)
            message = "the rules need a track 'influence' with 'scope: faction': every cost is paid from it"
            self.problem(owner, message)
        elif tracks["influence"].min != 0:
            self.problem(tracks["influence"], "influence must have 'min: 0', or costs at the minimum are free",
                         ".min")

    def check_scenario(self, scenario: Any) -> None:
        factions = {faction.id: faction for faction in self.sections["factions"]}
        for index, seat in enumerate(scenario.seats):
            if seat in factions and not factions[seat].seat:
                self.problem(scenario, f"'{seat}' is a force without a seat ('seat: false')", f".seats[{index}]")
        if len(set(scenario.seats)) != len(scenario.seats) or not scenario.seats:
            self.problem(scenario, "seats must list each seated faction once", ".seats")
        if not scenario.turns or list(scenario.turns) != sorted(set(scenario.turns)):
            self.problem(scenario, "turns must list at least one date, each later than the one before", ".turns")
        elif scenario.end < scenario.turns[-1]:
            self.problem(scenario, "the end date comes before the last turn begins", ".end")
        if scenario.actions_per_turn < 1 or scenario.support_per_influence < 1:
            self.problem(scenario, "actions_per_turn and support_per_influence must be at least 1")
        if not 2 <= scenario.combat.die <= MAX_DIE:
            self.problem(scenario, f"the combat die needs 2 to {MAX_DIE} sides", ".combat.die")
        if scenario.combat.decisive_margin < 1:
            self.problem(scenario, "decisive_margin must be at least 1: a tie is never a win",
                         ".combat.decisive_margin")
        for record in walk(scenario.setup):
            if isinstance(record, (v.Choice, v.Chance)):
                self.problem(record, "the setup happens before play, so it cannot hold a choice or a chance")
        listed: set[str] = set()
        for index, victory in enumerate(scenario.victory):
            suffix = f".victory[{index}].faction"
            if victory.faction in listed:
                self.problem(scenario, f"'{victory.faction}' is listed twice in victory", suffix)
            elif victory.faction in factions and victory.faction not in scenario.seats:
                self.problem(scenario, f"'{victory.faction}' has no seat in this scenario", suffix)
            listed.add(victory.faction)

    def check_board(self, board: Any) -> None:
        """Everything drawn fits on the sheet, and bridges and railways follow the map's links."""
        width, height = board.size
        if width < 1 or height < 1:
            self.problem(board, "size must be two positive numbers: width and height", ".size")
            return
        areas = {area.id: area for area in self.sections["areas"]}
        shapes = [(area, "at", (area.at,)) for area in areas.values()]
        shapes += [(area, "polygon", area.polygon) for area in areas.values()]
        shapes += [(water, "polygon", water.polygon) for water in board.water]
        shapes += [(water, "label_at", (water.label_at,)) for water in board.water if water.label_at]
        shapes += [(item, "line", item.line) for item in (*board.bridges, *board.railways)]
        for record, name, points in shapes:
            outside = next((point for point in points if not (0 <= point[0] <= width and 0 <= point[1] <= height)),
                           None)
            if outside is not None:
                self.problem(record, f"point {list(outside)} lies outside the board ({width} x {height})", f".{name}")
            if name == "polygon" and 0 < len(points) < 3:
                self.problem(record, "a polygon needs at least three points", ".polygon")
        for bridge in board.bridges:
            if len(bridge.links) != 2 or len(bridge.line) != 2:
                self.problem(bridge, "a bridge joins two areas ('links') with one straight 'line' of two points")
            elif set(bridge.links) <= set(areas) and bridge.links[1] not in areas[bridge.links[0]].adjacent:
                self.problem(bridge, f"'{bridge.links[0]}' and '{bridge.links[1]}' are not adjacent; "
                                     "a bridge is drawn on a road link", ".links")
        drawn = set()
        for railway in board.railways:
            if len(railway.stops) < 2 or 0 < len(railway.line) < 2:
                self.problem(railway, "a railway needs at least two stops, and a line of at least two points")
            for index, (first, second) in enumerate(zip(railway.stops, railway.stops[1:])):
                drawn.add(frozenset((first, second)))
                if first in areas and second in areas and second not in areas[first].rail:
                    self.problem(railway, f"'{first}' and '{second}' have no rail link; add it to their 'rail'",
                                 f".stops[{index + 1}]")
        if board.railways:
            for area in areas.values():
                for index, other in enumerate(area.rail):
                    if area.id < other and frozenset((area.id, other)) not in drawn:
                        self.problem(area, f"the rail link to '{other}' is on no railway in board.railways",
                                     f".rail[{index}]")

    def check_terms(self) -> None:
        """Text that uses a glossary term lists it in ``terms``, so the encyclopedia can link them."""
        words = {term.id: term.matches or (term.name,) for term in self.sections["glossary"]}
        patterns = {term: re.compile("|".join(rf"\b{re.escape(word)}\b" for word in matches), re.IGNORECASE)
                    for term, matches in words.items()}
        for record in walk(self.everything):
            if not isinstance(getattr(record, "terms", None), tuple):
                continue
            text = " ".join(getattr(record, name, "") or "" for name in _TEACHING_TEXT)
            for term, pattern in patterns.items():
                itself = record.collection == "glossary" and term == record.id
                if not itself and term not in record.terms and pattern.search(text):
                    self.problem(record, f"the text uses the glossary term '{term}'; add it to 'terms'", ".terms")
