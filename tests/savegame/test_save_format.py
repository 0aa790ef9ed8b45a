"""The save file: canonical JSON in a versioned envelope around the seed and the moves."""

import json

import attrs

from game.savegame import save_game
from game.savegame.envelope import FORMAT_NAME, FORMAT_VERSION, canonical_json, state_checksum


def _keys_are_sorted_everywhere(value) -> bool:
    if isinstance(value, dict):
        return list(value) == sorted(value) and all(_keys_are_sorted_everywhere(item) for item in value.values())
    if isinstance(value, list):
        return all(_keys_are_sorted_everywhere(item) for item in value)
    return True


def test_a_save_is_canonical_json_with_its_keys_sorted_at_every_level(mini_save):
    text = mini_save.read_text(encoding="utf-8")
    data = json.loads(text)

    assert _keys_are_sorted_everywhere(data)
    assert text == canonical_json(data, indent=1) + "\n"


def test_the_envelope_names_the_format_version_rules_seed_moves_checksum_and_info(mini_save, mini_game, played_mini):
    data = json.loads(mini_save.read_text(encoding="utf-8"))

    assert set(data) == {"format", "version", "rules", "seed", "moves", "checksum", "info"}
    assert data["format"] == FORMAT_NAME == "petrograd1917-save"
    assert data["version"] == FORMAT_VERSION
    assert data["rules"] == {"id": "mini", "content_hash": mini_game.rules.content_hash}
    assert data["rules"]["content_hash"].startswith("sha256:")
    assert data["seed"] == played_mini.seed
    assert data["moves"] == [move.notation() for move in played_mini.moves]
    assert data["checksum"] == state_checksum(played_mini.state)
    assert data["checksum"].startswith("sha256:")
    assert set(data["info"]) == {"scenario", "turn", "date", "seats", "finished"}
    assert data["info"]["scenario"] == mini_game.rules.scenario.name == "Mini"


def test_saving_the_same_game_twice_writes_the_same_bytes(tmp_path, shipped_game, play_random):
    played = play_random(shipped_game, 3)
    first, second = tmp_path / "first.json", tmp_path / "second.json"

    save_game(first, shipped_game, played.seed, played.moves, played.state)
    save_game(second, shipped_game, played.seed, played.moves, played.state)

    assert first.read_bytes() == second.read_bytes()


def test_the_checksum_changes_when_the_state_changes(mini_game, played_mini):
    first_state = mini_game.new_initial_state(played_mini.seed)
    after_one_move = mini_game.apply(first_state, played_mini.moves[0])

    assert state_checksum(first_state) != state_checksum(after_one_move)
    assert state_checksum(first_state) == state_checksum(mini_game.new_initial_state(played_mini.seed))


def test_the_checksum_covers_the_random_generator_hidden_in_the_state(mini_game):
    state = mini_game.new_initial_state(1)

    assert state_checksum(state) != state_checksum(attrs.evolve(state, rng=state.rng + 1))


def test_a_save_keeps_non_ascii_text_readable(tmp_path, shipped_game, play_random):
    played = play_random(shipped_game, 1)
    path = tmp_path / "game.json"

    save_game(path, shipped_game, played.seed, played.moves, played.state, seats={"sovnarkom": "Ленин"})

    assert "Ленин" in path.read_text(encoding="utf-8")
