"""The board scene's queue of public cards: an event or a decree made public, shown one by one between moves.

A mixin of ``PlayScene``. ``after`` queues the cards a step made public (as
``game.ui.pacing`` says); the scene's ``update`` opens the next one still to
be seen when the animations are done. While tokens slide or a card is read,
the next card to come is drawn ahead, so opening it costs no hitch.
"""

from typing import TYPE_CHECKING

import pygame

from game.ui.faces import face_of
from game.ui.pacing import answered_on_its_own_card, card_hold
from game.ui.scenes.card import CardAction, CardScene

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene


class PublicCards:
    """Showing the public cards waiting in ``PlayScene.cards``, and preparing the next."""

    def _show_waiting_card(self: "PlayScene") -> bool:
        """Open the next public card still to be seen, if any."""
        while self.cards:
            shown = self.cards.pop(0)
            if not answered_on_its_own_card(self.session.state, shown, self.session.seats):
                self.show_card(*shown)
                return True
        return False

    def show_card(self: "PlayScene", kind: str, ident: str) -> None:
        """A public card: until dismissed with a human at the table, else for a few seconds."""
        self.app.push(self._public_card(kind, ident, more=bool(self.cards)))

    def _public_card(self: "PlayScene", kind: str, ident: str, more: bool) -> CardScene:
        hold = card_hold(self.session.seats, self.animator.speed)
        humans = self.session.humans()
        viewer = humans[0] if len(humans) == 1 else None  # a lone human reads "you"; at a hotseat, names
        face = face_of(self.session.game.rules, kind, ident, viewer=viewer)
        actions = [CardAction("Continue", self._close_card, pygame.K_RETURN)]
        if hold is None and more:
            actions.append(CardAction("Skip the rest", self._skip_cards, pygame.K_s))
        if hold is None:
            actions.append(CardAction("Encyclopedia", lambda: self._encyclopedia(kind, ident), pygame.K_e))
        return CardScene(self.app, face, self.colours.get(face.owner or ""), actions, hold=hold,
                         idle=self._prepare_cards)

    def _prepare_cards(self: "PlayScene") -> None:
        """While tokens slide or a card is read, draw the next card to come, so opening it costs no hitch."""
        session = self.session
        index = next((index for index, shown in enumerate(self.cards) if shown not in self._prepared
                      and not answered_on_its_own_card(session.state, shown, session.seats)), None)
        if index is not None:
            self._prepared.add(self.cards[index])
            self._public_card(*self.cards[index], more=index + 1 < len(self.cards)).prepare()
        elif session.is_human_turn() and self._prepared_choice is not session.state:
            self._prepared_choice = session.state
            card = self.choice_card()
            if card is not None:
                card.prepare()
