"""The board scene: the map, the side panel, the player's options, the log, and the AI seats playing on screen.

AI seats think on a worker thread (``Thinker``); their moves, and dice and
draws, are applied on the main thread between frames, then animated from
``changes.diff``. Between moves the scene may stop for a public card (an
event, a decree), the hand-over screen between two humans, or a question put
to a human (``game.ui.pacing`` says which, and for how long). Input lives in
``play_input``, drawing in ``play_draw``, the views' layout and the options
listed in ``play_layout``, the queue of public cards in ``play_cards``. Keys:
1-9 pick options, Up/Down and Enter walk them, P pass, U undo, L the log,
F animation speed, Space skip the animation, C the card of a question, Esc
cancel a pick or open the menu.
"""

import logging
import random
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.engine.moves import Move
from game.engine.state import PendingChoice
from game.savegame import SaveError
from game.ui import palette as pal
from game.ui.animation import AI_PAUSE_SECONDS, Animator, step_sound
from game.ui.changes import diff
from game.ui.pacing import card_hold, public_cards
from game.ui.play_controls import Entry, Option
from game.ui.scenes.base import Scene
from game.ui.scenes.handover import HandoverScene
from game.ui.scenes.play_cards import PublicCards
from game.ui.scenes.play_draw import BoardDrawing
from game.ui.scenes.play_input import PlayerInput
from game.ui.scenes.play_layout import BoardLayout
from game.ui.session import HUMAN, Session, Step
from game.ui.settings import default_saves_dir
from game.ui.worker import Thinker

if TYPE_CHECKING:
    import pygame_gui

    from game.ui.app import App

log = logging.getLogger("game.ui")
PREPARE_SECONDS = 0.05  # before a card opens after a move that made it public


class PlayScene(PlayerInput, BoardDrawing, BoardLayout, PublicCards, Scene):
    """A game in progress on the board."""

    title = "The board"

    def __init__(self, app: "App", session: Session, *, speed: str | None = None,
                 screenshot_dir: Path | None = None, exit_at_end: bool = False) -> None:
        super().__init__(app)
        self.session = session
        rules = session.game.rules
        self.colours = pal.faction_colours(rules, app.settings.palette)
        self._make_views()
        self.animator = Animator(speed or app.settings.animation_speed)
        self.thinker = Thinker()
        self.screenshot_dir, self.exit_at_end = screenshot_dir, exit_at_end
        self.entries: list[Entry] = []
        self.listed: list[Option] = []
        self.selected: Entry | None = None
        self.going_to: str | None = None  # a march's destination, waiting for the click that says from where
        self.highlights: frozenset[str] = frozenset()
        self.message = ""
        self.notices: list[list] = []  # [text, seconds left]
        self.cards: list[tuple[str, str]] = []  # public cards waiting to be shown
        self._prepared: set[tuple[str, str]] = set()
        self._autosave_failed = 0  # the turn whose autosave failed
        self._prepared_choice: object = None
        self.choice_seen: object = None  # the state whose question's card has been shown
        self.focus: object = None
        self.log_open = False
        self.log_in_panel = False
        self.log_rect: pygame.Rect | None = None
        self.options_rect = pygame.Rect(0, 0, 1, 1)
        self.mouse = (0, 0)
        self.wait = 0.0  # seconds before the next AI move or dice roll
        self.clock = 0.0
        self.shot_turn = 0
        self.end_shown = False
        self.controls_for: object = None
        self.showing_options = False
        if not session.history and card_hold(session.seats, self.animator.speed) != 0:
            self.cards = [("event", event) for event in session.state.fired]  # the first turn's, before any move
        self.speed_button: pygame_gui.elements.UIButton | None = None
        self.undo_button: pygame_gui.elements.UIButton | None = None
        self.pass_button: pygame_gui.elements.UIButton | None = None
        self.init_drawing()

    def follow_palette(self) -> bool:
        """Redraw every view in the colours the settings now ask for (changed from the in-game menu)."""
        colours = pal.faction_colours(self.session.game.rules, self.app.settings.palette)
        if colours == self.colours:
            return False
        scrolled = self.log_view.offset
        self.colours = colours
        self._make_views()
        self.log_view.offset = scrolled
        self.rebuild()
        return True

    @classmethod
    def new_game(cls, app: "App", seed: int | None = None, human: str = "sovnarkom") -> "PlayScene":
        """A new game of the first scenario: one human seat, the others normal bots."""
        rules = app.rules
        seats = {faction: (HUMAN if faction == human else "normal") for faction in rules.seats}
        return cls(app, Session.new(rules, seats, seed if seed is not None else random.randrange(1, 10**6)))

    @classmethod
    def autoplay(cls, app: "App", seed: int | None = None, speed: str | None = None) -> "PlayScene":
        """Every seat a normal bot, played to the end on screen (a teacher's demo)."""
        rules = app.rules
        session = Session.new(rules, {faction: "normal" for faction in rules.seats},
                              seed if seed is not None else 1)
        return cls(app, session, speed=speed or "normal", screenshot_dir=app.options.screenshot_dir,
                   exit_at_end=app.options.exit_at_end)

    def enter(self) -> None:
        """One game at a time: a board under this one (a game loaded from its menu) goes, with all over it."""
        stack = self.app.stack
        first = next((index for index, scene in enumerate(stack) if isinstance(scene, PlayScene) and scene is not self),
                     None)
        if first is not None:
            for old in [scene for scene in stack[first:] if scene is not self]:
                stack.remove(old)
                old.exit()
        super().enter()

    # --- under other scenes ---------------------------------------------------------------------------

    def pause(self) -> None:
        """A card, the hand-over or a menu came over the board."""
        super().pause()
        self.clear_notes()

    def resume(self) -> None:
        """Back on top: the options, or the colours (from the settings), may have changed meanwhile."""
        super().resume()
        self.follow_palette()
        self.controls_for = None
        self.refresh_controls()

    # --- playing ------------------------------------------------------------------------------------------

    def play(self, move: Move, reason: str | None = None) -> Step:
        """Apply a move through the session and animate what it changed."""
        step = self.session.play(move, reason)
        self.after(step)
        return step

    def after(self, step: Step) -> None:
        """Animate a step, queue the cards it made public, autosave at a new turn, and rebuild the options."""
        self.cancel()
        rules = self.session.game.rules
        changes = diff(rules, step.before, step.after)
        self.animator.start(changes, self.board)
        sound = step_sound(changes, step.before.turn != step.after.turn)
        if sound is not None and self.animator.speed != "off":
            self.app.assets.play(sound)
        shown = public_cards(rules, step, self.session.seats) if card_hold(self.session.seats,
                                                                           self.animator.speed) != 0 else []
        self.cards += shown
        human = step.faction is not None and self.session.seats.get(step.faction) == HUMAN
        pause = 0.0 if human else AI_PAUSE_SECONDS * self.animator.factor * (0.3 if step.faction is None else 1)
        self.wait = max(pause, PREPARE_SECONDS if shown else 0.0)  # a few frames to draw a card before it opens
        if not self.session.is_over() and not self.exit_at_end:
            self.autosave()
        self.refresh_controls()

    def autosave(self) -> None:
        """Save at the start of each turn; a failure is a logged warning and a note on screen, never a crash."""
        turn = self.session.state.turn
        if turn == self._autosave_failed:
            return  # try again next turn, not at every move
        try:
            self.session.autosave(default_saves_dir())
        except (OSError, SaveError) as error:
            log.warning("the autosave failed: %s", error)
            self.notify(f"Autosave failed: {getattr(error, 'reason', None) or error}")
            self._autosave_failed = turn

    def notify(self, text: str, seconds: float = 5.0) -> None:
        """A small note at the foot of the map for a few seconds."""
        self.notices = [notice for notice in self.notices if notice[0] != text][-2:] + [[text, seconds]]

    def update(self, dt: float) -> None:
        """Run the animations; then show waiting cards, hand over, or let dice and AI seats move."""
        self.clock += dt
        self.animator.update(dt)
        self.update_drawing(dt)
        self.wait = max(0.0, self.wait - dt)
        self._screenshot_turn()
        if self.animator.busy or self.wait > 0:
            self._prepare_cards()
            return
        if self.session.is_over():
            if not self._show_waiting_card():  # the last move's cards come before the end screen
                self._end()
        elif not self._interrupt():
            self._advance()
        self.refresh_controls()

    def _interrupt(self) -> bool:
        """Show what must be seen before play goes on: a public card, the hand-over, a question's card."""
        session = self.session
        if self._show_waiting_card():
            return True
        if session.needs_handover():
            self.cancel()
            self.app.push(HandoverScene(self.app, session, self.colours))
            return True
        if session.is_human_turn() and isinstance(session.state.decision, PendingChoice) \
                and self.choice_seen is not session.state:
            self.choice_seen = session.state
            self.open_choice_card()
            return True
        return False

    def _advance(self) -> None:
        """Roll the dice or let the AI seat move."""
        session = self.session
        if session.is_chance():
            for _ in range(1 if self.animator.factor else 50):  # without animations, roll on in one frame
                self.after(session.resolve_chance())
                if not session.is_chance() or self.cards:
                    break
        elif session.is_ai_turn():
            self.thinker.start(session)
            choice = self.thinker.take(session.state)
            if choice is not None:
                self.play(choice.move, choice.reason)

    def _screenshot_turn(self) -> None:
        turn = self.session.state.turn
        if self.screenshot_dir is not None and turn != self.shot_turn and not self.session.is_over():
            self.shot_turn = turn
            self.pending_shot = self.screenshot_dir / f"turn-{turn:02d}.png"

    def _end(self) -> None:
        if self.end_shown:
            return
        self.end_shown = True
        from game.ui.scenes.end_screen import EndScreen
        self.app.push(EndScreen(self.app, self.session))
        if self.screenshot_dir is not None or self.exit_at_end:
            self.app.after_draw(self._finish)

    def _finish(self) -> None:
        if self.screenshot_dir is not None:
            self.app.screenshot(self.screenshot_dir / "end.png")
        if self.exit_at_end:
            self.app.quit()
