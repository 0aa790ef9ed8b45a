"""The save format: canonical JSON around the seed and the list of moves.

A save never stores the state itself: it stores what is needed to replay the
game (rules id and content hash, seed, moves) plus a checksum of the final
state, so that a damaged or tampered save is caught on loading.

    {"format": "petrograd1917-save", "version": 1,
     "rules": {"id": ..., "content_hash": "sha256:..."},
     "seed": 1, "moves": ["act march smolny vyborg_side", ...],
     "checksum": "sha256:...", "info": {...}}

``info`` holds what a load screen shows (turn, date, seats); it is rebuilt on
every save and never trusted on loading.
"""

import hashlib
import json
from collections.abc import Callable
from typing import Any

from game.engine.state import GameState
from game.ruleset.export import to_data

FORMAT_NAME = "petrograd1917-save"
FORMAT_VERSION = 1

# Upgrades from version n to n + 1, applied one after another to old saves.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def canonical_json(data: Any, indent: int | None = None) -> str:
    """JSON with sorted keys and fixed separators: equal data, equal text."""
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=indent, separators=separators)


def state_checksum(state: GameState) -> str:
    """A hash of everything in the state, the generator included."""
    return "sha256:" + hashlib.sha256(canonical_json(to_data(state)).encode("utf-8")).hexdigest()


def build_envelope(rules_id: str, content_hash: str, seed: int, moves: list[str], state: GameState,
                   info: dict[str, Any]) -> dict[str, Any]:
    """The save's data, ready to be written as canonical JSON."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "rules": {"id": rules_id, "content_hash": content_hash},
        "seed": seed,
        "moves": moves,
        "checksum": state_checksum(state),
        "info": info,
    }


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older save up to the current version, one step at a time."""
    version = data["version"]
    while version < FORMAT_VERSION:
        data = UPGRADES[version](data)
        version += 1
        data["version"] = version
    return data
