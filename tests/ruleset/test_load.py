"""From file texts to a Ruleset: sections across files, one pass over every problem, and reading a folder."""

import pytest

from game.rulesdir import load_rules_dir, read_rules_texts
from game.ruleset import Mark, Problem, RulesError, content_hash, load_rules
from game.ruleset.export import export_rules
from game.ruleset.yamlnodes import MAX_FILE_BYTES

from .rulestext import (
    FILE,
    MINI_TEXT,
    col_of,
    edited,
    first_scenario_only,
    line_of,
    loads,
    only_problem,
    problems_in,
    split_by_section,
)

SECTIONS = ("factions, groups, tracks, flags, features, areas, units, actions, decrees, events, cards, glossary, "
            "scenarios, board")


def without(section: str, files: dict[str, str]) -> dict[str, str]:
    """The files with one section's file taken away."""
    return {name: text for name, text in files.items() if name != f"rules/{section}.yaml"}


def same_rules(first, second) -> bool:
    """Whether two rulesets say the same, whatever files they came from."""
    return {**export_rules(first), "ruleset": None} == {**export_rules(second), "ruleset": None}


# --- sections and files --------------------------------------------------------------


def test_the_sections_may_be_spread_over_several_files():
    files = split_by_section()
    assert sorted(files) == [f"rules/{name}.yaml" for name in sorted(SECTIONS.split(", "))
                             if name not in ("glossary", "board")]
    assert same_rules(loads(files), loads(MINI_TEXT))


def test_a_section_defined_in_two_files_names_the_first_place():
    files = {**split_by_section(), "rules/zz_more.yaml": "# more\ngroups:\n  - {id: soldiers, name: Soldiers}\n"}
    problem = only_problem(files)
    assert str(problem) == ("rules/zz_more.yaml:2:1: groups: section 'groups' is already defined at "
                            "rules/groups.yaml:1:1; keep it in one file")


def test_an_unknown_section_suggests_the_section_it_resembles():
    problem = only_problem({FILE: MINI_TEXT, "rules/extra.yaml": "area:\n  - {id: moon, name: Moon}\n"})
    assert str(problem) == "rules/extra.yaml:1:1: unknown section 'area'; did you mean 'areas'?"


def test_an_unknown_section_without_a_close_match_lists_the_sections():
    problem = only_problem({FILE: MINI_TEXT, "rules/extra.yaml": "history: []\n"})
    assert problem.message == f"unknown section 'history'; sections are: {SECTIONS}"


def test_a_missing_section_is_reported():
    problem = only_problem(without("decrees", split_by_section()))
    assert str(problem) == ("rules:1:1: missing section 'decrees'; add 'decrees:' to a rules file "
                            "(e.g. decrees.yaml)")


def test_a_missing_scenarios_section_is_reported_alone():
    # The mini scenario's upkeep sets 'palace_held': without the scenarios, what they set is not known.
    problem = only_problem(without("scenarios", split_by_section()))
    assert problem.message == "missing section 'scenarios'; add 'scenarios:' to a rules file (e.g. scenarios.yaml)"


def test_the_old_single_scenario_section_says_how_to_write_the_list():
    files = split_by_section(first_scenario_only())
    old = files.pop("rules/scenarios.yaml").replace("scenarios:\n- id: mini\n", "scenario:\n  id: mini\n", 1)
    files["rules/scenario.yaml"] = old
    problem = only_problem(files)
    assert str(problem) == "rules/scenario.yaml:1:1: 'scenario:' is now 'scenarios:', a list: put '- ' before its 'id:'"


def test_a_scenarios_section_that_is_not_a_list_is_reported_alone():
    files = split_by_section()
    files["rules/scenarios.yaml"] = "scenarios:\n  id: mini\n"
    problem = only_problem(files)
    assert str(problem) == ("rules/scenarios.yaml:2:3: scenarios: section 'scenarios' must be a list of entries, "
                            "each starting with '- id:'")


def test_cards_glossary_and_board_may_be_left_out():
    rules = loads(without("cards", split_by_section()))
    assert rules.cards == () and rules.glossary == ()
    assert rules.board.size == (1600, 1200) and rules.board.water == ()


def test_a_section_must_be_a_list_of_entries():
    problem = only_problem({FILE: MINI_TEXT, "rules/glossary.yaml": "glossary:\n  id: soviet\n"})
    assert str(problem) == ("rules/glossary.yaml:2:3: glossary: section 'glossary' must be a list of entries, "
                            "each starting with '- id:'")


def test_a_file_must_be_a_mapping_of_sections():
    problem = only_problem({FILE: MINI_TEXT, "rules/notes.yaml": "- factions\n- areas\n"})
    assert str(problem) == "rules/notes.yaml:1:1: a rules file is a mapping of sections such as 'factions:' or 'areas:'"


@pytest.mark.parametrize("text", ["", "\n\n", "# nothing yet\n", "---\n# nothing yet\n"],
                         ids=["empty", "blank lines", "comments", "empty document"])
def test_an_empty_file_adds_nothing(text):
    assert same_rules(loads({FILE: MINI_TEXT, "rules/empty.yaml": text}), loads(MINI_TEXT))


def test_rules_of_empty_files_only_report_every_section_missing():
    problems = problems_in({"rules/a.yaml": "", "rules/b.yaml": "# to do\n"})
    assert sorted(problem.message.split(";")[0] for problem in problems) == sorted(
        f"missing section '{name}'" for name in SECTIONS.split(", ")
        if name not in ("cards", "flags", "features", "glossary", "board"))


def test_a_missing_section_is_not_buried_under_the_references_to_it():
    # The setup and cards place guards and guns: without 'units', each would be an unknown unit.
    problem = only_problem(without("units", split_by_section()))
    assert problem.message.startswith("missing section 'units'")


def test_an_emptied_section_file_reports_its_section_missing():
    problem = only_problem({**split_by_section(), "rules/scenarios.yaml": "# moved elsewhere\n"})
    assert str(problem) == ("rules:1:1: missing section 'scenarios'; add 'scenarios:' to a rules file "
                            "(e.g. scenarios.yaml)")


# --- one pass, in order ------------------------------------------------------------------


def test_every_problem_in_every_file_is_reported_in_one_pass_sorted_by_file_line_and_column():
    files = split_by_section()
    files["rules/units.yaml"] = edited("strength: 1}", "strength: one}", files["rules/units.yaml"].replace(
        "{id: guns, name: Guns, strength: 1,", "{id: guns, name: Guns, strength: x,"))
    files["rules/areas.yaml"] = edited("{id: hall, name: Hall, kind: site, at: [100, 100]",
                                       "{id: hall, name: Hall, kind: hut, at: [100, x]", files["rules/areas.yaml"])
    files["rules/actions.yaml"] = edited("{id: march, name: March, kind: move}", "{id: march, nam: March, kind: move}",
                                         files["rules/actions.yaml"])
    problems = problems_in(files)
    assert [(problem.mark.file, problem.path) for problem in problems] == [
        ("rules/actions.yaml", "actions[0]"),  # missing name, at the entry's start...
        ("rules/actions.yaml", "actions[0].nam"),  # ...then the unknown key further along the line
        ("rules/areas.yaml", "areas[0].kind"),
        ("rules/areas.yaml", "areas[0].at[1]"),
        ("rules/units.yaml", "units[0].strength"),
        ("rules/units.yaml", "units[3].strength"),
    ]
    assert list(problems) == sorted(problems)
    areas = files["rules/areas.yaml"]
    assert [problem.mark.col for problem in problems[2:4]] == [col_of("hut", areas), col_of("x]", areas)]


def test_a_problem_reads_file_line_column_path_and_message():
    problem = Problem(Mark("rules/map.yaml", 12, 5), "areas[0].kind", "'keep' is not one of ...")
    assert str(problem) == "rules/map.yaml:12:5: areas[0].kind: 'keep' is not one of ..."
    assert str(Problem(Mark("rules/map.yaml", 1, 1), "", "file is too big")) == "rules/map.yaml:1:1: file is too big"


def test_problems_sort_by_file_then_line_then_column():
    marks = [Mark("b.yaml", 1, 1), Mark("a.yaml", 10, 1), Mark("a.yaml", 9, 30), Mark("a.yaml", 9, 4)]
    error = RulesError(Problem(mark, "", "x") for mark in marks)
    assert [problem.mark for problem in error.problems] == [marks[3], marks[2], marks[1], marks[0]]


def test_the_error_counts_its_problems_and_reports_one_per_line():
    text = edited("{id: guards, name: Guards, strength: 1}", "{id: guards, name: Guards, strength: x}")
    with pytest.raises(RulesError) as caught:
        load_rules({FILE: edited("{id: workers, name: Workers, size: 5}", "{id: workers, size: 5}", text)})
    assert str(caught.value) == "2 problems in the rules"
    assert caught.value.report().splitlines() == [str(problem) for problem in caught.value.problems]
    with pytest.raises(RulesError, match=r"^1 problem in the rules$"):
        load_rules({FILE: text})


def test_the_mark_of_a_problem_is_the_value_it_is_about():
    text = edited("max: 10, start: 6, unit: days}", "max: ten, start: 6, unit: days}")
    problem = only_problem(text)
    assert (problem.mark.line, problem.mark.col) == (line_of("max: ten", text), col_of("ten", text))


# --- the content hash --------------------------------------------------------------------


def test_the_content_hash_depends_on_every_file_name_and_text_but_not_their_order():
    files = split_by_section()
    reordered = dict(reversed(list(files.items())))
    assert content_hash(files) == content_hash(reordered)
    assert content_hash(files).startswith("sha256:")
    renamed = {name.replace("units", "troops"): text for name, text in files.items()}
    assert content_hash(renamed) != content_hash(files)
    commented = {**files, "rules/units.yaml": files["rules/units.yaml"] + "# a note\n"}
    assert content_hash(commented) != content_hash(files)


def test_the_content_hash_does_not_depend_on_the_folder_the_files_are_in():
    files = split_by_section()
    elsewhere = {name.replace("rules/", "/home/teacher/my rules/"): text for name, text in files.items()}
    assert content_hash(elsewhere) == content_hash(files)


def test_the_loaded_rules_carry_their_content_hash():
    files = split_by_section()
    assert loads(files).content_hash == content_hash(files)


# --- reading a folder ---------------------------------------------------------------------


def write_files(folder, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name.removeprefix("rules/")).write_text(text, encoding="utf-8")


def test_a_folder_is_read_file_by_file(tmp_path):
    write_files(tmp_path, split_by_section())
    rules = load_rules_dir(tmp_path)
    assert same_rules(rules, loads(MINI_TEXT))
    names = ("actions.yaml", "areas.yaml", "cards.yaml", "decrees.yaml", "events.yaml", "factions.yaml",
             "features.yaml", "flags.yaml", "groups.yaml", "scenarios.yaml", "tracks.yaml", "units.yaml")
    assert sorted(read_rules_texts(tmp_path)) == sorted(str(tmp_path / name) for name in names)


def test_problems_in_a_folder_name_the_file_by_its_path(tmp_path):
    write_files(tmp_path, {FILE: edited("{id: guards, name: Guards, strength: 1}", "{id: guards, name: Guards}")})
    with pytest.raises(RulesError) as caught:
        load_rules_dir(tmp_path)
    assert caught.value.problems[0].mark.file == str(tmp_path / "mini.yaml")


def test_a_file_over_one_mebibyte_on_disk_is_refused_by_its_size(tmp_path):
    write_files(tmp_path, {FILE: MINI_TEXT})
    (tmp_path / "huge.yaml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(RulesError) as caught:
        load_rules_dir(tmp_path)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{tmp_path / 'huge.yaml'}:1:1: file is {MAX_FILE_BYTES + 1} bytes; rules files are limited to "
        "1048576 bytes (1 MiB)"]


def test_a_file_that_is_not_utf_8_is_refused(tmp_path):
    write_files(tmp_path, {FILE: MINI_TEXT})
    latin = "glossary:\n  - {id: zemstvo, name: Zemstvo, definition: é}\n".encode("latin-1")
    (tmp_path / "latin.yaml").write_bytes(latin)
    with pytest.raises(RulesError) as caught:
        load_rules_dir(tmp_path)
    [problem] = caught.value.problems
    assert problem.message == f"not UTF-8 text (byte {latin.index(0xE9)}); save it as UTF-8"


def test_a_missing_folder_is_reported(tmp_path):
    with pytest.raises(RulesError) as caught:
        load_rules_dir(tmp_path / "nowhere")
    assert caught.value.problems[0].message == "rules folder not found"


def test_a_folder_without_rules_files_is_reported(tmp_path):
    (tmp_path / "notes.txt").write_text("factions: []\n")
    with pytest.raises(RulesError) as caught:
        load_rules_dir(tmp_path)
    assert caught.value.problems[0].message == "no *.yaml files in the rules folder"


# --- where loading falls short ----------------------------------------------------------


def test_a_syntax_error_in_one_file_is_not_buried_under_unknown_references_from_the_others():
    files = split_by_section()
    files["rules/areas.yaml"] = edited("adjacent: [square], influence: 1}", "adjacent: [square, influence: 1}",
                                       files["rules/areas.yaml"])
    problems = problems_in(files)
    assert any(problem.message.startswith("YAML syntax") for problem in problems)
    assert [str(problem) for problem in problems if problem.message.startswith("unknown")] == []


def test_a_file_that_cannot_be_parsed_still_stops_the_checks_across_files():
    files = {**split_by_section(), "rules/scenarios.yaml": "scenarios: [\n"}
    problem = only_problem(files)
    assert problem.mark.file == "rules/scenarios.yaml"
    assert problem.message.startswith("YAML syntax: ")


def test_files_ending_in_yml_are_read_too(tmp_path):
    from game.rulesdir import load_rules_dir
    from tests.conftest import MINI_RULES_DIR

    (tmp_path / "mini.yml").write_text((MINI_RULES_DIR / "mini.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert load_rules_dir(tmp_path).id == "mini"


def test_a_dangling_link_among_the_rules_files_is_a_problem_not_a_crash(tmp_path):
    from game.rulesdir import load_rules_dir
    from game.ruleset import RulesError
    from tests.conftest import MINI_RULES_DIR

    (tmp_path / "mini.yaml").write_text((MINI_RULES_DIR / "mini.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "extra.yaml").symlink_to(tmp_path / "gone.yaml")
    with pytest.raises(RulesError) as caught:
        load_rules_dir(tmp_path)
    assert caught.value.problems[0].mark.file.endswith("extra.yaml")
    assert "cannot be read" in caught.value.problems[0].message
