"""Drives the board scene the way a player does: keys and clicks posted as pygame events, one frame at a time."""

import pygame

from game.ui.scenes.card import CardScene
from game.ui.scenes.handover import HandoverScene


class Driver:
    """A player at the window: presses keys, clicks, and waits for the game."""

    def __init__(self, app, scene):
        self.app, self.scene = app, scene

    def frames(self, count=1):
        """Let frames pass (waiting for a bot's thought after each)."""
        for _ in range(count):
            self.app.frame(1 / 60)
            self.scene.thinker.wait(5)

    def key(self, key):
        """Press and release a key."""
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
        self.frames()

    def click(self, pos, button=1):
        """Move the pointer to ``pos`` and click there."""
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
        self.frames()

    def click_area(self, area):
        """Click the middle of an area on the map."""
        self.click(self.scene.board.screen_point(area))

    def click_option(self, key):
        """Click an option in the panel (scrolling it into view first, as a player would with the wheel)."""
        placed = next(placed for placed in self.scene.options.placed if placed.option.key == key)
        self.scene.options.reveal(placed)
        self.click(self.scene.options.screen_rect(placed).center)

    def click_on_card(self, kind, index):
        """Click an answer (``"option"``) or a button of the open card."""
        card = self.app.top
        assert isinstance(card, CardScene), f"no card is open but {type(card).__name__}"
        target = next(t for t in card.rendered.targets if (t.kind, t.index) == (kind, index))
        self.click(target.rect.move(card.at.topleft).center)

    def settle(self, until, limit=4000, on_turn=None):
        """Play on until ``until()``: dismiss public cards, answer questions with their first answer, hand over.

        ``on_turn`` is called when a human may act on the board (e.g. to pass); without it, waiting stops there.
        """
        for _ in range(limit):
            if until():
                return
            top = self.app.top
            if isinstance(top, CardScene):
                self.key(pygame.K_1 if top.choose else pygame.K_RETURN)
            elif isinstance(top, HandoverScene):
                self.key(pygame.K_RETURN)
            elif top is self.scene and self.scene.showing_options and on_turn is not None:
                on_turn()
            else:
                self.frames()
        raise AssertionError("the game never got there")

    def at_board(self):
        """Whether a human may act on the board now (no card, hand-over or menu over it)."""
        return self.app.top is self.scene and self.scene.showing_options
