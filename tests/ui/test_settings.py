"""Settings remembered between runs: round trips, defaults, and damaged files that never crash the game."""

import json
from pathlib import Path

import attrs
import pytest

from game.ui.settings import Settings, default_saves_dir, default_settings_path, load_settings, save_settings

CHOSEN = Settings(fullscreen=True, ui_scale=1.5, palette="colour_blind", animation_speed="fast", sound=False,
                  window_size=(1280, 720))


def test_settings_round_trip_through_the_file(tmp_path):
    path = tmp_path / "deep" / "settings.json"
    assert save_settings(path, CHOSEN) == []
    assert load_settings(path) == (CHOSEN, [])
    assert not [name for name in path.parent.iterdir() if name.name != "settings.json"]  # no temporary left


def test_a_missing_file_gives_the_defaults_without_a_warning(tmp_path):
    assert load_settings(tmp_path / "none.json") == (Settings(), [])
    assert Settings() == Settings(fullscreen=False, ui_scale=1.0, palette="standard", animation_speed="normal",
                                  sound=True, window_size=(1600, 900))


@pytest.mark.parametrize("text", ["{not json", "", "[1, 2]", "\"fullscreen\"", "{\"ui_scale\": 1e999999}"])
def test_a_damaged_file_gives_the_defaults_and_a_warning_naming_it(tmp_path, text):
    path = tmp_path / "settings.json"
    path.write_text(text)
    settings, warnings = load_settings(path)
    if "ui_scale" in text:  # valid JSON whose value is bad: only that field falls back
        assert settings == Settings() and "ui_scale" in warnings[0]
    else:
        assert settings == Settings()
    assert len(warnings) == 1 and str(path) in warnings[0]


def test_a_file_that_is_not_utf8_gives_the_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe{")
    settings, warnings = load_settings(path)
    assert settings == Settings() and "UTF-8" in warnings[0]


def test_bad_values_fall_back_one_by_one_and_the_good_ones_are_kept(tmp_path):
    path = tmp_path / "settings.json"
    data = {"fullscreen": True, "ui_scale": 5, "palette": "sepia", "animation_speed": "fast", "sound": "yes",
            "window_size": [0, 900], "shoe_size": 44}
    path.write_text(json.dumps(data))
    settings, warnings = load_settings(path)
    assert settings == Settings(fullscreen=True, animation_speed="fast")
    named = {field for warning in warnings for field in ("ui_scale", "palette", "sound", "window_size", "shoe_size")
             if f": {field}" in warning or f"'{field}'" in warning}
    assert named == {"ui_scale", "palette", "sound", "window_size", "shoe_size"}
    assert all(warning.startswith(str(path)) for warning in warnings)


@pytest.mark.parametrize("value", [True, "1.0", None, [1.0], 0.5, 2.5])
def test_ui_scale_must_be_a_number_from_75_to_200_percent(tmp_path, value):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"ui_scale": value, "sound": False}))
    settings, warnings = load_settings(path)
    assert settings == Settings(sound=False) and "ui_scale" in warnings[0]


def test_a_whole_number_scale_is_read_as_a_float(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"ui_scale": 2}))
    settings, warnings = load_settings(path)
    assert settings.ui_scale == 2.0 and isinstance(settings.ui_scale, float) and warnings == []


def test_settings_refuse_bad_values_when_made_in_code():
    with pytest.raises(ValueError):
        Settings(ui_scale=3.0)
    with pytest.raises(ValueError):
        Settings(palette="sepia")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        attrs.evolve(Settings(), window_size=(10, 10))


def test_saving_where_no_file_can_be_written_warns_instead_of_raising(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    warnings = save_settings(blocker / "settings.json", Settings())
    assert len(warnings) == 1 and "settings.json" in warnings[0]


def test_the_settings_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PETROGRAD_CONFIG_DIR", str(tmp_path / "own"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert default_settings_path() == tmp_path / "own" / "settings.json"
    monkeypatch.delenv("PETROGRAD_CONFIG_DIR")
    assert default_settings_path() == tmp_path / "xdg" / "petrograd1917" / "settings.json"
    monkeypatch.setenv("XDG_CONFIG_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_settings_path() == tmp_path / "home" / ".config" / "petrograd1917" / "settings.json"


def test_the_saves_folder_is_the_repositorys_unless_the_environment_says_otherwise(monkeypatch, tmp_path):
    monkeypatch.setenv("PETROGRAD_SAVES_DIR", str(tmp_path))
    assert default_saves_dir() == tmp_path
    monkeypatch.delenv("PETROGRAD_SAVES_DIR")
    folder = default_saves_dir()
    assert folder == Path(__file__).resolve().parent.parent.parent / "saves" and folder.is_dir()
