"""``python -m game`` with no command, ``--version`` and ``--help``."""

import pytest

from game import __version__


def test_no_command_says_the_desktop_game_is_not_built_yet_and_what_works_and_exits_0(cli):
    run = cli()

    assert run.code == 0
    assert "not built yet" in run.out
    for command in ("validate", "rules export", "simulate", "replay"):
        assert f"petrograd {command}" in run.out
    assert run.err == ""


def test_no_command_works_as_a_real_process_too(petrograd):
    run = petrograd()

    assert run.code == 0
    assert "Petrograd 1917" in run.out and "not built yet" in run.out
    assert run.err == ""


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
