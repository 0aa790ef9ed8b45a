"""Safe YAML reading: a tree of nodes that remember where they came from.

Rules files never need anchors, aliases, tags or several documents, so all
are refused: an alias bomb stops at its first alias instead of expanding. The
tree is built from the parser's event stream, which costs time in proportion to
the text, never to what aliases would expand to. Scalars keep their source
text, so the schema can tell ``no`` (which YAML 1.1 reads as false) from
``"no"`` and ask the designer to quote it.
"""

from typing import Any

import attrs
import yaml

from game.ruleset.problems import Mark, Problem

MAX_FILE_BYTES = 1 << 20
MAX_DEPTH = 32

# The C parser is much faster; the pure-Python one gives the same events.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()


@attrs.frozen
class Scalar:
    """A scalar exactly as written, with the tag YAML 1.1 would give it."""

    text: str
    tag: str  # short form: "str", "int", "float", "bool", "null", "timestamp"
    plain: bool  # written without quotes
    mark: Mark


@attrs.frozen
class Sequence:
    """A YAML list."""

    items: tuple["Node", ...]
    mark: Mark


@attrs.frozen
class Mapping:
    """A YAML mapping; keys are scalars, in the order written, without duplicates."""

    entries: tuple[tuple[Scalar, "Node"], ...]
    mark: Mark


Node = Scalar | Sequence | Mapping


class _Refused(Exception):
    """Stops reading a file at the first thing that makes the tree untrustworthy."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def parse(text: str, filename: str) -> tuple[Node | None, list[Problem]]:
    """Parse one rules file into a node tree, or return why it cannot be read."""
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        message = f"file is {size} bytes; rules files are limited to {MAX_FILE_BYTES} bytes (1 MiB)"
        return None, [Problem(Mark(filename, 1, 1), "", message)]
    builder = _TreeBuilder(filename)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            builder.feed(event)
    except _Refused as refused:
        return None, [refused.problem, *builder.problems]
    except yaml.MarkedYAMLError as error:
        mark = _mark(filename, error.problem_mark or error.context_mark)
        reason = error.problem or error.context or "the YAML syntax is broken"
        return None, [Problem(mark, "", f"YAML syntax: {reason}"), *builder.problems]
    except yaml.YAMLError as error:
        return None, [Problem(Mark(filename, 1, 1), "", f"YAML syntax: {error}"), *builder.problems]
    return builder.root, builder.problems


def _mark(filename: str, mark: Any) -> Mark:
    if mark is None:
        return Mark(filename, 1, 1)
    return Mark(filename, mark.line + 1, mark.column + 1)


def _resolve_tag(text: str) -> str:
    """The short tag YAML 1.1 gives a plain scalar: str, int, float, bool, null or timestamp."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag.rsplit(":", 1)[-1]


class _TreeBuilder:
    """Turns parser events into nodes, checking depth, keys, anchors and tags."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.stack: list[tuple[Mark, list[Node]]] = []
        self.root: Node | None = None
        self.documents = 0
        self.problems: list[Problem] = []

    def refuse(self, event: Any, message: str) -> None:
        raise _Refused(Problem(_mark(self.filename, event.start_mark), "", message))

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.refuse(event, "a rules file holds one YAML document; remove the second '---'")
        elif isinstance(event, yaml.AliasEvent):
            self.refuse(event, f"aliases (*{event.anchor}) are not allowed in rules files; write the value out")
        elif isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            self.check_node_event(event)
            if isinstance(event, yaml.ScalarEvent):
                self.add(self.scalar(event))
            else:
                self.open(event)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            self.close(isinstance(event, yaml.MappingEndEvent))

    def check_node_event(self, event: Any) -> None:
        if event.anchor is not None:
            self.refuse(event, f"anchors (&{event.anchor}) are not allowed in rules files; write the value out")
        if event.tag is not None:
            self.refuse(event, f"tags ({event.tag}) are not allowed in rules files; remove the tag")

    def scalar(self, event: Any) -> Scalar:
        plain = bool(event.implicit[0])
        tag = _resolve_tag(event.value) if plain else "str"
        return Scalar(event.value, tag, plain, _mark(self.filename, event.start_mark))

    def open(self, event: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.refuse(event, f"nested deeper than {MAX_DEPTH} levels; rules never need this much nesting")
        self.stack.append((_mark(self.filename, event.start_mark), []))

    def close(self, is_mapping: bool) -> None:
        mark, children = self.stack.pop()
        node: Node
        if is_mapping:
            node = Mapping(self.entries(children), mark)
        else:
            node = Sequence(tuple(children), mark)
        self.add(node)

    def entries(self, children: list[Node]) -> tuple[tuple[Scalar, Node], ...]:
        entries: list[tuple[Scalar, Node]] = []
        first_seen: dict[str, Scalar] = {}
        for key, value in zip(children[0::2], children[1::2]):
            if not isinstance(key, Scalar):
                self.problems.append(Problem(key.mark, "", "a mapping key must be a plain word, not a list or mapping"))
                continue
            if key.text in first_seen:
                first = first_seen[key.text].mark
                message = f"duplicate key '{key.text}' (first at line {first.line}, again at line {key.mark.line})"
                self.problems.append(Problem(key.mark, "", message))
                continue
            first_seen[key.text] = key
            entries.append((key, value))
        return tuple(entries)

    def add(self, node: Node) -> None:
        if self.stack:
            self.stack[-1][1].append(node)
        else:
            self.root = node
