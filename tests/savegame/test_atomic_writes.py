"""Writing a save is all or nothing: a failure never damages the previous save nor leaves litter."""

import errno
import os

import pytest

from game.savegame import SaveError, save_game
from game.savegame import files as save_files


class _StreamThatFillsTheDisk:
    """Wraps a real file: writes half of what it is given, then fails like a full disk."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.stream.close()

    def write(self, text: str) -> int:
        self.stream.write(text[: len(text) // 2])
        self.stream.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        self.stream.flush()

    def fileno(self) -> int:
        return self.stream.fileno()


def _fill_the_disk_halfway(monkeypatch) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(save_files.os, "fdopen", lambda *args, **kwargs: _StreamThatFillsTheDisk(
        real_fdopen(*args, **kwargs)))


def _save_a_longer_game(path, game, played) -> None:
    """A different game from ``played`` saved over the same path: the later moves are dropped."""
    state = game.new_initial_state(played.seed)
    for move in played.moves[:5]:
        state = game.apply(state, move)
    save_game(path, game, played.seed, played.moves[:5], state)


def test_a_disk_full_in_the_middle_of_writing_leaves_the_previous_save_byte_for_byte_intact(
        monkeypatch, mini_save, mini_game, played_mini):
    before = mini_save.read_bytes()
    _fill_the_disk_halfway(monkeypatch)

    with pytest.raises(SaveError, match="No space left on device"):
        _save_a_longer_game(mini_save, mini_game, played_mini)

    assert mini_save.read_bytes() == before


def test_a_disk_full_in_the_middle_of_writing_leaves_no_temporary_file_behind(
        monkeypatch, mini_save, mini_game, played_mini):
    _fill_the_disk_halfway(monkeypatch)

    with pytest.raises(SaveError):
        _save_a_longer_game(mini_save, mini_game, played_mini)

    assert [path.name for path in mini_save.parent.iterdir()] == [mini_save.name]


def test_a_failure_to_swap_the_new_file_in_leaves_the_previous_save_intact_and_no_temporary_file(
        monkeypatch, mini_save, mini_game, played_mini):
    before = mini_save.read_bytes()

    def refuse(source, target):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(save_files.os, "replace", refuse)

    with pytest.raises(SaveError) as caught:
        _save_a_longer_game(mini_save, mini_game, played_mini)

    assert str(caught.value).startswith(str(mini_save))
    assert "cannot be written" in str(caught.value)
    assert mini_save.read_bytes() == before
    assert [path.name for path in mini_save.parent.iterdir()] == [mini_save.name]


def test_an_interruption_in_the_middle_of_writing_leaves_the_previous_save_intact_and_no_temporary_file(
        monkeypatch, mini_save, mini_game, played_mini):
    before = mini_save.read_bytes()

    def interrupted(source, target):
        raise KeyboardInterrupt

    monkeypatch.setattr(save_files.os, "replace", interrupted)

    with pytest.raises(KeyboardInterrupt):
        _save_a_longer_game(mini_save, mini_game, played_mini)

    assert mini_save.read_bytes() == before
    assert [path.name for path in mini_save.parent.iterdir()] == [mini_save.name]


def test_a_failed_first_save_leaves_the_folder_empty(monkeypatch, tmp_path, mini_game, played_mini):
    _fill_the_disk_halfway(monkeypatch)

    with pytest.raises(SaveError):
        save_game(tmp_path / "game.json", mini_game, played_mini.seed, played_mini.moves, played_mini.state)

    assert list(tmp_path.iterdir()) == []


def test_a_successful_save_replaces_the_previous_one_and_leaves_no_temporary_file(
        mini_save, mini_game, played_mini):
    before = mini_save.read_bytes()

    _save_a_longer_game(mini_save, mini_game, played_mini)

    assert mini_save.read_bytes() != before
    assert [path.name for path in mini_save.parent.iterdir()] == [mini_save.name]


def test_saving_into_a_folder_that_does_not_exist_yet_creates_it(tmp_path, mini_game, played_mini):
    path = tmp_path / "saves" / "autumn" / "game.json"

    save_game(path, mini_game, played_mini.seed, played_mini.moves, played_mini.state)

    assert path.is_file()


def test_saving_over_a_folder_is_a_save_error_naming_the_path(tmp_path, mini_game, played_mini):
    folder = tmp_path / "game.json"
    folder.mkdir()

    with pytest.raises(SaveError) as caught:
        save_game(folder, mini_game, played_mini.seed, played_mini.moves, played_mini.state)

    assert str(caught.value).startswith(f"{folder}: cannot be written")
    assert list(folder.iterdir()) == []
    assert [path.name for path in tmp_path.iterdir()] == ["game.json"]


def test_saving_below_a_file_as_if_it_were_a_folder_is_a_save_error(tmp_path, mini_game, played_mini):
    (tmp_path / "notes.txt").write_text("not a folder")
    path = tmp_path / "notes.txt" / "game.json"

    with pytest.raises(SaveError, match="cannot be written"):
        save_game(path, mini_game, played_mini.seed, played_mini.moves, played_mini.state)
