"""The board scene's input: options and cards picked, areas clicked, keys, the wheel, undo and the log.

A human plays by the same path a test uses: pick an option in the panel
(``activate`` for a click or a number key, ``choose`` for an entry), then
click a lit area (``click_area``, which ``handle_event`` calls for a left
click at ``board.area_at(pos)``). A click that cannot be played says why, in
the banner, from ``game.ui.why_not``. This is a mixin of ``PlayScene``: it
reads and sets the scene's state, and draws nothing.
"""

from typing import TYPE_CHECKING

import pygame

from game.engine.log import area_name, capitalised
from game.engine.state import PendingChoice
from game.ui.animation import SPEEDS
from game.ui.faces import choice_face, face_of
from game.ui.options_view import Placed
from game.ui.pacing import answered_on_its_own_card
from game.ui.play_controls import TILED, Entry, Option, source
from game.ui.scenes.card import CardAction, CardScene
from game.ui.scenes.dialogs import ConfirmSave, InGameMenu
from game.ui.why_not import why_not

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene

UNDO_RULE = ("Undo takes back your own moves since the last dice roll, card draw or other player's move, "
             "never past them")
NOTHING_TO_UNDO = f"Nothing to undo. {UNDO_RULE}."
ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)


class PlayerInput:
    """What the player's clicks and keys do on the board (mixed into ``PlayScene``)."""

    # --- options and cards ---------------------------------------------------------------------------

    def activate(self: "PlayScene", option: Option) -> None:
        """An option was clicked or its key pressed: open its card, play it, aim it, or say why not."""
        if not self.session.is_human_turn() or self.animator.busy:
            return
        if option.key == "show:card":
            self.open_choice_card()
        elif option.section in TILED:
            self.open_option_card(option)
        elif option.entry is None:
            self.message = option.reason
        else:
            self.choose(option.entry)

    def choose(self: "PlayScene", entry: Entry) -> None:
        """The player picked an option: play it, or light up the areas it may aim at."""
        if not self.session.is_human_turn() or self.animator.busy:
            return
        self.animator.skip()
        if not entry.aimed:
            self.play(entry.moves[0])
            return
        self.selected, self.going_to = entry, None
        self.highlights = entry.targets()
        self.message = f"{entry.text.split(' · ')[0]}: click a lit place (Esc or right click to cancel)"

    def open_option_card(self: "PlayScene", option: Option) -> None:
        """A small card in the panel: its full card, with Play (Enter) when it may be played, else why not."""
        kind, _, ident = option.key.partition(":")
        faction = self.session.current_faction()
        face = face_of(self.session.game.rules, kind, ident, viewer=faction)
        verb = "Issue" if kind == "decree" else "Play"
        actions = []
        if option.entry is not None:
            entry = option.entry
            actions.append(CardAction(f"{verb} it", lambda: self._play_from_card(entry), pygame.K_RETURN))
        actions.append(CardAction("Close", self._close_card, pygame.K_ESCAPE))
        reason = option.reason.removeprefix(f"{option.text}: ")
        note = "" if option.entry is not None else f"Not now: {reason}"
        self.app.push(CardScene(self.app, face, self.colours.get(face.owner or ""), actions, note=note))

    def open_choice_card(self: "PlayScene") -> None:
        """The card that asks the human deciding now a question, with its answers."""
        card = self.choice_card()
        if card is not None:
            self.app.push(card)

    def choice_card(self: "PlayScene") -> CardScene | None:
        """The card of the question put now (``None`` if none is)."""
        decision = self.session.state.decision
        if not isinstance(decision, PendingChoice):
            return None
        face = choice_face(self.session.game.rules, decision, viewer=decision.faction)
        actions = [CardAction("Look at the map first", self._close_card, pygame.K_ESCAPE)]
        return CardScene(self.app, face, self.colours.get(decision.faction), actions, choose=self.answer,
                         note="Pick an answer: click it or press its number.")

    def answer(self: "PlayScene", option_id: str) -> None:
        """Answer the question put to the human (from the choice card)."""
        entry = next((entry for entry in self.entries if entry.key == f"choose:{option_id}"), None)
        if entry is not None and self.session.is_human_turn():
            self.play(entry.moves[0])

    def _play_from_card(self: "PlayScene", entry: Entry) -> None:
        self._close_card()
        self.choose(entry)

    def _skip_cards(self: "PlayScene") -> None:
        """Close this card and drop the others waiting (they are all in the log)."""
        skipped = len(self.cards)
        self.cards = [shown for shown in self.cards if answered_on_its_own_card(self.session.state, shown,
                                                                                  self.session.seats)]
        self._close_card()
        self.notify(f"{skipped} more card{'s' * (skipped != 1)} skipped: the log (L) tells what they did.")

    def _encyclopedia(self: "PlayScene", kind: str, ident: str) -> None:
        from game.ui.scenes.encyclopedia import EncyclopediaScene
        self.app.replace(EncyclopediaScene(self.app, start_at=f"{kind}:{ident}"))

    def _close_card(self: "PlayScene") -> None:
        if isinstance(self.app.top, CardScene):
            self.app.pop()

    # --- the map -------------------------------------------------------------------------------------

    def click_area(self: "PlayScene", area: str | None) -> None:
        """A click on the map (``None``: not on an area)."""
        entry = self.selected
        if entry is None:
            return
        if area is None or area not in self.highlights:
            self.message = self._not_there(entry, area)
            return
        if self.going_to is not None:
            chosen = [move for move in entry.moves_at(self.going_to) if source(move) == area]
        else:
            chosen = list(entry.moves_at(area))
        if len(chosen) > 1 and all(source(move) for move in chosen):
            self.going_to = area
            self.highlights = frozenset(source(move) for move in chosen)  # type: ignore[misc]
            self.message = "From where? Click a lit place."
            return
        self.play(chosen[0])

    def _not_there(self: "PlayScene", entry: Entry, area: str | None) -> str:
        """Why a click on the map cannot be the picked option's target."""
        name = entry.text.split(" · ")[0]
        if area is None:
            return f"That is not a place on the map: pick a lit place for {name}, or Esc."
        place = area_name(self.session.game.rules, area)
        if self.going_to is not None:
            return f"No troops of yours can go from {place} to there: pick a lit place, or Esc."
        faction = self.session.current_faction() or ""
        reason = why_not(self.session.game, self.session.state, faction, entry.key, area)
        return reason or f"{capitalised(place)} is not a target for {name}: pick a lit place, or Esc."

    def cancel(self: "PlayScene") -> None:
        """Drop the picked option."""
        self.selected, self.going_to, self.highlights, self.message = None, None, frozenset(), ""

    # --- buttons and keys ----------------------------------------------------------------------------

    def pass_turn(self: "PlayScene") -> None:
        """Pass (P)."""
        moves = next((entry.moves for entry in self.entries if entry.key == "pass"), ())
        if moves and self.session.is_human_turn() and not self.session.needs_handover():
            self.play(moves[0])

    def undo(self: "PlayScene") -> None:
        """Undo (U) the human's last move, or say why there is nothing to undo."""
        if not self.session.can_undo():
            self.message = NOTHING_TO_UNDO
            return
        self.session.undo()
        self.animator.skip()
        self.cards.clear()
        self.cancel()
        self.controls_for = None
        self.notify("Your last move was taken back.")

    def cycle_speed(self: "PlayScene") -> None:
        """Slow, normal, fast, off (F)."""
        self.animator.speed = SPEEDS[(SPEEDS.index(self.animator.speed) + 1) % len(SPEEDS)]
        if self.speed_button is not None:
            self.speed_button.set_text(self._speed_text())

    def toggle_log(self: "PlayScene") -> None:
        """Open or close the game log beside the map (L); the map shrinks, nothing is hidden."""
        self.log_open = not self.log_open
        self.rebuild()

    def open_menu(self: "PlayScene") -> None:
        """Escape: cancel a pick, else the in-game menu."""
        if self.selected is not None or self.message:
            self.cancel()
        else:
            self.app.push(InGameMenu(self.app, self.session))

    def move_focus(self: "PlayScene", step: int) -> None:
        """Up and Down walk through the options; Enter picks the one in focus."""
        placed = self.options.placed
        if not placed or not self.showing_options:
            return
        index = placed.index(self.focus) if self.focus in placed else (-1 if step > 0 else 0)
        self.focus = placed[(index + step) % len(placed)]
        self.options.reveal(self.focus)

    def handle_event(self: "PlayScene", event: pygame.event.Event) -> bool:
        """Buttons and keys, then clicks, the wheel and hovering."""
        if super().handle_event(event):  # type: ignore[misc]
            return True
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
        elif event.type == pygame.MOUSEBUTTONDOWN:
            return self._click(event)
        elif event.type == pygame.MOUSEWHEEL:
            return self._wheel(event.y)
        elif event.type == pygame.KEYDOWN and not self._typing():
            return self._key(event.key)
        return False

    def _click(self: "PlayScene", event: pygame.event.Event) -> bool:
        if event.button == 3:
            self.cancel()
            return True
        if event.button != 1:
            return False
        if self.board.rect.collidepoint(event.pos):
            self.click_area(self.board.area_at(event.pos))
            return True
        placed = self.options.item_at(event.pos) if self.showing_options and not self.log_in_panel else None
        if placed is not None:
            self.focus = placed
            self.activate(placed.option)
            return True
        return False

    def _wheel(self: "PlayScene", lines: int) -> bool:
        if self.log_rect is not None and self.log_rect.collidepoint(self.mouse) and self.log_open:
            self.log_view.scroll(lines)
        elif self.options_rect.collidepoint(self.mouse):
            if self.showing_options:
                self.options.scroll(-lines)
            else:
                self.news.scroll(lines)
        else:
            return False
        return True

    def _key(self: "PlayScene", key: int) -> bool:
        if key in (pygame.K_UP, pygame.K_DOWN):
            self.move_focus(1 if key == pygame.K_DOWN else -1)
        elif key in ENTER_KEYS and isinstance(self.focus, Placed) and self.showing_options:
            self.activate(self.focus.option)
        elif key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN) and self.log_open:
            self.log_view.scroll(8 if key == pygame.K_PAGEUP else -8)
        elif key == pygame.K_c and self.session.is_human_turn():
            self.open_choice_card()
        else:
            return False
        return True

    def request_close(self: "PlayScene") -> bool:
        """With unsaved changes, ask first."""
        if not self.session.unsaved_changes or self.exit_at_end:
            return True
        self.app.push(ConfirmSave(self.app, self.session, self.app.quit))
        return False
