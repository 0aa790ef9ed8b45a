"""The board scene's drawing: map, panel, options or news, the log, the banner, notes, and hover notes.

A mixin of ``PlayScene``. Each part comes from a cache (the map, the panel,
the options list, the log are pictures made when what they show changes), so
a frame is mostly blits. Hover notes say what is under the pointer: an area,
a unit stack, a track, a card or an option (with why it is closed).
"""

from typing import TYPE_CHECKING

import pygame

from game.engine.state import PendingChoice
from game.ui import palette as pal
from game.ui.faces import face_of
from game.ui.panel import Header
from game.ui.play_controls import TILED
from game.ui.session import HUMAN
from game.ui.text import wrap
from game.ui.tooltip import area_lines, face_lines, render_note, stack_lines, track_lines

if TYPE_CHECKING:
    from game.ui.scenes.play import PlayScene

HOVER_DELAY = 0.35  # seconds before a hover note appears


class BoardDrawing:
    """Drawing and hover notes for ``PlayScene``."""

    def init_drawing(self: "PlayScene") -> None:
        """The drawing's own state: what the pointer rests on, and the cached note."""
        self.hover: object = None
        self.hover_seconds = 0.0
        self.pending_shot = None
        self._note_key: object = None
        self._note = pygame.Surface((1, 1))
        self._banner_key: object = None
        self._banner_picture = pygame.Surface((1, 1))

    def clear_notes(self: "PlayScene") -> None:
        """Forget the cached hover note (after a layout change)."""
        self._note_key = None
        self.hover, self.hover_seconds = None, 0.0

    def update_drawing(self: "PlayScene", dt: float) -> None:
        """Time the hover note and the notes at the foot of the map."""
        hovered = self._hovered()
        self.hover_seconds = self.hover_seconds + dt if hovered == self.hover else 0.0
        self.hover = hovered
        for notice in self.notices:
            notice[1] -= dt
        self.notices = [notice for notice in self.notices if notice[1] > 0]

    def _hovered(self: "PlayScene") -> object:
        point = self.mouse
        if self.board.rect.collidepoint(point):
            stack = self.board.stack_at(point)
            return ("stack", stack) if stack else self.board.area_at(point)
        if self.showing_options and not self.log_in_panel:
            placed = self.options.item_at(point)
            if placed is not None:
                return ("option", placed.option.key)
        for key, rect in self.panel.track_rects.items():
            if rect.move(self.panel.rect.topleft).collidepoint(point):
                return ("track", key)
        return None

    # --- the frame ---------------------------------------------------------------------------------------

    def draw(self: "PlayScene", surface: pygame.Surface) -> None:
        """The map, sliding tokens, the panel, the options or the news, the log, the banner and notes."""
        surface.fill(pal.PAPER_DARK)
        hover_area = self.hover if isinstance(self.hover, str) else None
        self.board.draw(surface, self.session.state, highlights=self.highlights, hover=hover_area,
                        hidden=self.animator.hidden(), flashes=self.animator.flashes(), now=self.clock)
        self.animator.draw(surface)
        self.panel.draw(surface, self.session.state, self.header(), self.animator.track_flash)
        if self.log_in_panel:
            pass  # the log below takes the options' place
        elif self.showing_options:
            placed = self.options.item_at(self.mouse)
            self.options.draw(surface, placed, self.focus if self.focus in self.options.placed else None)
        else:
            self.news.draw(surface, self.session.log)
        if self.log_rect is not None:
            self.log_view.draw(surface, self.session.log)
        self._banner(surface)
        self._notices(surface)
        shot = self.pending_shot
        if shot is not None:
            self.pending_shot = None
            self.app.after_draw(lambda: self.app.screenshot(shot))

    def draw_over_widgets(self: "PlayScene", surface: pygame.Surface) -> None:
        """The hover note, above the panel's buttons."""
        if self.hover is not None and self.hover_seconds >= HOVER_DELAY:
            self._draw_note(surface)

    def header(self: "PlayScene") -> Header:
        """What the panel says about the moment."""
        session = self.session
        turns = len(session.game.rules.scenario.turns)
        turn = f"Turn {session.state.turn} of {turns} · {session.state.phase} phase"
        faction = session.current_faction()
        if session.is_over():
            return Header(session.current_date(), turn, None, "The game is over")
        if faction is None:
            return Header(session.current_date(), turn, None, "Dice and cards are drawn")
        seat = session.seats[faction]
        if seat != HUMAN:
            return Header(session.current_date(), turn, faction, f"computer ({seat})")
        if isinstance(session.state.decision, PendingChoice):
            return Header(session.current_date(), turn, faction, "your answer")
        rules = session.game.rules
        left = rules.scenario.actions_per_turn - session.state.actions_taken[rules.seat_index[faction]]
        return Header(session.current_date(), turn, faction, f"your move · {left} action{'s' * (left != 1)} left")

    def _banner(self: "PlayScene", surface: pygame.Surface) -> None:
        text = self.message or self._status()
        if not text:
            return
        scale = self.board.ui_scale  # the map's own scale: a large UI scale shrinks on a small map, and so does this
        key = (text, bool(self.message), self.board.rect.width, scale)
        if key != self._banner_key:
            self._banner_key, self._banner_picture = key, self._render_banner(text, bool(self.message), scale)
        surface.blit(self._banner_picture,
                     self._banner_picture.get_rect(midtop=(self.board.rect.centerx, round(10 * scale))))

    def _render_banner(self: "PlayScene", text: str, urgent: bool, scale: float) -> pygame.Surface:
        font = self.app.assets.font("italic", round(17 * scale))
        lines = wrap(font, text, self.board.rect.width - round(64 * scale))[:3]
        pictures = [font.render(line, True, pal.INK) for line in lines]
        box = pygame.Rect(0, 0, max(p.get_width() for p in pictures) + round(24 * scale),
                          sum(p.get_height() for p in pictures) + round(10 * scale))
        banner = pygame.Surface(box.size)
        banner.fill(pal.PAPER_LIGHT)
        pygame.draw.rect(banner, pal.SEPIA if urgent else pal.INK, box, 2 if urgent else 1)
        y = round(5 * scale)
        for picture in pictures:
            banner.blit(picture, picture.get_rect(midtop=(box.centerx, y)))
            y += picture.get_height()
        return banner

    def _status(self: "PlayScene") -> str:
        session = self.session
        if session.is_over() or session.is_chance():
            return ""
        faction = session.current_faction()
        name = session.game.rules.faction[faction].short if faction else ""
        if session.is_ai_turn():
            return f"{name} is deciding…"
        if not self.showing_options:
            return ""
        if isinstance(session.state.decision, PendingChoice):
            return f"{name}: answer the question on the right (C shows its card again)"
        return f"Your move, {name}: pick an option on the right"

    def _notices(self: "PlayScene", surface: pygame.Surface) -> None:
        font = self.app.assets.font("italic", self.px(15))
        y = self.board.rect.bottom - self.px(12)
        for text, _ in reversed(self.notices):
            picture = font.render(text, True, pal.INK)
            box = picture.get_rect(bottomleft=(self.board.rect.left + self.px(16), y)).inflate(self.px(16), self.px(8))
            pygame.draw.rect(surface, pal.PAPER_LIGHT, box)
            pygame.draw.rect(surface, pal.SEPIA, box, 1)
            surface.blit(picture, picture.get_rect(center=box.center))
            y = box.top - self.px(4)

    # --- hover notes -------------------------------------------------------------------------------------

    def _draw_note(self: "PlayScene", surface: pygame.Surface) -> None:
        key = self._note_cache_key()
        if key != self._note_key:
            lines = self._note_lines()
            if not lines:
                return
            self._note_key = key
            self._note = render_note(self.app.assets, lines, self.px(340), self.px(15))
        rect = self._note.get_rect(topleft=(self.mouse[0] + self.px(18), self.mouse[1] + self.px(14)))
        if rect.right > self.app.size[0]:  # over the panel: open to the left of the pointer
            rect.right = self.mouse[0] - self.px(12)
        surface.blit(self._note, rect.clamp(pygame.Rect((0, 0), self.app.size)))

    def _note_cache_key(self: "PlayScene") -> object:
        state = self.session.state
        if isinstance(self.hover, tuple) and self.hover[0] == "track":
            return self.hover, state.city, state.per_faction, state.support
        if isinstance(self.hover, tuple) and self.hover[0] == "option":
            return self.hover, self.controls_for
        return self.hover, state.units, state.control

    def _note_lines(self: "PlayScene") -> list:
        rules, state, hover = self.session.game.rules, self.session.state, self.hover
        if isinstance(hover, str):
            return area_lines(rules, state, hover)
        kind, value = hover  # type: ignore[misc]
        if kind == "stack":
            return stack_lines(rules, value[0])
        if kind == "track":
            return track_lines(rules, state, value)
        option = next((option for option in self.listed if option.key == value), None)
        if option is None or option.section == "Your answer":
            return []
        kind_of = option.key.partition(":")[0]
        face = face_of(rules, kind_of, option.ident, viewer=self.session.current_faction())
        lines = face_lines(face, option.reason)
        if option.section in TILED:
            lines.append(("italic", "Click to open the card.", pal.INK_SOFT))
        return lines
