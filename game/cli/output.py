"""Small helpers for printing to the terminal."""

import json
import sys
from pathlib import Path
from typing import Any

from game.rulesdir import load_rules_dir
from game.ruleset import RulesError, UnknownScenarioError
from game.ruleset.model import Ruleset


def print_json(data: Any) -> None:
    """Indented JSON on stdout, keys in the order given, non-ASCII kept readable."""
    print(json.dumps(data, indent=2, ensure_ascii=False))


def fail(message: str) -> int:
    """Print a one-line error on stderr; return the exit code for a failed command."""
    print(f"petrograd: {message}", file=sys.stderr)
    return 1


def load_or_report(folder: Path, scenario: str | None = None) -> Ruleset | None:
    """The rules in ``folder`` set up for ``scenario`` (default: the first), or ``None`` after saying why not."""
    try:
        rules = load_rules_dir(folder)
    except RulesError as error:
        print(error.report(), file=sys.stderr)
        print(f"petrograd: {error}; nothing was run", file=sys.stderr)
        return None
    if scenario is None:
        return rules
    try:
        return rules.with_scenario(scenario)
    except UnknownScenarioError as error:
        fail(f"--scenario: {error}")
        return None


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, noun: str) -> None:
        self.total, self.noun, self.count = total, noun, 0
        self.shown = sys.stderr.isatty() and total > 1

    def advance(self) -> None:
        """One more item done."""
        self.count += 1
        if self.shown:
            filled = 30 * self.count // self.total
            print(f"\r[{'#' * filled}{' ' * (30 - filled)}] {self.count}/{self.total} {self.noun}",
                  end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        """Clear the bar."""
        if self.shown:
            print("\r" + " " * 60 + "\r", end="", file=sys.stderr, flush=True)
