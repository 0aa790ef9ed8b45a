"""Each YAML condition answers as its docstring says."""

import datetime
import inspect

import attrs
import pytest

from game.engine.conditions import CHECKS, holds, holds_all
from game.engine.state import Context
from game.ruleset import vocabulary as v
from tests.engine.conftest import run_effects


def test_every_condition_in_the_vocabulary_has_one_function_that_shows_its_yaml_form():
    for kind, cls in v.CONDITIONS.items():
        assert f"``{kind}:" in inspect.getdoc(CHECKS[cls]), kind


@pytest.mark.parametrize(("condition", "expected"), [
    (v.TrackIs(track="bread", at_least=6), True),
    (v.TrackIs(track="bread", at_least=7), False),
    (v.TrackIs(track="bread", at_most=6), True),
    (v.TrackIs(track="influence", faction="self", at_least=2), True),
    (v.SupportIs(group="workers", faction="reds", at_least=2), True),
    (v.SupportIs(group="workers", faction="self", at_least=1), False),
    (v.Controls(faction="reds", area="hall"), True),
    (v.Controls(faction="self", area="hall"), False),
    (v.AreasControlled(faction="blues", at_least=1), True),
    (v.AreasControlled(faction="reds", at_least=1, feature="heights"), True),
    (v.AreasControlled(faction="reds", at_least=3), False),
    (v.UnitsPresent(area="hall", faction="reds", at_least=2), True),
    (v.UnitsPresent(area="hall", faction="reds", at_least=3), False),
    (v.UnitsPresent(faction="self"), True),
    (v.UnitsPresent(unit="regiment", at_most=0), False),
    (v.HasFeature(area="square", feature="cellars"), True),
    (v.HasFeature(area="target", feature="heights"), True),
    (v.FlagSet(flag="strike"), False),
    (v.DecreeIssued(decree="decree_bread"), False),
    (v.EventFired(event="opening"), True),
    (v.DateIs(on_or_after=datetime.date(1917, 10, 25), before=datetime.date(1917, 10, 26)), True),
    (v.DateIs(on_or_after=datetime.date(1917, 10, 29)), False),
    (v.TurnIs(at_least=1, at_most=1), True),
    (v.AnyOf(conditions=(v.FlagSet(flag="strike"), v.TrackIs(track="order", at_least=3))), True),
    (v.Not(condition=v.FlagSet(flag="strike")), True),
])
def test_conditions_on_the_first_decision_of_a_mini_game(mini_rules, start, condition, expected):
    assert holds(mini_rules, start, condition, Context(actor="blues", target="hill")) is expected


def test_an_empty_list_of_conditions_holds(mini_rules, start):
    assert holds_all(mini_rules, start, (), Context())


def test_date_conditions_follow_the_turn(mini_rules, start):
    later = attrs.evolve(start, turn=2)
    condition = v.DateIs(on_or_after=datetime.date(1917, 10, 29))
    assert holds(mini_rules, later, condition, Context())


def test_a_flag_condition_sees_a_flag_once_set(mini_rules, start):
    after = run_effects(mini_rules, start, v.SetFlag(flag="strike"))
    assert holds(mini_rules, after, v.FlagSet(flag="strike"), Context())
