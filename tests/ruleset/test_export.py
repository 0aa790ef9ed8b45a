"""The rules as plain data: what 'rules export' prints, what saves hash, and what tools diff."""

import json

import pytest

from game.ruleset import vocabulary as v
from game.ruleset.export import EXPORT_SECTIONS, export_rules, to_data

from .rulestext import MINI_TEXT, edited, loads


@pytest.fixture(scope="module")
def exported(mini_rules):
    return export_rules(mini_rules)


def test_every_section_the_scenarios_the_board_and_the_ruleset_are_top_level_keys(exported):
    assert set(exported) == {"factions", "groups", "areas", "units", "tracks", "flags", "features", "actions",
                             "decrees", "events", "cards", "glossary", "scenarios", "board", "ruleset"}
    assert set(EXPORT_SECTIONS) | {"ruleset"} == set(exported)


def test_every_entry_has_its_id_and_name(exported, mini_rules):
    for section in EXPORT_SECTIONS:
        if section in ("board", "flags"):  # a flag has no name: its wording is below
            continue
        entries = exported[section]
        assert [entry["id"] for entry in entries] == [record.id for record in getattr(mini_rules, section)]
        assert all(isinstance(entry["name"], str) and entry["name"] for entry in entries), section
    assert [(scenario["id"], scenario["name"]) for scenario in exported["scenarios"]] == [
        ("mini", "Mini"), ("mini_short", "Mini, one turn")]


def test_the_ruleset_key_names_the_scenario_and_the_content_hash(exported, mini_rules):
    assert exported["ruleset"] == {"id": "mini", "content_hash": mini_rules.content_hash}


def test_rules_set_up_for_another_scenario_export_every_scenario_and_name_the_one_played(exported, mini_rules):
    short = export_rules(mini_rules.with_scenario("mini_short"))
    assert short["ruleset"] == {"id": "mini_short", "content_hash": mini_rules.content_hash}
    assert {**short, "ruleset": None} == {**exported, "ruleset": None}


def test_a_scenario_exports_its_victory_terms_for_a_seat(exported):
    assert exported["scenarios"][0]["victory"] == []
    assert exported["scenarios"][1]["victory"] == [{
        "faction": "reds", "sudden_death": [],
        "objectives": [{"name": "Hold the hill", "points": 1,
                        "when": [{"controls": {"faction": "self", "area": "hill"}}]}]}]


def test_without_a_board_section_the_default_board_is_exported(exported):
    assert exported["board"] == {"size": [1600, 1200], "water": [], "bridges": [], "railways": []}


def test_a_board_exports_its_water_bridges_and_railways():
    board = ("board:\n  size: [600, 300]\n"
             "  water: [{id: river, name: River, polygon: [[250, 0], [260, 0], [260, 300]]}]\n"
             "  bridges: [{id: old_bridge, name: Old bridge, links: [square, bridge], line: [[240, 90], [270, 90]]}]\n"
             "  railways: [{id: the_line, name: The line, stops: [bridge, depot]}]\n")
    everything = export_rules(loads(MINI_TEXT + board))
    data = everything["board"]
    assert data["size"] == [600, 300]
    assert data["water"][0]["polygon"] == [[250, 0], [260, 0], [260, 300]]
    assert (data["bridges"][0]["links"], data["bridges"][0]["line"]) == (["square", "bridge"], [[240, 90], [270, 90]])
    assert (data["railways"][0]["stops"], data["railways"][0]["line"]) == (["bridge", "depot"], [])
    assert data["railways"][0]["terms"] == []
    again = loads(json.dumps({key: value for key, value in everything.items() if key != "ruleset"}))
    assert export_rules(again)["board"] == data


def test_flags_export_with_their_wording_under_the_keys_the_loader_reads(exported):
    assert exported["flags"][0] == {"id": "strike", "set": "the workers are on strike",
                                    "unset": "the workers are at work", "bar": "the strikers will not run the trains"}
    assert exported["flags"][1]["bar"] is None


def test_features_export_with_the_words_players_read(exported):
    assert exported["features"] == [{"id": "cellars", "name": "wine cellars"}, {"id": "heights", "name": "high ground"}]
    assert exported["areas"][1]["features"] == ["cellars"]


def test_faction_patterns_and_record_terms_are_exported(exported):
    assert [faction["pattern"] for faction in exported["factions"]] == ["solid", "solid", "solid"]
    assert all(area["terms"] == [] for area in exported["areas"])


def test_dates_are_iso_strings(exported):
    assert exported["scenarios"][0]["turns"] == ["1917-10-25", "1917-10-29", "1917-11-02"]
    assert exported["scenarios"][0]["end"] == "1917-11-05"
    assert (exported["scenarios"][1]["turns"], exported["scenarios"][1]["end"]) == (["1917-10-29"], "1917-11-01")
    assert exported["events"][0]["window"] == {"from": "1917-10-25", "to": "1917-10-26"}
    assert exported["factions"][0]["date"] is None


def test_effects_and_conditions_keep_their_yaml_names_and_keys(exported):
    bake = next(action for action in exported["actions"] if action["id"] == "bake")
    assert bake["effects"] == [{"change_track": {"track": "bread", "by": 2, "faction": None}}]
    decree = exported["decrees"][0]
    assert decree["requires"] == [{"date": {"on_or_after": "1917-10-29", "before": None}}]
    upkeep_if = exported["scenarios"][0]["upkeep"][1]
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
    assert data["ruleset"]["id"] == data["scenarios"][0]["id"]
    assert all(scenario["turns"] and scenario["end"] for scenario in data["scenarios"])


def test_exported_rules_read_back_as_yaml_give_the_same_rules():
    # JSON is YAML, so the export can go straight back into the loader.
    rules = loads(MINI_TEXT)
    data = export_rules(rules)
    again = loads(json.dumps({key: value for key, value in data.items() if key != "ruleset"}))
    assert {**export_rules(again), "ruleset": None} == {**data, "ruleset": None}


def test_negations_and_alternatives_export_in_the_form_the_loader_reads():
    rules = loads(edited("requires: [{not: {flag: strike}}]", "requires: [{not: {flag: strike}}, {any: [{turn: "
                                                                    "{at_least: 1}}]}]", MINI_TEXT))
    data = export_rules(rules)
    loads(json.dumps({key: value for key, value in data.items() if key != "ruleset"}))
