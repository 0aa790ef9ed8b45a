"""Flags and area features in words: what players read comes from their records in the rules, not from code."""

from pathlib import Path

import pytest

from game.engine import Game
from game.engine.state import ActionTurn
from game.ruleset import load_rules
from game.ruleset import vocabulary as v
from game.ui.articles import in_game
from game.ui.describe import Voice, condition_text, conditions_text, effect_lines
from game.ui.tooltip import area_lines
from game.ui.why_not import why_not

MINI_TEXT = (Path(__file__).parents[1] / "fixtures" / "mini_rules" / "mini.yaml").read_text(encoding="utf-8")
STRIKE = v.FlagSet(flag="strike")


def mini_with(old: str, new: str) -> Game:
    """A game over the mini rules with one piece of their text replaced."""
    assert MINI_TEXT.count(old) == 1
    return Game(load_rules({"rules/mini.yaml": MINI_TEXT.replace(old, new)}))


def reds_on_strike(game: Game):
    """The first time the Reds pick an action, with the workers on strike (the flag the train action tests)."""
    state = game.new_initial_state(seed=1)
    while not (isinstance(state.decision, ActionTurn) and state.decision.faction == "reds"):
        move = game.sample_chance(state) if game.current_player(state) == "chance" else game.legal_moves(state)[0]
        state = game.apply(state, move)
    return state.replace(flags=("strike",))


def test_a_flag_reads_as_the_statements_its_record_gives(mini_rules):
    voice = Voice(mini_rules, actor="reds", viewer="reds")

    assert condition_text(voice, STRIKE) == "the workers are on strike"
    assert condition_text(voice, v.Not(condition=STRIKE)) == "the workers are at work"
    assert effect_lines(voice, [v.SetFlag(flag="strike"), v.ClearFlag(flag="strike")]) == [
        "The workers are on strike", "The workers are at work"]


def test_rewording_a_flag_in_the_yaml_rewords_what_players_read():
    game = mini_with("set: the workers are on strike", "set: the dockers have walked out")

    assert condition_text(Voice(game.rules), STRIKE) == "the dockers have walked out"


def test_an_action_a_flag_bars_is_explained_by_the_flags_bar(mini_game):
    reason = why_not(mini_game, reds_on_strike(mini_game), "reds", "train")

    assert reason == "Train: the strikers will not run the trains."


@pytest.mark.parametrize("bar", ["", ",\n     bar: null"])
def test_without_a_bar_the_requirement_is_the_flags_unset_statement(bar):
    game = mini_with(",\n     bar: the strikers will not run the trains", bar)

    assert why_not(game, reds_on_strike(game), "reds", "train") == "Train: only if the workers are at work."


def test_an_area_feature_reads_as_the_name_its_record_gives(mini_rules):
    voice = Voice(mini_rules, actor="reds", viewer="reds")

    assert condition_text(voice, v.HasFeature(area="square", feature="cellars")) == "Square has wine cellars"
    assert condition_text(voice, v.AreasControlled(faction="self", at_least=2, feature="heights")) == (
        "you hold at least 2 places with high ground")


def test_renaming_a_feature_in_the_yaml_renames_it_on_cards_in_the_encyclopedia_and_in_hover_notes():
    game = mini_with("{id: cellars, name: wine cellars}", "{id: cellars, name: a vodka store}")
    rules, state = game.rules, game.new_initial_state(seed=1)

    assert conditions_text(Voice(rules, actor="blues"), rules.card["riot"].requires) == (
        "the chosen place has a vodka store")
    assert "Has a vodka store." in in_game(rules, rules.area["square"])
    assert [text for _, text, _ in area_lines(rules, state, "palace")][2] == "Defence +1; has a vodka store"


def test_a_unit_bonus_and_an_area_name_their_feature_as_its_record_words_it():
    game = mini_with("{id: heights, name: high ground}", "{id: heights, name: the Heights of Abraham}")
    rules, state = game.rules, game.new_initial_state(seed=1)

    assert in_game(rules, rules.unit["guns"])[0] == "Strength 1; +3 in places with the Heights of Abraham."
    assert "Has the Heights of Abraham." in in_game(rules, rules.area["hill"])
    # Only the first letter is raised: the proper name keeps its capitals.
    assert [text for _, text, _ in area_lines(rules, state, "hill")][2] == "Has the Heights of Abraham"


def test_several_features_are_listed_with_and():
    game = mini_with("features: [heights]}", "features: [heights, cellars]}")

    assert "Has high ground and wine cellars." in in_game(game.rules, game.rules.area["hill"])
