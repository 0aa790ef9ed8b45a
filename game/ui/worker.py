"""Thinking for an AI seat on a worker thread, so the window keeps drawing while a bot decides.

``Session.think`` is pure (it reads one state and changes nothing), so it is
safe off the main thread; the move it returns is applied on the main thread,
and only if the game is still at the state it was chosen for.
"""

import logging
import threading

from game.ai.lookahead import Choice
from game.engine.state import GameState
from game.ui.session import Session

log = logging.getLogger("game.ui")


class Thinker:
    """One bot decision at a time, on a daemon thread."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._state: GameState | None = None
        self._choice: Choice | None = None
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        """Whether a bot is still thinking."""
        return self._thread is not None and self._thread.is_alive()

    def start(self, session: Session) -> None:
        """Start thinking about the session's current state, unless already thinking about it."""
        if self.busy or (self._state is session.state and self._choice is not None):
            return
        state = session.state
        self._state, self._choice = state, None
        self._thread = threading.Thread(target=self._think, args=(session, state), daemon=True,
                                        name="petrograd-ai")
        self._thread.start()

    def _think(self, session: Session, state: GameState) -> None:
        try:
            choice = session.think()
        except Exception:  # noqa: BLE001 - a bot's failure must not kill the window; it is logged
            log.exception("the AI failed to choose a move")
            return
        with self._lock:
            if self._state is state:
                self._choice = choice

    def take(self, state: GameState) -> Choice | None:
        """The choice made for ``state``, once (``None`` while thinking or if the game moved on)."""
        with self._lock:
            if self._state is state and self._choice is not None:
                choice, self._choice, self._state = self._choice, None, None
                return choice
        return None

    def wait(self, timeout: float | None = None) -> None:
        """Block until the current thought is done (tests and benchmarks)."""
        if self._thread is not None:
            self._thread.join(timeout)
