"""From the texts of the rules files to a checked, frozen ``Ruleset``.

This module reads no files itself (the engine side stays free of I/O); the
command line and the front end pass the texts in through
``game.rulesdir.load_rules_dir``.
"""

import hashlib
from collections.abc import Mapping as MappingType
from typing import Any

import attrs

from game.ruleset.board import Board
from game.ruleset.checks import check_rules
from game.ruleset.model import (
    Action,
    Area,
    Card,
    Decree,
    Event,
    Faction,
    Feature,
    Flag,
    Group,
    Ruleset,
    Scenario,
    Term,
    Track,
    UnitType,
)
from game.ruleset.problems import Mark, Problem, RulesError, did_you_mean
from game.ruleset.reader import INVALID, Reader, Scope
from game.ruleset.yamlnodes import Mapping, Node, Scalar, Sequence, parse

# Top-level sections: each may sit in any rules file, but only in one.
LIST_SECTIONS: dict[str, type] = {
    "factions": Faction,
    "groups": Group,
    "tracks": Track,
    "flags": Flag,
    "features": Feature,
    "areas": Area,
    "units": UnitType,
    "actions": Action,
    "decrees": Decree,
    "events": Event,
    "cards": Card,
    "glossary": Term,
    "scenarios": Scenario,
}
OPTIONAL_SECTIONS = {"cards", "flags", "features", "glossary", "board"}
SECTION_NAMES = (*LIST_SECTIONS, "board")


def content_hash(sources: MappingType[str, str]) -> str:
    """A hash of every rules file's name (without its folder) and text, to tie saves to their rules.

    The folder is left out so that the same rules give the same hash wherever
    they are installed and however their folder is named on the command line.
    """
    digest = hashlib.sha256()
    files = sorted((name.replace("\\", "/").rsplit("/", 1)[-1], text) for name, text in sources.items())
    for name, text in files:
        for part in (name, text):
            data = part.encode("utf-8")
            digest.update(len(data).to_bytes(8, "big") + data)
    return "sha256:" + digest.hexdigest()


def load_rules(sources: MappingType[str, str]) -> Ruleset:
    """Build a ``Ruleset`` from file texts keyed by file name, or raise ``RulesError``."""
    reader = Reader()
    files = _find_sections(reader, sources)
    found = files.sections
    sections: dict[str, Any] = {}
    for name, cls in LIST_SECTIONS.items():
        sections[name] = _read_list_section(reader, found, name, cls)
    board_node = found.get("board")
    sections["board"] = Board() if board_node is None else reader.read(board_node[1], Board, "board", Scope())
    listed = found.get("scenarios")
    if listed is not None and isinstance(listed[1], Sequence) and not listed[1].items:
        reader.problems.append(Problem(listed[0].mark, "scenarios", "list at least one scenario"))
    scenarios_complete = bool(sections["scenarios"]) and _all_read(found, sections, "scenarios")
    # With a file unreadable or a section missing, every reference to what is missing would look
    # wrong: report the file or the section alone, not a cascade of consequences.
    if not files.unreadable and not _report_missing_sections(reader, files, sources):
        check_rules(reader, sections, scenarios_complete=scenarios_complete,
                    areas_complete=_all_read(found, sections, "areas"))
    if reader.problems:
        raise RulesError(reader.problems)
    return Ruleset(**sections, content_hash=content_hash(sources))


def _all_read(found: dict[str, tuple[Scalar, Node]], sections: dict[str, Any], name: str) -> bool:
    """Whether every entry of a section was read: it is there, a list, and none of its entries was left out."""
    listed = found.get(name)
    return listed is not None and isinstance(listed[1], Sequence) and len(sections[name]) == len(listed[1].items)


# Sections renamed since earlier versions of the rules, with what to do about each.
RENAMED_SECTIONS = {"scenario": ("scenarios", "'scenario:' is now 'scenarios:', a list: put '- ' before its 'id:'")}


@attrs.define
class _Files:
    """What the rules files hold: each section with its key and value, and what kept some from being read."""

    sections: dict[str, tuple[Scalar, Node]] = attrs.Factory(dict)
    unreadable: bool = False  # some file could not be parsed at all
    renamed: set[str] = attrs.Factory(set)  # sections written under an old name, already reported


def _find_sections(reader: Reader, sources: MappingType[str, str]) -> _Files:
    """Every section with the file it is in; an empty file (or one of comments only) holds none."""
    files = _Files()
    for filename in sorted(sources):
        root, problems = parse(sources[filename], filename)
        reader.problems.extend(problems)
        if root is None or _is_null(root):
            files.unreadable = files.unreadable or bool(problems)
            continue
        if not isinstance(root, Mapping):
            message = "a rules file is a mapping of sections such as 'factions:' or 'areas:'"
            reader.problems.append(Problem(root.mark, "", message))
            continue
        for key, value in root.entries:
            _add_section(reader, files, key, value)
    return files


def _is_null(node: Node) -> bool:
    """A document with nothing in it, such as a file holding only '---' and comments."""
    return isinstance(node, Scalar) and node.plain and node.tag == "null"


def _add_section(reader: Reader, files: _Files, key: Scalar, value: Node) -> None:
    found = files.sections
    if key.text in RENAMED_SECTIONS:
        new_name, message = RENAMED_SECTIONS[key.text]
        files.renamed.add(new_name)
        reader.problems.append(Problem(key.mark, "", message))
    elif key.text not in SECTION_NAMES:
        hint = did_you_mean(key.text, SECTION_NAMES) or f"; sections are: {', '.join(SECTION_NAMES)}"
        reader.problems.append(Problem(key.mark, "", f"unknown section '{key.text}'{hint}"))
    elif key.text in found:
        first = found[key.text][0].mark
        message = f"section '{key.text}' is already defined at {first}; keep it in one file"
        reader.problems.append(Problem(key.mark, key.text, message))
    else:
        found[key.text] = (key, value)


def _report_missing_sections(reader: Reader, files: _Files, sources: MappingType[str, str]) -> bool:
    """Report each required section no file holds; whether any is missing (or written under an old name)."""
    folder = next(iter(sorted(sources)), "rules/").replace("\\", "/").rpartition("/")[0] or "."
    missing = [name for name in SECTION_NAMES if name not in files.sections and name not in OPTIONAL_SECTIONS]
    for name in missing:
        if name not in files.renamed:
            message = f"missing section '{name}'; add '{name}:' to a rules file (e.g. {name}.yaml)"
            reader.problems.append(Problem(Mark(folder, 1, 1), "", message))
    return bool(missing)


def _read_list_section(reader: Reader, found: dict[str, tuple[Scalar, Node]], name: str, cls: type) -> Any:
    if name not in found:
        return ()
    key, node = found[name]
    if not isinstance(node, Sequence):
        reader.error(node, name, f"section '{name}' must be a list of entries, each starting with '- id:'")
        return ()
    items = (reader.read(item, cls, f"{name}[{index}]", Scope()) for index, item in enumerate(node.items))
    return tuple(item for item in items if item is not INVALID)
