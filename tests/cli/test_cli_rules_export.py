"""``rules export``: the loaded rules as JSON, with stable top-level keys."""

import json

import pytest

SECTIONS = ("factions", "areas", "units", "tracks", "actions", "decrees", "events")
STORY_FIELDS = ("date", "history", "source", "discuss")


@pytest.fixture
def exported(cli):
    """The shipped rules as ``rules export`` prints them."""
    run = cli("rules", "export")
    assert run.code == 0 and run.err == ""
    return json.loads(run.out)


def test_the_export_has_every_section_the_scenarios_and_the_board(exported):
    assert set(SECTIONS) | {"scenarios", "board", "ruleset"} <= set(exported)
    assert "scenario" not in exported


@pytest.mark.parametrize("section", SECTIONS)
def test_every_entry_of_a_section_has_an_id_a_name_and_its_story_fields(exported, section):
    entries = exported[section]

    assert entries
    for entry in entries:
        assert isinstance(entry["id"], str) and entry["id"]
        assert isinstance(entry["name"], str) and entry["name"]
        assert set(STORY_FIELDS) <= set(entry)
    assert len({entry["id"] for entry in entries}) == len(entries)


def test_every_scenario_has_an_id_a_name_and_the_seats_and_the_first_is_the_one_played(exported, shipped_game):
    scenarios = exported["scenarios"]

    assert scenarios
    for scenario in scenarios:
        assert scenario["id"] and scenario["name"] and scenario["seats"] and scenario["turns"]
    assert len({scenario["id"] for scenario in scenarios}) == len(scenarios)
    assert tuple(scenarios[0]["seats"]) == shipped_game.seats
    assert exported["ruleset"]["id"] == scenarios[0]["id"]


def test_the_board_has_a_size_and_lists_of_what_is_drawn(exported, shipped_rules):
    board = exported["board"]

    assert [len(board["size"]), *map(type, board["size"])] == [2, int, int]
    assert all(isinstance(board[key], list) for key in ("water", "bridges", "railways"))
    assert board["size"] == list(shipped_rules.board.size)


def test_the_export_matches_the_rules_the_game_loads(exported, shipped_rules):
    assert [faction["id"] for faction in exported["factions"]] == [faction.id for faction in shipped_rules.factions]
    assert [decree["id"] for decree in exported["decrees"]] == [decree.id for decree in shipped_rules.decrees]
    assert exported["ruleset"] == {"id": shipped_rules.id, "content_hash": shipped_rules.content_hash}


def test_every_dated_decree_and_event_carries_its_date_as_iso_text(exported, shipped_rules):
    # Whether every decree has a date is test_shipped_rules.py's business; here, how dates are written.
    dated = [entry for entry in exported["decrees"] + exported["events"] if entry["date"]]
    assert {entry["id"] for entry in dated} == {
        record.id for record in shipped_rules.decrees + shipped_rules.events if record.date is not None}
    records = {**shipped_rules.event, **shipped_rules.decree}
    for entry in dated:
        assert entry["date"] == records[entry["id"]].date.isoformat()
        assert len(entry["date"]) == 10 and entry["date"].startswith("1917-")


def test_exporting_twice_prints_the_same_text(cli):
    assert cli("rules", "export").out == cli("rules", "export").out


def test_the_export_keeps_the_top_level_keys_in_a_stable_order(cli):
    keys = list(json.loads(cli("rules", "export").out))

    assert [key for key in keys if key in (*SECTIONS, "scenarios", "board")] == [*SECTIONS, "scenarios", "board"]
    assert keys[-1] == "ruleset"


def test_other_rules_can_be_exported_with_the_rules_option(cli, mini_rules_dir):
    run = cli("rules", "export", "--rules", mini_rules_dir)

    assert run.code == 0
    data = json.loads(run.out)
    assert [scenario["id"] for scenario in data["scenarios"]] == ["mini", "mini_short"]
    assert data["ruleset"]["id"] == "mini"


def test_exporting_a_broken_folder_fails_cleanly_listing_the_problems(cli, broken_rules):
    run = cli("rules", "export", "--rules", broken_rules)

    assert run.code == 1
    assert run.out == ""
    assert f"{broken_rules / 'units.yaml'}:" in run.err
    assert run.err.splitlines()[-1].startswith("petrograd: ")
