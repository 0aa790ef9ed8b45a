"""Headless pygame for the desktop game's tests: no window, no sound card, settings and saves in a temp folder."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def private_folders(tmp_path, monkeypatch):
    """Settings and saves go to a temporary folder, never the player's own."""
    monkeypatch.setenv("PETROGRAD_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("PETROGRAD_SAVES_DIR", str(tmp_path / "saves"))
    return tmp_path


@pytest.fixture
def app(shipped_rules):
    """The desktop app at 1600x900, without a first scene; closed afterwards."""
    import pygame

    from game.ui.app import App, Options
    from game.ui.settings import Settings

    application = App(Options(size=(1600, 900)), Settings(sound=False))
    application._rules = shipped_rules  # loaded once for the whole run
    yield application
    while application.stack:
        application.stack.pop().exit()
    pygame.quit()
