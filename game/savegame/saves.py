"""Saving and loading games: every problem becomes a ``SaveError`` naming the file and the reason."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from game.engine import Game, GameState, IllegalMoveError, InvalidMoveError, Move, parse_move
from game.engine.query import current_date
from game.ruleset import UnknownScenarioError
from game.ruleset.calendar import format_dual
from game.ruleset.model import Ruleset
from game.savegame.envelope import (
    FORMAT_NAME,
    FORMAT_VERSION,
    UPGRADES,
    build_envelope,
    canonical_json,
    state_checksum,
    upgrade,
)
from game.savegame.files import write_atomic

MAX_SAVE_BYTES = 64 << 20


class SaveError(Exception):
    """A save that cannot be written or loaded, with a one-line reason that names the file."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class OtherRulesError(SaveError):
    """A save made with other rules files than the ones given (the content hashes differ).

    ``info`` is the save's untrusted ``info``: with ``rules_folder`` in it, the
    folder the game was played with, which the command line can suggest.
    """

    def __init__(self, path: Path | str, info: dict[str, Any]) -> None:
        super().__init__(path, "saved with a different version of the rules files (their content hash differs)")
        self.info = info


@attrs.frozen
class LoadedGame:
    """A save replayed: the final state, the moves that led to it and the seed."""

    state: GameState
    seed: int
    moves: tuple[Move, ...]
    info: dict[str, Any] = attrs.field(eq=False)


def save_info(game: Game, state: GameState, seats: dict[str, str] | None = None,
              rules_folder: str | None = None) -> dict[str, Any]:
    """What a load screen shows about a save: turn, date, who sits where, whether it is over.

    ``rules_folder``, when given, is where the rules were read from: a hint for
    the error when the save is later loaded with other rules.
    """
    info = {
        "scenario": game.rules.scenario.name,
        "turn": state.turn,
        "date": format_dual(current_date(game.rules, state)),
        "seats": seats or {},
        "finished": state.result is not None,
    }
    if rules_folder is not None:
        info["rules_folder"] = rules_folder
    return info


def save_game(path: Path | str, game: Game, seed: int, moves: list[Move] | tuple[Move, ...], state: GameState,
              seats: dict[str, str] | None = None, rules_folder: str | None = None) -> None:
    """Write a save atomically; the previous file at ``path`` survives any failure."""
    rules = game.rules
    envelope = build_envelope(rules.id, rules.content_hash, seed, [move.notation() for move in moves], state,
                              save_info(game, state, seats, rules_folder))
    try:
        write_atomic(Path(path), canonical_json(envelope, indent=1) + "\n")
    except OSError as error:
        raise SaveError(path, f"cannot be written: {error.strerror or error}") from error


def game_for_save(path: Path | str, rules: Ruleset) -> Game:
    """The game of the scenario a save was made in, from ``rules``; ``SaveError`` if they are other rules."""
    path = Path(path)
    data = _read_envelope(path)
    _check_content_hash(path, data, rules)
    try:
        return Game(rules.with_scenario(data["rules"]["id"]))
    except UnknownScenarioError as error:
        raise SaveError(path, f"damaged: {error}") from None


def load_game(path: Path | str, game: Game,
              on_step: Callable[[GameState, Move, GameState, tuple[str, ...]], None] | None = None,
              on_start: Callable[[GameState, tuple[str, ...]], None] | None = None) -> LoadedGame:
    """Read, check and replay a save; ``on_start`` and ``on_step`` see the game's log if given."""
    path = Path(path)
    data = _read_envelope(path)
    _check_rules(path, data, game)
    if on_start is None:
        state = game.new_initial_state(data["seed"])
    else:
        state, lines = game.new_initial_state_logged(data["seed"])
        on_start(state, lines)
    moves: list[Move] = []
    for number, text in enumerate(data["moves"], start=1):
        move = _parse(path, number, text)
        try:
            if on_step is None:
                after = game.apply(state, move)
            else:
                after, lines = game.apply_logged(state, move)
                on_step(state, move, after, lines)
        except IllegalMoveError:
            raise SaveError(path, f"damaged: move {number} ({text!r}) is not legal at that point") from None
        moves.append(move)
        state = after
    if state_checksum(state) != data["checksum"]:
        raise SaveError(path, "damaged: the replayed game does not match the save's checksum")
    return LoadedGame(state, data["seed"], tuple(moves), data.get("info") or {})


def _read_envelope(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(path, f"too large to be a save (over {MAX_SAVE_BYTES >> 20} MiB)")
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise SaveError(path, "no such save file") from None
    except IsADirectoryError:
        raise SaveError(path, "is a folder, not a save file") from None
    except OSError as error:
        raise SaveError(path, f"cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise SaveError(path, "damaged: not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if not text.strip() or (text.lstrip().startswith("{") and not text.rstrip().endswith("}")):
            raise SaveError(path, "damaged: truncated (the file stops before the end of the save)") from None
        raise SaveError(path, f"damaged: not valid JSON at line {error.lineno}, column {error.colno}") from None
    except RecursionError:
        raise SaveError(path, "damaged: nested too deeply to be a save") from None
    except ValueError:  # e.g. a number with thousands of digits
        raise SaveError(path, "damaged: holds a value no save contains") from None
    return _check_envelope(path, data)


def _check_envelope(path: Path, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise SaveError(path, "not a Petrograd 1917 save")
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise SaveError(path, "damaged: the format version is missing")
    if version > FORMAT_VERSION:
        raise SaveError(path, f"made by a newer version of the game (save format {version}; "
                              f"this version reads up to {FORMAT_VERSION}); update the game to load it")
    if version < FORMAT_VERSION and any(step not in UPGRADES for step in range(version, FORMAT_VERSION)):
        raise SaveError(path, f"save format {version} is too old to upgrade")
    try:
        data = upgrade(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise SaveError(path, f"damaged: cannot be upgraded from save format {version} ({error!r})") from None
    if not isinstance(data.get("info", {}), dict):
        data["info"] = {}  # shown on load screens only; never trusted
    rules = data.get("rules")
    fields_ok = (
        isinstance(rules, dict) and isinstance(rules.get("id"), str) and isinstance(rules.get("content_hash"), str)
        and type(data.get("seed")) is int and isinstance(data.get("checksum"), str)
        and isinstance(data.get("moves"), list) and all(isinstance(move, str) for move in data["moves"])
    )
    if not fields_ok:
        raise SaveError(path, "damaged: a required field (rules, seed, moves or checksum) is missing or malformed")
    checked: dict[str, Any] = data
    return checked


def _check_rules(path: Path, data: dict[str, Any], game: Game) -> None:
    _check_content_hash(path, data, game.rules)
    saved = data["rules"]["id"]
    if saved != game.rules.id:
        raise SaveError(path, f"saved in the scenario '{saved}', but the game is set up for '{game.rules.id}'")


def _check_content_hash(path: Path, data: dict[str, Any], rules: Ruleset) -> None:
    """Other rules files may hold other scenarios, or the same ones changed: no use looking in them."""
    if data["rules"]["content_hash"] != rules.content_hash:
        raise OtherRulesError(path, data.get("info") or {})


def _parse(path: Path, number: int, text: str) -> Move:
    try:
        return parse_move(text)
    except InvalidMoveError:
        raise SaveError(path, f"damaged: move {number} ({text!r}) is not a move") from None
