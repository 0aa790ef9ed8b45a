"""The rules as plain data: what 'rules export' prints, what saves hash, and what tools diff."""

import json

import pytest

from game.ruleset import vocabulary as v
from game.ruleset.export import EXPORT_SECTIONS, export_rules, to_data

from .rulestext import MINI_TEXT, edited, loads


@pytest.fixture(scope="module")
def exported(mini_rules):
    return export_rules(mini_rules)


def test_every_section_the_scenario_and_the_ruleset_are_top_level_keys(exported):
    assert set(exported) == {"factions", "groups", "areas", "units", "tracks", "actions", "decrees", "events",
                             "cards", "glossary", "scenario", "ruleset"}
    assert set(EXPORT_SECTIONS) | {"scenario", "ruleset"} == set(exported)


def test_every_entry_has_its_id_and_name(exported, mini_rules):
    for section in EXPORT_SECTIONS:
        entries = exported[section]
        assert [entry["id"] for entry in entries] == [record.id for record in getattr(mini_rules, section)]
        assert all(isinstance(entry["name"], str) and entry["name"] for entry in entries), section
    assert (exported["scenario"]["id"], exported["scenario"]["name"]) == ("mini", "Mini")


def test_the_ruleset_key_names_the_scenario_and_the_content_hash(exported, mini_rules):
    assert exported["ruleset"] == {"id": "mini", "content_hash": mini_rules.content_hash}


def test_dates_are_iso_strings(exported):
    assert exported["scenario"]["turns"] == ["1917-10-25", "1917-10-29", "1917-11-02"]
    assert exported["scenario"]["end"] == "1917-11-05"
    assert exported["events"][0]["window"] == {"from": "1917-10-25", "to": "1917-10-26"}
    assert exported["factions"][0]["date"] is None


def test_effects_and_conditions_keep_their_yaml_names_and_keys(exported):
    bake = next(action for action in exported["actions"] if action["id"] == "bake")
    assert bake["effects"] == [{"change_track": {"track": "bread", "by": 2, "faction": None}}]
    decree = exported["decrees"][0]
    assert decree["requires"] == [{"date": {"on_or_after": "1917-10-29", "before": None}}]
    upkeep_if = exported["scenario"]["upkeep"][1]
    assert upkeep_if == {"if": {"when": [{"controls": {"faction": "reds", "area": "palace"}}],
                                "then": [{"set_flag": "palace_held"}], "else": []}}


def test_keys_that_are_python_words_are_exported_as_written():
    assert to_data(v.MoveUnits(source="hall", to="square", faction="reds")) == {
        "move_units": {"from": "hall", "to": "square", "faction": "reds", "unit": None}}


def test_lists_are_lists_and_defaults_are_filled_in(exported):
    hall = exported["areas"][0]
    assert hall["at"] == [100, 100]
    assert hall["adjacent"] == ["square"]
    assert (hall["rail"], hall["polygon"], hall["history"]) == ([], [], "")
    assert exported["factions"][2]["victory"] == {"sudden_death": [], "objectives": []}


def test_choices_and_chances_export_their_options_and_outcomes(exported):
    opening = exported["events"][0]["effects"][0]["choice"]
    assert [option["id"] for option in opening["options"]] == ["rise", "wait"]
    storm = exported["events"][1]["effects"][0]["chance"]
    assert [(outcome["id"], outcome["weight"]) for outcome in storm["outcomes"]] == [("hit", 1), ("miss", 3)]


def test_the_export_survives_json_unchanged(exported):
    assert json.loads(json.dumps(exported)) == exported


def test_the_shipped_rules_export_to_json(shipped_rules):
    data = json.loads(json.dumps(export_rules(shipped_rules), ensure_ascii=False))
    assert data["ruleset"]["id"] == "petrograd_1917"
    assert data["scenario"]["turns"][0] == "1917-10-25"


def test_exported_rules_read_back_as_yaml_give_the_same_rules():
    # JSON is YAML, so the export can go straight back into the loader. The mini rules use 'not',
    # whose export the loader cannot read yet (see the xfail below), so it is swapped for a flag here.
    rules = loads(edited("requires: [{not: {flag: strike}}]", "requires: [{flag: strike}]"))
    data = export_rules(rules)
    again = loads(json.dumps({key: value for key, value in data.items() if key != "ruleset"}))
    assert {**export_rules(again), "ruleset": None} == {**data, "ruleset": None}


def test_negations_and_alternatives_export_in_the_form_the_loader_reads():
    rules = loads(edited("requires: [{not: {flag: strike}}]", "requires: [{not: {flag: strike}}, {any: [{turn: "
                                                                    "{at_least: 1}}]}]", MINI_TEXT))
    data = export_rules(rules)
    loads(json.dumps({key: value for key, value in data.items() if key != "ruleset"}))
