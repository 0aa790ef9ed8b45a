"""The one game API that the front end, the bots, the saves and the tests all use.

>>> from game.rulesdir import load_rules_dir
>>> game = Game(load_rules_dir())
>>> state = game.new_initial_state(seed=1)
>>> game.current_player(state) in (*game.seats, CHANCE)
True
"""

from collections.abc import Iterable
from typing import Any

from game.engine import legal, observe, play
from game.engine.bounds import step_bound
from game.engine.conditions import holds_all
from game.engine.flow import final_scoring, new_game, objective_points
from game.engine.goals import GoalStatus, Reader, closeness_reader, goal_statuses
from game.engine.log import QUIET, Log
from game.engine.moves import ChanceOutcome, Choose, Move
from game.engine.state import GameState, PendingChance, PendingChoice, Result, context_of
from game.ruleset.model import Ruleset
from game.ruleset.vocabulary import Condition

CHANCE = "chance"


class Game:
    """A ruleset made playable: static facts about the game and pure functions of a state."""

    def __init__(self, rules: Ruleset) -> None:
        self.rules = rules
        self.seats: tuple[str, ...] = rules.seats
        self.max_steps = step_bound(rules)

    def new_initial_state(self, seed: int) -> GameState:
        """The first decision of a new game; ``seed`` fixes every dice roll and draw."""
        return new_game(self.rules, seed, QUIET)

    def new_initial_state_logged(self, seed: int) -> tuple[GameState, tuple[str, ...]]:
        """Like ``new_initial_state``, with an account of the first events."""
        log = Log()
        state = new_game(self.rules, seed, log)
        return state, tuple(log.lines)

    def current_player(self, state: GameState) -> str | None:
        """The faction to decide, ``CHANCE`` for dice and draws, or ``None`` once the game is over."""
        decision = state.decision
        if state.result is not None or decision is None:
            return None
        if isinstance(decision, PendingChance):
            return CHANCE
        return decision.faction

    def legal_moves(self, state: GameState) -> tuple[Move, ...]:
        """Every legal move, always in the same order for the same state."""
        return legal.legal_moves(self.rules, state)

    def chance_outcomes(self, state: GameState) -> tuple[tuple[ChanceOutcome, float], ...]:
        """At a chance step: each outcome with its probability."""
        decision = state.decision
        if not isinstance(decision, PendingChance):
            return ()
        total = sum(outcome.weight for outcome in decision.outcomes)
        return tuple((ChanceOutcome(outcome.id), outcome.weight / total) for outcome in decision.outcomes)

    def sample_chance(self, state: GameState) -> ChanceOutcome:
        """The outcome this game's own seeded generator gives at a chance step."""
        return play.sample_chance(state)

    def apply(self, state: GameState, move: Move) -> GameState:
        """The state after ``move``; raises ``IllegalMoveError`` and changes nothing if it is illegal."""
        return play.apply_move(self.rules, state, move, QUIET, self.max_steps)

    def apply_generated(self, state: GameState, move: Move) -> GameState:
        """Like ``apply`` without the legality check, for a move this game just generated for ``state``.

        The move must come from ``legal_moves``, ``chance_outcomes`` or
        ``sample_chance`` of this very state; anything else gives an undefined
        state. The bots' searches use it, since checking a move they have just
        generated costs a tenth of their time.
        """
        return play.apply_move(self.rules, state, move, QUIET, self.max_steps, checked=False)

    def apply_logged(self, state: GameState, move: Move) -> tuple[GameState, tuple[str, ...]]:
        """Like ``apply``, with a plain-language account of what happened."""
        log = Log()
        after = play.apply_move(self.rules, state, move, log, self.max_steps)
        return after, tuple(log.lines)

    def describe_move(self, state: GameState, move: Move) -> str:
        """The move in words, as the log's first line for it tells it: "Whites: March (Gatchina → Pulkovo
        heights).", "Sovnarkom decide: Leave the ministries alone..." or, for a chance step, its prompt and
        outcome."""
        decision = state.decision
        if isinstance(decision, PendingChoice) and isinstance(move, Choose):
            option = next((option for option in decision.options if option.id == move.option), None)
            if option is not None:
                return play.answer_text(self.rules, decision, option)
        if isinstance(decision, PendingChance) and isinstance(move, ChanceOutcome):
            outcome = next((outcome for outcome in decision.outcomes if outcome.id == move.outcome), None)
            if outcome is not None:
                return play.chance_text(decision, outcome)
        player = self.current_player(state)
        if player is None or player == CHANCE:  # the game is over, or a move that is not this chance step's
            return move.notation()
        return play.describe_move(self.rules, player, move)

    def is_legal(self, state: GameState, move: Move) -> bool:
        """Whether ``move`` may be applied now."""
        return play.is_legal(self.rules, state, move)

    def observation(self, state: GameState, faction: str | None) -> dict[str, Any]:
        """What ``faction`` may see of ``state`` (``None``: what every seat sees), as plain data."""
        return observe.observation(self.rules, state, faction)

    def determinise(self, state: GameState, faction: str, seed: int) -> GameState:
        """A state ``faction`` cannot tell from ``state``: others' hidden cards dealt afresh, new dice."""
        return observe.determinise(self.rules, state, faction, seed)

    def goals(self, state: GameState, faction: str) -> tuple[GoalStatus, ...]:
        """The faction's sudden deaths and objectives, with how many of their conditions hold now."""
        return goal_statuses(self.rules, state, faction)

    def closeness_readers(self, faction: str, conditions: Iterable[Condition]) -> tuple[Reader, ...]:
        """For each condition, read for ``faction``, a function of the state: 1 if it holds, else how far a track or
        count has come towards it (0 to 1). Built once, for searches that read the same conditions in many states."""
        context = context_of(faction)
        return tuple(closeness_reader(self.rules, condition, context) for condition in conditions)

    def points(self, state: GameState, faction: str) -> int:
        """The objective points the faction would score if the game ended now."""
        return objective_points(self.rules, state, faction)

    def scored_at_end(self, state: GameState) -> Result:
        """The result this game's final scoring gives ``state``: objective points, then tie-breaks.

        ``rescore`` uses it to score the last position of a game kept from a
        batch under other points; the state's own result is not read.
        """
        result = final_scoring(self.rules, state, QUIET).result
        assert result is not None, "final scoring always gives a result"
        return result

    def holds(self, state: GameState, faction: str, conditions: Iterable[Condition], target: str | None = None) -> bool:
        """Whether rules conditions all hold for ``faction`` (``self``), aimed at ``target`` if given."""
        return holds_all(self.rules, state, conditions, context_of(faction, target))

    def is_terminal(self, state: GameState) -> bool:
        """Whether the game is over."""
        return state.result is not None

    def outcome(self, state: GameState) -> Result | None:
        """Who won and why, once the game is over."""
        return state.result

    def returns(self, state: GameState) -> tuple[float, ...]:
        """One number per seat: winners share 1, the others get 0 (all 0 before the end or after a stall)."""
        result = state.result
        if result is None or not result.winners:
            return (0.0,) * len(self.seats)
        share = 1.0 / len(result.winners)
        return tuple(share if faction in result.winners else 0.0 for faction in self.seats)
