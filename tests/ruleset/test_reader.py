"""Reading nodes into the schema: keys, types, YAML 1.1 surprises, effects and conditions, special words."""

import datetime

import pytest

from game.ruleset import vocabulary as v

from .rulestext import (
    FILE,
    MINI_TEXT,
    adding,
    col_of,
    edited,
    line_of,
    loads,
    only_problem,
    problems_in,
)

WORKERS = "{id: workers, name: Workers, size: 5}"
GUARDS = "{id: guards, name: Guards, strength: 1}"
GOOD_NEWS = "{id: good_news, name: Good news, effects: [{change_track: {track: order, by: 1}}]}"


def news_with(effect: str) -> str:
    """The mini rules with a second effect in the random-deck event 'good_news' (events[3])."""
    return edited(GOOD_NEWS, GOOD_NEWS[:-2] + f", {effect}]}}")


# --- keys ----------------------------------------------------------------------------


def test_an_unknown_key_suggests_the_key_it_resembles():
    text = edited(WORKERS, "{id: workers, name: Workers, sise: 5}")
    problem = only_problem(text)
    assert str(problem) == (f"{FILE}:{line_of('sise', text)}:{col_of('sise', text)}: groups[0].sise: "
                            "unknown key 'sise'; did you mean 'size'?")


def test_an_unknown_key_without_a_close_match_lists_the_keys_expected():
    problem = only_problem(edited(GUARDS, "{id: guards, name: Guards, strength: 1, colour: red}"))
    assert problem.path == "units[0].colour"
    assert problem.message == ("unknown key 'colour'; expected one of: id, name, date, history, source, discuss, "
                               "terms, strength, can_get_drunk, agitation, bonuses, one, many")


def test_an_unknown_key_is_reported_but_the_entry_is_still_read():
    problems = problems_in(edited(GUARDS, "{id: guards, name: Guards, strength: 1, colour: red}"))
    assert len(problems) == 1  # nothing that refers to the guards is reported unknown


def test_a_missing_required_key_names_the_key_and_what_it_holds():
    text = edited(WORKERS, "{id: workers, size: 5}")
    problem = only_problem(text)
    assert (problem.path, problem.message) == ("groups[0]", "missing required key 'name' (text)")
    assert (problem.mark.line, problem.mark.col) == (line_of("{id: workers", text), col_of("{id: workers", text))


def test_a_missing_number_is_named_as_a_whole_number():
    problem = only_problem(edited(GUARDS, "{id: guards, name: Guards}"))
    assert problem.message == "missing required key 'strength' (a whole number)"


def test_a_missing_effect_list_in_an_if_is_named_as_a_list():
    problem = only_problem(news_with("{if: {then: [{set_flag: strike}]}}"))
    assert problem.message == "missing required key 'when' (a list)"


# --- types -----------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "path", "message"), [
    (WORKERS, "{id: workers, name: Workers, size: five}", "groups[0].size",
     "expected a whole number written in plain digits, found text 'five'"),
    (WORKERS, "{id: workers, name: Workers, size: 5.5}", "groups[0].size",
     "expected a whole number written in plain digits, found a number (5.5)"),
    (WORKERS, '{id: workers, name: Workers, size: "5"}', "groups[0].size",
     "expected a whole number written in plain digits, found text '5'"),
    (WORKERS, "{id: workers, name: [Workers], size: 5}", "groups[0].name", "expected text, found a list"),
    (WORKERS, "{id: workers, name: {text: Workers}, size: 5}", "groups[0].name", "expected text, found a mapping"),
    ("odds: {success: 1, failure: 1, plus_support: workers}", "odds: [1, 1]", "actions[3].odds",
     "expected a mapping of keys to values, found a list"),
    ("at: [100, 100], adjacent: [square], influence: 1", "at: [100, 100], adjacent: square, influence: 1",
     "areas[0].adjacent", "expected a list, found text 'square'"),
    ("at: [100, 100], adjacent: [square], influence: 1", "at: [100, 100, 5], adjacent: [square], influence: 1",
     "areas[0].at", "expected a list of exactly 2 values, found 3"),
    ("can_get_drunk: true", "can_get_drunk: 1", "units[1].can_get_drunk",
     "expected true or false, found a number (1); write true or false"),
    ("{id: hall, name: Hall, kind: site,", "{id: hall, name: Hall, kind: sight,", "areas[0].kind",
     "'sight' is not one of district, site, approach, offmap; did you mean 'site'?"),
    ("{id: hall, name: Hall, kind: site,", "{id: hall, name: Hall, kind: keep,", "areas[0].kind",
     "'keep' is not one of district, site, approach, offmap"),
])
def test_a_value_of_the_wrong_type_names_the_type_expected_and_what_was_found(old, new, path, message):
    problem = only_problem(edited(old, new))
    assert (problem.path, problem.message) == (path, message)


def test_a_date_written_in_words_is_refused():
    problem = only_problem(edited("end: 1917-11-05", "end: 5 November 1917"))
    assert (problem.path, problem.message) == (
        "scenarios[0].end", "expected a date such as 1917-10-25 (Old Style), found text '5 November 1917'")


def test_an_impossible_date_is_refused():
    problem = only_problem(edited("end: 1917-11-05", "end: 1917-11-31"))
    assert problem.path == "scenarios[0].end"
    assert problem.message == "1917-11-31 is not a day of the calendar"


def test_a_date_may_be_quoted():
    rules = loads(edited("end: 1917-11-05", 'end: "1917-11-05"'))
    assert rules.scenario.end == datetime.date(1917, 11, 5)


def test_whole_numbers_may_carry_a_sign():
    rules = loads(edited("{track: bread, by: 2}}]", "{track: bread, by: +2}}]"))
    assert rules.action["bake"].effects[0].by == 2


def test_nothing_where_an_optional_value_goes_means_none():
    rules = loads(edited("plus_support: workers}", "plus_support: ~}"))
    assert rules.action["agitate"].odds.plus_support is None


def test_nothing_where_text_is_required_is_a_problem():
    problem = only_problem(edited(WORKERS, "{id: workers, name: ~, size: 5}"))
    assert problem.message == "expected text, found nothing"


def test_the_path_of_a_problem_leads_through_nested_entries_to_the_value():
    text = edited("{group: workers, faction: self, at_least: 3}", "{group: workers, faction: self, at_least: many}")
    problem = only_problem(text)
    assert problem.path == "factions[1].victory.objectives[1].when[0].at_least"
    assert problem.mark.line == line_of("at_least: many", text)


# --- YAML 1.1 surprises ------------------------------------------------------------


@pytest.mark.parametrize(("word", "reading"), [
    ("no", "a boolean"), ("yes", "a boolean"), ("on", "a boolean"), ("off", "a boolean"), ("No", "a boolean"),
    ("1.10", "a number"), ("12:30", "a number"), ("0x1F", "a number"), ("1917-10-25", "a date"),
])
def test_a_word_that_yaml_1_1_reads_as_something_else_must_be_quoted_where_text_is_expected(word, reading):
    problem = only_problem(edited(WORKERS, f"{{id: workers, name: {word}, size: 5}}"))
    assert problem.path == "groups[0].name"
    assert problem.message == f'expected text, but YAML 1.1 reads {word} as {reading}; quote it: "{word}"'


@pytest.mark.parametrize("word", ["no", "yes", "on", "1.10", "12:30", "1917-10-25"])
def test_the_quoted_word_is_read_as_text(word):
    rules = loads(edited(WORKERS, f'{{id: workers, name: "{word}", size: 5}}'))
    assert rules.group["workers"].name == word


def test_an_id_that_yaml_1_1_reads_as_a_boolean_must_be_quoted():
    unquoted = MINI_TEXT + 'glossary:\n  - {id: yes, name: "Yes", definition: Agreement.}\n'
    problem = only_problem(unquoted)
    assert problem.path == "glossary[0].id"
    assert problem.message == 'expected text, but YAML 1.1 reads yes as a boolean; quote it: "yes"'
    quoted = MINI_TEXT + 'glossary:\n  - {id: "yes", name: "Yes", definition: Agreement.}\n'
    assert [term.id for term in loads(quoted).glossary] == ["yes"]


def test_a_flag_named_on_must_be_quoted_everywhere_it_is_written():
    unquoted = edited("{set_flag: strike}", "{set_flag: on}", edited("{not: {flag: strike}}", "{not: {flag: on}}"))
    problems = problems_in(unquoted)
    assert [problem.message for problem in problems] == [
        'expected text, but YAML 1.1 reads on as a boolean; quote it: "on"'] * 2
    quoted = edited("{set_flag: strike}", '{set_flag: "on"}', edited("{not: {flag: strike}}", '{not: {flag: "on"}}'))
    quoted = edited("{id: strike,", '{id: "on",', quoted)
    assert loads(quoted).event["rumour"].effects[1] == v.SetFlag(flag="on")


@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "True", "FALSE", "y", '"true"', "1"])
def test_a_boolean_accepts_only_true_or_false(written):
    problem = only_problem(edited("can_get_drunk: true", f"can_get_drunk: {written}"))
    assert problem.path == "units[1].can_get_drunk"
    assert problem.message.startswith("expected true or false, found ")
    assert problem.message.endswith("; write true or false")


def test_true_and_false_are_booleans():
    assert loads(MINI_TEXT).unit["regiment"].can_get_drunk is True
    assert loads(edited("can_get_drunk: true", "can_get_drunk: false")).unit["regiment"].can_get_drunk is False


# --- ids -----------------------------------------------------------------------------


@pytest.mark.parametrize("bad_id", ["Cossacks", "red-guards", "2nd_army", "_hidden", '"red guards"'])
def test_an_id_is_lower_case_letters_digits_and_underscores_starting_with_a_letter(bad_id):
    problem = only_problem(adding("units", f"{{id: {bad_id}, name: Odd, strength: 1}}"))
    assert problem.path == "units[0].id"
    assert problem.message == (f"id '{bad_id.strip(chr(34))}' must be lower-case letters, digits and _, "
                               "starting with a letter")


# --- effects and conditions ---------------------------------------------------------


def test_an_unknown_effect_suggests_the_effect_it_resembles():
    text = edited("{change_track: {track: bread, by: 2}}]", "{chnage_track: {track: bread, by: 2}}]")
    problem = only_problem(text)
    where = f"{FILE}:{line_of('chnage_track', text)}:{col_of('chnage_track', text)}"
    assert str(problem) == (f"{where}: actions[4].effects[0]: "
                            "unknown effect 'chnage_track'; did you mean 'change_track'?")


def test_an_unknown_condition_suggests_the_condition_it_resembles():
    problem = only_problem(edited("requires: [{turn: {at_least: 2}}]", "requires: [{turns: {at_least: 2}}]"))
    assert (problem.path, problem.message) == ("events[1].requires[0]",
                                               "unknown condition 'turns'; did you mean 'turn'?")


def test_an_unknown_effect_without_a_close_match_lists_every_effect():
    problem = only_problem(news_with("{explode: {area: hall}}"))
    assert problem.message == "unknown effect 'explode'; known effects: " + ", ".join(sorted(v.EFFECTS))


def test_an_unknown_condition_without_a_close_match_lists_every_condition():
    problem = only_problem(edited("requires: [{turn: {at_least: 2}}]", "requires: [{weather: rain}]"))
    assert problem.message == "unknown condition 'weather'; known conditions: " + ", ".join(sorted(v.CONDITIONS))


@pytest.mark.parametrize("effect", ["set_flag", "{set_flag: strike, clear_flag: strike}", "[{set_flag: strike}]"])
def test_an_effect_is_a_mapping_with_exactly_one_key(effect):
    problem = only_problem(news_with(effect))
    assert problem.path == "events[3].effects[1]"
    assert problem.message == ("expected an effect such as `change_track: {track: bread, by: -1}`: "
                               "a mapping with exactly one key")


def test_an_effect_whose_fields_are_not_indented_under_it_is_caught():
    # A common slip: the fields sit beside the effect's name instead of under it.
    text = edited("effects: [{change_track: {track: bread, by: 2}}]",
                  "effects:\n      - change_track:\n        track: bread\n        by: 2")
    problem = only_problem(text)
    assert problem.path == "actions[4].effects[0]"
    assert problem.message.endswith("a mapping with exactly one key")


def test_a_condition_is_a_mapping_with_exactly_one_key():
    problem = only_problem(edited("requires: [{turn: {at_least: 2}}]", "requires: [turn]"))
    assert problem.message == "expected a condition such as `flag: congress_in_session`: a mapping with exactly one key"


def test_an_effect_missing_a_field_names_the_field():
    problem = only_problem(news_with("{change_track: {track: order}}"))
    assert (problem.path, problem.message) == ("events[3].effects[1]", "missing required key 'by' (a whole number)")


def test_an_effect_with_an_unknown_field_suggests_the_field():
    problem = only_problem(news_with("{change_track: {track: order, bye: 1, by: 1}}"))
    assert (problem.path, problem.message) == ("events[3].effects[1].bye", "unknown key 'bye'; did you mean 'by'?")


@pytest.mark.parametrize(("short", "long"), [
    ("{set_flag: strike}", "{set_flag: {flag: strike}}"),
    ("{clear_flag: strike}", "{clear_flag: {flag: strike}}"),
    ("{clear_control: hall}", "{clear_control: {area: hall}}"),
])
def test_a_shorthand_effect_reads_the_same_as_its_full_form(short, long):
    assert loads(news_with(short)).event["good_news"].effects[1] == loads(news_with(long)).event["good_news"].effects[1]


def test_shorthand_conditions_load():
    requires = ("requires: [{not: {flag: strike}}, {any: [{decree: decree_bread}, {event: rumour}, "
                "{flag: {flag: strike}}]}]")
    rules = loads(edited("requires: [{not: {flag: strike}}]", requires))
    assert rules.action["train"].requires == (
        v.Not(condition=v.FlagSet(flag="strike")),
        v.AnyOf(conditions=(v.DecreeIssued(decree="decree_bread"), v.EventFired(event="rumour"),
                            v.FlagSet(flag="strike"))),
    )


def test_keys_that_are_python_words_are_written_as_in_english():
    effect = "{if: {when: [{flag: strike}], then: [{clear_flag: strike}], else: [{move_units: " \
             "{from: hall, to: square, faction: reds}}]}}"
    read = loads(news_with(effect)).event["good_news"].effects[1]
    assert read == v.If(when=(v.FlagSet(flag="strike"),), then=(v.ClearFlag(flag="strike"),),
                        otherwise=(v.MoveUnits(source="hall", to="square", faction="reds"),))


def test_optional_fields_of_an_effect_take_their_defaults():
    read = loads(news_with("{set_status: {area: hall, status: demoralised}}")).event["good_news"].effects[1]
    assert read == v.SetStatus(area="hall", status="demoralised", value=True, faction=None, unit=None)


# --- the special words self and target ---------------------------------------------


SELF_NOWHERE = "'self' means the acting faction, and nothing acts here; name the faction"
TARGET_NOWHERE = "'target' means the area an action aims at, and nothing is aimed here"


def test_self_in_an_event_outside_a_choice_is_refused():
    problem = only_problem(news_with("{change_track: {track: influence, faction: self, by: 1}}"))
    assert (problem.path, problem.message) == ("events[3].effects[1].faction", SELF_NOWHERE)


def test_self_in_the_options_of_an_event_choice_means_the_faction_choosing():
    rules = loads(MINI_TEXT)  # the opening event's options place units for 'self'
    option = rules.event["opening"].effects[0].options[0]
    assert option.effects[0].faction == "self"


def test_self_as_the_faction_that_chooses_in_an_event_is_refused():
    problem = only_problem(edited("faction: blues\n          prompt: Rise or wait?",
                                  "faction: self\n          prompt: Rise or wait?"))
    assert (problem.path, problem.message) == ("events[0].effects[0].faction", SELF_NOWHERE)


def test_self_in_an_event_requirement_is_refused():
    problem = only_problem(edited("[{turn: {at_least: 2}}]", "[{controls: {faction: self, area: hall}}]"))
    assert problem.message == SELF_NOWHERE


def test_self_in_the_scenario_setup_and_upkeep_is_refused():
    text = edited("{track: influence, faction: reds, to: 2}", "{track: influence, faction: self, to: 2}")
    text = edited("- change_track: {track: bread, by: -1}\n",
                  "- shift_support: {group: workers, toward: self, by: 1}\n", text)
    assert [(problem.path, problem.message) for problem in problems_in(text)] == [
        ("scenarios[0].setup[4].faction", SELF_NOWHERE), ("scenarios[0].upkeep[0].toward", SELF_NOWHERE)]


def test_self_in_a_scenario_victory_means_the_faction_whose_victory_it_is():
    rules = loads(MINI_TEXT)  # mini_short's objective for the Reds: {controls: {faction: self, area: hill}}
    assert rules.scenarios[1].victory[0].objectives[0].when[0].faction == "self"


def test_self_as_the_faction_a_scenario_victory_is_for_is_an_unknown_faction():
    problem = only_problem(edited("    - faction: reds\n", "    - faction: self\n"))
    assert (problem.path, problem.message) == ("scenarios[1].victory[0].faction", "unknown faction 'self'")


def test_self_is_allowed_in_actions_decrees_cards_and_victory_conditions():
    text = edited("{group: workers, toward: reds, by: 2}}", "{group: workers, toward: self, by: 2}}")
    text = edited("effects: [{change_track: {track: bread, by: 2}}]",
                  "effects: [{change_track: {track: influence, faction: self, by: 2}}]", text)
    rules = loads(text)
    assert rules.decree["decree_bread"].effects[1].toward == "self"
    assert rules.card["call_up"].effects[0].faction == "self"
    assert rules.faction["reds"].victory.objectives[0].when[0].faction == "self"


def test_self_where_a_rule_needs_a_named_faction_is_an_unknown_faction():
    problem = only_problem(edited("name: Sabotage, faction: blues,", "name: Sabotage, faction: self,"))
    assert (problem.path, problem.message) == ("cards[1].faction", "unknown faction 'self'")


def test_target_in_a_decree_is_refused():
    problem = only_problem(edited("{shift_support: {group: workers, toward: reds, by: 2}}",
                                  "{set_control: {area: target, faction: reds}}"))
    assert (problem.path, problem.message) == ("decrees[0].effects[1].area", TARGET_NOWHERE)


def test_target_in_a_card_that_aims_at_nothing_is_refused():
    problem = only_problem(edited("effects: [{place_units: {area: hall, unit: guards, faction: self}}]}",
                                  "effects: [{place_units: {area: target, unit: guards, faction: self}}]}"))
    assert (problem.path, problem.message) == ("cards[0].effects[0].area", TARGET_NOWHERE)


def test_target_in_an_effect_action_that_aims_at_nothing_is_refused():
    problem = only_problem(edited("effects: [{change_track: {track: bread, by: 2}}]",
                                  "effects: [{clear_control: target}]"))
    assert (problem.path, problem.message) == ("actions[4].effects[0]", TARGET_NOWHERE)


def test_target_is_the_destination_of_a_move_or_attack_and_the_area_of_an_agitation():
    text = edited("{id: attack, name: Attack, kind: attack, cost: 1}",
                  "{id: attack, name: Attack, kind: attack, cost: 1, requires: [{units: {area: target}}]}")
    text = edited("{id: march, name: March, kind: move}",
                  "{id: march, name: March, kind: move, effects: [{set_status: {area: target, status: drunk}}]}", text)
    rules = loads(text)
    assert rules.action["attack"].requires[0].area == "target"
    assert rules.action["march"].effects[0].area == "target"


def test_target_in_an_event_is_refused():
    problem = only_problem(news_with("{clear_control: target}"))
    assert problem.message == TARGET_NOWHERE


# --- one pass ----------------------------------------------------------------------


def test_a_broken_entry_is_left_out_and_reading_goes_on():
    text = edited(WORKERS, "{id: workers, name: Workers, size: lots}")
    text = edited(GUARDS, "{id: guards, name: Guards, strength: strong}", text)
    assert [problem.path for problem in problems_in(text)] == ["groups[0].size", "units[0].strength"]


# --- where the reader falls short -----------------------------------------------------


@pytest.mark.parametrize("word", ["<<", "="])
def test_a_plain_merge_or_value_sign_where_text_is_expected_is_a_problem_not_a_crash(word):
    problem = only_problem(edited(WORKERS, f"{{id: workers, name: {word}, size: 5}}"))
    assert problem.path == "groups[0].name"


def test_an_option_id_must_be_a_plain_id_because_moves_name_it():
    problem = only_problem(edited("{id: rise, name: Rise,", "{id: rise now, name: Rise,"))
    assert problem.path == "events[0].effects[0].options[0].id"


@pytest.mark.parametrize("word", ["self", "target"])
def test_the_special_words_cannot_be_ids(word):
    problem = only_problem(adding("groups", f"{{id: {word}, name: Odd}}"))
    assert problem.message == f"'{word}' is a special word in rules; choose another id"


def test_a_whole_number_with_a_leading_zero_is_refused():
    problem = only_problem(edited("{id: workers, name: Workers, size: 5}", "{id: workers, name: Workers, size: 05}"))
    assert problem.message.startswith("expected a whole number written in plain digits")


def test_chance_is_reserved_because_the_game_api_names_the_chance_player_so():
    problem = only_problem(adding("groups", "{id: chance, name: Odd}"))
    assert problem.message == "'chance' is a special word in rules; choose another id"


def test_a_number_with_thousands_of_digits_is_a_problem_not_a_crash():
    problem = only_problem(edited("{id: workers, name: Workers, size: 5}",
                                  "{id: workers, name: Workers, size: " + "9" * 5000 + "}"))
    assert problem.message == "this number is too large for the rules (at most nine digits)"
