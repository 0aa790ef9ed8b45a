"""Checks that need the whole ruleset: ids resolve, the map is consistent, numbers make sense."""

import re
from collections.abc import Iterator
from typing import Any

import attrs

from game.ruleset import vocabulary as v
from game.ruleset.board_checks import BoardChecks
from game.ruleset.problems import Mark, Problem, did_you_mean
from game.ruleset.reader import INVALID, Reader, Reference

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
MAX_DIE = 100
_NOUNS = {"features": "area feature", "glossary": "glossary term"}  # an unknown id's noun, where not its section's
# Where to declare an id nothing declares or resembles: the sections whose ids carry the words players read.
_DECLARE = {"flags": "; declare it under 'flags:' (flags.yaml), with its wording",
            "features": "; declare it under 'features:' (map.yaml), with the words players read"}
# What is wrong with a use of a declared id that nothing turns on.
_NEVER_ON = {"flags": "flag '{}' is never set by any set_flag",
             "features": "area feature '{}' is on no area's features, so this could never count"}
# The fields a reader sees, and how a problem names each: a glossary term used in one is listed in ``terms``.
_TEACHING_TEXT = {"name": "the name uses", "history": "the history uses", "discuss": "the discussion question uses",
                  "goals": "the goals use", "definition": "the definition uses"}


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


def term_pattern(word: str) -> re.Pattern[str]:
    """Where ``word`` is used: whole, in any case, its spaces matching any run of spaces or line breaks."""
    body = r"\s+".join(re.escape(part) for part in word.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def check_rules(reader: Reader, sections: dict[str, Any], *, scenarios_complete: bool,
                areas_complete: bool) -> None:
    """Append to ``reader.problems`` everything wrong across sections.

    ``scenarios_complete`` says whether every entry of ``scenarios`` was read. With one left out (or
    none there), the flags the scenarios set and the dates they span are not known, so the checks
    that need them are skipped rather than report problems that are not there. ``areas_complete``
    says the same of ``areas`` and the features the areas have.
    """
    checker = _Checker(reader, sections, scenarios_complete, areas_complete)
    checker.check_ids()
    checker.check_references()
    checker.check_map()
    checker.check_records()
    checker.check_owners()
    scenarios = sections["scenarios"]
    for scenario in scenarios:
        checker.check_scenario(scenario)
    if scenarios_complete and all(scenario.turns for scenario in scenarios):
        checker.check_windows(scenarios)
    checker.check_influence()
    if sections["board"] is not INVALID:
        checker.check_board(sections["board"])
    checker.check_terms()


class _Checker(BoardChecks):
    def __init__(self, reader: Reader, sections: dict[str, Any], scenarios_complete: bool,
                 areas_complete: bool) -> None:
        self.reader = reader
        self.sections = sections
        self.scenarios_complete = scenarios_complete
        self.areas_complete = areas_complete
        self.everything = tuple(item for items in sections.values() if items is not INVALID
                                for item in (items if isinstance(items, tuple) else (items,)))
        self.factions = {faction.id: faction for faction in sections["factions"]}
        self.areas = {area.id: area for area in sections["areas"]}
        self.tracks = {track.id: track for track in sections["tracks"]}

    def problem(self, obj: Any, message: str, suffix: str = "") -> None:
        mark, path = self.reader.origin(obj) or (Mark("rules", 1, 1), "")
        self.reader.problems.append(Problem(mark, path + suffix, message))

    def check_ids(self) -> None:
        first: dict[tuple[str, str], Mark] = {}
        for definition in self.reader.definitions:
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
        turned_on = {(reference.collection, reference.value) for reference in self.reader.references if reference.sets}
        judged = {collection for collection in _NEVER_ON if self.all_turned_on_known(collection, turned_on, known)}
        for reference in self.reader.references:
            ids = known.get(reference.collection, set())
            if reference.value not in ids:
                self.reader.problems.append(Problem(reference.mark, reference.path, _unknown(reference, ids)))
            elif reference.collection in judged and (reference.collection, reference.value) not in turned_on:
                # Testing it (or clearing a flag) would do nothing: a condition on it could never hold.
                message = _NEVER_ON[reference.collection].format(reference.value)
                self.reader.problems.append(Problem(reference.mark, reference.path, message))

    def all_turned_on_known(self, collection: str, turned_on: set[tuple[str, str]], known: dict[str, set[str]]) -> bool:
        """Whether every flag set (feature an area has) is known: all scenarios (areas) read, and none misspelt.

        A record that was not read, or a set_flag or an area's feature naming an unknown id (a typo),
        may be what turns an id on; then no use of one is judged to be never on.
        """
        complete = self.scenarios_complete if collection == "flags" else self.areas_complete
        return complete and all(value in known.get(collection, set()) for kind, value in turned_on
                                if kind == collection)

    def check_map(self) -> None:
        for area in self.sections["areas"]:
            for link in ("adjacent", "rail"):
                links = getattr(area, link)
                for index, other in enumerate(links):
                    suffix = f".{link}[{index}]"
                    if other in links[:index]:
                        self.problem(area, f"'{other}' is listed twice in {link}", suffix)
                    elif other == area.id:
                        self.problem(area, f"'{area.id}' lists itself in {link}", suffix)
                    elif other in self.areas and area.id not in getattr(self.areas[other], link):
                        message = f"'{area.id}' lists '{other}' in {link}, but '{other}' does not list '{area.id}'"
                        self.problem(area, message, suffix)

    def check_records(self) -> None:
        for record in walk(self.everything):
            check = getattr(self, f"check_{type(record).__name__}", None)
            if check is not None:
                check(record)
            if isinstance(record, (v.ChangeTrack, v.SetTrack, v.TrackIs)) and record.track in self.tracks:
                self.check_track_use(record, self.tracks[record.track].scope)

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
        if faction.priorities and not faction.seat:
            self.problem(faction, "a force without a seat never plays, so its priorities would never be used",
                         ".priorities")

    def check_Priority(self, priority: Any) -> None:
        chosen = [name for name in ("action", "kind", "decree", "card", "choose") if getattr(priority, name)]
        chosen += ["pass"] if priority.pass_turn else []
        if len(chosen) != 1:
            found = ", ".join(chosen) or "none"
            self.problem(priority, f"a priority names its moves by exactly one of action, kind, decree, card, choose "
                                   f"or pass (found: {found})")
        elif priority.target and chosen[0] not in ("action", "kind", "card"):
            self.problem(priority, f"'target' needs moves that aim at an area; {chosen[0]} moves do not", ".target")
        if not priority.reason.strip():
            self.problem(priority, "the reason is what the bot says when this line decides; write one", ".reason")

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

    def check_Term(self, term: Any) -> None:
        if not term.name.strip():
            self.problem(term, "a glossary term needs a name: the term as it is shown", ".name")
        for index, word in enumerate(term.matches):
            if not word.strip():
                self.problem(term, "a blank word would match nothing; write the word or remove it",
                             f".matches[{index}]")

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
        owners = [(decree, decree.issuer, ".issuer") for decree in self.sections["decrees"]]
        owners += [(card, card.faction, ".faction") for card in self.sections["cards"]]
        for record, owner, suffix in owners:
            if owner in self.factions and not self.factions[owner].seat:
                self.problem(record, f"'{owner}' has no seat, so no one could ever use this", suffix)

    def check_windows(self, scenarios: tuple[Any, ...]) -> None:
        """An event whose window lies outside every scenario's dates would never arrive."""
        for event in self.sections["events"]:
            if not any(scenario.can_arrive(event) for scenario in scenarios):
                dates = ", ".join(f"{scenario.turns[0]} to {scenario.end}" for scenario in scenarios)
                self.problem(event, f"the window lies outside every scenario ({dates}); "
                                    "the event could never arrive", ".window")

    def check_influence(self) -> None:
        influence = self.tracks.get("influence")
        if influence is None or influence.scope != "faction":
            owner = influence or next(iter(self.sections["scenarios"]), None)
            message = "the rules need a track 'influence' with 'scope: faction': every cost is paid from it"
            self.problem(owner, message)
        elif influence.min != 0:
            self.problem(influence, "influence must have 'min: 0', or costs at the minimum are free", ".min")

    def check_scenario(self, scenario: Any) -> None:
        for index, seat in enumerate(scenario.seats):
            if seat in self.factions and not self.factions[seat].seat:
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
        self.check_scenario_victory(scenario)

    def check_scenario_victory(self, scenario: Any) -> None:
        listed: set[str] = set()
        for victory in scenario.victory:
            if victory.faction in listed:
                self.problem(victory, f"'{victory.faction}' is listed twice in victory", ".faction")
            elif victory.faction in self.factions and victory.faction not in scenario.seats:
                self.problem(victory, f"'{victory.faction}' has no seat in this scenario", ".faction")
            listed.add(victory.faction)

    def check_terms(self) -> None:
        """Text that uses a glossary term lists it in ``terms``, so the encyclopedia can link them."""
        words = {term.id: [(word, term_pattern(word)) for word in term.matches or (term.name,) if word.strip()]
                 for term in self.sections["glossary"]}
        for record in walk(self.everything):
            if not isinstance(getattr(record, "terms", None), tuple):
                continue
            for term, patterns in words.items():
                itself = record.collection == "glossary" and term == record.id
                use = None if itself or term in record.terms else _first_use(record, patterns)
                if use is not None:
                    self.problem(record, f"{_TEACHING_TEXT[use[0]]} '{use[1]}' (glossary term '{term}'); "
                                         f"add '{term}' to 'terms'", ".terms")


def _unknown(reference: Reference, ids: set[str]) -> str:
    """What is wrong with a reference to an id nothing defines, with the id it most resembles."""
    noun = _NOUNS.get(reference.collection, reference.collection.rstrip("s"))
    hint = did_you_mean(reference.value, sorted(ids))
    if not hint:
        hint = _DECLARE.get(reference.collection, "")
    return f"unknown {noun} '{reference.value}'{hint}"


def _first_use(record: Any, patterns: list[tuple[str, re.Pattern[str]]]) -> tuple[str, str] | None:
    """The first teaching field of ``record`` that uses one of the words, and the word; each field on its own."""
    for field in _TEACHING_TEXT:
        text = getattr(record, field, "")
        for word, pattern in patterns:
            if pattern.search(text):
                return field, word
    return None
