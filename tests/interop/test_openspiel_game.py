"""The OpenSpiel adapter: registration, OpenSpiel's own checks, the numbering, hidden cards, saves, and MCTS."""

import pytest

pyspiel = pytest.importorskip("pyspiel")

import numpy as np  # noqa: E402
from open_spiel.python.algorithms import mcts  # noqa: E402

from game.engine import CHANCE, ChanceOutcome  # noqa: E402
from game.interop import openspiel as adapter  # noqa: E402
from game.interop.actions import build_action_space  # noqa: E402
from tests.conftest import MINI_RULES_DIR  # noqa: E402

MINI = {"rules_dir": str(MINI_RULES_DIR)}


@pytest.fixture(scope="module")
def spiel_game():
    return pyspiel.load_game(adapter.SHORT_NAME)


@pytest.fixture(scope="module")
def mini_spiel_game():
    return pyspiel.load_game(adapter.SHORT_NAME, MINI)


def play_randomly(state, seed: int, steps: int | None = None):
    """Play on with uniform moves and chance by its probabilities, to the end or for ``steps`` steps."""
    random = np.random.RandomState(seed)
    while not state.is_terminal() and (steps is None or steps > 0):
        if state.is_chance_node():
            actions, chances = zip(*state.chance_outcomes())
            state.apply_action(int(random.choice(actions, p=chances)))
        else:
            state.apply_action(int(random.choice(state.legal_actions())))
        steps = None if steps is None else steps - 1
    return state


def test_importing_the_module_registers_the_game_under_its_short_name():
    assert "python_petrograd_1917" in pyspiel.registered_names()


def test_the_game_type_is_sequential_stochastic_imperfect_information_and_general_sum(spiel_game):
    kind = spiel_game.get_type()

    assert kind.dynamics == pyspiel.GameType.Dynamics.SEQUENTIAL
    assert kind.chance_mode == pyspiel.GameType.ChanceMode.EXPLICIT_STOCHASTIC
    assert kind.information == pyspiel.GameType.Information.IMPERFECT_INFORMATION
    assert kind.utility == pyspiel.GameType.Utility.GENERAL_SUM
    assert kind.reward_model == pyspiel.GameType.RewardModel.TERMINAL
    assert kind.provides_information_state_string and kind.provides_observation_string


def test_the_game_describes_the_shipped_campaign_by_default(spiel_game, shipped_game):
    space = build_action_space(shipped_game.rules)

    assert spiel_game.num_players() == len(shipped_game.seats) == 4
    assert spiel_game.num_distinct_actions() == len(space.moves)
    assert spiel_game.max_chance_outcomes() == len(space.outcomes)
    assert (spiel_game.min_utility(), spiel_game.max_utility()) == (0.0, 1.0)
    assert spiel_game.max_game_length() == shipped_game.max_steps


def test_the_rules_folder_and_scenario_are_game_parameters(mini_game):
    other = pyspiel.load_game(adapter.SHORT_NAME, {**MINI, "scenario": "mini_short"})

    assert pyspiel.load_game(adapter.SHORT_NAME, MINI).num_players() == len(mini_game.seats)
    assert other.engine.rules.id == "mini_short"


def test_the_shipped_game_passes_openspiels_random_simulation_test_with_serialization(spiel_game):
    pyspiel.random_sim_test(spiel_game, num_sims=20, serialize=True, verbose=False)


def test_the_mini_rules_pass_openspiels_random_simulation_test_with_serialization(mini_spiel_game):
    pyspiel.random_sim_test(mini_spiel_game, num_sims=20, serialize=True, verbose=False)


@pytest.mark.parametrize("seed", [1, 2])
def test_legal_actions_and_chance_outcomes_are_the_engines_moves(spiel_game, shipped_game, seed):
    state = spiel_game.new_initial_state()
    random = np.random.RandomState(seed)
    while not state.is_terminal():
        engine_state = state.engine_state
        if state.is_chance_node():
            outcomes = {spiel_game.space.move(action, chance=True): p for action, p in state.chance_outcomes()}
            assert outcomes == pytest.approx(dict(shipped_game.chance_outcomes(engine_state)))
            actions, chances = zip(*state.chance_outcomes())
            state.apply_action(int(random.choice(actions, p=chances)))
        else:
            assert state.current_player() == shipped_game.seats.index(shipped_game.current_player(engine_state))
            moves = [spiel_game.space.move(action) for action in state.legal_actions()]
            assert sorted(moves, key=str) == sorted(shipped_game.legal_moves(engine_state), key=str)
            state.apply_action(int(random.choice(state.legal_actions())))
    assert state.returns() == list(shipped_game.returns(state.engine_state))


def test_a_serialized_state_comes_back_equal_and_plays_on(spiel_game):
    state = play_randomly(spiel_game.new_initial_state(), seed=3, steps=70)

    restored = spiel_game.deserialize_state(state.serialize())

    assert str(restored) == str(state)
    assert restored.history() == state.history()
    assert all(restored.information_state_string(p) == state.information_state_string(p) for p in range(4))
    assert play_randomly(restored, seed=4).is_terminal()


def test_a_state_is_serialized_as_the_text_of_its_moves(spiel_game):
    state = play_randomly(spiel_game.new_initial_state(), seed=5, steps=12)

    node = state.node()

    assert node.__reduce__()[1][0] == tuple(spiel_game.space.move(a, c).notation() for a, c in _actions(state))


def _actions(state):
    """Each action of the state's history with whether chance played it."""
    return [(item.action, item.player == pyspiel.PlayerId.CHANCE) for item in state.full_history()]


def _first_private_draw(spiel_game):
    """A state where a faction draws a card whose first two deck places hold different cards."""
    state = spiel_game.new_initial_state()
    while True:
        decision = state.engine_state.decision
        drawer = getattr(decision, "private_to", None)
        if drawer is not None:
            deck = state.engine_state.decks[spiel_game.engine.seats.index(drawer)]
            places = [place for place in range(1, len(deck)) if deck[place] != deck[0]]
            if places:
                return state, drawer, places[0]
        play_randomly(state, seed=state.move_number(), steps=1)


def test_which_card_another_faction_drew_is_not_in_the_information_state(spiel_game):
    state, drawer, other_place = _first_private_draw(spiel_game)
    first, second = state.clone(), state.clone()
    space = spiel_game.space

    first.apply_action(space.index(ChanceOutcome("card_1")))
    second.apply_action(space.index(ChanceOutcome(f"card_{other_place + 1}")))

    drawer_seat = spiel_game.engine.seats.index(drawer)
    for seat in range(spiel_game.num_players()):
        same = first.information_state_string(seat) == second.information_state_string(seat)
        assert same == (seat != drawer_seat)
        assert (first.observation_string(seat) == second.observation_string(seat)) == (seat != drawer_seat)


def test_observations_ignore_another_seats_hidden_hand(spiel_game):
    state = play_randomly(spiel_game.new_initial_state(), seed=6, steps=30)
    engine_state = state.engine_state
    owner = next(seat for seat, hand in enumerate(engine_state.hands)
                 if hand and any(card != hand[0] for card in engine_state.decks[seat]))
    hand, deck = engine_state.hands[owner], engine_state.decks[owner]
    swap = next(card for card in deck if card != hand[0])
    rest = list(deck)
    rest.remove(swap)
    hands = tuple((swap, *hand[1:]) if seat == owner else h for seat, h in enumerate(engine_state.hands))
    decks = tuple((*rest, hand[0]) if seat == owner else d for seat, d in enumerate(engine_state.decks))
    node = state.node()
    hidden_change = engine_state.replace(hands=hands, decks=decks)
    other = adapter.PetrogradState(spiel_game, adapter.Node(node.adapted, hidden_change, node.last))

    for seat in range(spiel_game.num_players()):
        assert (other.observation_string(seat) == state.observation_string(seat)) == (seat != owner)
        assert (other.information_state_string(seat) == state.information_state_string(seat)) == (seat != owner)


def test_the_information_state_recalls_the_public_moves_in_order(spiel_game):
    state = play_randomly(spiel_game.new_initial_state(), seed=7, steps=40)
    public = [step for step in state.information_state_string(0).splitlines()[:-1] if " drew " not in step]

    expected = [f"{spiel_game.engine.seats[item.player] if item.player >= 0 else CHANCE}: "
                f"{spiel_game.space.move(item.action, item.player < 0).notation().removeprefix('chance ')}"
                for item in state.full_history()]

    assert public == [line for line in expected if not line.startswith("chance: card_")]


def mcts_plays_to_the_end(game, simulations: int, rollout_limit: int | None, seed: int):
    """OpenSpiel's MCTSBot in every seat, chance by its probabilities: the final state."""
    random = np.random.RandomState(seed)
    evaluator = mcts.RandomRolloutEvaluator(1, random, rollout_limit)
    bot = mcts.MCTSBot(game, 1.4, simulations, evaluator, random_state=random)
    state = game.new_initial_state()
    while not state.is_terminal():
        if state.is_chance_node():
            actions, chances = zip(*state.chance_outcomes())
            state.apply_action(int(random.choice(actions, p=chances)))
        else:
            state.apply_action(bot.step(state))
    return state


def test_openspiels_mcts_bot_plays_a_whole_game_of_the_mini_rules(mini_spiel_game):
    state = mcts_plays_to_the_end(mini_spiel_game, simulations=20, rollout_limit=None, seed=1)

    assert sum(state.returns()) == pytest.approx(1.0)


def test_openspiels_mcts_bot_plays_a_whole_game_of_the_shipped_rules(spiel_game):
    state = mcts_plays_to_the_end(spiel_game, simulations=3, rollout_limit=8, seed=2)

    assert state.is_terminal() and sum(state.returns()) == pytest.approx(1.0)
