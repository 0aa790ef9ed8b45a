"""Helpers for command-line tests: run ``main`` in-process or ``python -m game`` in a real process."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from game.cli import main
from game.rulesdir import DEFAULT_RULES_DIR

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
MINI_RULES_DIR = PROJECT_DIR / "tests" / "fixtures" / "mini_rules"


@attrs.frozen
class Run:
    """What a command did: its exit code and what it printed."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys):
    """``cli("simulate", "--games", "2")``: run the command line in this process."""
    def run(*argv: str) -> Run:
        capsys.readouterr()
        code = main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)
    return run


@pytest.fixture(scope="session")
def petrograd():
    """``petrograd("simulate", ..., hash_seed="0")``: run ``python -m game`` as a new process."""
    def run(*argv: str, hash_seed: str = "0", cwd: Path = PROJECT_DIR) -> Run:
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-m", "game", *map(str, argv)], cwd=cwd, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=120)
        return Run(done.returncode, done.stdout, done.stderr)
    return run


@pytest.fixture
def broken_rules(tmp_path) -> Path:
    """A copy of the shipped rules with two mistakes in two files: a misspelt key and an unknown faction."""
    folder = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, folder)
    _replace_once(folder / "units.yaml", "strength: 2", "strenght: 2")
    _replace_once(folder / "decrees.yaml", "issuer: sovnarkom", "issuer: sovnarkon")
    return folder


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}; pick another mistake"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="session")
def mini_rules_dir() -> Path:
    return MINI_RULES_DIR
