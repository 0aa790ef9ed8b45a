"""The player's settings, remembered between runs, and where settings and saves live.

Settings are a small JSON file. Reading it never fails: a missing file gives
the defaults silently; a damaged file or a bad value gives the default for
what is bad, keeps what is good, and says which file and which setting.
"""

import json
import os
from pathlib import Path
from typing import Any, Literal, get_args

import attrs

from game.savegame.envelope import canonical_json
from game.savegame.files import write_atomic

Palette = Literal["standard", "colour_blind"]
AnimationSpeed = Literal["slow", "normal", "fast", "off"]
PALETTES: tuple[str, ...] = get_args(Palette)
ANIMATION_SPEEDS: tuple[str, ...] = get_args(AnimationSpeed)
UI_SCALE_RANGE = (0.75, 2.0)  # 75% for small screens to 200% for a projector at the back of a classroom
WINDOW_SIDE_RANGE = (200, 16384)  # pixels; the front end enforces its own, larger minimum
SETTINGS_NAME = "settings.json"
APP_DIR_NAME = "petrograd1917"
DEFAULT_SAVES_DIR = Path(__file__).resolve().parent.parent.parent / "saves"
MAX_SETTINGS_BYTES = 1 << 16


def _scale(value: float) -> bool:
    return UI_SCALE_RANGE[0] <= value <= UI_SCALE_RANGE[1]


def _window(value: tuple[int, int]) -> bool:
    return all(WINDOW_SIDE_RANGE[0] <= side <= WINDOW_SIDE_RANGE[1] for side in value)


def _check_scale(instance: object, attribute: "attrs.Attribute[float]", value: float) -> None:
    if not _scale(value):
        raise ValueError(f"ui_scale {value} is not from {UI_SCALE_RANGE[0]} to {UI_SCALE_RANGE[1]}")


def _check_window(instance: object, attribute: "attrs.Attribute[tuple[int, int]]", value: tuple[int, int]) -> None:
    if len(value) != 2 or not _window(value):
        raise ValueError(f"window_size {value} is not (width, height) from {WINDOW_SIDE_RANGE[0]} to "
                         f"{WINDOW_SIDE_RANGE[1]} pixels")


@attrs.frozen(kw_only=True)
class Settings:
    """What the player chose on the settings screen."""

    fullscreen: bool = False
    ui_scale: float = attrs.field(default=1.0, validator=_check_scale)
    palette: Palette = attrs.field(default="standard", validator=attrs.validators.in_(PALETTES))
    animation_speed: AnimationSpeed = attrs.field(default="normal", validator=attrs.validators.in_(ANIMATION_SPEEDS))
    sound: bool = True
    window_size: tuple[int, int] = attrs.field(default=(1600, 900), validator=_check_window)


DEFAULTS = Settings()
FIELDS = tuple(field.name for field in attrs.fields(Settings))


def default_settings_path() -> Path:
    """``$PETROGRAD_CONFIG_DIR/settings.json``, else under ``$XDG_CONFIG_HOME`` or ``~/.config``."""
    own = os.environ.get("PETROGRAD_CONFIG_DIR")
    if own:
        return Path(own) / SETTINGS_NAME
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / APP_DIR_NAME / SETTINGS_NAME


def default_saves_dir() -> Path:
    """``$PETROGRAD_SAVES_DIR`` if set, else the ``saves/`` folder beside ``rules/``."""
    own = os.environ.get("PETROGRAD_SAVES_DIR")
    return Path(own) if own else DEFAULT_SAVES_DIR


def load_settings(path: Path | str) -> tuple[Settings, list[str]]:
    """The settings in ``path`` and a warning for each problem; never raises for a bad or missing file."""
    path = Path(path)
    data, warnings = _read(path)
    chosen: dict[str, Any] = {}
    for key, value in data.items():
        if key == "version":
            continue
        if key not in FIELDS:
            warnings.append(f"{path}: unknown setting '{key}' ignored")
            continue
        reading = read_value(key, value)
        if isinstance(reading, Problem):
            warnings.append(f"{path}: {key}: {reading.text}; using {_shown(getattr(DEFAULTS, key))}")
        else:
            chosen[key] = reading
    return Settings(**chosen), warnings


def save_settings(path: Path | str, settings: Settings) -> list[str]:
    """Write the settings atomically; a warning (never an exception) if the file cannot be written."""
    data = {"version": 1, **attrs.asdict(settings)}
    try:
        write_atomic(Path(path), canonical_json(data, indent=1) + "\n")
    except OSError as error:
        return [f"{path}: the settings cannot be saved: {error.strerror or error}"]
    return []


@attrs.frozen
class Problem:
    """Why a stored value cannot be used."""

    text: str


def read_value(key: str, value: Any) -> Any:
    """The setting ``key`` read from its JSON ``value``, or a ``Problem`` saying what is wrong."""
    if key in ("fullscreen", "sound"):
        return value if isinstance(value, bool) else Problem(f"{_shown(value)} is not true or false")
    if key == "ui_scale":
        if isinstance(value, bool) or not isinstance(value, int | float) or not _scale(value):
            low, high = UI_SCALE_RANGE
            return Problem(f"{_shown(value)} is not a number from {low} to {high}")
        return float(value)
    if key in ("palette", "animation_speed"):
        allowed = PALETTES if key == "palette" else ANIMATION_SPEEDS
        return value if value in allowed else Problem(f"{_shown(value)} is not one of {', '.join(allowed)}")
    return _window_size(value)


def _window_size(value: Any) -> tuple[int, int] | Problem:
    sides = value if isinstance(value, list) and len(value) == 2 else None
    if sides is None or not all(type(side) is int for side in sides) or not _window((sides[0], sides[1])):
        low, high = WINDOW_SIDE_RANGE
        return Problem(f"{_shown(value)} is not [width, height] in pixels from {low} to {high}")
    return sides[0], sides[1]


def _read(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The file's JSON object, or nothing and a warning; a missing file is no problem."""
    fallback = "; using the default settings"
    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            return {}, [f"{path}: too large to be a settings file{fallback}"]
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return {}, []
    except OSError as error:
        return {}, [f"{path}: cannot be read: {error.strerror or error}{fallback}"]
    except UnicodeDecodeError:
        return {}, [f"{path}: not UTF-8 text{fallback}"]
    except json.JSONDecodeError as error:
        return {}, [f"{path}: not valid JSON at line {error.lineno}, column {error.colno}{fallback}"]
    except (ValueError, RecursionError):
        return {}, [f"{path}: holds a value no settings file contains{fallback}"]
    if not isinstance(data, dict):
        return {}, [f"{path}: not a settings file (expected a JSON object){fallback}"]
    return data, []


def _shown(value: Any) -> str:
    """A value as the file writes it, cut short if long."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
