"""The load screen's list: newest first, every save shown, damaged ones marked with the reason."""

import json
import os

import attrs

from game.engine import CHANCE
from game.savegame import save_game
from game.ui.saveslist import list_saves
from game.ui.session import Session

SEATS = {"sovnarkom": "human", "left_sr": "easy", "salvation": "human", "whites": "normal"}


def played(rules, seed=1, steps=30, scenario=None):
    """A session some steps in (or at its end); every seat's move is its last legal one."""
    session = Session.new(rules, SEATS, seed=seed, scenario=scenario)
    for _ in range(steps):
        if session.is_over():
            break
        if session.game.current_player(session.state) == CHANCE:
            session.resolve_chance()
        else:
            session.play(session.legal_moves()[-1])
    return session


def aged(path, seconds_ago):
    stamp = 1_700_000_000 - seconds_ago
    os.utime(path, (stamp, stamp))


def test_saves_are_listed_newest_first_with_their_summary(shipped_rules, tmp_path):
    session = played(shipped_rules)
    for name, age in (("old", 300), ("newest", 0), ("middle", 100)):
        session.save(tmp_path / f"{name}.json")
        aged(tmp_path / f"{name}.json", age)
    entries = list_saves(tmp_path, shipped_rules)
    assert [entry.name for entry in entries] == ["newest", "middle", "old"]
    entry = entries[0]
    assert entry.damaged is None and entry.turn == session.state.turn and entry.date == session.current_date()
    assert entry.scenario == shipped_rules.scenario.name and not entry.finished
    assert entry.seats == "Sovnarkom: human, Left S-Rs: easy AI, Salvation: human, Whites: normal AI"
    assert entry.modified.tzinfo is not None


def test_a_save_made_without_seats_lists_the_factions(shipped_rules, tmp_path):
    session = played(shipped_rules, steps=0)
    save_game(tmp_path / "cli.json", session.game, 1, [], session.state)
    assert list_saves(tmp_path, shipped_rules)[0].seats == "Sovnarkom, Left S-Rs, Salvation, Whites"


def test_damaged_saves_are_listed_as_damaged_with_the_reason(shipped_rules, tmp_path):
    session = played(shipped_rules)
    session.save(tmp_path / "good.json")
    data = json.loads((tmp_path / "good.json").read_text())
    (tmp_path / "garbage.json").write_text("{not json at all}")
    (tmp_path / "truncated.json").write_text((tmp_path / "good.json").read_text()[:200])
    (tmp_path / "other_game.json").write_text(json.dumps({"format": "something-else"}))
    (tmp_path / "other_rules.json").write_text(json.dumps({**data, "rules": {**data["rules"], "content_hash": "x"}}))
    (tmp_path / "no_info.json").write_text(json.dumps({key: value for key, value in data.items() if key != "info"}))
    (tmp_path / "bad_turn.json").write_text(json.dumps({**data, "info": {**data["info"], "turn": "three"}}))
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00")
    entries = {entry.name: entry for entry in list_saves(tmp_path, shipped_rules)}
    assert entries["good"].damaged is None
    damaged = {name: entry.damaged for name, entry in entries.items() if name != "good"}
    assert all(damaged.values()), damaged
    assert "JSON" in damaged["garbage"] and "truncated" in damaged["truncated"]
    assert "not a Petrograd 1917 save" in damaged["other_game"]
    assert "different version of the rules" in damaged["other_rules"]
    assert "summary" in damaged["no_info"] and "summary" in damaged["bad_turn"]
    assert entries["garbage"].turn is None and entries["garbage"].scenario == ""


def test_a_failing_checksum_is_found_when_the_list_verifies(shipped_rules, tmp_path):
    played(shipped_rules).save(tmp_path / "tampered.json")
    data = json.loads((tmp_path / "tampered.json").read_text())
    (tmp_path / "tampered.json").write_text(json.dumps({**data, "checksum": "sha256:0"}))
    assert list_saves(tmp_path, shipped_rules)[0].damaged is None  # the quick list reads the envelope only
    assert "checksum" in list_saves(tmp_path, shipped_rules, verify=True)[0].damaged


def test_only_json_files_are_listed_and_a_missing_folder_is_empty(shipped_rules, tmp_path):
    played(shipped_rules).save(tmp_path / "game.json")
    (tmp_path / "notes.txt").write_text("not a save")
    (tmp_path / ".game.json.abc.tmp").write_text("half written")
    (tmp_path / "folder.json").mkdir()
    assert [entry.name for entry in list_saves(tmp_path, shipped_rules)] == ["game"]
    assert list_saves(tmp_path / "nowhere", shipped_rules) == []


def test_a_save_of_the_lesson_scenario_shows_that_scenario_and_finished_games_say_so(shipped_rules, tmp_path):
    session = played(shipped_rules, scenario="cossacks_at_the_gates", steps=0)
    while not session.is_over():
        if session.is_chance():
            session.resolve_chance()
        else:
            session.play(session.legal_moves()[-1])
    session.save(tmp_path / "lesson.json")
    entry = list_saves(tmp_path, shipped_rules)[0]
    lesson = next(scenario for scenario in shipped_rules.scenarios if scenario.id == "cossacks_at_the_gates")
    assert entry.scenario == lesson.name and entry.finished and entry.damaged is None
    assert attrs.evolve(entry, damaged="x").damaged == "x"
