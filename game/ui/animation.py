"""Animations after each step: units slide from their old area to the new one, changed areas and tracks flash.

Driven by ``game.ui.changes.diff``; the board draws the result. Durations
scale with the speed setting (``off`` shows the end state at once), and
``skip`` jumps to the end.
"""

import attrs
import pygame

from game.ui.changes import Changes

SPEED_FACTORS = {"slow": 2.0, "normal": 1.0, "fast": 0.3, "off": 0.0}
SPEEDS = tuple(SPEED_FACTORS)
SLIDE_SECONDS = 0.4
FLASH_SECONDS = 0.9
AI_PAUSE_SECONDS = 0.5  # between two AI moves at normal speed, so a watcher can follow


@attrs.define
class Slide:
    """A token picture moving in a straight line on the screen."""

    picture: pygame.Surface
    start: tuple[int, int]
    end: tuple[int, int]
    uid: int
    elapsed: float = 0.0
    duration: float = SLIDE_SECONDS

    @property
    def progress(self) -> float:
        """From 0 to 1, eased so the token sets off and lands gently."""
        t = 1.0 if self.duration <= 0 else min(1.0, self.elapsed / self.duration)
        return t * t * (3 - 2 * t)

    def position(self) -> tuple[int, int]:
        """Where the picture is now."""
        p = self.progress
        return (round(self.start[0] + (self.end[0] - self.start[0]) * p),
                round(self.start[1] + (self.end[1] - self.start[1]) * p))


class Animator:
    """The animations running on the board."""

    def __init__(self, speed: str = "normal") -> None:
        self.speed = speed
        self.slides: list[Slide] = []
        self.area_flashes: dict[str, float] = {}  # area -> seconds left
        self.track_flashes: dict[str, float] = {}  # "bread", "influence:whites", "support:workers" -> seconds left

    @property
    def factor(self) -> float:
        """How long things take, relative to normal speed."""
        return SPEED_FACTORS.get(self.speed, 1.0)

    def start(self, changes: Changes, board: "object") -> None:
        """Start the animations of one step's changes (``board`` is a ``BoardView``)."""
        if self.factor <= 0:
            return
        for move in changes.moved:
            start = board.token_spot(move.from_area)  # type: ignore[attr-defined]
            end = board.token_spot(move.to_area)  # type: ignore[attr-defined]
            picture = board.single_token(move.owner, move.kind)  # type: ignore[attr-defined]
            self.slides.append(Slide(picture, start, end, move.uid, duration=SLIDE_SECONDS * self.factor))
        for area in changes.areas():
            self.area_flashes[area] = FLASH_SECONDS * self.factor
        for track in changes.tracks:
            key = track.track if track.faction is None else f"{track.track}:{track.faction}"
            self.track_flashes[key] = FLASH_SECONDS * self.factor
        for support in changes.support:
            self.track_flashes[f"support:{support.group}"] = FLASH_SECONDS * self.factor

    def update(self, dt: float) -> None:
        """Advance every animation by ``dt`` seconds."""
        for slide in self.slides:
            slide.elapsed += dt
        self.slides = [slide for slide in self.slides if slide.elapsed < slide.duration]
        self.area_flashes = {key: left - dt for key, left in self.area_flashes.items() if left - dt > 0}
        self.track_flashes = {key: left - dt for key, left in self.track_flashes.items() if left - dt > 0}

    def skip(self) -> None:
        """Jump to the end of everything running."""
        self.slides.clear()
        self.area_flashes.clear()
        self.track_flashes.clear()

    @property
    def busy(self) -> bool:
        """Whether units are still sliding (the next move waits for them)."""
        return bool(self.slides)

    def hidden(self) -> frozenset[int]:
        """Units drawn as sliding pictures, not yet in their new area."""
        return frozenset(slide.uid for slide in self.slides)

    def flashes(self) -> dict[str, float]:
        """Each flashing area with its strength, from 1 fading to 0."""
        total = FLASH_SECONDS * self.factor or 1.0
        return {area: left / total for area, left in self.area_flashes.items()}

    def track_flash(self, key: str) -> float:
        """How strongly a track flashes now, from 1 to 0."""
        total = FLASH_SECONDS * self.factor or 1.0
        return self.track_flashes.get(key, 0.0) / total

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the sliding tokens."""
        for slide in self.slides:
            surface.blit(slide.picture, slide.position())


def step_sound(changes: Changes, new_turn: bool) -> str | None:
    """The sound of a step: a bell for a new turn, shots for a fight, drums for a march, else none."""
    if new_turn:
        return "turn.wav"
    if changes.removed or any(change.after.demoralised and not change.before.demoralised
                              for change in changes.altered):
        return "battle.wav"
    if changes.moved:
        return "march.wav"
    return None
