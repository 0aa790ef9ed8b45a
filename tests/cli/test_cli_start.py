"""``python -m game`` with no command, ``--version`` and ``--help``."""

import pytest

from game import __version__


def test_no_command_opens_the_desktop_game(cli, monkeypatch):
    started = []
    monkeypatch.setattr("game.ui.app.run", lambda options: started.append(options) or 0)

    run = cli()

    assert run.code == 0
    assert len(started) == 1 and not started[0].autoplay


def test_the_desktop_options_reach_the_game(cli, monkeypatch, tmp_path):
    started = []
    monkeypatch.setattr("game.ui.app.run", lambda options: started.append(options) or 0)

    cli("--autoplay", "--seed", "4", "--speed", "fast", "--exit-at-end", "--screenshot-dir", tmp_path)

    options = started[0]
    assert (options.autoplay, options.seed, options.speed, options.exit_at_end) == (True, 4, "fast", True)
    assert options.screenshot_dir == tmp_path


def test_the_desktop_game_starts_and_quits_as_a_real_process(petrograd, monkeypatch, tmp_path):
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    monkeypatch.setenv("PETROGRAD_CONFIG_DIR", str(tmp_path))

    run = petrograd("--startup-probe")

    assert run.code == 0
    assert "first frame" in run.out


def test_a_subcommand_still_takes_its_own_seed(cli):
    run = cli("simulate", "--games", "1", "--seed", "3", "--json")

    assert run.code == 0 and '"seed": 3' in run.out


def test_version_prints_the_version_and_exits_0(cli, capsys):
    with pytest.raises(SystemExit) as leaving:
        cli("--version")

    assert leaving.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_an_unknown_command_is_a_usage_error(cli, capsys):
    with pytest.raises(SystemExit) as leaving:
        cli("conquer")

    assert leaving.value.code == 2
    assert "invalid choice: 'conquer'" in capsys.readouterr().err


def test_rules_without_an_action_is_a_usage_error(cli, capsys):
    with pytest.raises(SystemExit) as leaving:
        cli("rules")

    assert leaving.value.code == 2
    assert "ACTION" in capsys.readouterr().err
