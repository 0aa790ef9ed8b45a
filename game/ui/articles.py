"""The encyclopedia's articles: every record of the rules as a reader sees it, grouped by kind, and the search.

Nothing here imports pygame: the articles are plain values made from the
rules, so the search is tested without a display.

>>> from game.rulesdir import load_rules_dir
>>> found = search(articles(load_rules_dir()), "pulkovo")
>>> len(found) > 10, best(found, "pulkovo").name
(True, 'Pulkovo heights')
"""

import datetime
from collections.abc import Iterable, Sequence

import attrs

from game.ruleset.calendar import format_dual
from game.ruleset.entry import Entry
from game.ruleset.model import (
    Action,
    Area,
    Card,
    Decree,
    Event,
    Faction,
    Group,
    Ruleset,
    Scenario,
    Term,
    Track,
    UnitType,
)
from game.ui.describe import features_text

# (collection of the Ruleset, kind, heading of the group), in the order the list shows them.
KINDS: tuple[tuple[str, str, str], ...] = (
    ("factions", "faction", "Factions"),
    ("areas", "place", "Places"),
    ("units", "unit", "Units"),
    ("actions", "action", "Actions"),
    ("decrees", "decree", "Decrees"),
    ("events", "event", "Events"),
    ("cards", "card", "Initiative cards"),
    ("tracks", "track", "The city's tracks"),
    ("groups", "group", "Social groups"),
    ("scenarios", "scenario", "Scenarios"),
    ("glossary", "term", "Glossary"),
)
KIND_NAMES = {kind: heading for _, kind, heading in KINDS}
SINGULAR = {"faction": "Faction", "place": "Place", "unit": "Unit", "action": "Action", "decree": "Decree",
            "event": "Event", "card": "Initiative card", "track": "Track", "group": "Social group",
            "scenario": "Scenario", "term": "Glossary"}
PATTERNS = {"solid": "a plain tint", "hatch": "hatching", "crosshatch": "cross-hatching", "dots": "dots",
            "stripes": "stripes", "checks": "checks"}
AREA_KINDS = {"district": "a district of the city", "site": "a site in the city", "approach": "an approach to the city",
              "offmap": "a place off the map"}


@attrs.frozen
class Article:
    """One record of the rules as the encyclopedia shows it."""

    key: str  # "kind:id", e.g. "place:pulkovo_heights"
    kind: str
    id: str
    name: str
    date: str | None = None  # Old Style with New Style: "30 Oct (12 Nov) 1917"
    text: str = ""  # the history note; a glossary term's definition
    in_game: tuple[str, ...] = ()  # short lines on what it does in the game
    source: str = ""
    discuss: str = ""
    terms: tuple[str, ...] = ()  # keys of the glossary articles it uses
    seen_in: tuple[str, ...] = ()  # a glossary term: keys of the articles that use it
    faction: str | None = None  # whose it is, for the faction's badge
    also: str = ""  # more words that find it (a term's other spellings)
    short: str = ""  # a faction's short name, as the board writes it

    @property
    def title(self) -> str:
        """The name as the list gives it: a faction's short name first (``Whites: Kerensky, Krasnov ...``)."""
        return f"{self.short}: {self.name}" if self.short and self.short not in self.name else self.name

    @property
    def heading(self) -> str:
        """The name of its group in the list."""
        return KIND_NAMES[self.kind]

    def haystack(self) -> str:
        """Everything the search looks in, folded to lower case."""
        return " ".join((self.name, self.text, " ".join(self.in_game), self.discuss, self.also)).casefold()


def articles(rules: Ruleset) -> tuple[Article, ...]:
    """Every record of every kind, in the list's order: kinds as in ``KINDS``, records in file order."""
    made = [_article(rules, kind, entry) for collection, kind, _ in KINDS for entry in getattr(rules, collection)]
    users: dict[str, list[str]] = {}
    for article in made:
        for term in article.terms:
            users.setdefault(term, []).append(article.key)
    return tuple(attrs.evolve(article, seen_in=tuple(key for key in users.get(article.key, ()) if key != article.key))
                 if article.kind == "term" else article for article in made)


def search(found: Iterable[Article], query: str) -> tuple[Article, ...]:
    """The articles holding every word of ``query`` (any case) in their name or text; names that match first.

    The kinds keep their order; within a kind, articles whose name holds the
    words come before those that only mention them.
    """
    words = query.casefold().split()
    everything = tuple(found)
    if not words:
        return everything
    hits = [article for article in everything if all(word in article.haystack() for word in words)]
    order = {kind: index for index, (_, kind, _) in enumerate(KINDS)}
    return tuple(sorted(hits, key=lambda article: (order[article.kind],
                                                   not all(word in article.name.casefold() for word in words))))


def best(found: Sequence[Article], query: str) -> Article | None:
    """The article to open for a search: the first whose name holds every word, else the first found."""
    words = query.casefold().split()
    named = (article for article in found if words and all(word in article.name.casefold() for word in words))
    return next(named, found[0] if found else None)


def find(found: Sequence[Article], wanted: str | None) -> Article | None:
    """The article ``"kind:id"``, or the first one with the id ``wanted``; ``None`` if there is none."""
    if not wanted:
        return None
    return next((article for article in found if article.key == wanted), None) or \
        next((article for article in found if article.id == wanted), None)


def _article(rules: Ruleset, kind: str, entry: Entry) -> Article:
    text = entry.definition if isinstance(entry, Term) else entry.history
    also = " ".join(entry.matches) if isinstance(entry, Term) else ""
    short = entry.short if isinstance(entry, Faction) else ""
    return Article(f"{kind}:{entry.id}", kind, entry.id, entry.name,
                   format_dual(entry.date) if entry.date is not None else None, " ".join(text.split()),
                   in_game(rules, entry), " ".join(entry.source.split()), " ".join(entry.discuss.split()),
                   tuple(f"term:{term}" for term in entry.terms), faction=_owner(entry), also=short or also,
                   short=short)


def _owner(entry: Entry) -> str | None:
    if isinstance(entry, Faction):
        return entry.id
    if isinstance(entry, Decree):
        return entry.issuer
    if isinstance(entry, Card):
        return entry.faction
    if isinstance(entry, Action) and len(entry.factions) == 1:
        return entry.factions[0]
    return None


def in_game(rules: Ruleset, entry: Entry) -> tuple[str, ...]:
    """Short lines on what a record does in the game: a unit's strength, a decree's cost, a place's influence."""
    for kind, describe in _DESCRIBERS:
        if isinstance(entry, kind):
            return tuple(line for line in describe(rules, entry) if line)
    return ()


def _faction(rules: Ruleset, faction: Faction) -> list[str]:
    if not faction.seat:
        return ["No seat at the table: its units stand neutral until a seated faction wins them over."]
    lines = [f"A seat at the table. On the board: its colour, a {faction.symbol} on its units, and "
             f"{PATTERNS[faction.pattern]} on the places it holds.",
             f"Income {_plural(faction.income, 'influence')} a turn; a hand of {_plural(faction.hand_size, 'card')}."]
    if faction.goals:
        lines.append(f"Wants: {faction.goals}")
    return lines


def _area(rules: Ruleset, area: Area) -> list[str]:
    facts = [AREA_KINDS[area.kind].capitalize()]
    if area.influence:
        facts.append(f"its holder gains {area.influence} influence a turn")
    if area.defence:
        facts.append(f"defence +{area.defence}")
    lines = ["; ".join(facts) + "."]
    if area.features:
        lines.append(f"Has {features_text(rules, area.features)}.")
    if area.adjacent:
        lines.append("Next to: " + ", ".join(rules.area[other].name for other in area.adjacent) + ".")
    if area.rail:
        lines.append("By rail to: " + ", ".join(rules.area[other].name for other in area.rail) + ".")
    return lines


def _unit(rules: Ruleset, unit: UnitType) -> list[str]:
    lines = [f"Strength {unit.strength}" + "".join(f"; +{bonus.strength} in places with "
                                                   f"{rules.feature[bonus.feature].name}" for bonus in unit.bonuses)
             + "."]
    if unit.can_get_drunk:
        lines.append("Can get drunk in the wine riots: strength 0 until the next upkeep.")
    if unit.agitation == "join":
        lines.append("Neutral while the garrison owns it; a faction's agitation can win it over.")
    elif unit.agitation == "demoralise":
        lines.append("Agitation can demoralise it: its strength is halved for the rest of the game.")
    return lines


def _action(rules: Ruleset, action: Action) -> list[str]:
    who = ", ".join(rules.faction[faction].short for faction in action.factions) or "every seat"
    cost = f"costs {_plural(action.cost, 'influence')}" if action.cost else "costs nothing"
    lines = [f"For {who}; {cost}" + ("; once a turn" if action.per_turn == 1 else
                                       f"; {action.per_turn} times a turn" if action.per_turn else "") + "."]
    if action.via == "rail":
        lines.append("Goes by rail: the trains must be running.")
    if action.odds is not None:
        odds = action.odds
        chance = f"Succeeds {odds.success} times in {odds.success + odds.failure}"
        if odds.plus_support:
            chance += f", better with the support of the {rules.group[odds.plus_support].name.lower()}"
        lines.append(chance + ".")
    return lines


def _decree(rules: Ruleset, decree: Decree) -> list[str]:
    cost = f" for {_plural(decree.cost, 'influence')}" if decree.cost else ""
    return [f"Issued once by {rules.faction[decree.issuer].short}{cost}, as one of its actions."]


def _event(rules: Ruleset, event: Event) -> list[str]:
    if event.window is None:
        return ["A card of the random event deck: it may come up in any turn."]
    start, end = event.window.start, event.window.end
    days = format_dual(start) if start == end else f"{_without_year(start, end)} to {format_dual(end)}"
    return [f"A historical event of {days}: it arrives in the first turn that reaches those days, "
            "if its conditions hold then."]


def _card(rules: Ruleset, card: Card) -> list[str]:
    copies = f"{card.copies} copies" if card.copies > 1 else "one copy"
    cost = f"costs {_plural(card.cost, 'influence')}" if card.cost else "costs nothing"
    aimed = "; played on a place" if card.target == "area" else ""
    return [f"In {rules.faction[card.faction].short}'s hidden hand ({copies}); {cost}{aimed}."]


def _track(rules: Ruleset, track: Track) -> list[str]:
    scope = "One for the whole city" if track.scope == "city" else "One for each faction"
    return [f"{scope}, from {track.min} to {track.max}; it starts at {track.start}."]


def _group(rules: Ruleset, group: Group) -> list[str]:
    return [f"{group.size} points of support, shared among the factions; the rest are undecided."]


def _scenario(rules: Ruleset, scenario: Scenario) -> list[str]:
    seats = ", ".join(rules.faction[seat].short for seat in scenario.seats)
    return [f"{_plural(len(scenario.turns), 'turn')} from {format_dual(scenario.turns[0])} to "
            f"{format_dual(scenario.end)}; {scenario.actions_per_turn} actions a turn.", f"Seats: {seats}."]


def _term(rules: Ruleset, term: Term) -> list[str]:
    return []


def _without_year(first: datetime.date, last: datetime.date) -> str:
    """``25 Oct (7 Nov)``: the first date of a span, when the last one says the year."""
    text = format_dual(first)
    year = text.rsplit(" ", 1)[-1]
    return text.rsplit(" ", 1)[0] if year == format_dual(last).rsplit(" ", 1)[-1] else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "influence" else f"{count} {word}s"


_DESCRIBERS = ((Faction, _faction), (Area, _area), (UnitType, _unit), (Action, _action), (Decree, _decree),
               (Event, _event), (Card, _card), (Track, _track), (Group, _group), (Scenario, _scenario),
               (Term, _term))
