"""The engine and the rules stay pure: no pygame, no files, no clock, no global random."""

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PURE_PACKAGES = [ROOT / "game" / "engine", ROOT / "game" / "ruleset"]
FORBIDDEN_MODULES = {"pygame", "pygame_gui", "random", "time", "datetime.datetime", "os", "io", "pathlib", "shutil",
                     "tempfile", "socket", "subprocess", "secrets", "uuid"}
FORBIDDEN_CALLS = {"open", "input", "print", "eval", "exec", "compile", "__import__"}


def test_importing_the_engine_does_not_import_pygame():
    program = ("import sys; import game.engine, game.ruleset, game.savegame, game.ai, game.cli; "
               "print(sorted(name for name in sys.modules if name.split('.')[0] in ('pygame', 'pygame_gui')))")
    completed = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "[]"


def pure_sources():
    for package in PURE_PACKAGES:
        yield from sorted(package.glob("*.py"))


def test_pure_packages_import_only_the_standard_library_attrs_yaml_and_each_other():
    allowed_roots = {"attrs", "yaml", "game", "collections", "typing", "types", "functools", "itertools", "re",
                     "difflib", "hashlib", "datetime", "dataclasses", "enum", "math", "operator", "__future__"}
    for source in pure_sources():
        for node in ast.walk(ast.parse(source.read_text(), str(source))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] in allowed_roots, f"{source.name} imports {name}"
                assert name not in FORBIDDEN_MODULES, f"{source.name} imports {name}"
                if name.startswith("game."):
                    assert name.startswith(("game.engine", "game.ruleset")), f"{source.name} imports {name}"


def test_pure_packages_call_no_file_console_or_eval_builtins():
    for source in pure_sources():
        for node in ast.walk(ast.parse(source.read_text(), str(source))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, f"{source.name}:{node.lineno} calls {node.func.id}"


def test_pure_packages_never_ask_the_clock():
    clock = re.compile(r"\b(?:(?:datetime|date)\.(?:now|today|utcnow)|time\.(?:time|monotonic|perf_counter))\(")
    assert clock.search("started = time.perf_counter()") and not clock.search("datetime.timedelta(days=1)")
    for source in pure_sources():
        found = clock.search(source.read_text())
        assert found is None, f"{source.name} asks the clock ({found and found.group()})"
