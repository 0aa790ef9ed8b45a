"""The bundled fonts: each has its licence beside it, and together they cover every character the rules use."""

import logging
from pathlib import Path

import pygame
import pytest

from game.rulesdir import DEFAULT_RULES_DIR
from game.ui.app import load_theme
from game.ui.assets import ASSETS_DIR, FONT_FILES, UI_CHARACTERS, Assets

FONT_DIR = ASSETS_DIR / "fonts"


def characters_in_the_rules() -> str:
    """Every printable character of every rules file (comments too: they are text a designer may move)."""
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(DEFAULT_RULES_DIR.glob("*.yaml")))
    return "".join(sorted({char for char in text if char.isprintable() and not char.isspace()}))


@pytest.fixture(scope="module", autouse=True)
def fonts_ready():
    pygame.font.init()
    yield


@pytest.mark.parametrize("role", sorted(FONT_FILES))
def test_every_font_role_covers_every_character_of_the_rules_and_of_the_interface(role):
    font = pygame.font.Font(str(FONT_DIR / FONT_FILES[role]), 16)
    wanted = characters_in_the_rules() + UI_CHARACTERS

    missing = [char for char, metric in zip(wanted, font.metrics(wanted)) if metric is None]

    assert missing == [], f"{FONT_FILES[role]} has no glyph for {missing}"


def test_the_rules_use_characters_beyond_ascii_so_the_coverage_test_means_something():
    assert any(ord(char) > 127 for char in characters_in_the_rules())


def test_every_bundled_font_file_has_an_open_font_licence_beside_it():
    licences = {path.name: path.read_text(encoding="utf-8") for path in FONT_DIR.glob("*-OFL.txt")}
    families = {"EBGaramond": "EBGaramond-OFL.txt", "LinLibertine": "LinuxLibertine-OFL.txt",
                "LinBiolinum": "LinuxLibertine-OFL.txt"}

    for font in sorted(FONT_DIR.glob("*.otf")):
        family = next(name for name in families if font.name.startswith(name))
        assert "SIL OPEN FONT LICENSE Version 1.1" in licences[families[family]], font.name


def test_a_missing_font_gives_pygames_default_font_and_a_warning_once(tmp_path, caplog):
    assets = Assets(root=tmp_path)

    with caplog.at_level(logging.WARNING, logger="game.ui"):
        first = assets.font("title", 20)
        assets.font("title", 24)

    assert first.size("Smolny")[0] > 0
    assert len([record for record in caplog.records if "font for 'title'" in record.message]) == 1


def test_a_missing_image_gives_a_placeholder_of_the_size_asked_for_and_a_warning(tmp_path, caplog):
    pygame.display.init()
    with caplog.at_level(logging.WARNING, logger="game.ui"):
        picture = Assets(root=tmp_path).image("cossack.png", (40, 30))

    assert picture.get_size() == (40, 30)
    assert "cossack.png" in caplog.text


def test_a_missing_sound_plays_nothing_and_warns(tmp_path, caplog):
    assets = Assets(root=tmp_path)
    assets.sound_on = True
    pygame.mixer.init()  # the dummy audio driver of the tests
    with caplog.at_level(logging.WARNING, logger="game.ui"):
        assets.play("bell.ogg")

    assert "bell.ogg" in caplog.text


def test_without_a_sound_card_sound_stays_off_with_a_warning(monkeypatch, caplog):
    def no_device() -> None:
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    assets = Assets()
    with caplog.at_level(logging.WARNING, logger="game.ui"):
        assert assets.init_sound(True) is False

    assert assets.sound_on is False
    assert "no sound" in caplog.text


def test_the_theme_points_at_the_bundled_fonts_and_scales_their_sizes():
    theme = load_theme(2.0)

    font = theme["#body_font"]["font"]
    assert Path(font["regular_path"]).is_file()
    assert font["size"] == "30"


def test_a_theme_font_that_is_missing_falls_back_to_pygame_guis_own(tmp_path, caplog):
    theme_file = tmp_path / "theme.json"
    theme_file.write_text('{"button": {"font": {"name": "gone", "size": "15", "regular_path": "nowhere.otf"}}}')

    with caplog.at_level(logging.WARNING, logger="game.ui"):
        theme = load_theme(1.0, theme_file, Assets(root=tmp_path))

    assert theme["button"]["font"]["name"] == "noto_sans"
    assert "nowhere.otf" in caplog.text
