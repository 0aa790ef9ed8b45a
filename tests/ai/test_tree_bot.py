"""The hard bot: legal, within its budget, reproducible, blind to hidden cards and future dice, and explained."""

import itertools

import pytest

from game.ai import tree
from game.ai.spec import SpecError, parse_bots
from game.ai.tree import DEFAULT_ITERATIONS, TreeSearchBot
from game.engine import CHANCE


@pytest.fixture(scope="module")
def positions(shipped_game, decisions):
    return [state for state in itertools.islice(decisions(shipped_game, 11), 12)
            if len(shipped_game.legal_moves(state)) > 1]


def test_the_hard_bot_picks_a_legal_move_in_exactly_its_iterations(shipped_game, positions):
    bot = TreeSearchBot(1, iterations=40)
    for state in positions:
        choice = bot.choose_explained(shipped_game, state)
        assert shipped_game.is_legal(state, choice.move)
        assert bot.last_simulations == 40
        assert "of 40 simulations" in choice.reason


def test_the_move_played_is_the_one_the_search_tried_most(shipped_game, positions):
    state = positions[0]
    faction = str(shipped_game.current_player(state))
    root = TreeSearchBot(3, iterations=60).search(shipped_game, state, faction)
    assert sum(child.visits for child in root.children.values()) == root.visits == 60
    most = max(child.visits for child in root.children.values())
    assert root.children[TreeSearchBot(3, iterations=60).choose(shipped_game, state)].visits == most


def test_the_hard_bot_is_reproducible_with_its_seed_and_budget(shipped_game, positions):
    first = [TreeSearchBot(7, iterations=30).choose_explained(shipped_game, state) for state in positions[:5]]
    again = [TreeSearchBot(7, iterations=30).choose_explained(shipped_game, state) for state in positions[:5]]
    assert first == again


def test_the_hard_bot_never_reads_another_factions_hand_or_the_dice(shipped_game, positions, hidden_twin):
    for state in positions[:6]:
        twin = hidden_twin(shipped_game, state)
        assert twin.hands != state.hands or not any(state.hands)
        seen, real = (TreeSearchBot(4, iterations=30).choose_explained(shipped_game, position)
                      for position in (twin, state))
        assert seen == real


def test_the_hard_bot_plays_a_whole_game_of_the_mini_rules(mini_game):
    bots = {seat: TreeSearchBot(index, iterations=20) for index, seat in enumerate(mini_game.seats)}
    state = mini_game.new_initial_state(3)
    while not mini_game.is_terminal(state):
        player = mini_game.current_player(state)
        state = mini_game.apply(state, mini_game.sample_chance(state) if player == CHANCE
                                else bots[player].choose(mini_game, state))
    assert state.result.winners


def test_a_time_budget_stops_the_search_on_the_clock(shipped_game, positions, monkeypatch):
    ticks = itertools.count()
    monkeypatch.setattr(tree.time, "perf_counter", lambda: next(ticks) * 0.01)  # each reading 10 ms later
    bot = TreeSearchBot(2, seconds=0.045)
    bot.choose(shipped_game, positions[0])
    assert bot.last_simulations == 5  # the clock is read at the start, then after each simulation from the first


def test_the_reason_names_the_search_and_the_reply_it_expects(shipped_game, positions):
    reasons = [TreeSearchBot(5, iterations=300).choose_explained(shipped_game, state).reason
               for state in positions[:4]]
    names = {faction.short for faction in shipped_game.rules.factions}
    for reason in reasons:
        assert any(reason.startswith(name) for name in names)
        assert "the search's choice, tried in" in reason and "of 300 simulations" in reason
        assert "% to win after it" in reason
    assert any("; expects " in reason for reason in reasons)


@pytest.mark.parametrize("spec, budget", [("hard", (DEFAULT_ITERATIONS, None)), ("hard:iterations=50", (50, None)),
                                          ("hard:time=0.5", (None, 0.5))])
def test_hard_specs_set_the_budget(shipped_game, spec, budget):
    bot = parse_bots(spec, shipped_game.seats)["whites"].make(1)
    assert isinstance(bot, TreeSearchBot)
    assert (bot.iterations, bot.seconds) == budget


@pytest.mark.parametrize("spec, message", [
    ("hard:iterations=0", "'iterations=0' needs a positive whole number, e.g. iterations=400"),
    ("hard:iterations=2.5", "'iterations=2.5' needs a positive whole number"),
    ("hard:time=soon", "'time=soon' needs a positive number of seconds, e.g. time=0.5"),
    ("hard:iterations=5:time=1", "takes one budget: iterations=N or time=SECONDS, not both"),
    ("hard:iterations=5:iterations=6", "the same option twice"),
    ("hard:candidates=4", "not an option of level 'hard'"),
    ("normal:iterations=5", "not an option of level 'normal'"),
    ("openspiel-mcts:candidates=4", "not an option of level 'openspiel-mcts'"),
])
def test_bad_options_are_refused_with_the_reason(shipped_game, spec, message):
    if spec.startswith("openspiel"):
        pytest.importorskip("pyspiel")
    with pytest.raises(SpecError, match=message):
        parse_bots(spec, shipped_game.seats)


def test_damaged_weights_leave_the_search_on_the_forecast_with_a_warning(monkeypatch):
    from game.ai import value
    from game.ai.evaluate import forecast
    from game.engine import Game
    from game.rulesdir import load_rules_dir
    from tests.conftest import MINI_RULES_DIR

    mini_game = Game(load_rules_dir(MINI_RULES_DIR))  # rules of its own, whose value no other test has made

    def damaged():
        return value.parse_weights("{oops", "game/ai/value_weights.json")

    monkeypatch.setattr(tree, "shipped_weights", damaged)
    with pytest.warns(UserWarning, match=r"value_weights\.json, line 1: not valid JSON.*forecast alone"):
        learned = tree.learned_value(mini_game)
    state = mini_game.new_initial_state(4)
    assert learned.chances(state) == pytest.approx(forecast(mini_game, state))
    bot = TreeSearchBot(1, iterations=10)
    while mini_game.current_player(state) == CHANCE:
        state = mini_game.apply(state, mini_game.sample_chance(state))
    assert mini_game.is_legal(state, bot.choose(mini_game, state))
