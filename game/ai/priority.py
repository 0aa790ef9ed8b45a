"""The ``easy`` bot: follows its faction's flowchart from the YAML, like the bots of the COIN board games.

Each faction lists ``priorities`` in factions.yaml, most urgent first. The bot
takes the first line whose ``when`` holds and which matches a legal move (a
given action, kind of action, decree, card, choice option, or passing), picks
one of the matching moves at random, and says the line's reason. Now and then
it acts on a hunch instead (a random legal move): that is its handicap.
"""

from game.ai.lookahead import Choice
from game.engine import Choose, Game, GameState, IssueDecree, Move, Pass, PlayCard, UseAction
from game.engine.log import faction_name
from game.engine.rng import Generator
from game.ruleset.model import Priority

HUNCH_PER_MILLE = 350  # about one decision in three ignores the flowchart


class PriorityBot:
    """The faction's flowchart with some randomness; explainable by the line that decided."""

    level = "easy"

    def __init__(self, seed: int, hunch_per_mille: int = HUNCH_PER_MILLE) -> None:
        self.generator = Generator(seed)
        self.hunch_per_mille = hunch_per_mille

    def choose(self, game: Game, state: GameState) -> Move:
        """The move of the first flowchart line that applies."""
        return self.choose_explained(game, state).move

    def choose_explained(self, game: Game, state: GameState) -> Choice:
        """The move and the flowchart line that chose it."""
        faction = str(game.current_player(state))
        who = faction_name(game.rules, faction)
        moves = game.legal_moves(state)
        if self.generator.below(1000) < self.hunch_per_mille:
            return Choice(self.pick(moves), f"{who}: acts on a hunch")
        for priority in game.rules.faction[faction].priorities:
            if not game.holds(state, faction, priority.when):
                continue
            matching = [move for move in moves if matches(game, state, faction, priority, move)]
            if matching:
                return Choice(self.pick(matching), f"{who}: {priority.reason}")
        return Choice(self.pick(moves), f"{who}: nothing on its list applies, so it acts on a hunch")

    def pick(self, moves: list[Move] | tuple[Move, ...]) -> Move:
        """One of ``moves`` at random, from the bot's own generator."""
        return moves[self.generator.below(len(moves))]


def matches(game: Game, state: GameState, faction: str, priority: Priority, move: Move) -> bool:
    """Whether ``move`` is one the flowchart line asks for, aimed where its ``target`` allows."""
    rules = game.rules
    if isinstance(move, Pass):
        return priority.pass_turn
    if isinstance(move, Choose):
        return priority.choose == move.option
    if isinstance(move, IssueDecree):
        return priority.decree in ("any", move.decree)
    if isinstance(move, PlayCard):
        wanted = priority.card in ("any", move.card)
        return wanted and _aimed_well(game, state, faction, priority, move.area)
    if isinstance(move, UseAction):
        action = rules.action[move.action]
        wanted = priority.action == action.id or (priority.kind is not None and priority.kind == action.kind)
        return wanted and _aimed_well(game, state, faction, priority, move.to or move.area)
    return False


def _aimed_well(game: Game, state: GameState, faction: str, priority: Priority, area: str | None) -> bool:
    if not priority.target:
        return True
    return area is not None and game.holds(state, faction, priority.target, target=area)
