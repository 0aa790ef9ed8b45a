"""Frame time of the board scene at 1600x900 during play, and start-up time to the main menu.

    python benchmarks/ui_frame.py [--frames 2400] [--startups 3] [--slowest 0]

Headless (SDL's dummy video and audio drivers). The Sovnarkom seat is human,
the others are normal bots. Each frame is ``update`` plus ``draw`` of the
whole window (board, panel, widgets): units sliding and areas flashing after
each move, the pointer resting on an area so its hover note is drawn, and,
on the human's turns, an action picked so its targets pulse. Every event and
every decree or card the bots play opens its card over the board, as in the
game; the benchmark dismisses it after three quarters of a second (the human answers
a question with its first answer). The bots' thinking is left out of the
timing (it runs on a worker thread in the game): here it runs between two
timed frames. Dice and draws, cards opening, and the new list of options when
the human's turn comes stay in the timed frames, as a player would feel them.
``--slowest N`` also prints the N slowest frames and what happened in them.

Wall time is what a player sees, but on a shared, loaded machine it also
counts the time other processes held the CPU; ``frame_cpu_p99_ms`` (the main
thread's own CPU time per frame) shows the frame's own cost apart from that.

Start-up: wall time of ``python -m game --startup-probe``, a fresh process
that quits as soon as the main menu's first frame is drawn (median of runs).

Prints one JSON line: frame_p50_ms, frame_p99_ms, frame_max_ms, frame_cpu_p99_ms, frames, startup_s.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from game.ui.app import App, Options  # noqa: E402
from game.ui.scenes.card import CardScene  # noqa: E402
from game.ui.scenes.play import PlayScene  # noqa: E402
from game.ui.session import HUMAN, Session  # noqa: E402
from game.ui.settings import Settings  # noqa: E402

DT = 1 / 60
HUMAN_FRAMES = 90  # frames the human "thinks" with an action picked, before moving
AI_GAP_FRAMES = 20  # frames between two bot moves (the game's pause at normal speed is about 30)
CARD_FRAMES = 45  # frames a card stays open before the benchmark's player dismisses it


class OffClock:
    """Stands in for the worker thread: the benchmark feeds the bots' moves itself."""

    busy = False

    def start(self, session: Session) -> None:
        """Nothing: no thinking inside the timed frames."""

    def take(self, state: object) -> None:
        """Never a move of its own."""
        return None

    def wait(self, timeout: float | None = None) -> None:
        """Nothing to wait for."""


def frame_times(count: int) -> list[tuple[float, str, float]]:
    """Seconds per frame (update + draw) over ``count`` frames of play, what was on screen, and CPU seconds."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["PETROGRAD_SAVES_DIR"] = folder
        os.environ["PETROGRAD_CONFIG_DIR"] = folder
        app = App(Options(size=(1600, 900)), Settings(sound=False, animation_speed="normal"))
        rules = app.rules
        seats = {faction: (HUMAN if faction == "sovnarkom" else "normal") for faction in rules.seats}
        scene = PlayScene(app, Session.new(rules, seats, seed=1))
        scene.thinker = OffClock()  # type: ignore[assignment]
        app.push(scene)
        times: list[tuple[float, str, float]] = []
        since_move = card_open = 0
        hover_areas = [area.id for area in rules.areas]
        for index in range(count):
            since_move += 1
            if scene.session.is_over():
                break
            if isinstance(app.top, CardScene):
                card_open += 1
                if card_open > CARD_FRAMES:
                    _dismiss(app.top)
                    card_open = 0
            _between_frames(scene, since_move, hover_areas[(index // 120) % len(hover_areas)])
            if since_move == 0:
                continue
            steps = len(scene.session.history)
            start, cpu = time.perf_counter(), time.thread_time()
            app.update(DT)
            app.draw(app.screen)
            elapsed = time.perf_counter() - start
            times.append((elapsed, _what(app, scene, steps), time.thread_time() - cpu))
            if app.top is not scene or scene.animator.busy or scene.wait > 0:
                continue
            if _move(scene, since_move):
                since_move = 0
        return times


def _dismiss(card: CardScene) -> None:
    """Untimed: the player answers a question with its first answer, or closes the card."""
    if card.choose is not None and card.face.options:
        card.close()
        card.choose(card.face.options[0].id)
    else:
        card.card_actions[0].do()


def _what(app: App, scene: PlayScene, steps: int) -> str:
    top = type(app.top).__name__
    moved = len(scene.session.history) - steps
    return f"{top}, {moved} step(s) in frame, animating={scene.animator.busy}, human={scene.showing_options}"


def _between_frames(scene: PlayScene, since_move: int, hover: str) -> None:
    """Untimed: rest the pointer on an area; on the human's turn, pick an action with targets."""
    scene.mouse = scene.board.screen_point(hover)
    if scene.session.is_human_turn() and scene.selected is None and since_move < HUMAN_FRAMES:
        aimed = [entry for entry in scene.entries if entry.aimed]
        if aimed:
            scene.choose(aimed[0])


def _move(scene: PlayScene, since_move: int) -> bool:
    """Untimed: a bot's move every few frames, the human's after a while; True if a move was made."""
    session = scene.session
    if session.is_ai_turn() and since_move >= AI_GAP_FRAMES:
        choice = session.think()
        scene.play(choice.move, choice.reason)
        return True
    if session.is_human_turn() and since_move >= HUMAN_FRAMES:
        moves = [entry.moves[0] for entry in scene.entries if not entry.aimed and entry.key != "pass"]
        scene.play(moves[0] if moves and since_move % 2 else session.legal_moves()[-1])
        return True
    return False


def startup_seconds(runs: int) -> float:
    """Median wall time of a fresh process to the main menu's first frame."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "game", "--startup-probe"], cwd=PROJECT, env=env, check=True,
                       capture_output=True, timeout=60)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _p99(values: list[float]) -> float:
    return values[min(len(values) - 1, round(0.99 * (len(values) - 1)))]


def main() -> None:
    """Run both measurements and print the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=2400)
    parser.add_argument("--startups", type=int, default=3)
    parser.add_argument("--slowest", type=int, default=0, help="also print the N slowest frames")
    args = parser.parse_args()
    timed = frame_times(args.frames)
    for elapsed, what, cpu in sorted(timed, reverse=True)[:args.slowest]:
        print(f"{elapsed * 1000:7.2f} ms ({cpu * 1000:5.2f} ms CPU)  {what}", file=sys.stderr, flush=True)
    times = sorted(elapsed for elapsed, _, _ in timed)
    cpu_times = sorted(cpu for _, _, cpu in timed)
    p99 = _p99(times)
    print(json.dumps({"frame_p50_ms": round(statistics.median(times) * 1000, 2), "frame_p99_ms": round(p99 * 1000, 2),
                      "frame_max_ms": round(times[-1] * 1000, 2),
                      "frame_cpu_p99_ms": round(_p99(cpu_times) * 1000, 2), "frames": len(times),
                      "startup_s": round(startup_seconds(args.startups), 3)}))


if __name__ == "__main__":
    main()
