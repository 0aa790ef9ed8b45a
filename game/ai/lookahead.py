"""The ``normal`` bot: looks one move ahead, weighs the dice, and says why it chose.

It tries every legal move in a world dealt afresh from what it may see (so it
never reads another faction's hand or the dice to come), follows each move
through the chance steps it causes, averaging over their listed outcomes, and
keeps the move whose position the evaluation likes best. Its reason names the
goal the move brings nearer, in the faction's own words from the YAML.
"""

from collections.abc import Callable

import attrs

from game.ai.evaluate import evaluate, forecast_for
from game.engine import CHANCE, Game, GameState, Move, Pass
from game.engine.goals import GoalStatus
from game.engine.log import faction_name
from game.engine.rng import Generator

CHANCE_DEPTH = 2  # chance steps weighed outcome by outcome; deeper ones are sampled once
MAX_SAMPLED_STEPS = 16  # a guard: chance steps followed by sampling after the weighed ones

Judge = Callable[[Game, GameState, str], float]  # a faction's value of a position: ``evaluate`` or ``forecast_for``


@attrs.frozen
class Choice:
    """A bot's move and its one-line reason."""

    move: Move
    reason: str


class LookaheadBot:
    """One move ahead with the expectation over dice and draws; explainable."""

    level = "normal"

    def __init__(self, seed: int) -> None:
        self.generator = Generator(seed)

    def choose(self, game: Game, state: GameState) -> Move:
        """The best legal move by a one-move look-ahead."""
        return self.choose_explained(game, state).move

    def choose_explained(self, game: Game, state: GameState) -> Choice:
        """The move and why, e.g. "Whites: towards 'The Pulkovo heights are held'"."""
        faction = str(game.current_player(state))
        world = game.determinise(state, faction, self.generator.below(1 << 62))
        moves = game.legal_moves(world)
        if len(moves) == 1:
            return Choice(moves[0], f"{faction_name(game.rules, faction)}: the only move")
        values = [expected_value(game, game.apply_generated(world, move), faction, CHANCE_DEPTH) for move in moves]
        best = max(values)
        tied = [index for index, value in enumerate(values) if value >= best - 1e-9]
        chosen = moves[tied[self.generator.below(len(tied))]]
        return Choice(chosen, explain(game, world, chosen, faction))


def expected_value(game: Game, state: GameState, faction: str, depth: int, judge: Judge = evaluate) -> float:
    """The evaluation (or ``judge``) once the move's chance steps are over: weighed while ``depth`` lasts, then
    sampled."""
    if game.current_player(state) != CHANCE:
        return judge(game, state, faction)
    if depth > 0:
        return sum(probability * expected_value(game, game.apply_generated(state, outcome), faction, depth - 1, judge)
                   for outcome, probability in game.chance_outcomes(state))
    for _ in range(MAX_SAMPLED_STEPS):
        if game.current_player(state) != CHANCE:
            break
        state = game.apply_generated(state, game.sample_chance(state))  # the world's own dice, re-seeded by determinise
    return judge(game, state, faction)


def explain(game: Game, state: GameState, move: Move, faction: str) -> str:
    """The goal a move brings nearer (or takes from a rival), else the move and the faction's forecast after it."""
    reason = goal_reason(game, state, move, faction)
    if reason is not None:
        return reason
    who = faction_name(game.rules, faction)
    chance = expected_value(game, game.apply(state, move), faction, CHANCE_DEPTH, forecast_for)
    if isinstance(move, Pass):
        return f"{who}: passes; no move in view improves its position (forecast: about {chance:.0%} to win)"
    return f"{move_reason(game, state, move, faction)}; the best position in view (forecast: about {chance:.0%} to win)"


def move_reason(game: Game, state: GameState, move: Move, faction: str) -> str:
    """The move as the log tells it, after the faction's name, e.g. "Whites: March (Gatchina → Pulkovo heights)"."""
    who = faction_name(game.rules, faction)
    described = game.describe_move(state, move).rstrip(".")
    return described if described.startswith(who) else f"{who}: {described}"


def goal_reason(game: Game, state: GameState, move: Move, faction: str) -> str | None:
    """The goal a move brings nearer or secures, or takes from a rival, on its likeliest dice; None if none."""
    after = most_likely_outcome(game, game.apply(state, move))
    who = faction_name(game.rules, faction)
    mine = _progress(game.goals(state, faction), game.goals(after, faction))
    if mine is not None:
        goal, now = mine
        if now.held and goal.sudden_death:
            return f"{who}: this wins the game ({goal.name})"
        if now.held:
            return f"{who}: secures '{goal.name}' (+{goal.points} point{'s' if goal.points > 1 else ''})"
        return f"{who}: a step towards '{goal.name}'"
    for rival in game.seats:
        if rival != faction:
            hindered = _progress(game.goals(after, rival), game.goals(state, rival))
            if hindered is not None:
                return f"{who}: keeps {faction_name(game.rules, rival)} from '{hindered[0].name}'"
    return None


def most_likely_outcome(game: Game, state: GameState) -> GameState:
    """Follow the chance steps a move causes, taking the likeliest outcome each time."""
    for _ in range(MAX_SAMPLED_STEPS):
        if game.current_player(state) != CHANCE:
            break
        outcome, _ = max(game.chance_outcomes(state), key=lambda pair: pair[1])
        state = game.apply_generated(state, outcome)
    return state


def _progress(before: tuple[GoalStatus, ...], after: tuple[GoalStatus, ...]) -> tuple[GoalStatus, GoalStatus] | None:
    """The goal that gained most conditions, worth most points first; ``None`` if none gained."""
    gains = [(now.met - old.met, 100 if old.sudden_death else old.points, old, now)
             for old, now in zip(before, after) if now.met > old.met]
    if not gains:
        return None
    _, _, old, now = max(gains, key=lambda gain: (gain[0], gain[1]))
    return old, now
