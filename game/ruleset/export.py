"""Plain data (JSON-ready) from rules and states: the form ``rules export`` prints and saves hash."""

import datetime
from typing import Any

import attrs

from game.ruleset.fields import yaml_key
from game.ruleset.model import Ruleset
from game.ruleset.vocabulary import Condition, Effect

EXPORT_SECTIONS = ("factions", "groups", "areas", "units", "tracks", "flags", "features", "actions", "decrees",
                   "events", "cards", "glossary", "scenarios", "board")


def to_data(value: Any) -> Any:
    """Lists, dicts, strings and numbers for any schema value; effects keep their YAML form."""
    if isinstance(value, (Effect, Condition)):
        if value.shorthand is not None:
            return {value.kind: to_data(getattr(value, value.shorthand))}
        return {value.kind: _fields(value)}
    if attrs.has(type(value)):
        return _fields(value)
    if isinstance(value, tuple):
        return [to_data(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _fields(record: Any) -> dict[str, Any]:
    return {yaml_key(field): to_data(getattr(record, field.name))
            for field in attrs.fields(type(record)) if field.init}


def export_rules(rules: Ruleset) -> dict[str, Any]:
    """The whole ruleset as plain data, one key per section plus ``ruleset``."""
    data: dict[str, Any] = {name: to_data(getattr(rules, name)) for name in EXPORT_SECTIONS}
    data["ruleset"] = {"id": rules.id, "content_hash": rules.content_hash}
    return data
