"""The designer's guide keeps up with the rules vocabulary and schema."""

import re
import typing
from pathlib import Path

import attrs
import pytest

from game.ruleset import model
from game.ruleset import vocabulary as v
from game.ruleset.fields import yaml_key
from game.ruleset.load import SECTION_NAMES

GUIDE = Path(__file__).parents[2] / "docs" / "designers-guide.md"


def code_in_guide() -> tuple[list[str], list[str]]:
    """The guide's inline code spans, and the lines of its fenced code blocks."""
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    prose = re.sub(r"^```[^\n]*\n.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    spans = re.findall(r"`([^`\n]+)`", prose)
    return spans, [line for block in blocks for line in block.splitlines()]


def shown_as_yaml(kind: str) -> bool:
    """Whether the guide writes ``kind:`` as YAML: a code span starting with it, or a list item in a code block."""
    spans, lines = code_in_guide()
    return (any(span.startswith(f"{kind}:") for span in spans)
            or any(re.match(rf"\s*- {re.escape(kind)}:", line) for line in lines))


@pytest.mark.parametrize("kind", sorted(v.EFFECTS))
def test_every_effect_kind_is_shown_in_the_guide(kind):
    assert shown_as_yaml(kind), f"docs/designers-guide.md never shows `{kind}:`"


@pytest.mark.parametrize("kind", sorted(v.CONDITIONS))
def test_every_condition_kind_is_shown_in_the_guide(kind):
    assert shown_as_yaml(kind), f"docs/designers-guide.md never shows `{kind}:`"


def test_every_section_is_named_in_the_guide():
    spans, _ = code_in_guide()
    assert [name for name in SECTION_NAMES if f"{name}:" not in spans and name not in spans] == []


def types_in(hint: object) -> list[type]:
    """Every class named in a type hint such as ``tuple[Bonus, ...]`` or ``Odds | None``."""
    inner = [found for arg in typing.get_args(hint) for found in types_in(arg)]
    return [hint, *inner] if isinstance(hint, type) else inner


def schema_classes() -> set[type]:
    """Every record a designer writes, found by following the type hints from the sections."""
    found: set[type] = set()
    waiting = [model.Faction, model.Group, model.Track, model.Flag, model.Feature, model.Area, model.UnitType,
               model.Action, model.Decree, model.Event, model.Card, model.Term, model.Scenario, model.Board,
               *v.EFFECTS.values(), *v.CONDITIONS.values()]
    while waiting:
        cls = waiting.pop()
        if cls in found or not attrs.has(cls):
            continue
        found.add(cls)
        waiting.extend(found_type for hint in typing.get_type_hints(cls).values() for found_type in types_in(hint))
    return found


def written_keys(cls: type) -> set[str]:
    """The keys a designer may write for a record (a shorthand-only field such as not's 'condition' aside)."""
    keys = {yaml_key(field) for field in attrs.fields(cls) if field.init}
    if cls in (v.AnyOf, v.Not):  # written only in short: `not: {flag: x}`, `any: [...]`
        keys.discard(cls.shorthand)
    return keys


def test_every_key_of_every_record_is_mentioned_in_the_guide():
    spans, lines = code_in_guide()
    code = " ".join(spans + lines)
    words = set(re.findall(r"[a-z_]+", code))
    missing = {f"{cls.__name__}.{key}" for cls in schema_classes() for key in written_keys(cls) if key not in words}
    assert missing == set()
