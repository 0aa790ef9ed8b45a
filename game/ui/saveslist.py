"""The load screen's list of saves: newest first, damaged ones listed as damaged, never hidden.

The list reads each save's envelope through the savegame module's own checks
(readable, valid JSON, a Petrograd 1917 save, these rules) and shows the
summary the save carries. Replaying every save to check its checksum would
make the screen slow; ``verify=True`` does it, and loading always does.
"""

import datetime
import json
from pathlib import Path
from typing import Any

import attrs

from game.engine.log import faction_name
from game.ruleset.model import Ruleset
from game.savegame import SaveError, game_for_save, load_game


@attrs.frozen
class SaveEntry:
    """One save as the load screen lists it."""

    path: Path
    modified: datetime.datetime  # local time, aware
    scenario: str = ""  # the scenario's name
    turn: int | None = None
    date: str = ""  # the turn's date, Old Style with New Style
    seats: str = ""  # "Sovnarkom: human, Left S-Rs: easy AI, ..." or the factions if the save has no seats
    finished: bool = False
    damaged: str | None = None  # why it cannot be loaded, from the SaveError

    @property
    def name(self) -> str:
        """The file's name without ``.json``."""
        return self.path.stem


def list_saves(folder: Path | str, rules: Ruleset, verify: bool = False) -> list[SaveEntry]:
    """Every ``*.json`` file in ``folder``, newest first; ``verify`` also replays each one to check it."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    entries = [save_entry(path, rules, verify) for path in folder.glob("*.json") if path.is_file()]
    return sorted(entries, key=lambda entry: (-entry.modified.timestamp(), entry.path.name))


def save_entry(path: Path, rules: Ruleset, verify: bool = False) -> SaveEntry:
    """One save's line in the list; a save that fails a check is listed with the reason."""
    modified = _modified(path)
    try:
        game = game_for_save(path, rules)
        if verify:
            load_game(path, game)
        info = _info(path)
    except SaveError as error:
        return SaveEntry(path, modified, damaged=error.reason)
    seats = info["seats"]
    names = [f"{faction_name(game.rules, faction)}: {_seat_text(seats.get(faction))}" if seats
             else faction_name(game.rules, faction) for faction in game.seats]
    return SaveEntry(path, modified, info["scenario"], info["turn"], info["date"], ", ".join(names),
                     info["finished"])


INFO_TYPES: dict[str, type | tuple[type, ...]] = {"scenario": str, "turn": int, "date": str, "seats": dict,
                                                  "finished": bool}


def _info(path: Path) -> dict[str, Any]:
    """The summary a save carries, checked field by field; ``SaveError`` if it is missing or malformed."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError, RecursionError) as error:  # the file changed since it was checked
        raise SaveError(path, f"cannot be read: {error}") from None
    info = data.get("info") if isinstance(data, dict) else None
    if not isinstance(info, dict) or not all(_is(info.get(key), kind) for key, kind in INFO_TYPES.items()):
        raise SaveError(path, "damaged: its summary (scenario, turn, date, seats) is missing or malformed")
    return info


def _is(value: Any, kind: type | tuple[type, ...]) -> bool:
    return isinstance(value, kind) and (kind is bool or not isinstance(value, bool))


def _seat_text(kind: Any) -> str:
    if kind == "human" or not isinstance(kind, str):
        return "human"
    return f"{kind} AI"


def _modified(path: Path) -> datetime.datetime:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        stamp = 0.0
    return datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC).astimezone()
