"""Reads YAML node trees into the frozen schema classes, collecting every problem.

The reader is driven by the type hints of the attrs classes in
``game.ruleset.model`` and ``game.ruleset.vocabulary``: text, whole numbers,
true/false, dates, fixed word lists (``Literal``), lists (``tuple``), optional
values, nested records, and effects or conditions written as one-key mappings.
It never stops at the first problem; a record with a problem is left out and
the reading goes on, so a designer sees everything in one pass.
"""

import datetime
import re
import types
import typing
from functools import cache
from typing import Any, Literal, Union

import attrs

from game.ruleset.fields import ID_PATTERN, RESERVED_IDS, SELF, TARGET, yaml_key
from game.ruleset.problems import Mark, Problem, did_you_mean
from game.ruleset.vocabulary import CONDITIONS, EFFECTS, Condition, Effect
from game.ruleset.yamlnodes import Mapping, Node, Scalar, Sequence

INVALID: Any = type("Invalid", (), {"__repr__": lambda self: "INVALID"})()

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,8})")  # rules never need numbers of ten digits
_DIGITS = re.compile(r"[-+]?[1-9][0-9]*")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ID = re.compile(ID_PATTERN)
_TAG_NAMES = {"bool": "a boolean", "int": "a number", "float": "a number", "timestamp": "a date", "null": "nothing"}


def _tag_name(tag: str) -> str:
    """What YAML 1.1 made of a plain scalar, in words (``<<`` and ``=`` get tags of their own)."""
    return _TAG_NAMES.get(tag, f"the special value '{tag}'")


@attrs.frozen
class Scope:
    """What special words mean where a value is read: ``self`` needs an acting faction."""

    actor: bool = False
    target: bool = False


@attrs.frozen
class Reference:
    """An id used somewhere, to be resolved once every section is read."""

    collection: str
    value: str
    mark: Mark
    path: str
    sets: bool = False  # the use turns it on (``set_flag``, an area's features), so conditions on it can hold


@attrs.frozen
class Definition:
    """A record's own id, with where it was defined."""

    collection: str
    value: str
    mark: Mark
    path: str


@cache
def _type_hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def type_hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of a schema class, cached."""
    return _type_hints(cls)


def describe(hint: Any) -> str:
    """What a designer should write for a value of this type, in words."""
    origin = typing.get_origin(hint)
    if hint is str:
        return "text"
    if hint is int:
        return "a whole number"
    if hint is bool:
        return "true or false"
    if hint is datetime.date:
        return "a date such as 1917-10-25"
    if origin is Literal:
        return "one of " + ", ".join(str(choice) for choice in typing.get_args(hint))
    if origin is tuple:
        return "a list"
    if origin in (Union, types.UnionType):
        return describe(_without_none(hint))
    if hint is Effect:
        return "an effect such as `change_track: {track: bread, by: -1}`"
    if hint is Condition:
        return "a condition such as `flag: congress_in_session`"
    return "a mapping of keys to values"


def _without_none(hint: Any) -> Any:
    return next(arg for arg in typing.get_args(hint) if arg is not type(None))


def _found(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    text = node.text if len(node.text) <= 40 else node.text[:37] + "..."
    if node.plain and node.tag != "str":
        return f"{_tag_name(node.tag)} ({text or 'empty'})"
    return f"text '{text}'"


class Reader:
    """Collects problems, id definitions and references while reading."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.references: list[Reference] = []
        self.definitions: list[Definition] = []
        self.origins: dict[int, tuple[Mark, str]] = {}
        self._keep: list[Any] = []

    def error(self, node: Node | Scalar, path: str, message: str) -> Any:
        """Record a problem at ``node`` and return ``INVALID``."""
        self.problems.append(Problem(node.mark, path, message))
        return INVALID

    def origin(self, obj: Any) -> tuple[Mark, str] | None:
        """Where a record read by this reader was written."""
        return self.origins.get(id(obj))

    def read(self, node: Node, hint: Any, path: str, scope: Scope, field: Any = None) -> Any:
        """Read ``node`` as a value of type ``hint``."""
        origin = typing.get_origin(hint)
        if origin in (Union, types.UnionType):
            if isinstance(node, Scalar) and node.plain and node.tag == "null":
                return None
            return self.read(node, _without_none(hint), path, scope, field)
        if origin is tuple:
            return self.read_list(node, hint, path, scope, field)
        if hint in (Effect, Condition):
            return self.read_word(node, hint, path, scope)
        if attrs.has(hint):
            return self.read_record(node, hint, path, scope)
        return self.read_scalar(node, hint, path, scope, field)

    def read_scalar(self, node: Node, hint: Any, path: str, scope: Scope, field: Any) -> Any:
        if not isinstance(node, Scalar):
            return self.error(node, path, f"expected {describe(hint)}, found {_found(node)}")
        if hint is int:
            return self.read_int(node, path)
        if hint is bool:
            return self.read_bool(node, path)
        if hint is datetime.date:
            return self.read_date(node, path)
        text = self.read_text(node, hint, path)
        if text is INVALID:
            return INVALID
        if typing.get_origin(hint) is Literal:
            return self.check_choice(node, text, typing.get_args(hint), path)
        if field is not None:
            return self.check_id_or_ref(node, text, field, path, scope)
        return text

    def read_text(self, node: Scalar, hint: Any, path: str) -> Any:
        if node.plain and node.tag == "null":
            return self.error(node, path, f"expected {describe(hint)}, found nothing")
        if node.plain and node.tag != "str":
            message = (
                f"expected {describe(hint)}, but YAML 1.1 reads {node.text} as {_tag_name(node.tag)}; "
                f'quote it: "{node.text}"'
            )
            return self.error(node, path, message)
        return node.text

    def read_int(self, node: Scalar, path: str) -> Any:
        if node.plain and node.tag == "int" and _INT.fullmatch(node.text):
            return int(node.text)
        if node.plain and _DIGITS.fullmatch(node.text):
            return self.error(node, path, "this number is too large for the rules (at most nine digits)")
        return self.error(node, path, f"expected a whole number written in plain digits, found {_found(node)}")

    def read_bool(self, node: Scalar, path: str) -> Any:
        if node.plain and node.text in ("true", "false"):
            return node.text == "true"
        return self.error(node, path, f"expected true or false, found {_found(node)}; write true or false")

    def read_date(self, node: Scalar, path: str) -> Any:
        if _DATE.fullmatch(node.text):
            try:
                return datetime.date.fromisoformat(node.text)
            except ValueError:
                return self.error(node, path, f"{node.text} is not a day of the calendar")
        return self.error(node, path, f"expected a date such as 1917-10-25 (Old Style), found {_found(node)}")

    def check_choice(self, node: Scalar, text: str, choices: tuple[Any, ...], path: str) -> Any:
        if text in choices:
            return text
        words = ", ".join(choices)
        return self.error(node, path, f"'{text}' is not one of {words}{did_you_mean(text, choices)}")

    def check_id_or_ref(self, node: Scalar, text: str, field: Any, path: str, scope: Scope) -> Any:
        if field.metadata.get("id"):
            if not _ID.fullmatch(text):
                message = f"id '{text}' must be lower-case letters, digits and _, starting with a letter"
                return self.error(node, path, message)
            if text in RESERVED_IDS:
                return self.error(node, path, f"'{text}' is a special word in rules; choose another id")
            return text
        collection = field.metadata.get("ref")
        if collection is None:
            return text
        if text in field.metadata.get("specials", ()):
            return self.check_special(node, text, path, scope)
        self.references.append(Reference(collection, text, node.mark, path, sets=field.metadata.get("sets", False)))
        return text

    def check_special(self, node: Scalar, text: str, path: str, scope: Scope) -> Any:
        if text == SELF and not scope.actor:
            return self.error(node, path, "'self' means the acting faction, and nothing acts here; name the faction")
        if text == TARGET and not scope.target:
            return self.error(node, path, "'target' means the area an action aims at, and nothing is aimed here")
        return text

    def read_list(self, node: Node, hint: Any, path: str, scope: Scope, field: Any) -> Any:
        args = typing.get_args(hint)
        if not isinstance(node, Sequence):
            return self.error(node, path, f"expected a list, found {_found(node)}")
        if len(args) != 2 or args[1] is not Ellipsis:
            if len(node.items) != len(args):
                return self.error(node, path, f"expected a list of exactly {len(args)} values, found {len(node.items)}")
            item_hints = args
        else:
            item_hints = (args[0],) * len(node.items)
        values = [self.read(item, item_hint, f"{path}[{index}]", scope, field)
                  for index, (item, item_hint) in enumerate(zip(node.items, item_hints))]
        return INVALID if any(value is INVALID for value in values) else tuple(values)

    def read_word(self, node: Node, base: type, path: str, scope: Scope) -> Any:
        registry: dict[str, type[Any]] = EFFECTS if base is Effect else CONDITIONS
        noun = "effect" if base is Effect else "condition"
        if not isinstance(node, Mapping) or len(node.entries) != 1:
            return self.error(node, path, f"expected {describe(base)}: a mapping with exactly one key")
        key, value = node.entries[0]
        cls = registry.get(key.text)
        if cls is None:
            known = did_you_mean(key.text, registry) or f"; known {noun}s: {', '.join(sorted(registry))}"
            return self.error(key, path, f"unknown {noun} '{key.text}'{known}")
        shorthand = cls.shorthand
        if shorthand is not None and self.uses_shorthand(value, type_hints(cls)[shorthand]):
            field = attrs.fields_dict(cls)[shorthand]
            inner = self.read(value, type_hints(cls)[shorthand], path, scope, field)
            return INVALID if inner is INVALID else self.remember(cls(**{shorthand: inner}), value.mark, path)
        return self.read_record(value, cls, path, scope)

    @staticmethod
    def uses_shorthand(value: Node, hint: Any) -> bool:
        if hint in (Effect, Condition) or typing.get_origin(hint) is tuple:
            return True
        return not isinstance(value, Mapping)

    def read_record(self, node: Node, cls: type, path: str, scope: Scope) -> Any:
        if not isinstance(node, Mapping):
            return self.error(node, path, f"expected a mapping of keys to values, found {_found(node)}")
        inner_scope = getattr(cls, "inner_scope", None)
        if inner_scope is not None:
            scope = inner_scope(node, scope)
        fields = {yaml_key(field): field for field in attrs.fields(cls)}
        hints = type_hints(cls)
        values: dict[str, Any] = {}
        for key, value in node.entries:
            field = fields.get(key.text)
            if field is None:
                self.unknown_key(key, fields, path)
                continue
            field_scope = attrs.evolve(scope, actor=True) if field.metadata.get("actor_scope") else scope
            if field.metadata.get("target_scope"):
                field_scope = attrs.evolve(field_scope, target=True)
            values[field.name] = self.read(value, hints[field.name], f"{path}.{key.text}", field_scope, field)
        for name, field in fields.items():
            if field.default is attrs.NOTHING and field.name not in values:
                self.error(node, path, f"missing required key '{name}' ({describe(hints[field.name])})")
                values[field.name] = INVALID
        self.record_definition(cls, node, values, path)
        if any(value is INVALID for value in values.values()):
            return INVALID
        return self.remember(cls(**values), node.mark, path)

    def unknown_key(self, key: Scalar, fields: dict[str, Any], path: str) -> None:
        hint = did_you_mean(key.text, fields) or f"; expected one of: {', '.join(fields)}"
        where = f"{path}.{key.text}" if path else key.text
        self.error(key, where, f"unknown key '{key.text}'{hint}")

    def record_definition(self, cls: type, node: Mapping, values: dict[str, Any], path: str) -> None:
        collection = getattr(cls, "collection", None)
        if collection is None or values.get("id", INVALID) is INVALID:
            return
        id_node = next(value for key, value in node.entries if key.text == "id")
        self.definitions.append(Definition(collection, values["id"], id_node.mark, path))

    def remember(self, obj: Any, mark: Mark, path: str) -> Any:
        self.origins[id(obj)] = (mark, path)
        self._keep.append(obj)
        return obj
