"""The deciding player's options, grouped as the side panel lists them: answers, actions, cards, decrees, pass.

An ``Entry`` gathers the legal moves behind one button. Clicking the button
either plays its one move or, when its moves aim at areas, lights up those
areas on the map; clicking a lit area picks the move. Marches and attacks
aim at the area they go *to*; if several of the faction's stacks could go
there, a second click picks where from. Nothing here imports pygame.
"""

from collections.abc import Mapping, Sequence

import attrs

from game.engine import Game
from game.engine.moves import Choose, IssueDecree, Move, Pass, PlayCard, UseAction
from game.engine.state import ActionTurn, GameState, PendingChoice
from game.ruleset.model import Action, Card, Decree, Ruleset
from game.ui.why_not import closed_options


@attrs.frozen
class Entry:
    """One button: its text, its tooltip and the legal moves it stands for."""

    key: str
    section: str
    text: str
    tooltip: str
    moves: tuple[Move, ...]

    @property
    def aimed(self) -> bool:
        """Whether a click on the map must pick the move."""
        return any(target(move) is not None for move in self.moves)

    def targets(self) -> frozenset[str]:
        """The areas to light up."""
        return frozenset(area for move in self.moves if (area := target(move)) is not None)

    def moves_at(self, area: str) -> tuple[Move, ...]:
        """The moves that aim at ``area``."""
        return tuple(move for move in self.moves if target(move) == area)


def target(move: Move) -> str | None:
    """The area a move aims at: where a march or attack goes, else the area it acts on."""
    if isinstance(move, UseAction):
        return move.to or move.area
    if isinstance(move, PlayCard):
        return move.area
    return None


def source(move: Move) -> str | None:
    """Where a march or attack starts (``None`` for other moves)."""
    return move.area if isinstance(move, UseAction) and move.to else None


def entries(rules: Ruleset, state: GameState, moves: Sequence[Move]) -> list[Entry]:
    """The buttons for the legal moves, in the order the rules list them; pass comes last."""
    grouped: dict[str, list[Move]] = {}
    for move in moves:
        grouped.setdefault(_key(move), []).append(move)
    decision = state.decision
    result = []
    for key, group in grouped.items():
        result.append(_entry(rules, decision, key, tuple(group)))
    return result


def _key(move: Move) -> str:
    if isinstance(move, UseAction):
        return f"action:{move.action}"
    if isinstance(move, IssueDecree):
        return f"decree:{move.decree}"
    if isinstance(move, PlayCard):
        return f"card:{move.card}"
    if isinstance(move, Choose):
        return f"choose:{move.option}"
    return "pass" if isinstance(move, Pass) else f"other:{move.notation()}"


def _entry(rules: Ruleset, decision: object, key: str, moves: tuple[Move, ...]) -> Entry:
    kind, _, ident = key.partition(":")
    if kind == "action":
        action = rules.action[ident]
        cost = f" · {action.cost}" if action.cost else ""
        aim = f" ({len({target(move) for move in moves})} places)" if any(target(m) for m in moves) else ""
        return Entry(key, "Actions", f"{action.name}{cost}", _note(action.name, action.cost, action.history,
                                                                 action.discuss, aim), moves)
    if kind == "decree":
        decree = rules.decree[ident]
        return Entry(key, "Decrees", f"{decree.name} · {decree.cost}",
                     _note(decree.name, decree.cost, decree.history, decree.discuss), moves)
    if kind == "card":
        card = rules.card[ident]
        cost = f" · {card.cost}" if card.cost else ""
        return Entry(key, "Your cards", f"{card.name}{cost}", _note(card.name, card.cost, card.history,
                                                                  card.discuss), moves)
    if kind == "choose":
        options = decision.options if isinstance(decision, PendingChoice) else ()
        name = next((option.name for option in options if option.id == ident), ident)
        return Entry(key, "Your answer", name, f"Answer: {name}", moves)
    return Entry(key, "", "Pass", "End your actions for this turn", moves)


def _note(name: str, cost: int, history: str, discuss: str, aim: str = "") -> str:
    """A tooltip in pygame_gui's HTML: name, cost, history note and question."""
    parts = [f"<b>{name}</b>", f"Costs {cost} influence{aim}." if cost else f"Free{aim}."]
    if history:
        parts.append(f"<i>{history}</i>")
    if discuss:
        parts.append(f"Discuss: {discuss}")
    return "<br>".join(parts)


SECTIONS = ("Your answer", "Actions", "Your cards", "Decrees", "Not possible now")
TILED = ("Your cards", "Decrees")  # shown as small cards; the others as rows


@attrs.frozen
class Option:
    """One thing the panel lists: an open entry, or something of the faction's that is closed now, and why."""

    key: str  # "action:march", "decree:decree_land", "card:muraviev", "choose:rise"
    section: str
    text: str
    cost: int
    entry: Entry | None  # None when it may not be used now
    reason: str = ""

    @property
    def enabled(self) -> bool:
        """Whether it may be used now."""
        return self.entry is not None

    @property
    def ident(self) -> str:
        """The action's, decree's, card's or option's id."""
        return self.key.partition(":")[2]


def options(game: Game, state: GameState, moves: Sequence[Move]) -> list[Option]:
    """Everything the deciding faction sees in the panel, section by section; pass is left to its button."""
    rules = game.rules
    open_entries = {entry.key: entry for entry in entries(rules, state, moves) if entry.key != "pass"}
    found = [Option(key, _section(key), _plain(entry.text), _cost(rules, key), entry)
             for key, entry in open_entries.items()]
    decision = state.decision
    if isinstance(decision, ActionTurn):
        for closed in closed_options(game, state, decision.faction):
            section = "Not possible now" if closed.key.startswith("action:") else _section(closed.key)
            found.append(Option(closed.key, section, closed.name, closed.cost, None, closed.reason))
    order = {key: index for index, key in enumerate(_rules_order(rules))}
    return sorted(found, key=lambda option: (SECTIONS.index(option.section), order.get(option.key, 0)))


def _section(key: str) -> str:
    kind = key.partition(":")[0]
    return {"action": "Actions", "decree": "Decrees", "card": "Your cards", "choose": "Your answer"}[kind]


def _plain(text: str) -> str:
    """An entry's words without the cost the panel shows apart."""
    return text.split(" · ")[0]


def _cost(rules: Ruleset, key: str) -> int:
    kind, _, ident = key.partition(":")
    tables: dict[str, Mapping[str, Action | Decree | Card]] = {"action": rules.action, "decree": rules.decree,
                                                             "card": rules.card}
    table = tables.get(kind)
    return table[ident].cost if table is not None and ident in table else 0


def _rules_order(rules: Ruleset) -> list[str]:
    return ([f"action:{action.id}" for action in rules.actions] + [f"decree:{decree.id}" for decree in rules.decrees]
            + [f"card:{card.id}" for card in rules.cards])
