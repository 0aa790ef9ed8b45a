"""Field helpers for the rules schema: ids, references and YAML key names.

The schema is plain frozen attrs classes; these helpers only attach metadata
that the reader uses to check ids and cross-references and to name keys that
are Python keywords (``from``, ``else``).
"""

from typing import Any

import attrs

# Words a reference may use instead of an id, and what they stand for.
SELF = "self"  # the faction that acts or chooses
TARGET = "target"  # the area an action or card is aimed at

ID_PATTERN = r"[a-z][a-z0-9_]*"
# Words that mean something else wherever an id could stand: the two special
# words above, and the name of the chance player in the game API.
RESERVED_IDS = frozenset({SELF, TARGET, "chance"})


def id_field() -> Any:
    """The record's own id: lower-case letters, digits and underscores."""
    return attrs.field(metadata={"id": True})


def ref(collection: str, *, specials: tuple[str, ...] = (), default: Any = attrs.NOTHING,
        key: str | None = None) -> Any:
    """A field holding an id (or a tuple of ids) from ``collection``."""
    metadata = {"ref": collection, "specials": specials}
    if key:
        metadata["key"] = key
    return attrs.field(default=default, metadata=metadata)


def switches_on(collection: str, default: Any = attrs.NOTHING) -> Any:
    """A reference to an id from ``collection`` that also turns it on: ``set_flag``, or an area's features."""
    return attrs.field(default=default, metadata={"ref": collection, "specials": (), "sets": True})


def keyed(key: str, default: Any = attrs.NOTHING) -> Any:
    """A field whose YAML key differs from its Python name."""
    return attrs.field(default=default, metadata={"key": key})


def actor_scope(default: Any = attrs.NOTHING) -> Any:
    """A field whose effects run on behalf of a faction, so ``self`` is allowed inside."""
    return attrs.field(default=default, metadata={"actor_scope": True})


def aimed_scope(default: Any = attrs.NOTHING) -> Any:
    """A field about an area a faction aims at, so both ``self`` and ``target`` are allowed inside."""
    return attrs.field(default=default, metadata={"actor_scope": True, "target_scope": True})


def yaml_key(field: "attrs.Attribute[Any]") -> str:
    """The key a designer writes for this field."""
    return str(field.metadata.get("key", field.name))
