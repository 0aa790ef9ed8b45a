"""A plain-language account of what a move did, for the game log and the command line."""

from collections.abc import Sequence

from game.engine.state import Unit
from game.ruleset.model import Ruleset

DETAIL_INDENT = "    "


class Log:
    """Collects lines; a disabled log costs almost nothing, so searches run without one."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.lines: list[str] = []

    def __bool__(self) -> bool:
        return self.enabled

    def add(self, line: str) -> None:
        """Record a headline: a move, an event, a new turn, a result."""
        if self.enabled:
            self.lines.append(line)

    def detail(self, line: str) -> None:
        """Record a consequence of the last headline; shown indented under it."""
        if self.enabled:
            self.lines.append(DETAIL_INDENT + line)


QUIET = Log(enabled=False)


def listed(parts: Sequence[str]) -> str:
    """Words joined as a sentence lists them: "A", "A and B", "A, B and C"."""
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def faction_name(rules: Ruleset, faction: str | None) -> str:
    """A faction's short name, or 'nobody'."""
    return "nobody" if faction is None else rules.faction[faction].short


def area_name(rules: Ruleset, area: str) -> str:
    """An area's name as players read it inside a sentence: "march to the ministries" (the map says "The
    ministries"). At the start of a sentence, wrap it in ``capitalised``."""
    name = rules.area[area].name
    return "the" + name[3:] if name.startswith("The ") else name


def capitalised(text: str) -> str:
    """The text with its first letter in capitals, the rest as it was ("the Duma" gives "The Duma")."""
    return text[:1].upper() + text[1:]


def units_text(rules: Ruleset, units: tuple[Unit, ...]) -> str:
    """``2 Red Guards, 1 Armoured car`` in the order the units are listed."""
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit.kind] = counts.get(unit.kind, 0) + 1
    return ", ".join(rules.unit[kind].counted(count) for kind, count in counts.items()) or "no units"


def units_doing(rules: Ruleset, units: tuple[Unit, ...], singular: str, plural: str) -> str:
    """``3 Red Guards march``, ``1 Armoured car marches``: the units with a verb that agrees with them."""
    return f"{units_text(rules, units)} {singular if len(units) == 1 else plural}"
