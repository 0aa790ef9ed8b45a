"""The safe YAML reader: a tree of nodes that remember where they came from, and what it refuses."""

import pytest

from game.ruleset.yamlnodes import MAX_DEPTH, MAX_FILE_BYTES, Mapping, Scalar, Sequence, parse

from .rulestext import FILE, MINI_TEXT, edited, line_of, only_problem, problems_in


def the_refusal(text: str) -> str:
    """The one message ``parse`` gives for a file it will not read."""
    root, problems = parse(text, "f.yaml")
    assert root is None
    assert len(problems) == 1, problems
    return problems[0].message


# --- what a node remembers ---------------------------------------------------------


def test_a_scalar_keeps_its_text_its_yaml_1_1_type_and_whether_it_was_quoted():
    root, problems = parse('a: no\nb: "no"\nc: 12\n', "f.yaml")
    assert problems == []
    assert isinstance(root, Mapping)
    values = {key.text: value for key, value in root.entries}
    assert values["a"] == Scalar("no", "bool", True, values["a"].mark)
    assert values["b"] == Scalar("no", "str", False, values["b"].mark)
    assert (values["c"].text, values["c"].tag) == ("12", "int")


def test_every_node_knows_its_file_line_and_column():
    root, _ = parse("areas:\n  - id: hall\n    adjacent: [square]\n", "rules/map.yaml")
    areas = root.entries[0][1]
    assert isinstance(areas, Sequence)
    hall = areas.items[0]
    adjacent = dict((key.text, value) for key, value in hall.entries)["adjacent"]
    assert (hall.mark.file, hall.mark.line, hall.mark.col) == ("rules/map.yaml", 2, 5)
    assert (adjacent.items[0].mark.line, adjacent.items[0].mark.col) == (3, 16)


def test_keys_keep_the_order_they_were_written_in():
    root, _ = parse("c: 1\na: 2\nb: 3\n", "f.yaml")
    assert [key.text for key, _ in root.entries] == ["c", "a", "b"]


def test_an_empty_file_holds_nothing_and_is_no_problem():
    assert parse("", "f.yaml") == (None, [])
    assert parse("# only a comment\n", "f.yaml") == (None, [])


# --- duplicate keys -----------------------------------------------------------------


def test_a_duplicate_key_names_both_lines():
    root, problems = parse("name: One\nshort: O\nname: Two\n", "f.yaml")
    assert [str(problem) for problem in problems] == [
        "f.yaml:3:1: duplicate key 'name' (first at line 1, again at line 3)"]
    assert [key.text for key, _ in root.entries] == ["name", "short"]  # the first value is kept


def test_a_duplicate_key_deep_inside_an_entry_is_found():
    text = edited("               objectives: [{name: Hold the hall, points: 2,",
                  "               objectives: [{name: Hold the hall, points: 2, points: 3,")
    problem = only_problem(text)
    line = line_of("points: 3,", text)
    assert (problem.mark.file, problem.mark.line) == (FILE, line)
    assert problem.message == f"duplicate key 'points' (first at line {line}, again at line {line})"


def test_a_duplicate_section_in_one_file_names_both_lines():
    text = MINI_TEXT + "groups:\n  - {id: soldiers, name: Soldiers}\n"
    problem = only_problem(text)
    first, again = line_of("\ngroups:", text) + 1, text.count("\n") - 1
    assert problem.mark.line == again
    assert problem.message == f"duplicate key 'groups' (first at line {first}, again at line {again})"


def test_the_same_key_in_two_different_mappings_is_not_a_duplicate():
    _, problems = parse("a: {name: x}\nb: {name: y}\n", "f.yaml")
    assert problems == []


def test_a_key_quoted_once_and_plain_once_is_still_a_duplicate():
    _, problems = parse('name: x\n"name": y\n', "f.yaml")
    assert [problem.message for problem in problems] == ["duplicate key 'name' (first at line 1, again at line 2)"]


def test_a_mapping_key_must_be_a_plain_word():
    _, problems = parse("? [a, b]\n: 1\n", "f.yaml")
    assert [problem.message for problem in problems] == ["a mapping key must be a plain word, not a list or mapping"]


# --- anchors, aliases and tags ------------------------------------------------------


def refusal_in_glossary(entry: str) -> str:
    """The one problem the loader gives for a glossary file (an optional section) holding ``entry``."""
    problem = only_problem({FILE: MINI_TEXT, "rules/glossary.yaml": f"glossary:\n  - {entry}\n"})
    assert (problem.mark.file, problem.mark.line) == ("rules/glossary.yaml", 2)
    return problem.message


def test_an_alias_is_refused():
    message = refusal_in_glossary("{id: duma, name: *name, definition: The city council.}")
    assert message == "aliases (*name) are not allowed in rules files; write the value out"


def test_an_anchor_is_refused():
    message = refusal_in_glossary("{id: duma, name: &name Duma, definition: The city council.}")
    assert message == "anchors (&name) are not allowed in rules files; write the value out"


@pytest.mark.parametrize("tagged", ["!!str Duma", "!!python/object:os.system x", "!custom Duma"])
def test_a_tag_is_refused(tagged):
    message = refusal_in_glossary(f"{{id: duma, name: {tagged}, definition: The city council.}}")
    assert message.startswith("tags (")
    assert message.endswith("are not allowed in rules files; remove the tag")


def test_an_alias_bomb_is_refused_at_its_first_anchor_without_being_expanded():
    # Nine levels of nine aliases each would expand to 9**9 (about 387 million) copies of "lol".
    # Reading the bomb can only finish if aliases are never expanded.
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"lol{level}: &lol{level} [{', '.join([f'*lol{level - 1}'] * 9)}]" for level in range(1, 10)]
    root, problems = parse("\n".join(lines) + "\n", "bomb.yaml")
    assert root is None
    assert [str(problem) for problem in problems] == [
        "bomb.yaml:1:7: anchors (&lol0) are not allowed in rules files; write the value out"]


def test_a_file_full_of_aliases_stops_at_the_first_one():
    text = "a: [" + ", ".join(["*x"] * 100_000) + "]\n"
    assert the_refusal(text) == "aliases (*x) are not allowed in rules files; write the value out"


def test_the_loader_reports_an_alias_bomb_as_one_problem_in_its_file():
    bomb = 'a: &a ["lol", "lol"]\nb: &b [*a, *a]\nc: &c [*b, *b]\n'
    problems = problems_in({FILE: MINI_TEXT, "rules/bomb.yaml": bomb})
    assert [str(problem) for problem in problems] == [
        "rules/bomb.yaml:1:4: anchors (&a) are not allowed in rules files; write the value out"]


# --- size, depth and documents ------------------------------------------------------


def nested(levels: int) -> str:
    """A file whose innermost list sits ``levels`` collections deep, the top mapping included."""
    return "a: " + "[" * (levels - 1) + "]" * (levels - 1) + "\n"


def test_nesting_to_the_limit_is_read():
    root, problems = parse(nested(MAX_DEPTH), "f.yaml")
    assert MAX_DEPTH == 32
    assert problems == [] and root is not None


def test_nesting_deeper_than_32_levels_is_refused():
    assert the_refusal(nested(MAX_DEPTH + 1)) == "nested deeper than 32 levels; rules never need this much nesting"


def test_a_very_deep_nesting_is_refused_without_a_crash():
    # The parser may give up on its own before the limit of 32 is reached; either way it is one problem.
    message = the_refusal(nested(100_000))
    assert message.startswith(("nested deeper than 32 levels", "YAML syntax:")), message


def test_a_text_over_one_mebibyte_is_refused_before_it_is_parsed():
    text = "# " + "x" * MAX_FILE_BYTES + "\n"
    root, problems = parse(text, "big.yaml")
    assert root is None
    assert [str(problem) for problem in problems] == [
        f"big.yaml:1:1: file is {MAX_FILE_BYTES + 3} bytes; rules files are limited to 1048576 bytes (1 MiB)"]


def test_the_size_limit_counts_bytes_not_characters():
    text = "name: " + "я" * (MAX_FILE_BYTES // 2)  # two bytes each in UTF-8
    assert the_refusal(text).startswith(f"file is {MAX_FILE_BYTES + 6} bytes")


def test_a_text_of_exactly_one_mebibyte_is_allowed():
    text = "#" + "x" * (MAX_FILE_BYTES - 2) + "\n"
    assert len(text.encode("utf-8")) == MAX_FILE_BYTES
    assert parse(text, "f.yaml") == (None, [])


def test_the_loader_refuses_an_oversized_file_and_reads_the_others():
    problems = problems_in({FILE: MINI_TEXT, "rules/notes.yaml": "#" * (MAX_FILE_BYTES + 1)})
    assert [problem.mark.file for problem in problems] == ["rules/notes.yaml"]
    assert "rules files are limited to 1048576 bytes (1 MiB)" in problems[0].message


def test_two_documents_in_one_file_are_refused():
    root, problems = parse("a: 1\n---\nb: 2\n", "f.yaml")
    assert root is None
    assert [str(problem) for problem in problems] == [
        "f.yaml:2:1: a rules file holds one YAML document; remove the second '---'"]


def test_one_document_that_starts_with_a_marker_is_fine():
    root, problems = parse("---\na: 1\n", "f.yaml")
    assert problems == [] and isinstance(root, Mapping)


# --- broken syntax -------------------------------------------------------------------


def test_a_yaml_syntax_error_is_reported_with_its_line_and_column():
    glossary = "glossary:\n  - {id: duma, name: Duma, definition: The city council.\n  - {id: mrc, name: MRC}\n"
    problem = only_problem({FILE: MINI_TEXT, "rules/glossary.yaml": glossary})
    assert str(problem) == "rules/glossary.yaml:3:5: YAML syntax: did not find expected ',' or '}'"


def test_an_unclosed_list_is_reported_where_the_parser_gave_up():
    root, problems = parse("a: [1, 2\nb: 3\n", "f.yaml")
    assert root is None
    assert [str(problem) for problem in problems] == ["f.yaml:2:2: YAML syntax: did not find expected ',' or ']'"]


def test_a_tab_used_for_indentation_is_a_syntax_error():
    root, problems = parse("a:\n\t- 1\n", "f.yaml")
    assert root is None
    assert problems[0].mark.line == 2
    assert problems[0].message.startswith("YAML syntax: ")


def test_a_control_character_is_a_syntax_error_not_a_crash():
    root, problems = parse("name: bell\x07\n", "f.yaml")
    assert root is None
    assert "control characters are not allowed" in problems[0].message
