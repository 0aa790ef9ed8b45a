"""Why a move is not open, in words: every reason is checked against the engine's own legal moves."""

import pytest

from game.engine import Game
from game.engine.state import ActionTurn
from game.ui.why_not import closed_options, mentions_target, why_not


@pytest.fixture(scope="module")
def game(shipped_rules):
    return Game(shipped_rules)


@pytest.fixture(scope="module")
def sovnarkom_turn(game):
    """The first time Sovnarkom picks an action (questions answered with their first answer)."""
    state = game.new_initial_state(seed=1)
    while not (isinstance(state.decision, ActionTurn) and state.decision.faction == "sovnarkom"):
        move = game.sample_chance(state) if game.current_player(state) == "chance" else game.legal_moves(state)[0]
        state = game.apply(state, move)
    return state


def with_influence(game, state, faction, amount):
    row = game.rules.faction_track_index["influence"]
    values = list(state.per_faction[row])
    values[game.rules.seat_index[faction]] = amount
    return state.replace(per_faction=tuple(tuple(values) if index == row else old
                                           for index, old in enumerate(state.per_faction)))


def test_a_legal_action_has_no_reason_against_it(game, sovnarkom_turn):
    assert why_not(game, sovnarkom_turn, "sovnarkom", "march") is None
    march = next(move for move in game.legal_moves(sovnarkom_turn) if getattr(move, "action", "") == "march")
    assert why_not(game, sovnarkom_turn, "sovnarkom", "march", march.to) is None


def test_too_little_influence_names_the_cost_and_what_you_have(game, sovnarkom_turn):
    poor = with_influence(game, sovnarkom_turn, "sovnarkom", 0)

    assert why_not(game, poor, "sovnarkom", "agitate") == "Not enough influence: Agitate costs 1, you have 0."


def test_the_rail_blockade_is_explained_as_the_railwaymen_refusing(game, sovnarkom_turn):
    assert "rail_blockade" in sovnarkom_turn.flags

    reason = why_not(game, sovnarkom_turn, "sovnarkom", "rail_transport", "moscow")

    assert reason == "Move by rail: the railwaymen will not move your troops while the Vikzhel talks go on."


def test_a_requirement_not_met_is_quoted_with_its_value_now(game, sovnarkom_turn):
    low = sovnarkom_turn.replace(support=tuple((0,) * len(row) for row in sovnarkom_turn.support))

    reason = why_not(game, low, "sovnarkom", "staff_commissariats")

    assert reason == "Unions staff the commissariats: only if Workers' support for you is at least 4 (it is 0)."


def test_a_place_without_the_feature_an_action_needs_is_named(game, sovnarkom_turn):
    assert why_not(game, sovnarkom_turn, "sovnarkom", "guard_cellars", "smolny") == \
        "Guard the cellars: only if Smolny has wine cellars."


def test_marching_onto_rival_troops_says_to_attack(game, sovnarkom_turn, shipped_rules):
    rivals = {unit.area for unit in sovnarkom_turn.units if unit.owner in ("salvation", "whites")}
    march_targets = {move.to for move in game.legal_moves(sovnarkom_turn) if getattr(move, "action", "") == "march"}
    attack_targets = {move.to for move in game.legal_moves(sovnarkom_turn) if getattr(move, "action", "") == "attack"}
    held = sorted(attack_targets & rivals)[0]

    assert held not in march_targets
    assert why_not(game, sovnarkom_turn, "sovnarkom", "march", held) == \
        f"Rival troops hold {shipped_rules.area[held].name}: attack it instead."


def test_a_place_out_of_reach_says_no_troops_stand_next_to_it(game, sovnarkom_turn):
    assert why_not(game, sovnarkom_turn, "sovnarkom", "march", "gatchina") == \
        "None of your ready troops stand next to Gatchina."


def test_an_action_of_another_faction_and_another_factions_turn(game, sovnarkom_turn):
    assert why_not(game, sovnarkom_turn, "sovnarkom", "spread_rumours") == "Spread rumours is for Whites only."
    assert why_not(game, sovnarkom_turn, "whites", "march") == "It is not your turn: Sovnarkom is acting."


def test_decrees_and_cards_are_explained_too(game, sovnarkom_turn):
    assert why_not(game, sovnarkom_turn, "sovnarkom", "press_decree") == \
        "Press resolution: only if the Congress of Soviets has gone home."
    issued = sovnarkom_turn.replace(decrees=("decree_land",))
    assert why_not(game, issued, "sovnarkom", "decree:decree_land") == "The Decree on Land has been issued already."
    assert why_not(game, sovnarkom_turn, "sovnarkom", "card:muraviev") == \
        "“Muraviev takes the command” is not in your hand."


def test_every_closed_option_is_exactly_one_the_engine_does_not_offer(game, sovnarkom_turn):
    offered = {f"action:{m.action}" if hasattr(m, "action") else f"decree:{m.decree}" if hasattr(m, "decree")
               else f"card:{m.card}" for m in game.legal_moves(sovnarkom_turn) if not type(m).__name__ == "Pass"}

    closed = closed_options(game, sovnarkom_turn, "sovnarkom")

    assert closed and not {option.key for option in closed} & offered
    assert all(option.reason for option in closed)


def test_a_random_walk_never_finds_a_legal_move_with_a_reason_against_it(game):
    state = game.new_initial_state(seed=7)
    for step in range(300):
        if state.result is not None:
            break
        if isinstance(state.decision, ActionTurn):
            faction = state.decision.faction
            for move in game.legal_moves(state):
                ident = getattr(move, "action", None) or getattr(move, "decree", None) or getattr(move, "card", None)
                if ident is None:
                    continue
                kind = "action" if hasattr(move, "action") else "decree" if hasattr(move, "decree") else "card"
                area = getattr(move, "to", None) or getattr(move, "area", None)
                assert why_not(game, state, faction, f"{kind}:{ident}", area) is None, (step, move)
        moves = game.legal_moves(state)
        state = game.apply(state, game.sample_chance(state) if game.current_player(state) == "chance"
                           else moves[step % len(moves)])


def test_conditions_that_speak_of_the_target_are_told_apart(shipped_rules):
    requires = shipped_rules.action["guard_cellars"].requires

    assert all(mentions_target(condition) for condition in requires)
    assert not mentions_target(shipped_rules.action["rail_transport"].requires[0])
