"""The engine's own steps: marching, combat, agitation, events and card draws."""

import attrs
import pytest

from game.engine import ChanceOutcome, UseAction
from game.engine import query as q
from game.engine.procedures import attack_weights
from game.engine.state import PendingChance
from game.ruleset import vocabulary as v
from tests.engine.conftest import run_effects, until_action_turn


def test_attack_weights_count_every_pair_of_dice():
    weights = attack_weights(attack=3, defence=2, die=6, decisive_margin=3)
    assert sum(weights.values()) == 36
    # margin = 1 + a - d: decisive when a - d >= 2 (10 pairs), narrow when a - d is 0 or 1 (11 pairs)
    assert weights == {"decisive": 10, "narrow": 11, "repulsed": 15}


def test_an_overwhelming_attack_cannot_be_repulsed():
    assert attack_weights(attack=20, defence=0, die=6, decisive_margin=3)["repulsed"] == 0


@pytest.fixture
def reds_to_act(mini_game, start):
    """The Reds' first action turn, with plenty of influence."""
    state = until_action_turn(mini_game, start)
    assert state.decision.faction == "reds"
    return attrs.evolve(state, per_faction=((9, 9),))


def test_a_march_moves_the_ready_units_spends_them_and_takes_the_area(mini_game, mini_rules, reds_to_act):
    after = mini_game.apply(reds_to_act, UseAction("march", "hall", "square"))
    moved = q.units_in(after, "square", "reds")
    assert len(moved) == 2 and all(unit.spent for unit in moved)
    assert q.controller(mini_rules, after, "square") == "reds"


def test_spent_units_cannot_march_again_this_turn(mini_game, reds_to_act):
    state = mini_game.apply(reds_to_act, UseAction("march", "hall", "square"))
    state = until_action_turn(mini_game, mini_game.apply(state, mini_game.legal_moves(state)[-1]))
    assert state.decision.faction == "reds"
    assert not any(getattr(move, "area", None) == "square" and move.action == "march"
                   for move in mini_game.legal_moves(state) if isinstance(move, UseAction))


def test_an_attack_is_a_chance_step_weighted_by_strength_and_defence(mini_game, mini_rules, reds_to_act):
    # Guns on the hill (1 + 3 for the heights) attack the horsemen on the bridge (2).
    after = mini_game.apply(reds_to_act, UseAction("attack", "hill", "bridge"))
    assert isinstance(after.decision, PendingChance)
    weights = {outcome.id: outcome.weight for outcome in after.decision.outcomes}
    assert weights == attack_weights(attack=4, defence=2, die=6, decisive_margin=3)
    assert q.influence(mini_rules, after, "reds") == 8


def test_a_decisive_attack_routs_the_defenders_and_moves_in(mini_game, mini_rules, reds_to_act):
    state = mini_game.apply(reds_to_act, UseAction("attack", "hill", "bridge"))
    after = mini_game.apply(state, ChanceOutcome("decisive"))
    assert q.units_in(after, "bridge", "blues") == ()
    assert [unit.kind for unit in q.units_in(after, "bridge")] == ["guns"]
    assert q.controller(mini_rules, after, "bridge") == "reds"


def test_a_repulsed_attack_costs_the_attacker_its_weakest_unit(mini_game, reds_to_act):
    state = mini_game.apply(reds_to_act, UseAction("attack", "hill", "bridge"))
    after = mini_game.apply(state, ChanceOutcome("repulsed"))
    assert q.units_in(after, "hill") == ()
    assert len(q.units_in(after, "bridge", "blues")) == 1


def test_a_narrow_win_removes_one_defender_and_moves_in_only_if_none_remain(mini_game, mini_rules, reds_to_act):
    state = run_effects(mini_rules, reds_to_act, v.PlaceUnits(area="bridge", unit="guards", faction="blues"))
    state = attrs.evolve(state, decision=reds_to_act.decision)
    state = mini_game.apply(state, UseAction("attack", "hill", "bridge"))
    after = mini_game.apply(state, ChanceOutcome("narrow"))
    assert [unit.kind for unit in q.units_in(after, "bridge", "blues")] == ["horsemen"]
    assert q.units_in(after, "hill", "reds")


def test_agitation_wins_a_neutral_regiment(mini_game, mini_rules, reds_to_act):
    state = mini_game.apply(reds_to_act, UseAction("agitate", "square"))
    weights = {outcome.id: outcome.weight for outcome in state.decision.outcomes}
    assert weights == {"success": 1 + 2, "failure": 1}  # + the Reds' 2 points of workers' support
    after = mini_game.apply(state, ChanceOutcome("success"))
    assert [unit.owner for unit in q.units_in(after, "square")] == ["reds"]


def test_agitation_demoralises_rival_troops_that_can_waver(mini_game, mini_rules, reds_to_act):
    state = mini_game.apply(reds_to_act, UseAction("agitate", "bridge"))
    after = mini_game.apply(state, ChanceOutcome("success"))
    horsemen = q.units_in(after, "bridge", "blues")[0]
    assert horsemen.demoralised and q.strength(mini_rules, horsemen) == 1


def test_failed_agitation_changes_nothing_but_the_cost(mini_game, mini_rules, reds_to_act):
    state = mini_game.apply(reds_to_act, UseAction("agitate", "square"))
    after = mini_game.apply(state, ChanceOutcome("failure"))
    assert q.units_in(after, "square")[0].owner == "barracks_troops"


def test_drunk_units_have_no_strength_and_cannot_move(mini_game, mini_rules, reds_to_act):
    state = run_effects(mini_rules, reds_to_act, v.SetStatus(area="square", status="drunk"))
    assert q.strength(mini_rules, q.units_in(state, "square")[0]) == 0


def test_card_draws_are_private_chance_steps_that_show_only_how_many_cards_are_left(mini_game, start):
    state = start
    while not (isinstance(state.decision, PendingChance) and state.decision.private_to):
        move = mini_game.sample_chance(state) if isinstance(state.decision, PendingChance) else \
            mini_game.legal_moves(state)[0]
        state = mini_game.apply(state, move)
    assert state.decision.private_to == "reds"
    # The Reds' deck holds two copies of one card; the outcomes name places in the deck, never cards.
    assert [(outcome.id, outcome.name, outcome.weight) for outcome in state.decision.outcomes] == [
        ("card_1", "card 1 of 2", 1), ("card_2", "card 2 of 2", 1)]
    after, lines = mini_game.apply_logged(state, mini_game.legal_moves(state)[1])
    assert after.hands[0] == ("call_up",) and after.decks[0] == ("call_up",)
    assert lines[0] == "Initiative card for Reds: drawn, unseen by the others."


def test_a_second_draw_reveals_nothing_about_the_first(shipped_game):
    state = shipped_game.new_initial_state(3)
    seen = []
    while len(seen) < 2:
        if isinstance(state.decision, PendingChance) and state.decision.private_to == "sovnarkom":
            seen.append(tuple((outcome.id, outcome.name, outcome.weight) for outcome in state.decision.outcomes))
        state = shipped_game.apply(state, shipped_game.sample_chance(state) if shipped_game.current_player(state)
                                   == "chance" else shipped_game.legal_moves(state)[0])
    deck = sum(card.copies for card in shipped_game.rules.cards if card.faction == "sovnarkom")
    assert [len(outcomes) for outcomes in seen] == [deck, deck - 1]
    assert seen[1] == tuple((f"card_{k}", f"card {k} of {deck - 1}", 1) for k in range(1, deck))


def test_events_fire_in_their_window_only(mini_game, start):
    state = until_action_turn(mini_game, start)
    assert "opening" in state.fired and "storm" not in state.fired
