"""Each YAML effect does what its docstring says, on the small test rules."""

import inspect

import pytest

from game.engine import query as q
from game.engine.effects import APPLIERS
from game.engine.state import PendingChance, PendingChoice
from game.ruleset import vocabulary as v
from tests.engine.conftest import run_effects


def test_every_effect_in_the_vocabulary_has_one_function_that_shows_its_yaml_form():
    for kind, cls in v.EFFECTS.items():
        function = APPLIERS[cls]
        assert f"``{kind}:" in inspect.getdoc(function), kind


def test_change_track_adds_and_stays_within_bounds(mini_rules, start):
    after = run_effects(mini_rules, start, v.ChangeTrack(track="bread", by=-2))
    assert q.track_value(mini_rules, after, "bread") == 4
    after = run_effects(mini_rules, start, v.ChangeTrack(track="bread", by=-50))
    assert q.track_value(mini_rules, after, "bread") == 0
    after = run_effects(mini_rules, start, v.ChangeTrack(track="bread", by=50))
    assert q.track_value(mini_rules, after, "bread") == 10


def test_change_track_on_a_faction_track_reads_self_as_the_actor(mini_rules, start):
    before = q.influence(mini_rules, start, "blues")
    after = run_effects(mini_rules, start, v.ChangeTrack(track="influence", faction="self", by=3), actor="blues")
    assert q.influence(mini_rules, after, "blues") == before + 3
    assert q.influence(mini_rules, after, "reds") == q.influence(mini_rules, start, "reds")


def test_a_faction_without_a_seat_has_no_tracks_to_change(mini_rules, start):
    after = run_effects(mini_rules, start, v.ChangeTrack(track="influence", faction="barracks_troops", by=3))
    assert after.per_faction == start.per_faction


def test_set_track_sets_the_value(mini_rules, start):
    after = run_effects(mini_rules, start, v.SetTrack(track="order", to=1))
    assert q.track_value(mini_rules, after, "order") == 1


def test_shift_support_takes_from_the_undecided_first_then_from_the_strongest_rival(mini_rules, start):
    # Workers: size 5, the Reds hold 2 at the start, 3 undecided.
    after = run_effects(mini_rules, start, v.ShiftSupport(group="workers", toward="blues", by=4))
    assert q.support(mini_rules, after, "workers", "blues") == 4
    assert q.support(mini_rules, after, "workers", "reds") == 1
    assert q.undecided(mini_rules, after, "workers") == 0


def test_shift_support_cannot_take_more_than_there_is(mini_rules, start):
    after = run_effects(mini_rules, start, v.ShiftSupport(group="workers", toward="blues", by=9))
    assert q.support(mini_rules, after, "workers", "blues") == 5
    assert q.support(mini_rules, after, "workers", "reds") == 0


def test_a_negative_shift_returns_support_to_the_undecided(mini_rules, start):
    after = run_effects(mini_rules, start, v.ShiftSupport(group="workers", toward="reds", by=-5))
    assert q.support(mini_rules, after, "workers", "reds") == 0
    assert q.undecided(mini_rules, after, "workers") == 5


def test_flags_are_set_once_and_cleared(mini_rules, start):
    after = run_effects(mini_rules, start, v.SetFlag(flag="strike"), v.SetFlag(flag="palace_held"),
                        v.SetFlag(flag="strike"))
    assert after.flags == ("palace_held", "strike")
    assert run_effects(mini_rules, after, v.ClearFlag(flag="strike")).flags == ("palace_held",)


def test_placed_units_take_an_area_no_rival_holds(mini_rules, start):
    after = run_effects(mini_rules, start, v.PlaceUnits(area="palace", unit="guards", faction="blues", count=2))
    assert len(q.units_in(after, "palace", "blues")) == 2
    assert q.controller(mini_rules, after, "palace") == "blues"
    assert after.next_uid == start.next_uid + 2


def test_placed_units_do_not_take_an_area_a_rival_holds_with_troops(mini_rules, start):
    after = run_effects(mini_rules, start, v.PlaceUnits(area="hall", unit="guards", faction="blues"))
    assert q.controller(mini_rules, after, "hall") == "reds"


def test_neutral_units_never_take_control(mini_rules, start):
    after = run_effects(mini_rules, start, v.PlaceUnits(area="palace", unit="regiment", faction="barracks_troops"))
    assert q.controller(mini_rules, after, "palace") is None


def test_remove_units_takes_the_weakest_first(mini_rules, start):
    state = run_effects(mini_rules, start, v.PlaceUnits(area="hall", unit="regiment", faction="reds"))
    after = run_effects(mini_rules, state, v.RemoveUnits(area="hall", faction="reds", count=2))
    assert [unit.kind for unit in q.units_in(after, "hall")] == ["regiment"]


def test_remove_units_without_a_count_removes_them_all(mini_rules, start):
    after = run_effects(mini_rules, start, v.RemoveUnits(area="hall"))
    assert q.units_in(after, "hall") == ()


def test_move_units_moves_one_owner_and_takes_the_destination(mini_rules, start):
    after = run_effects(mini_rules, start, v.MoveUnits(source="hall", to="palace", faction="reds"))
    assert q.units_in(after, "hall") == ()
    assert len(q.units_in(after, "palace", "reds")) == 2
    assert q.controller(mini_rules, after, "palace") == "reds"


def test_control_is_set_and_cleared(mini_rules, start):
    after = run_effects(mini_rules, start, v.SetControl(area="hill", faction="blues"))
    assert q.controller(mini_rules, after, "hill") == "blues"
    assert q.controller(mini_rules, run_effects(mini_rules, after, v.ClearControl(area="hill")), "hill") is None


def test_only_units_that_can_get_drunk_get_drunk(mini_rules, start):
    state = run_effects(mini_rules, start, v.PlaceUnits(area="square", unit="guards", faction="reds"))
    after = run_effects(mini_rules, state, v.SetStatus(area="square", status="drunk"))
    drunk = {unit.kind: unit.drunk for unit in q.units_in(after, "square")}
    assert drunk == {"regiment": True, "guards": False}


def test_any_unit_can_be_demoralised_by_an_effect(mini_rules, start):
    after = run_effects(mini_rules, start, v.SetStatus(area="bridge", status="demoralised", faction="blues"))
    assert all(unit.demoralised for unit in q.units_in(after, "bridge"))


def test_a_choice_waits_for_the_faction_with_the_options_it_may_take(mini_rules, start):
    choice = v.Choice(faction="reds", prompt="Which?", options=(
        v.Option(id="a", name="A", requires=(v.FlagSet(flag="strike"),)),
        v.Option(id="b", name="B", effects=(v.SetFlag(flag="strike"),)),
    ))
    after = run_effects(mini_rules, start, choice, v.SetFlag(flag="palace_held"))
    assert isinstance(after.decision, PendingChoice)
    assert [option.id for option in after.decision.options] == ["b"]
    assert "palace_held" not in after.flags  # the effects after the choice wait for it


def test_a_choice_for_a_faction_without_a_seat_takes_its_first_open_option(mini_rules, start):
    choice = v.Choice(faction="barracks_troops", prompt="Which?", options=(
        v.Option(id="a", name="A", effects=(v.SetFlag(flag="strike"),)),
        v.Option(id="b", name="B"),
    ))
    after = run_effects(mini_rules, start, choice)
    assert after.decision is None and "strike" in after.flags


def test_a_chance_waits_for_the_chance_player(mini_rules, start):
    chance = v.Chance(prompt="Roll", outcomes=(v.Outcome(id="x", name="X", weight=2),))
    after = run_effects(mini_rules, start, chance)
    assert isinstance(after.decision, PendingChance)
    assert after.decision.outcomes[0].weight == 2


@pytest.mark.parametrize(("order", "expected"), [(1, "strike"), (4, "palace_held")])
def test_if_runs_then_or_else_by_its_conditions(mini_rules, start, order, expected):
    state = run_effects(mini_rules, start, v.SetTrack(track="order", to=order))
    branch = v.If(when=(v.TrackIs(track="order", at_most=2),), then=(v.SetFlag(flag="strike"),),
                  otherwise=(v.SetFlag(flag="palace_held"),))
    assert run_effects(mini_rules, state, branch).flags == (expected,)
