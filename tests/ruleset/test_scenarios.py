"""Several scenarios in one ruleset: the first is played unless another is chosen, each with its own seats,
calendar and, for some seats, its own victory terms."""

import attrs
import pytest

from game.ruleset import Ruleset, UnknownScenarioError

from .rulestext import MINI_TEXT, edited, loads


def test_the_rules_hold_every_scenario_in_file_order(mini_rules):
    assert [scenario.id for scenario in mini_rules.scenarios] == ["mini", "mini_short"]


def test_the_first_scenario_is_played_by_default(mini_rules):
    assert mini_rules.scenario is mini_rules.scenarios[0]
    assert mini_rules.id == "mini"
    assert mini_rules.seats == ("reds", "blues")


def test_the_order_of_the_scenarios_decides_the_default():
    first, _, second = MINI_TEXT.partition("\n- id: mini_short\n")
    mini, _, rest = first.partition("scenarios:\n")
    swapped = mini + "scenarios:\n- id: mini_short\n" + second + "\n" + rest
    rules = loads(swapped)
    assert [scenario.id for scenario in rules.scenarios] == ["mini_short", "mini"]
    assert (rules.id, rules.seats) == ("mini_short", ("blues", "reds"))


def test_with_scenario_sets_the_same_rules_up_for_another_scenario(mini_rules):
    short = mini_rules.with_scenario("mini_short")

    assert short.scenario is mini_rules.scenarios[1]
    assert short.id == "mini_short"
    assert short.seats == ("blues", "reds")
    assert dict(short.seat_index) == {"blues": 0, "reds": 1}
    assert short.scenarios == mini_rules.scenarios
    assert short.content_hash == mini_rules.content_hash
    assert short.factions == mini_rules.factions and short.area == mini_rules.area
    assert mini_rules.id == "mini"  # the rules it came from are unchanged


def test_with_scenario_goes_back_and_forth_and_keeps_the_current_one(mini_rules):
    assert mini_rules.with_scenario("mini") is mini_rules
    assert mini_rules.with_scenario("mini_short").with_scenario("mini") == mini_rules
    assert mini_rules.with_scenario("mini_short") != mini_rules


@pytest.mark.parametrize("scenario_id", ["nope", "Mini", ""])
def test_with_scenario_of_an_unknown_id_raises_an_error_listing_the_scenarios(mini_rules, scenario_id):
    with pytest.raises(UnknownScenarioError) as caught:
        mini_rules.with_scenario(scenario_id)
    assert isinstance(caught.value, LookupError)
    assert (caught.value.scenario_id, caught.value.known) == (scenario_id, ("mini", "mini_short"))
    assert str(caught.value) == f"no scenario '{scenario_id}' in the rules; they have: mini, mini_short"


def test_the_scenario_played_defaults_to_the_first_when_the_ruleset_is_built(mini_rules):
    rebuilt = Ruleset(**{field.name: getattr(mini_rules, field.name) for field in attrs.fields(Ruleset)
                         if field.init and field.name != "scenario"})
    assert rebuilt.scenario is mini_rules.scenarios[0]
    assert rebuilt == mini_rules


def test_rules_that_drop_the_scenario_being_played_are_refused_at_once(mini_rules):
    short = mini_rules.with_scenario("mini_short")
    with pytest.raises(ValueError, match="the scenario 'mini_short' is not one of the rules' scenarios \\(mini\\)"):
        attrs.evolve(short, scenarios=mini_rules.scenarios[:1])
    assert attrs.evolve(mini_rules, scenarios=mini_rules.scenarios[:1]).scenario is mini_rules.scenario


def test_a_seat_wins_by_its_own_terms_unless_the_scenario_gives_it_others(mini_rules):
    short = mini_rules.with_scenario("mini_short")

    for seat in ("reds", "blues"):
        assert mini_rules.victory_of(seat) is mini_rules.faction[seat].victory
    assert short.victory_of("blues") is short.faction["blues"].victory
    assert short.victory_of("reds") is short.scenario.victory[0]
    assert [objective.name for objective in short.victory_of("reds").objectives] == ["Hold the hill"]
    assert short.victory_of("reds").sudden_death == ()  # replaced as a whole, not added to


def test_a_second_scenario_may_give_both_seats_victory_terms():
    text = edited("    - faction: reds\n", "    - faction: blues\n      objectives: []\n    - faction: reds\n")
    short = loads(text).with_scenario("mini_short")
    assert short.victory_of("blues").objectives == ()
    assert [victory.faction for victory in short.scenario.victory] == ["blues", "reds"]
