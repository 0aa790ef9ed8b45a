"""The hard bot: legal, within its budget, reproducible, and blind to hidden cards and future dice."""

import itertools

import pytest

from game.ai import mcts
from game.ai.mcts import DEFAULT_ITERATIONS, ROOT_CANDIDATES, MctsBot
from game.ai.rollout import Forecaster, OutOfTime
from game.ai.spec import SpecError, parse_bots
from game.engine import CHANCE


@pytest.fixture(scope="module")
def positions(shipped_game, decisions):
    return [state for state in itertools.islice(decisions(shipped_game, 11), 12)
            if len(shipped_game.legal_moves(state)) > 1]


def test_the_hard_bot_picks_a_legal_move_in_exactly_its_iterations(shipped_game, positions):
    bot = MctsBot(1, iterations=13)
    for state in positions:
        choice = bot.choose_explained(shipped_game, state)
        assert shipped_game.is_legal(state, choice.move)
        assert bot.last_simulations == 13
        assert choice.reason.endswith("of 13 simulations")


def test_the_hard_bot_is_reproducible_with_its_seed_and_budget(shipped_game, positions):
    first = [MctsBot(7, iterations=12).choose_explained(shipped_game, state) for state in positions[:5]]
    again = [MctsBot(7, iterations=12).choose_explained(shipped_game, state) for state in positions[:5]]
    assert first == again


def test_the_hard_bot_never_reads_another_factions_hand_or_the_dice(shipped_game, positions, hidden_twin):
    for state in positions[:6]:
        twin = hidden_twin(shipped_game, state)
        assert twin.hands != state.hands or not any(state.hands)
        seen, real = (MctsBot(4, iterations=12).choose(shipped_game, position) for position in (twin, state))
        assert seen == real


def test_the_hard_bot_plays_a_whole_game_of_the_mini_rules(mini_game):
    bots = {seat: MctsBot(index, iterations=8) for index, seat in enumerate(mini_game.seats)}
    state = mini_game.new_initial_state(3)
    while not mini_game.is_terminal(state):
        player = mini_game.current_player(state)
        state = mini_game.apply(state, mini_game.sample_chance(state) if player == CHANCE
                                else bots[player].choose(mini_game, state))
    assert state.result.winners


def test_a_time_budget_stops_the_search_on_the_clock(shipped_game, positions):
    bot = MctsBot(2, seconds=0.05)
    bot.choose(shipped_game, positions[0])
    assert 1 <= bot.last_simulations < 10_000


def test_a_play_out_the_clock_cuts_short_is_dropped(shipped_game, positions, monkeypatch):
    """A clock that jumps past the deadline in the middle of a play-out: the finished ones alone count."""
    ticks = itertools.count()
    monkeypatch.setattr(mcts.time, "perf_counter", lambda: 0.0 if next(ticks) < 30 else 100.0)
    finished, cut = [], []
    play_out = Forecaster.play_out

    def watched(self, *args, **kwargs):
        try:
            end = play_out(self, *args, **kwargs)
        except OutOfTime:
            cut.append(True)
            raise
        finished.append(True)
        return end

    monkeypatch.setattr(Forecaster, "play_out", watched)
    bot = MctsBot(2, seconds=1.0)
    state = positions[0]
    choice = bot.choose_explained(shipped_game, state)
    assert shipped_game.is_legal(state, choice.move)
    assert len(cut) == 1
    assert 1 <= bot.last_simulations == len(finished) < ROOT_CANDIDATES
    assert choice.reason.endswith(f"of {bot.last_simulations} simulations")


@pytest.mark.parametrize("spec, budget", [("hard", (DEFAULT_ITERATIONS, None)), ("hard:iterations=50", (50, None)),
                                          ("hard:time=0.5", (None, 0.5))])
def test_hard_specs_set_the_budget(shipped_game, spec, budget):
    bot = parse_bots(spec, shipped_game.seats)["whites"].make(1)
    assert (bot.iterations, bot.seconds) == budget


@pytest.mark.parametrize("spec, candidates", [("hard", ROOT_CANDIDATES), ("hard:candidates=3", 3),
                                              ("hard:time=0.5:candidates=12", 12)])
def test_hard_specs_set_the_candidates_compared(shipped_game, spec, candidates):
    bot = parse_bots(spec, shipped_game.seats)["whites"].make(1)
    assert bot.candidates == candidates


@pytest.mark.parametrize("spec, message", [
    ("hard:iterations=0", "'iterations=0' needs a positive whole number, e.g. iterations=400"),
    ("hard:iterations=2.5", "'iterations=2.5' needs a positive whole number"),
    ("hard:time=soon", "'time=soon' needs a positive number of seconds, e.g. time=0.5"),
    ("hard:iterations=5:time=1", "takes one budget: iterations=N or time=SECONDS, not both"),
    ("hard:iterations=5:candidates=4:time=1", "takes one budget"),
    ("hard:iterations=5:iterations=6", "the same option twice"),
    ("hard:candidates=2.5", "'candidates=2.5' needs a positive whole number, e.g. candidates=8"),
    ("normal:iterations=5", "not an option of level 'normal'"),
    ("openspiel-mcts:candidates=4", "not an option of level 'openspiel-mcts'"),
])
def test_bad_options_are_refused_with_the_reason(shipped_game, spec, message):
    if spec.startswith("openspiel"):
        pytest.importorskip("pyspiel")
    with pytest.raises(SpecError, match=message):
        parse_bots(spec, shipped_game.seats)


def test_the_search_compares_no_more_root_moves_than_its_candidates(shipped_game, positions):
    state = max(positions, key=lambda position: len(shipped_game.legal_moves(position)))
    assert len(shipped_game.legal_moves(state)) > 2
    bot = MctsBot(5, iterations=40, candidates=2)
    finalists = bot.search(shipped_game, state, str(shipped_game.current_player(state)))
    assert 1 <= len(finalists) <= 2
    assert sum(len(candidate.values) for candidate in finalists) == bot.last_simulations == 40


@pytest.mark.parametrize("iterations", [1, 3, 6])
def test_a_budget_smaller_than_the_candidates_is_still_spent_exactly(shipped_game, positions, iterations):
    bot = MctsBot(3, iterations=iterations)
    assert shipped_game.is_legal(positions[0], bot.choose(shipped_game, positions[0]))
    assert bot.last_simulations == iterations
