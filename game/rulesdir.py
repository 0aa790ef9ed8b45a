"""Reading a folder of rules files from disk: the one place rules touch the file system."""

from pathlib import Path

from game.ruleset import Ruleset, load_rules
from game.ruleset.problems import Mark, Problem, RulesError
from game.ruleset.yamlnodes import MAX_FILE_BYTES

DEFAULT_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


def read_rules_texts(folder: Path) -> dict[str, str]:
    """The text of every ``*.yaml`` (or ``*.yml``) file in ``folder``, keyed by its path as shown to designers."""
    if not folder.is_dir():
        raise RulesError([Problem(Mark(str(folder), 1, 1), "", "rules folder not found")])
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        shown = str(path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                message = f"file is {size} bytes; rules files are limited to {MAX_FILE_BYTES} bytes (1 MiB)"
                problems.append(Problem(Mark(shown, 1, 1), "", message))
                continue
            texts[shown] = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(Problem(Mark(shown, 1, 1), "", f"not UTF-8 text (byte {error.start}); save it as UTF-8"))
        except OSError as error:
            problems.append(Problem(Mark(shown, 1, 1), "", f"cannot be read: {error.strerror}"))
    if not texts and not problems:
        problems.append(Problem(Mark(str(folder), 1, 1), "", "no *.yaml files in the rules folder"))
    if problems:
        raise RulesError(problems)
    return texts


def load_rules_dir(folder: Path | str = DEFAULT_RULES_DIR) -> Ruleset:
    """Load and check every rules file in ``folder``; raise ``RulesError`` listing all problems."""
    return load_rules(read_rules_texts(Path(folder)))
