"""``validate``: the shipped rules are clean; a broken folder gets every problem as file:line:col."""

import re

from game.rulesdir import DEFAULT_RULES_DIR

PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+\.yaml):(?P<line>\d+):(?P<col>\d+): \S.*$")


def _problem_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if PROBLEM_LINE.match(line)]


def test_the_shipped_rules_validate_with_no_problems(cli):
    run = cli("validate")

    assert run.code == 0
    assert run.out.startswith(f"{DEFAULT_RULES_DIR}: no problems")
    assert run.err == ""


def test_the_shipped_rules_named_explicitly_validate_too(cli):
    assert cli("validate", DEFAULT_RULES_DIR).code == 0


def test_the_mini_rules_validate(cli, mini_rules_dir):
    assert cli("validate", mini_rules_dir).code == 0


def test_a_broken_copy_exits_1_and_prints_every_problem_as_file_line_col(cli, broken_rules):
    run = cli("validate", broken_rules)
    problems = _problem_lines(run.out)

    assert run.code == 1
    assert {PROBLEM_LINE.match(line)["file"] for line in problems} == {
        str(broken_rules / "units.yaml"), str(broken_rules / "decrees.yaml")}
    assert any("unknown key 'strenght'; did you mean 'strength'?" in line for line in problems)
    assert any("'sovnarkon'" in line and "did you mean 'sovnarkom'" in line for line in problems)
    assert run.out.splitlines()[-1] == f"{len(problems)} problems in the rules."


def test_the_problems_point_at_the_lines_that_were_broken(cli, broken_rules):
    run = cli("validate", broken_rules)
    units_text = (broken_rules / "units.yaml").read_text(encoding="utf-8").splitlines()
    misspelt = [PROBLEM_LINE.match(line) for line in _problem_lines(run.out) if "unknown key 'strenght'" in line]

    assert len(misspelt) == 1
    line, col = int(misspelt[0]["line"]), int(misspelt[0]["col"])
    assert units_text[line - 1][col - 1:].startswith("strenght: 2")


def test_the_problems_are_printed_sorted(cli, broken_rules):
    run = cli("validate", broken_rules)

    def place(line):
        found = PROBLEM_LINE.match(line)
        return found["file"], int(found["line"]), int(found["col"])

    problems = _problem_lines(run.out)
    assert [place(line) for line in problems] == sorted(place(line) for line in problems)


def test_a_folder_that_does_not_exist_fails_cleanly(cli, tmp_path):
    run = cli("validate", tmp_path / "nowhere")

    assert run.code == 1
    assert "rules folder not found" in run.out
    assert "Traceback" not in run.out + run.err


def test_an_empty_folder_fails_cleanly(cli, tmp_path):
    run = cli("validate", tmp_path)

    assert run.code == 1
    assert "no *.yaml files" in run.out


def test_a_rules_file_that_is_not_utf8_fails_cleanly(cli, broken_rules):
    (broken_rules / "units.yaml").write_bytes(b"units: \xff\xfe\n")

    run = cli("validate", broken_rules)

    assert run.code == 1
    assert f"{broken_rules / 'units.yaml'}:1:1: not UTF-8 text" in run.out


def test_validate_in_a_real_process_exits_1_on_a_broken_copy_without_a_traceback(petrograd, broken_rules):
    run = petrograd("validate", broken_rules)

    assert run.code == 1
    assert len(_problem_lines(run.out)) >= 2
    assert "Traceback" not in run.err
