"""What a card shows: title, date, cost, what it needs and does in plain words, its history and question.

Events, decrees, initiative cards and actions all become a ``CardFace``, the
one thing ``game.ui.card_view`` draws. A choice put to a faction becomes the
face of whatever put the question (an event, a card), with the options and
what each would do. Nothing here imports pygame.

>>> from game.rulesdir import load_rules_dir
>>> face = face_of(load_rules_dir(), "decree", "decree_peace", viewer="sovnarkom")
>>> face.title, face.date, face.cost
('Decree on Peace', '26 Oct (8 Nov) 1917', 2)
"""

import datetime
from collections.abc import Mapping

import attrs

from game.engine.state import PendingChoice
from game.ruleset import vocabulary as v
from game.ruleset.calendar import MONTHS, format_dual, new_style
from game.ruleset.model import Action, Card, Decree, Event, Ruleset
from game.ui.describe import Voice, conditions_text, effect_lines

KIND_OF_ACTION = {
    "move": "Your ready troops in one place go to a neighbouring place that no rival holds with troops.",
    "attack": "Your ready troops attack a neighbouring place where rival troops stand: dice decide.",
    "agitate": "A roll to win over a neutral regiment, or to shake rival troops that can waver, "
               "where or next to where you stand.",
}


@attrs.frozen
class OptionFace:
    """One answer to a choice, with what it would do."""

    id: str
    name: str
    effects: tuple[str, ...]


@attrs.frozen
class CardFace:
    """Everything a card says, as text."""

    kind: str  # "event", "decree", "card" or "action"
    id: str
    label: str  # the small line above the title: "Historical event", "Decree", "Initiative card · Whites"
    title: str
    date: str  # Old Style with New Style, or ""
    owner: str | None  # the faction whose colour frames the card
    cost: int
    needs: str  # "Only if ...", or ""
    effects: tuple[str, ...]
    history: str
    discuss: str
    source: str = ""
    prompt: str = ""  # a question put to the reader
    options: tuple[OptionFace, ...] = ()


def date_text(date: datetime.date | None, start: datetime.date | None = None,
              end: datetime.date | None = None) -> str:
    """A date (``26 Oct (8 Nov) 1917``), or a span of dates (``29 Oct – 1 Nov (11–14 Nov) 1917``)."""
    if date is not None:
        return format_dual(date)
    if start is None or end is None:
        return ""
    if start == end:
        return format_dual(start)
    return f"{_span(start, end)} ({_span(new_style(start), new_style(end))}) {end.year}"


def _span(start: datetime.date, end: datetime.date) -> str:
    """``25–26 Oct`` within a month, ``29 Oct – 1 Nov`` across two."""
    if start.month == end.month:
        return f"{start.day}–{end.day} {MONTHS[end.month - 1]}"
    return f"{start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]}"


def _needs(voice: Voice, conditions: tuple[v.Condition, ...]) -> str:
    return f"Only if {conditions_text(voice, conditions)}." if conditions else ""


def face_of(rules: Ruleset, kind: str, ident: str, viewer: str | None = None) -> CardFace:
    """The face of an event, decree, initiative card or action, read by ``viewer`` ("you" is their faction)."""
    if kind == "event":
        return event_face(rules, rules.event[ident], viewer)
    if kind == "decree":
        return decree_face(rules, rules.decree[ident], viewer)
    if kind == "card":
        return card_face(rules, rules.card[ident], viewer)
    return action_face(rules, rules.action[ident], viewer)


def event_face(rules: Ruleset, event: Event, viewer: str | None = None) -> CardFace:
    """A historical event, or a card of the event deck (no window)."""
    voice = Voice(rules, viewer=viewer)
    window = event.window
    label = "Historical event" if window is not None else "From the event deck"
    date = date_text(event.date, window.start if window else None, window.end if window else None)
    return CardFace("event", event.id, label, event.name, date, None, 0, _needs(voice, event.requires),
                    tuple(effect_lines(voice, event.effects)), event.history, event.discuss, event.source)


def decree_face(rules: Ruleset, decree: Decree, viewer: str | None = None) -> CardFace:
    """A decree of the new power."""
    voice = Voice(rules, actor=decree.issuer, viewer=viewer)
    label = f"Decree · {rules.faction[decree.issuer].short}"
    return CardFace("decree", decree.id, label, decree.name, date_text(decree.date), decree.issuer, decree.cost,
                    _needs(voice, decree.requires), tuple(effect_lines(voice, decree.effects)), decree.history,
                    decree.discuss, decree.source)


def card_face(rules: Ruleset, card: Card, viewer: str | None = None) -> CardFace:
    """An initiative card from a faction's hidden hand."""
    voice = Voice(rules, actor=card.faction, viewer=viewer)
    label = f"Initiative card · {rules.faction[card.faction].short}"
    needs = _needs(voice, card.requires)
    if card.target == "area":
        needs = ("Played on a place of your choice. " + needs).strip()
    return CardFace("card", card.id, label, card.name, date_text(card.date), card.faction, card.cost, needs,
                    tuple(effect_lines(voice, card.effects)), card.history, card.discuss, card.source)


def action_face(rules: Ruleset, action: Action, viewer: str | None = None) -> CardFace:
    """An action a faction may take on its turn."""
    actor = viewer if not action.factions or viewer in action.factions else action.factions[0]
    voice = Voice(rules, actor=actor, viewer=viewer)
    who = ", ".join(rules.faction[faction].short for faction in action.factions) or "every faction"
    label = f"Action · {who}"
    effects = [KIND_OF_ACTION[action.kind]] if action.kind in KIND_OF_ACTION else []
    if action.via == "rail":
        effects[0:1] = ["Your ready troops go by rail to any place on a line from where they stand."]
    effects += effect_lines(voice, action.effects)
    needs = _needs(voice, action.requires)
    if action.per_turn:
        needs = f"{'Once' if action.per_turn == 1 else f'{action.per_turn} times'} a turn. {needs}".strip()
    owner = action.factions[0] if len(action.factions) == 1 else None
    return CardFace("action", action.id, label, action.name, date_text(action.date), owner, action.cost, needs,
                    tuple(effects), action.history, action.discuss, action.source)


def choice_face(rules: Ruleset, decision: PendingChoice, viewer: str | None = None) -> CardFace:
    """The card that put a question, with the question and each answer's effects."""
    source = decision.context.source
    kind = next((kind for kind, table in (("event", rules.event), ("card", rules.card), ("decree", rules.decree),
                                          ("action", rules.action)) if source in table), None)
    voice = Voice(rules, actor=decision.faction, viewer=viewer, target=decision.context.target)
    options = tuple(OptionFace(option.id, option.name, tuple(effect_lines(voice, option.effects)))
                    for option in decision.options)
    if kind is None:
        return CardFace("choice", source, "A choice", decision.prompt, "", decision.faction, 0, "", (), "", "",
                        prompt=decision.prompt, options=options)
    face = face_of(rules, kind, source, viewer)
    tables: dict[str, Mapping[str, Event | Card | Decree | Action]] = {
        "event": rules.event, "card": rules.card, "decree": rules.decree, "action": rules.action}
    record = tables[kind][source]
    others = [effect for effect in record.effects if not isinstance(effect, v.Choice)]  # the rest has happened
    owner_voice = Voice(rules, actor=face.owner, viewer=viewer, target=decision.context.target)
    return attrs.evolve(face, effects=tuple(effect_lines(owner_voice, others)), prompt=decision.prompt,
                        options=options)
