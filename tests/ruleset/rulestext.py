"""The small test rules as text, and helpers to break them one way at a time.

Each test starts from ``MINI_TEXT`` (the file tests/fixtures/mini_rules/mini.yaml,
a valid ruleset), changes one thing, and looks at what ``load_rules`` says.
"""

from collections.abc import Mapping
from pathlib import Path

import pytest

from game.ruleset import Problem, RulesError, Ruleset, load_rules

MINI_TEXT = (Path(__file__).parents[1] / "fixtures" / "mini_rules" / "mini.yaml").read_text(encoding="utf-8")
FILE = "rules/mini.yaml"

Sources = str | Mapping[str, str]


def edited(old: str, new: str, text: str = MINI_TEXT) -> str:
    """The text with one exact piece replaced; the piece must occur exactly once."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def adding(section: str, entry: str, text: str = MINI_TEXT) -> str:
    """The text with one flow-style entry added at the top of a list section."""
    return edited(f"\n{section}:\n", f"\n{section}:\n  - {entry}\n", text)


def split_by_section(text: str = MINI_TEXT) -> dict[str, str]:
    """The rules cut into one file per top-level section, as the shipped rules are."""
    files: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines(keepends=True):
        if line[:1].isalpha():
            current = files.setdefault(f"rules/{line.split(':')[0]}.yaml", [])
        current.append(line)
    return {name: "".join(lines) for name, lines in files.items()}


def _as_sources(sources: Sources) -> Mapping[str, str]:
    return {FILE: sources} if isinstance(sources, str) else sources


def loads(sources: Sources) -> Ruleset:
    """The rules, which must load without a problem."""
    try:
        return load_rules(_as_sources(sources))
    except RulesError as error:
        pytest.fail(f"expected the rules to load, got:\n{error.report()}")


def problems_in(sources: Sources) -> tuple[Problem, ...]:
    """Every problem ``load_rules`` reports; the rules must not load."""
    with pytest.raises(RulesError) as caught:
        load_rules(_as_sources(sources))
    return caught.value.problems


def only_problem(sources: Sources) -> Problem:
    """The one problem ``load_rules`` reports."""
    problems = problems_in(sources)
    assert len(problems) == 1, "\n".join(str(problem) for problem in problems)
    return problems[0]


def line_of(fragment: str, text: str = MINI_TEXT) -> int:
    """The line (from 1) where ``fragment`` first occurs in ``text``."""
    assert fragment in text, fragment
    return text[:text.index(fragment)].count("\n") + 1


def col_of(fragment: str, text: str = MINI_TEXT) -> int:
    """The column (from 1) where ``fragment`` first occurs in ``text``."""
    start = text.index(fragment)
    return start - text.rfind("\n", 0, start)


def first_scenario_only(text: str = MINI_TEXT) -> str:
    """The text with the scenarios after the first cut off: rules with a single scenario.

    The mini rules have two scenarios, ``mini`` and ``mini_short`` (the last thing
    in the file); tests of what happens when the only scenario is broken use this.
    """
    head, separator, _ = text.partition("\n- id: mini_short\n")
    assert separator, "the text has no second scenario 'mini_short'"
    return head + "\n"
