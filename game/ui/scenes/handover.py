"""Hotseat: the screen between two human players, hiding the board until the next one sits down.

First it hides everything (the board, the hands, the log) and names who
should take the seat; when that player confirms, ``Session.hand_over`` is
called and the screen shows what happened since their last turn, from
``Session.since_last_turn``, before the board comes back. Escape still
opens the in-game menu, which shows nothing private.
"""

from typing import TYPE_CHECKING

import pygame

from game.ui import palette as pal
from game.ui.describe import possessive
from game.ui.log_view import LogView
from game.ui.scenes.base import Scene
from game.ui.text import render_lines, wrap

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session


class HandoverScene(Scene):
    """Hide the board; name the next player; then tell them what they missed."""

    title = "Hand over"
    opaque = True

    def __init__(self, app: "App", session: "Session", colours: dict[str, pal.Colour]) -> None:
        super().__init__(app)
        self.session, self.colours = session, colours
        self.faction = session.current_faction() or ""
        self.confirmed = False
        self.summary = LogView(session.game.rules, app.assets, colours, title="Since your last turn")

    @property
    def name(self) -> str:
        """The next player's faction, by its short name."""
        rules = self.session.game.rules
        return rules.faction[self.faction].short if self.faction in rules.faction else "the next player"

    def build(self) -> None:
        """One button: confirm the seat, then go to the board."""
        width, height = self.app.size
        button = pygame.Rect(0, 0, min(self.px(420), width - self.px(40)), self.px(48))
        if self.confirmed:
            button.midbottom = (width // 2, height - self.px(24))
            self.button("To the board", button, self.app.pop, shortcut=pygame.K_RETURN, object_id="@menu_button",
                        tooltip="Back to the map and your options")
            self.summary.layout(self._summary_rect(button.top), self.app.scale)
        else:
            button.midtop = (width // 2, height // 2 + self.px(70))
            self.button(f"I am {self.name}: show my turn", button, self.confirm, shortcut=pygame.K_RETURN,
                        object_id="@menu_button", tooltip="Only when the other players cannot see the screen")
        from game.ui.scenes.dialogs import InGameMenu
        self.shortcuts[pygame.K_ESCAPE] = lambda: self.app.push(InGameMenu(self.app, self.session))

    def _summary_rect(self, bottom: int) -> pygame.Rect:
        width, _ = self.app.size
        column = min(self.px(720), width - self.px(60))
        top = self.px(120)
        return pygame.Rect((width - column) // 2, top, column, max(self.px(120), bottom - top - self.px(16)))

    def confirm(self) -> None:
        """The named player sits down: tell the session, and show what they missed."""
        self.session.hand_over()
        self.confirmed = True
        self.rebuild()

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Buttons and keys; the mouse wheel scrolls the summary."""
        if super().handle_event(event):
            return True
        if event.type == pygame.MOUSEWHEEL and self.confirmed:
            self.summary.scroll(event.y)
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Paper, the faction's colour, and the words."""
        surface.fill(pal.PAPER)
        width, height = self.app.size
        colour = self.colours.get(self.faction, pal.SEPIA)
        pygame.draw.rect(surface, colour, (0, 0, width, self.px(14)))
        pygame.draw.rect(surface, colour, (0, height - self.px(14), width, self.px(14)))
        if self.confirmed:
            self._draw_summary(surface)
        else:
            self._draw_hidden(surface)

    def _draw_hidden(self, surface: pygame.Surface) -> None:
        width, height = self.app.size
        title = self.app.assets.font("title", self.px(46)).render(f"Hand over to {self.name}", True, pal.INK)
        surface.blit(title, title.get_rect(midbottom=(width // 2, height // 2 - self.px(30))))
        faction = self.session.game.rules.faction.get(self.faction)
        body = self.app.assets.font("italic", self.px(19))
        full = f" ({faction.name})" if faction and faction.name != self.name else ""
        text = (f"The board is hidden. Pass the computer to {possessive(self.name)} player{full}; "
                "everyone else, look away: the next screen shows their hidden cards.")
        colour = self.colours.get(self.faction, pal.SEPIA)
        centre = (width // 2, height // 2 - self.px(130))
        radius = self.px(34)
        pygame.draw.circle(surface, colour, centre, radius)
        pygame.draw.circle(surface, pal.INK, centre, radius, 2)
        symbol = faction.symbol if faction else "circle"
        pal.draw_symbol(surface, symbol, centre, radius * 0.62, pal.text_on(colour))
        lines = render_lines(body, wrap(body, text, min(self.px(760), width - self.px(60))), pal.INK_SOFT, "center")
        surface.blit(lines, lines.get_rect(midtop=(width // 2, height // 2 - self.px(16))))

    def _draw_summary(self, surface: pygame.Surface) -> None:
        width, _ = self.app.size
        title = self.app.assets.font("title", self.px(38)).render(f"{self.name}, your turn", True, pal.INK)
        surface.blit(title, title.get_rect(midtop=(width // 2, self.px(34))))
        entries = self.session.since_last_turn(self.faction)
        if entries:
            self.summary.draw(surface, entries)
        else:
            note = self.app.assets.font("italic", self.px(18)).render("Nothing has happened since your last turn.",
                                                                     True, pal.INK_SOFT)
            surface.blit(note, note.get_rect(midtop=(width // 2, self.px(140))))
