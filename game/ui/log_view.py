"""The game log drawn in plain language: turn headings, each move with its faction's badge, AI reasons, details.

``LogView`` draws a list of ``LogEntry`` into a rectangle, newest at the
bottom, scrolled with the mouse wheel or the keys. Every entry is wrapped and
rendered once (keyed by its place and text), and the visible window is drawn
into one picture that is kept until the log, the scroll or the size changes,
so an open log costs one blit a frame.
"""

from collections.abc import Sequence

import pygame

from game.ruleset.model import Ruleset
from game.ui import palette as pal
from game.ui.assets import Assets
from game.ui.session import TURN_HEADLINE, LogEntry
from game.ui.text import wrap

Row = tuple[pygame.Surface, int]  # picture and its left indent


def why_text(headline: str, reason: str) -> str:
    """An AI's reason as shown under its move: without the faction and the move the line above already names.

    "Whites: Spread rumours." with "Whites: Spread rumours; the best position in view (about 23% to win)"
    gives "the best position in view (about 23% to win)"; "Left S-Rs: secures 'The peasants follow us'"
    under "Left S-Rs: Rally the peasant Soviets." gives "secures 'The peasants follow us'".
    """
    move = headline.strip().rstrip(".")
    for said in (f"{move}; ", f"{move}: "):
        if reason.startswith(said) and len(reason) > len(said):
            return reason[len(said):]
    who, colon, _ = move.partition(": ")
    who = who.removesuffix(" decide")  # an answer: "Left S-Rs decide: Enter the government."
    if colon and reason.startswith(f"{who}: ") and len(reason) > len(who) + 2:
        return reason[len(who) + 2:]
    return reason


class LogView:
    """A scrollable, cached view of the game log."""

    def __init__(self, rules: Ruleset, assets: Assets, colours: dict[str, pal.Colour], title: str = "The game so far"):
        self.rules, self.assets, self.colours, self.title = rules, assets, colours, title
        self.rect = pygame.Rect(0, 0, 300, 400)
        self.scale = 1.0
        self.offset = 0  # pixels scrolled up from the newest line; 0 follows the game
        self._rows: dict[tuple[int, LogEntry, int, bool], list[Row]] = {}
        self._picture: pygame.Surface | None = None
        self._key: object = None
        self._entries: Sequence[LogEntry] = ()

    def px(self, value: float) -> int:
        """A length at the view's scale."""
        return round(value * self.scale)

    def layout(self, rect: pygame.Rect, scale: float) -> None:
        """Place the view; rows are wrapped again for a new width."""
        if pygame.Rect(rect) != self.rect or scale != self.scale:
            self.rect, self.scale = pygame.Rect(rect), scale
            self._rows.clear()
            self._key = None

    def scroll(self, lines: int) -> None:
        """Scroll up (positive) or down (negative) by lines of text."""
        total = sum(row.get_height() for index in range(len(self._entries))
                    for row, _ in self._rows_of(self._entries, index))
        view = self.rect.height - self._top() - self.px(6)
        most = max(0, total - view)
        self.offset = max(0, min(most, self.offset + lines * self.px(18)))

    def draw(self, surface: pygame.Surface, entries: Sequence[LogEntry]) -> None:
        """Draw the entries' last lines that fit (or the lines scrolled to)."""
        self._entries = entries
        key = (len(entries), entries[-1] if entries else None, self.offset, self.rect.size)
        if key != self._key or self._picture is None:
            self._key = key
            self._picture = self._render(entries)
        surface.blit(self._picture, self.rect.topleft)

    def _top(self) -> int:
        return self.px(34) if self.title else self.px(6)

    def _render(self, entries: Sequence[LogEntry]) -> pygame.Surface:
        picture = pygame.Surface(self.rect.size)
        picture.fill(pal.PAPER_LIGHT)
        pygame.draw.rect(picture, pal.PANEL_EDGE, picture.get_rect(), 1)
        top = self._top()
        y = self.rect.height - self.px(6) + self.offset
        index = len(entries) - 1
        while index >= 0 and y > top:  # newest first, only as far back as shows
            for row, indent in reversed(self._rows_of(entries, index)):
                y -= row.get_height()
                if top - 1 <= y < self.rect.height:  # whole rows only: none half hidden under the title
                    picture.blit(row, (self.px(8) + indent, y))
            index -= 1
        if self.title:
            picture.fill(pal.PAPER_LIGHT, (1, 1, self.rect.width - 2, top - 2))
            heading = self.assets.font("title_it", self.px(18)).render(self.title, True, pal.SEPIA)
            picture.blit(heading, (self.px(8), self.px(5)))
            if self.offset:
                hint = self.assets.font("italic", self.px(13)).render("scrolled back · wheel down", True,
                                                                       pal.INK_SOFT)
                picture.blit(hint, hint.get_rect(topright=(self.rect.width - self.px(8), self.px(9))))
            pygame.draw.line(picture, pal.PANEL_EDGE, (self.px(6), top - 3), (self.rect.width - self.px(6), top - 3))
        return picture

    def _rows_of(self, entries: Sequence[LogEntry], index: int) -> list[Row]:
        """One entry's rows (cached), with a turn heading above it where a new turn begins."""
        entry = entries[index]
        heading = entry.text.startswith(TURN_HEADLINE) or index == 0 or entries[index - 1].turn != entry.turn
        key = (index, entry, self.rect.width, heading)
        if key not in self._rows:
            self._rows[key] = self._make_rows(entry, heading)
        return self._rows[key]

    def _make_rows(self, entry: LogEntry, heading: bool) -> list[Row]:
        width = self.rect.width - self.px(20)
        rows: list[Row] = []
        if heading:
            rows += self._heading(entry)
            if entry.text.startswith(TURN_HEADLINE):
                return rows
        badge = self.px(18)
        if entry.detail:
            return self._wrapped("body", 13, entry.text.strip(), pal.INK_SOFT, badge + self.px(10), width)
        role = "italic" if entry.kind == "chance" else "body"
        lines = self._wrapped(role, 15, entry.text.strip(), pal.INK, badge, width)
        if entry.faction is not None and lines:
            lines[0] = (self._with_badge(lines[0][0], entry.faction), 0)
        rows += lines
        if entry.reason:
            rows += self._wrapped("italic", 13, f"why: {why_text(entry.text, entry.reason)}", pal.SEPIA,
                                  badge + self.px(10), width)
        return rows

    def _heading(self, entry: LogEntry) -> list[Row]:
        font = self.assets.font("title", self.px(17))
        text = font.render(f"Turn {entry.turn} · {entry.date}", True, pal.INK)
        row = pygame.Surface((text.get_width(), text.get_height() + self.px(8)), pygame.SRCALPHA)
        row.blit(text, (0, self.px(6)))
        return [(row, 0)]

    def _wrapped(self, role: str, points: int, text: str, colour: pal.Colour, indent: int, width: int) -> list[Row]:
        font = self.assets.font(role, self.px(points))
        return [(font.render(line, True, colour), indent) for line in wrap(font, text, width - indent)]

    def _with_badge(self, line: pygame.Surface, faction: str) -> pygame.Surface:
        badge = self.px(18)
        row = pygame.Surface((line.get_width() + badge, line.get_height()), pygame.SRCALPHA)
        row.blit(line, (badge, 0))
        colour = self.colours.get(faction, pal.NEUTRAL)
        centre = (badge // 2 - 1, line.get_height() // 2)
        radius = max(4, self.px(6))
        pygame.draw.circle(row, colour, centre, radius)
        pygame.draw.circle(row, pal.INK, centre, radius, 1)
        symbol = self.rules.faction[faction].symbol if faction in self.rules.faction else "circle"
        pal.draw_symbol(row, symbol, centre, radius * 0.62, pal.text_on(colour))
        return row
