"""Every way a save can be unreadable ends in a ``SaveError`` that names the file and says why."""

import json
from pathlib import Path

import pytest

from game.engine import Game
from game.ruleset import load_rules
from game.savegame import SaveError, load_game, save_game
from game.savegame import saves as save_module
from game.savegame.envelope import FORMAT_VERSION


def _edit(path: Path, change) -> None:
    """Rewrite the save's JSON after ``change(data)`` has edited it in place."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _load_error(path: Path, game) -> SaveError:
    """The ``SaveError`` that loading raises; any other exception fails the test."""
    with pytest.raises(SaveError) as caught:
        load_game(path, game)
    return caught.value


def _assert_names_the_file_and_says(error: SaveError, path: Path, *reason_words: str) -> None:
    message = str(error)
    assert message.startswith(f"{path}: ")
    assert error.path == path
    assert "\n" not in message
    for word in reason_words:
        assert word in error.reason


def _set_move(number: int, text: str):
    def change(data):
        data["moves"][number - 1] = text
    return change


def _drop(key: str):
    return lambda data: data.pop(key)


def _put(key: str, value):
    return lambda data: data.__setitem__(key, value)


def _first_action_move(moves: list[str]) -> int:
    return next(number for number, text in enumerate(moves, start=1) if text.startswith("act "))


def test_a_missing_file_is_reported_as_no_such_save(tmp_path, mini_game):
    path = tmp_path / "nowhere.json"

    _assert_names_the_file_and_says(_load_error(path, mini_game), path, "no such save file")


def test_a_folder_is_reported_as_a_folder_not_a_save(tmp_path, mini_game):
    _assert_names_the_file_and_says(_load_error(tmp_path, mini_game), tmp_path, "is a folder")


def test_a_file_that_is_not_json_is_reported_as_damaged(mini_save, mini_game):
    mini_save.write_text("Petrograd, 25 October: the Winter Palace is taken.\n", encoding="utf-8")

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged", "not valid JSON")


def test_an_empty_file_is_reported_as_truncated(mini_save, mini_game):
    mini_save.write_bytes(b"")

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged", "truncated")


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.75])
def test_a_save_cut_short_is_reported_as_damaged_naming_the_file(mini_save, mini_game, fraction):
    data = mini_save.read_bytes()
    mini_save.write_bytes(data[: int(len(data) * fraction)])

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged")


def test_a_save_cut_just_before_its_end_is_reported_as_truncated(mini_save, mini_game):
    data = mini_save.read_bytes()
    mini_save.write_bytes(data[:-3])

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged", "truncated")


def test_a_save_cut_in_the_middle_of_a_move_is_reported_as_truncated(mini_save, mini_game):
    text = mini_save.read_text(encoding="utf-8")
    cut = text.index('"chance ') + len('"chance ')
    mini_save.write_text(text[:cut], encoding="utf-8")

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "truncated")


def test_bytes_that_are_not_utf8_are_reported_as_damaged(mini_save, mini_game):
    mini_save.write_bytes(mini_save.read_bytes().replace(b'"seed"', b'"s\xff\xfeed"'))

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged", "UTF-8")


def test_a_move_edited_to_garbage_is_reported_with_its_number_as_not_a_move(mini_save, mini_game):
    _edit(mini_save, _set_move(3, "xyzzy plugh 1 2 3"))

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged", "move 3",
                                    "xyzzy plugh", "not a move")


@pytest.mark.parametrize("text", ["pass extra", "act", "act march a b c", "decree", "", "   "])
def test_a_move_with_the_wrong_number_of_words_is_reported_as_not_a_move(mini_save, mini_game, text):
    _edit(mini_save, _set_move(1, text))

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "move 1", "not a move")


@pytest.mark.parametrize("text", ["act march hall bridge", "act march nowhere elsewhere", "decree decree_land",
                                  "card sabotage", "choose rise", "chance nothing"])
def test_a_legal_looking_move_that_is_not_legal_at_that_point_is_reported_with_its_number(
        mini_save, mini_game, text):
    number = _first_action_move(json.loads(mini_save.read_text(encoding="utf-8"))["moves"])
    _edit(mini_save, _set_move(number, text))

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged", f"move {number}",
                                    repr(text), "not legal at that point")


def test_a_move_swapped_for_a_legal_but_different_one_is_caught_by_the_checksum(tmp_path, mini_game, played_mini):
    """The replay stays legal, so only the checksum of the final state can tell."""
    texts = [move.notation() for move in played_mini.moves]
    number = _first_action_move(texts)
    state = mini_game.new_initial_state(played_mini.seed)
    for move in played_mini.moves[: number - 1]:
        state = mini_game.apply(state, move)
    other = next(move for move in mini_game.legal_moves(state) if move != played_mini.moves[number - 1])
    path = tmp_path / "game.json"
    save_game(path, mini_game, played_mini.seed, played_mini.moves[:number],
              mini_game.apply(state, played_mini.moves[number - 1]))
    _edit(path, _set_move(number, other.notation()))

    _assert_names_the_file_and_says(_load_error(path, mini_game), path, "damaged", "checksum")


def test_a_move_added_after_the_end_of_the_game_is_reported_as_not_legal(mini_save, mini_game, played_mini):
    _edit(mini_save, lambda data: data["moves"].append("pass"))

    number = len(played_mini.moves) + 1
    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, f"move {number}", "not legal")


def test_a_wrong_checksum_is_reported_as_damaged(mini_save, mini_game):
    _edit(mini_save, _put("checksum", "sha256:" + "0" * 64))

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged", "checksum")


def test_a_dropped_last_move_is_caught_by_the_checksum(mini_save, mini_game):
    _edit(mini_save, lambda data: data["moves"].pop())

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "checksum")


def test_an_edited_seed_is_caught(mini_save, mini_game):
    _edit(mini_save, lambda data: data.__setitem__("seed", data["seed"] + 1))

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged")


def test_a_save_from_a_newer_version_of_the_game_asks_for_an_update(mini_save, mini_game):
    _edit(mini_save, _put("version", FORMAT_VERSION + 1))

    error = _load_error(mini_save, mini_game)

    _assert_names_the_file_and_says(error, mini_save, "newer version", f"save format {FORMAT_VERSION + 1}",
                                    "update the game")


@pytest.mark.parametrize("change", [_drop("version"), _put("version", "1"), _put("version", 0), _put("version", 1.5),
                                    _put("version", None)],
                         ids=["missing", "text", "zero", "fraction", "null"])
def test_a_missing_or_nonsense_format_version_is_reported_as_damaged(mini_save, mini_game, change):
    _edit(mini_save, change)

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged", "format version")


@pytest.mark.parametrize("change", [
    _drop("rules"), _drop("seed"), _drop("moves"), _drop("checksum"),
    _put("rules", "mini"), _put("rules", {"id": "mini"}), _put("rules", {"id": 7, "content_hash": "sha256:"}),
    _put("seed", "5"), _put("seed", 5.0), _put("seed", True), _put("seed", None),
    _put("moves", "pass"), _put("moves", {"1": "pass"}), _put("moves", ["pass", 7]), _put("moves", [None]),
    _put("checksum", 12), _put("checksum", None),
], ids=["no-rules", "no-seed", "no-moves", "no-checksum", "rules-text", "rules-no-hash", "rules-id-number",
        "seed-text", "seed-float", "seed-bool", "seed-null", "moves-text", "moves-dict", "move-number",
        "move-null", "checksum-number", "checksum-null"])
def test_a_missing_field_or_a_field_of_the_wrong_type_is_reported_as_damaged(mini_save, mini_game, change):
    _edit(mini_save, change)

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged", "missing or malformed")


@pytest.mark.parametrize("text", ['[1, 2, 3]', '"a save"', "42", "null", '{"name": "Smolny", "moves": []}',
                                  '{"format": "petrograd1917-rules", "version": 1}'],
                         ids=["list", "string", "number", "null", "other-object", "other-format"])
def test_json_that_is_not_a_save_is_reported_as_not_a_save(mini_save, mini_game, text):
    mini_save.write_text(text, encoding="utf-8")

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "not a Petrograd 1917 save")


def test_a_save_made_with_other_rules_is_refused_for_its_rules_files_before_its_scenario(mini_save, shipped_game):
    error = _load_error(mini_save, shipped_game)

    _assert_names_the_file_and_says(error, mini_save, "different version of the rules")


def test_a_save_whose_rules_hash_was_edited_is_reported_as_made_with_other_rules_files(mini_save, mini_game):
    _edit(mini_save, lambda data: data["rules"].__setitem__("content_hash", "sha256:" + "1" * 64))

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "different version of the rules")


def test_a_save_made_with_edited_rules_files_is_refused(tmp_path, mini_save, mini_game):
    """Same rules id, different text: the rules were changed since the game was saved."""
    source = Path(__file__).parent.parent / "fixtures" / "mini_rules" / "mini.yaml"
    edited = Game(load_rules({str(source): source.read_text(encoding="utf-8") + "\n# a designer's note\n"}))
    assert edited.rules.id == mini_game.rules.id

    _assert_names_the_file_and_says(_load_error(mini_save, edited), mini_save, "different version of the rules")


def test_a_file_too_large_to_be_a_save_is_refused_before_reading(monkeypatch, mini_save, mini_game):
    monkeypatch.setattr(save_module, "MAX_SAVE_BYTES", 100)

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "too large")


def test_deeply_nested_json_is_reported_as_damaged_not_a_crash(mini_save, mini_game):
    mini_save.write_text('{"format": ' + "[" * 100_000, encoding="utf-8")

    _assert_names_the_file_and_says(_load_error(mini_save, mini_game), mini_save, "damaged")


def test_saving_then_loading_with_a_path_given_as_text_works_and_errors_name_that_text(
        tmp_path, mini_game, played_mini):
    path = str(tmp_path / "game.json")
    save_game(path, mini_game, played_mini.seed, played_mini.moves, played_mini.state)

    assert load_game(path, mini_game).state == played_mini.state
    with pytest.raises(SaveError, match=f"^{path}x: no such save file$"):
        load_game(path + "x", mini_game)


def test_a_number_with_thousands_of_digits_is_reported_as_damaged(mini_save, mini_game):
    text = mini_save.read_text(encoding="utf-8")
    mini_save.write_text(text.replace('"seed": ', '"seed": ' + "9" * 5000 + ", \"x\": ", 1), encoding="utf-8")
    error = _load_error(mini_save, mini_game)
    assert str(mini_save) in str(error) and "damaged" in error.reason
