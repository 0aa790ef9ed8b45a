"""Petrograd 1917 as an OpenSpiel game, and OpenSpiel's MCTS as a bot for our runner.

Importing this module registers ``python_petrograd_1917`` with OpenSpiel:

>>> import pyspiel
>>> import game.interop.openspiel
>>> spiel_game = pyspiel.load_game("python_petrograd_1917")
>>> spiel_game.num_players(), spiel_game.get_type().chance_mode.name
(4, 'EXPLICIT_STOCHASTIC')

The parameters ``rules_dir`` (a rules folder; default the shipped ``rules/``)
and ``scenario`` (default the folder's first) pick the game. Players are the
seats in initiative order; actions and chance outcomes are numbered once per
ruleset (``game.interop.actions``); returns are the engine's (winners share 1,
so general-sum in [0, 1]: a stalled game gives every seat 0). Information-state
and observation strings show only what a seat may see (``game.interop.views``);
there are no tensors. A state serializes as the text of its moves and is
rebuilt by replaying them.

``OpenSpielMctsBot`` plays one seat with OpenSpiel's Python ``MCTSBot`` and
random roll-outs. It never reads hidden cards: it searches a world dealt
afresh from what its faction may see (``Game.determinise``), one world per move.
"""

import math
import time
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyspiel
from open_spiel.python.algorithms import mcts

from game.engine import CHANCE, Game, GameState, Move, parse_move
from game.engine.rng import derive_seed
from game.interop import views
from game.interop.actions import ActionSpace, build_action_space
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir

SHORT_NAME = "python_petrograd_1917"
IN_MEMORY = "<in memory>"  # the rules_dir of a game made from an engine Game rather than loaded from a folder
DEFAULT_ITERATIONS = 30  # about 2 s a move on the shipped rules (random roll-outs run whole games), like hard's
UCT_C = math.sqrt(2)  # the classic UCT constant for returns in [0, 1]
_CHANCE = int(pyspiel.PlayerId.CHANCE)
_TERMINAL = int(pyspiel.PlayerId.TERMINAL)

GAME_TYPE = pyspiel.GameType(
    short_name=SHORT_NAME,
    long_name="Petrograd 1917",
    dynamics=pyspiel.GameType.Dynamics.SEQUENTIAL,
    chance_mode=pyspiel.GameType.ChanceMode.EXPLICIT_STOCHASTIC,
    information=pyspiel.GameType.Information.IMPERFECT_INFORMATION,
    utility=pyspiel.GameType.Utility.GENERAL_SUM,
    reward_model=pyspiel.GameType.RewardModel.TERMINAL,
    max_num_players=10,
    min_num_players=1,
    provides_information_state_string=True,
    provides_information_state_tensor=False,
    provides_observation_string=True,
    provides_observation_tensor=False,
    parameter_specification={"rules_dir": "", "scenario": ""},
)


@attrs.frozen(eq=False)
class Adapted:
    """An engine game with its action space and first state, made once per ruleset and shared by its states."""

    game: Game
    space: ActionSpace
    start: GameState

    @classmethod
    def of(cls, game: Game) -> "Adapted":
        """The adapter's view of an engine game."""
        return cls(game, build_action_space(game.rules), game.new_initial_state(seed=0))


_LOADED: dict[tuple[str, str], Adapted] = {}  # load_game is called often (every deserialization): parse once


def load_adapted(rules_dir: str = "", scenario: str = "") -> Adapted:
    """The rules in ``rules_dir`` (default: the shipped ones), set up for ``scenario`` (default: the first)."""
    folder = str(Path(rules_dir).resolve()) if rules_dir else str(DEFAULT_RULES_DIR)
    key = (folder, scenario)
    if key not in _LOADED:
        rules = load_rules_dir(folder)
        _LOADED[key] = Adapted.of(Game(rules.with_scenario(scenario) if scenario else rules))
    return _LOADED[key]


@attrs.frozen(eq=False)
class Node:
    """Where a state stands: the engine state and the moves that led there. Immutable, so clones share it."""

    adapted: Adapted
    state: GameState
    last: views.Step | None = None
    replayable: bool = True  # False for a state made from an engine state: its moves are unknown
    memo: dict[str, Any] = attrs.field(init=False, factory=dict, repr=False)  # derived values, asked for often

    def legal_actions(self) -> list[int]:
        """The numbers of the legal moves, ascending (OpenSpiel asks several times per state)."""
        if "legal" not in self.memo:
            space, game = self.adapted.space, self.adapted.game
            self.memo["legal"] = sorted(space.index(move) for move in game.legal_moves(self.state))
        return list(self.memo["legal"])

    def __deepcopy__(self, memo: dict[int, Any]) -> "Node":
        return self  # OpenSpiel clones a Python state by deep-copying its attributes

    def __reduce__(self) -> tuple[type, tuple[tuple[str, ...]]]:
        """Pickled (by OpenSpiel's ``serialize``) as the text of its moves, replayed on loading."""
        if not self.replayable:
            raise TypeError("a state made from an engine state has no history to serialize")
        return Replay, (tuple(step.notation for step in views.steps(self.last)),)


@attrs.frozen
class Replay:
    """A deserialized state's moves, waiting to be replayed from the start when the state is first used."""

    moves: tuple[str, ...]


class PetrogradGame(pyspiel.Game):  # type: ignore[misc]
    """The static game: players, action numbering, utilities and length bound, from one ruleset."""

    def __init__(self, params: dict[str, Any] | None = None, engine: Game | None = None) -> None:
        params = {"rules_dir": "", "scenario": "", **(params or {})}
        if engine is None:
            self.adapted = load_adapted(str(params["rules_dir"]), str(params["scenario"]))
        else:
            self.adapted = Adapted.of(engine)
            params = {"rules_dir": IN_MEMORY, "scenario": engine.rules.id}
        game, space = self.adapted.game, self.adapted.space
        info = pyspiel.GameInfo(num_distinct_actions=len(space.moves), max_chance_outcomes=len(space.outcomes),
                                num_players=len(game.seats), min_utility=0.0, max_utility=1.0,
                                max_game_length=game.max_steps)
        super().__init__(GAME_TYPE, info, params)
        self.engine = game
        self.space = space

    def new_initial_state(self, state: Any = None) -> "PetrogradState":
        """The start of a game (the engine's setup and first events done)."""
        if state is not None:
            raise ValueError("python_petrograd_1917 starts only from its initial state; use deserialize_state")
        return PetrogradState(self, Node(self.adapted, self.adapted.start))

    def state_at(self, state: GameState) -> "PetrogradState":
        """An OpenSpiel state at an engine state, e.g. a determinised world; its history starts here."""
        return PetrogradState(self, Node(self.adapted, state, replayable=False))

    def replay(self, moves: tuple[str, ...]) -> Node:
        """The node reached by playing ``moves`` (notations) from the start."""
        state = self.new_initial_state()
        for notation in moves:
            state.apply_move(parse_move(notation))
        return state.node()

    def make_py_observer(self, iig_obs_type: Any = None, params: Any = None) -> "Observer":
        """Observation strings (``perfect_recall``: information-state strings) for one seat."""
        return Observer(iig_obs_type, params)


class PetrogradState(pyspiel.State):  # type: ignore[misc]
    """One node of the game: a thin wrapper over an immutable engine state."""

    def __init__(self, game: PetrogradGame, node: Node) -> None:
        super().__init__(game)
        self._node: Node | Replay = node

    def node(self) -> Node:
        """The engine state and history, replaying the moves first if the state was just deserialized."""
        node = self._node
        if isinstance(node, Replay):
            node = self._node = self.get_game().replay(node.moves)
        return node

    @property
    def engine_state(self) -> GameState:
        """The engine's state (hidden cards included: not for bots)."""
        return self.node().state

    def current_player(self) -> int:
        """The seat to move, ``CHANCE`` for dice and draws, ``TERMINAL`` at the end."""
        node = self.node()
        player = node.adapted.game.current_player(node.state)
        if player is None:
            return _TERMINAL
        return _CHANCE if player == CHANCE else node.adapted.game.rules.seat_index[player]

    def _legal_actions(self, player: int) -> list[int]:
        return self.node().legal_actions()

    def chance_outcomes(self) -> list[tuple[int, float]]:
        """Each chance outcome's number with its probability."""
        node = self.node()
        space = node.adapted.space
        return sorted((space.index(outcome), p) for outcome, p in node.adapted.game.chance_outcomes(node.state))

    def _apply_action(self, action: int) -> None:
        node = self.node()
        game = node.adapted.game
        move = node.adapted.space.move(action, chance=game.current_player(node.state) == CHANCE)
        after = game.apply(node.state, move)
        self._node = attrs.evolve(node, state=after, last=views.record(game, node.state, move, after, node.last))

    def apply_move(self, move: Move) -> None:
        """Play an engine move, keeping OpenSpiel's history in step."""
        self.apply_action(self.node().adapted.space.index(move))

    def _action_to_string(self, player: int, action: int) -> str:
        return self.node().adapted.space.move(action, player == _CHANCE).notation()

    def is_terminal(self) -> bool:
        """Whether the game is over."""
        node = self.node()
        return node.adapted.game.is_terminal(node.state)

    def returns(self) -> list[float]:
        """Winners share 1, the others 0; all 0 before the end."""
        node = self.node()
        return list(node.adapted.game.returns(node.state))

    def __str__(self) -> str:
        node = self.node()
        if "text" not in node.memo:
            node.memo["text"] = views.full_text(node.adapted.game, node.state)
        return str(node.memo["text"])


class Observer:
    """OpenSpiel's Python observer protocol, strings only: what one seat has seen (and, with recall, when).

    Private information ``SINGLE_PLAYER`` is the seat's own view, ``NONE``
    what every seat sees, ``ALL_PLAYERS`` everything (hidden cards included,
    without the history). The public board is always part of the string.
    """

    def __init__(self, iig_obs_type: Any, params: Any) -> None:
        if params:
            raise ValueError(f"python_petrograd_1917 observers take no parameters, got {params}")
        obs_type = iig_obs_type or pyspiel.IIGObservationType(perfect_recall=False)
        self.perfect_recall = obs_type.perfect_recall
        self.private = obs_type.private_info
        self.tensor = None
        self.dict: dict[str, Any] = {}

    def set_from(self, state: PetrogradState, player: int) -> None:
        """No tensor to fill."""

    def string_from(self, state: PetrogradState, player: int) -> str:
        """What ``player`` sees now, preceded with recall by every move as it saw it."""
        node = state.node()
        game = node.adapted.game
        if self.private == pyspiel.PrivateInfoType.ALL_PLAYERS:
            return views.full_text(game, node.state)
        viewer = game.seats[player] if self.private == pyspiel.PrivateInfoType.SINGLE_PLAYER else None
        if self.perfect_recall:
            return views.information_text(game, node.state, node.last, viewer)
        return views.observation_text(game, node.state, viewer)


if SHORT_NAME not in pyspiel.registered_names():
    pyspiel.register_game(GAME_TYPE, PetrogradGame)


class _OutOfTime(Exception):
    pass


class BudgetedMCTSBot(mcts.MCTSBot):  # type: ignore[misc]
    """OpenSpiel's ``MCTSBot``, which can also stop on a clock between two simulations."""

    def __init__(self, *args: Any, deadline: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline
        self.root: mcts.SearchNode | None = None
        self.simulations = 0

    def mcts_search(self, state: PetrogradState) -> mcts.SearchNode:
        """The search tree, grown until the simulations or the time run out."""
        try:
            root = super().mcts_search(state)
        except _OutOfTime:
            root = self.root
        self.simulations = root.explore_count
        return root

    def _apply_tree_policy(self, root: mcts.SearchNode, state: PetrogradState) -> Any:
        self.root = root  # called first thing in every simulation, before the tree changes
        if self.deadline is not None and root.children and time.perf_counter() >= self.deadline:
            raise _OutOfTime
        return super()._apply_tree_policy(root, state)


class OpenSpielMctsBot:
    """A seat played by OpenSpiel's Python MCTS with random roll-outs, on a world dealt from what it may see."""

    level = "openspiel-mcts"

    def __init__(self, seed: int, iterations: int | None = None, seconds: float | None = None,
                 rollout_limit: int | None = None) -> None:
        self.seed = seed
        self.iterations = iterations if iterations is not None or seconds is not None else DEFAULT_ITERATIONS
        self.seconds = seconds
        self.rollout_limit = rollout_limit  # steps per roll-out (None: to the end); a cut roll-out scores 0
        self.last_simulations = 0
        self._spiel: PetrogradGame | None = None

    def choose(self, game: Game, state: GameState) -> Move:
        """The move OpenSpiel's MCTS visits most; reproducible for a seed and an iteration budget."""
        moves = game.legal_moves(state)
        if len(moves) == 1:
            self.last_simulations = 0
            return moves[0]
        spiel = self.spiel_game(game)
        faction = str(game.current_player(state))
        world = game.determinise(state, faction, derive_seed(self.seed, state.steps, 0))
        random = np.random.RandomState(derive_seed(self.seed, state.steps, 1) % 2**32)
        evaluator = mcts.RandomRolloutEvaluator(1, random, self.rollout_limit)
        deadline = None if self.seconds is None else time.perf_counter() + self.seconds
        bot = BudgetedMCTSBot(spiel, UCT_C, self.iterations or 10**9, evaluator, random_state=random,
                              deadline=deadline)
        action = bot.step(spiel.state_at(world))
        self.last_simulations = bot.simulations
        return spiel.space.move(action)

    def spiel_game(self, game: Game) -> PetrogradGame:
        """The OpenSpiel game over ``game``, made once and kept while the same engine game is played."""
        if self._spiel is None or self._spiel.engine is not game:
            self._spiel = PetrogradGame(engine=game)
        return self._spiel


def make_mcts_bot(seed: int, iterations: int | None = None, seconds: float | None = None) -> OpenSpielMctsBot:
    """The ``openspiel-mcts`` bot level: ``iterations=N`` simulations per move, or ``seconds=S`` of search."""
    return OpenSpielMctsBot(seed, iterations=iterations, seconds=seconds)
