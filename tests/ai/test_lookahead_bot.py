"""The normal bot: a legal move, the same for the same seed, blind to hidden cards, with a reason."""

import itertools
import re

import pytest

from game.ai import play_game
from game.ai.evaluate import evaluate, win_chances
from game.ai.lookahead import LookaheadBot
from game.ai.spec import parse_bots


@pytest.fixture(scope="module")
def positions(shipped_game, decisions):
    return list(itertools.islice(decisions(shipped_game, 11), 25))


def test_the_normal_bot_always_picks_a_legal_move_and_gives_a_reason(shipped_game, positions):
    bot = LookaheadBot(1)
    for state in positions:
        choice = bot.choose_explained(shipped_game, state)
        assert shipped_game.is_legal(state, choice.move)
        faction = shipped_game.current_player(state)
        assert choice.reason.startswith(shipped_game.rules.faction[faction].short)


def test_the_normal_bot_is_reproducible_with_its_seed(shipped_game, positions):
    first = [LookaheadBot(5).choose_explained(shipped_game, state) for state in positions]
    again = [LookaheadBot(5).choose_explained(shipped_game, state) for state in positions]
    assert first == again


def test_the_normal_bot_never_reads_another_factions_hand_or_the_dice(shipped_game, positions, hidden_twin):
    for state in positions:
        twin = hidden_twin(shipped_game, state)
        assert twin.hands != state.hands or not any(state.hands)
        seen, real = (LookaheadBot(3).choose_explained(shipped_game, position) for position in (twin, state))
        assert seen == real


def test_the_evaluation_is_a_chance_to_win_and_the_returns_at_the_end(shipped_game, positions):
    for state in positions:
        chances = win_chances(shipped_game, state)
        assert all(0 <= chance <= 1 for chance in chances) and sum(chances) == pytest.approx(1)
    specs = parse_bots("normal", shipped_game.seats)
    played = play_game(shipped_game, 2, {seat: spec.make(index) for index, (seat, spec) in enumerate(specs.items())})
    assert win_chances(shipped_game, played.state) == shipped_game.returns(played.state)
    assert evaluate(shipped_game, played.state, played.state.result.winners[0]) > 0


def test_early_reasons_give_every_faction_a_modest_chance_to_win(shipped_game, positions):
    """The bots compare positions by chances far too sure to show; a reason states the forecast instead."""
    stated = []
    for state in positions:
        if state.turn == 1:
            reason = LookaheadBot(2).choose_explained(shipped_game, state).reason
            stated += [(reason, int(share)) for share in re.findall(r"about (\d+)% to win", reason)]
    assert len({reason.split(":")[0] for reason, _ in stated}) >= 3  # the reasons of three factions or more
    assert all(10 <= share <= 40 for _, share in stated), stated


def test_a_reason_for_an_answer_names_the_option_chosen(shipped_game, decisions):
    from game.engine.state import PendingChoice

    bot = LookaheadBot(1)
    answers = [state for state in itertools.islice(decisions(shipped_game, 1), 60)
               if isinstance(state.decision, PendingChoice) and len(state.decision.options) > 1]
    named = 0
    for state in answers:
        choice = bot.choose_explained(shipped_game, state)
        option = next(option for option in state.decision.options if option.id == choice.move.option)
        assert f"choose {option.id}" not in choice.reason
        if "the best position in view" in choice.reason:  # not explained by a goal: the answer is named
            assert choice.reason.startswith(f"{shipped_game.rules.faction[state.decision.faction].short} decide: "
                                            f"{option.name}; ")
            named += 1
    assert named >= 3
