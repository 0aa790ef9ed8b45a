"""Printing a game's log as it is played or replayed."""

from game.engine import ChanceOutcome, Game, GameState, Move
from game.engine.log import faction_name
from game.engine.state import PendingChance


class Narrator:
    """Prints each move's log; hidden card draws are shown too, marked as hidden (this is a designer's view)."""

    def __init__(self, game: Game) -> None:
        self.game = game

    def start(self, state: GameState, lines: tuple[str, ...]) -> None:
        """Print what happened before the first decision."""
        for line in lines:
            print(line)

    def step(self, before: GameState, move: Move, after: GameState, lines: tuple[str, ...]) -> None:
        """Print one move's log."""
        decision = before.decision
        if isinstance(decision, PendingChance) and decision.private_to and isinstance(move, ChanceOutcome):
            rules = self.game.rules
            place = [outcome.id for outcome in decision.outcomes].index(move.outcome)
            card = rules.card[before.decks[rules.seat_index[decision.private_to]][place]].name
            print(f"{decision.prompt}: {card} (hidden from the other seats)")
            lines = lines[1:]  # the public line, which only says that a card was drawn
        for line in lines:
            print(line)


def result_text(game: Game, state: GameState) -> str:
    """One line saying how the game ended."""
    result = state.result
    if result is None:
        return f"The game is not over: turn {state.turn}, {state.phase} phase, step {state.steps}."
    if result.stalled:
        return f"No winner: {result.reason}."
    names = " and ".join(faction_name(game.rules, faction) for faction in result.winners)
    return f"Winner: {names} ({result.reason}) after {state.steps} steps."
