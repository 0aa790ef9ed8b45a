"""Old saves are brought up to the current format one version at a time, then load as usual.

There is only format 1 today, so these tests pretend the game has moved on to
format 3: in format 1 the rules id and hash sat at the top level, format 2
nested them under ``rules``, and format 3 is today's layout.
"""

import json

import pytest

from game.savegame import SaveError, envelope, load_game, save_game, saves


def _pretend_the_current_format_is(monkeypatch, version: int, upgrades) -> None:
    """Patch the version and the upgrades wherever the save code reads them."""
    for module in (envelope, saves):
        monkeypatch.setattr(module, "FORMAT_VERSION", version)
        monkeypatch.setattr(module, "UPGRADES", {**module.UPGRADES, **upgrades})


def _make_it_a_format_1_save(path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    rules = data.pop("rules")
    data.update(version=1, rules_id=rules["id"], rules_hash=rules["content_hash"])
    path.write_text(json.dumps(data), encoding="utf-8")


class _Upgrades:
    """The steps 1 -> 2 -> 3, recording the version each one was handed."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, int]] = []

    def one_to_two(self, data):
        self.seen.append(("1->2", data["version"]))
        data["rules"] = {"id": data.pop("rules_id"), "content_hash": data.pop("rules_hash")}
        return data

    def two_to_three(self, data):
        self.seen.append(("2->3", data["version"]))
        assert "rules" in data, "the second step must see the first step's work"
        return data

    def table(self):
        return {1: self.one_to_two, 2: self.two_to_three}


def test_an_old_save_is_upgraded_one_version_at_a_time_and_then_loads(monkeypatch, mini_save, mini_game,
                                                                      played_mini):
    _make_it_a_format_1_save(mini_save)
    upgrades = _Upgrades()
    _pretend_the_current_format_is(monkeypatch, 3, upgrades.table())

    loaded = load_game(mini_save, mini_game)

    assert upgrades.seen == [("1->2", 1), ("2->3", 2)]
    assert loaded.state == played_mini.state
    assert loaded.moves == played_mini.moves


def test_a_save_one_version_old_runs_only_the_last_upgrade(monkeypatch, mini_save, mini_game, played_mini):
    data = json.loads(mini_save.read_text(encoding="utf-8"))
    mini_save.write_text(json.dumps({**data, "version": 2}), encoding="utf-8")
    upgrades = _Upgrades()
    _pretend_the_current_format_is(monkeypatch, 3, upgrades.table())

    assert load_game(mini_save, mini_game).state == played_mini.state
    assert upgrades.seen == [("2->3", 2)]


def test_a_save_in_the_current_format_is_not_upgraded(monkeypatch, tmp_path, mini_game, played_mini):
    upgrades = _Upgrades()
    _pretend_the_current_format_is(monkeypatch, 3, upgrades.table())
    path = tmp_path / "new.json"

    save_game(path, mini_game, played_mini.seed, played_mini.moves, played_mini.state)

    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 3
    assert load_game(path, mini_game).state == played_mini.state
    assert upgrades.seen == []


def test_an_old_save_with_a_missing_upgrade_step_is_reported_as_too_old(monkeypatch, mini_save, mini_game):
    _make_it_a_format_1_save(mini_save)
    upgrades = _Upgrades()
    _pretend_the_current_format_is(monkeypatch, 3, {2: upgrades.two_to_three})

    with pytest.raises(SaveError) as caught:
        load_game(mini_save, mini_game)

    assert str(caught.value) == f"{mini_save}: save format 1 is too old to upgrade"
    assert upgrades.seen == []


def test_an_upgraded_save_is_still_checked_against_its_checksum(monkeypatch, mini_save, mini_game):
    _make_it_a_format_1_save(mini_save)
    data = json.loads(mini_save.read_text(encoding="utf-8"))
    mini_save.write_text(json.dumps({**data, "checksum": "sha256:0"}), encoding="utf-8")
    _pretend_the_current_format_is(monkeypatch, 3, _Upgrades().table())

    with pytest.raises(SaveError, match="checksum"):
        load_game(mini_save, mini_game)


def test_an_old_save_too_damaged_to_upgrade_is_reported_as_a_save_error(monkeypatch, mini_save, mini_game):
    _make_it_a_format_1_save(mini_save)
    data = json.loads(mini_save.read_text(encoding="utf-8"))
    del data["rules_hash"]
    mini_save.write_text(json.dumps(data), encoding="utf-8")
    _pretend_the_current_format_is(monkeypatch, 3, _Upgrades().table())

    with pytest.raises(SaveError, match="damaged"):
        load_game(mini_save, mini_game)
