"""Problems found in rules files, reported as ``file:line:col: path: message``."""

import difflib
from collections.abc import Iterable

import attrs


@attrs.frozen(order=True)
class Mark:
    """A place in a rules file; line and column count from 1."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@attrs.frozen(order=True)
class Problem:
    """One thing wrong with the rules, with where it is and what would fix it."""

    mark: Mark
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.mark}: {where}{self.message}"


class RulesError(Exception):
    """The rules could not be loaded; ``problems`` lists every reason, sorted."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the rules")

    def report(self) -> str:
        """Every problem on its own line, as a designer's editor can jump to it."""
        return "\n".join(str(problem) for problem in self.problems)


class UnknownScenarioError(LookupError):
    """A scenario asked for by id that the rules do not have; the message lists the ones they have."""

    def __init__(self, scenario_id: str, known: tuple[str, ...]) -> None:
        super().__init__(f"no scenario '{scenario_id}' in the rules; they have: {', '.join(known)}")
        self.scenario_id = scenario_id
        self.known = known


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``; did you mean 'x'?`` suffix when a close match exists, else ``''``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
