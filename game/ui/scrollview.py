"""Scrolling pictures drawn by hand: a tall page (an article, a column of the end screen) and a list of rows.

pygame_gui's scrolling container moves widgets; these move pictures, which is
what the encyclopedia, the saves list and the end screen show, set in the
game's own faces. Each view takes the mouse wheel while the pointer is over
it, a drag or a click on its scroll bar, and the keys a scene passes on
(arrows, Page Up and Page Down, Home and End).
"""

from collections.abc import Callable

import attrs
import pygame

from game.ui import palette as pal
from game.ui.assets import Assets
from game.ui.text import wrap

SELECTED: pal.Colour = (221, 198, 140)
HOVERED: pal.Colour = pal.PAPER_LIGHT
GREYED: pal.Colour = (150, 136, 114)
DOUBLE_CLICK_SECONDS = 0.45


class ScrollView:
    """A rectangle of the window showing part of something taller, with a scroll bar when it does not fit."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], scale: float) -> None:
        self.rect = pygame.Rect(rect)
        self.scale = scale
        self.offset = 0
        self._grip: int | None = None  # where on the thumb the mouse holds it while dragging

    def px(self, value: float) -> int:
        """A length at the view's scale."""
        return round(value * self.scale)

    def content_height(self) -> int:
        """How tall the whole content is."""
        return self.rect.height

    def draw_content(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """Draw the content with its top at ``inner.top - self.offset`` (the surface is clipped to the view)."""

    @property
    def inner(self) -> pygame.Rect:
        """Where the content is drawn: the view less the scroll bar's lane."""
        return pygame.Rect(self.rect.left, self.rect.top, self.rect.width - self.px(16), self.rect.height)

    @property
    def max_offset(self) -> int:
        """How far down the view can scroll."""
        return max(0, self.content_height() - self.rect.height)

    def scroll_to(self, offset: float) -> None:
        """Scroll so that content row ``offset`` is at the top (kept within the content)."""
        self.offset = max(0, min(self.max_offset, round(offset)))

    def scroll_by(self, pixels: float) -> None:
        """Scroll down by ``pixels`` (up if negative)."""
        self.scroll_to(self.offset + pixels)

    def reveal(self, top: int, bottom: int) -> None:
        """Scroll as little as needed to show content from ``top`` to ``bottom``."""
        if top < self.offset:
            self.scroll_to(top)
        elif bottom > self.offset + self.rect.height:
            self.scroll_to(bottom - self.rect.height)

    def thumb(self) -> pygame.Rect | None:
        """The scroll bar's thumb, or ``None`` when everything fits."""
        total = self.content_height()
        if total <= self.rect.height:
            return None
        lane = self.lane()
        height = max(self.px(24), lane.height * self.rect.height // total)
        top = lane.top + (lane.height - height) * self.offset // max(1, self.max_offset)
        return pygame.Rect(lane.left, top, lane.width, height)

    def lane(self) -> pygame.Rect:
        """The scroll bar's track."""
        return pygame.Rect(self.rect.right - self.px(10), self.rect.top, self.px(10), self.rect.height)

    def handle_event(self, event: pygame.event.Event) -> bool:
        """The wheel over the view, and clicks and drags on the scroll bar; True if used."""
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(pygame.mouse.get_pos()):
            self.scroll_by(-event.y * self.px(60))
            return True
        thumb = self.thumb()
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and thumb is not None \
                and self.lane().inflate(self.px(6), 0).collidepoint(event.pos):
            if thumb.collidepoint(event.pos):
                self._grip = event.pos[1] - thumb.top
            else:
                self.scroll_by(self.rect.height * (1 if event.pos[1] > thumb.centery else -1))
            return True
        if event.type == pygame.MOUSEMOTION and self._grip is not None and thumb is not None:
            lane = self.lane()
            room = max(1, lane.height - thumb.height)
            self.scroll_to((event.pos[1] - self._grip - lane.top) * self.max_offset / room)
            return True
        if event.type == pygame.MOUSEBUTTONUP and self._grip is not None:
            self._grip = None
            return True
        return False

    def key(self, key: int) -> bool:
        """Arrows scroll a line, Page Up and Page Down a page, Home and End to the ends; True if used."""
        line, page = self.px(40), max(self.px(40), self.rect.height - self.px(40))
        moves = {pygame.K_UP: -line, pygame.K_DOWN: line, pygame.K_PAGEUP: -page, pygame.K_PAGEDOWN: page,
                 pygame.K_HOME: -10**9, pygame.K_END: 10**9}
        if key not in moves:
            return False
        self.scroll_by(moves[key])
        return True

    def to_content(self, pos: tuple[int, int]) -> tuple[int, int] | None:
        """A window point as a point of the content, or ``None`` outside the view."""
        inner = self.inner
        if not inner.collidepoint(pos):
            return None
        return pos[0] - inner.left, pos[1] - inner.top + self.offset

    def draw(self, surface: pygame.Surface) -> None:
        """The visible part of the content, then the scroll bar if needed."""
        old_clip = surface.get_clip()
        surface.set_clip(self.rect.clip(old_clip) if old_clip else self.rect)
        self.draw_content(surface, self.inner)
        surface.set_clip(old_clip)
        thumb = self.thumb()
        if thumb is not None:
            lane = self.lane()
            pygame.draw.rect(surface, pal.PAPER_DARK, lane, border_radius=lane.width // 2)
            pygame.draw.rect(surface, pal.SEPIA, thumb, border_radius=lane.width // 2)


class PictureView(ScrollView):
    """A tall picture seen through the view, with clickable links (rectangles of the picture)."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], scale: float, centred: bool = False) -> None:
        super().__init__(rect, scale)
        self.picture = pygame.Surface((1, 1), pygame.SRCALPHA)
        self.links: list[tuple[pygame.Rect, str]] = []
        self.centred = centred  # a picture narrower than the view stands in its middle, like a page

    def set_picture(self, picture: pygame.Surface, links: list[tuple[pygame.Rect, str]] | None = None,
                    keep_place: bool = False) -> None:
        """Show a new picture, from its top unless ``keep_place``."""
        self.picture, self.links = picture, list(links or [])
        self.scroll_to(self.offset if keep_place else 0)

    def content_height(self) -> int:
        """The picture's height."""
        return self.picture.get_height()

    @property
    def shift(self) -> int:
        """How far right of the view's left edge the picture stands."""
        return max(0, self.inner.width - self.picture.get_width()) // 2 if self.centred else 0

    def draw_content(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """Blit the visible band of the picture."""
        band = pygame.Rect(0, self.offset, min(inner.width, self.picture.get_width()),
                           min(inner.height, self.picture.get_height() - self.offset))
        if band.width > 0 and band.height > 0:
            surface.blit(self.picture, (inner.left + self.shift, inner.top), band)

    def link_at(self, pos: tuple[int, int]) -> str | None:
        """The link under a window point, if any."""
        point = self.to_content(pos)
        if point is None:
            return None
        point = (point[0] - self.shift, point[1])
        return next((target for rect, target in self.links if rect.collidepoint(point)), None)

    def link_rect(self, target: str) -> pygame.Rect | None:
        """Where a link is on screen now (for the keyboard's focus mark), or ``None``."""
        for rect, link in self.links:
            if link == target:
                return rect.move(self.inner.left + self.shift, self.inner.top - self.offset)
        return None


@attrs.frozen
class Row:
    """One row of a ``ScrollList``: a heading (no key) or an item to select."""

    key: str | None
    title: str
    lines: tuple[str, ...] = ()  # smaller lines under the title, wrapped
    note: str = ""  # small text at the right of the title line (a date)
    marker: tuple[pal.Colour, str] | None = None  # a faction's colour and symbol
    greyed: bool = False  # listed but not usable (a damaged save)


class ScrollList(ScrollView):
    """Rows to pick from, grouped under headings: click, double-click, arrows, Enter."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], scale: float, assets: Assets,
                 on_select: Callable[[str], None] = lambda key: None,
                 on_activate: Callable[[str], None] = lambda key: None) -> None:
        super().__init__(rect, scale)
        self.assets = assets
        self.on_select, self.on_activate = on_select, on_activate
        self.rows: list[Row] = []
        self.tops: list[int] = []
        self.selected: str | None = None
        self.hovered: str | None = None
        self._pictures: dict[tuple[Row, int], pygame.Surface] = {}
        self._last_click: tuple[str | None, float] = (None, 0.0)
        self.activate_on_click = False  # one click opens (a narrow window shows the list or the item, not both)

    def set_rows(self, rows: list[Row]) -> None:
        """Show these rows; the selection stays if its row is still there."""
        self.rows = rows
        width = self.inner.width
        self.tops, top = [], 0
        for row in rows:
            self.tops.append(top)
            top += self._picture(row, width).get_height()
        self._height = top
        if self.selected not in self.keys():
            self.selected = None
        self.scroll_to(self.offset)

    def keys(self) -> list[str]:
        """The keys of the items, in order."""
        return [row.key for row in self.rows if row.key is not None]

    def content_height(self) -> int:
        """All rows' heights."""
        return getattr(self, "_height", 0)

    def select(self, key: str | None, notify: bool = True, centre: bool = False) -> None:
        """Select an item and scroll it into view (to the middle of the view if ``centre``)."""
        self.selected = key
        if key is None:
            return
        index = next((i for i, row in enumerate(self.rows) if row.key == key), None)
        if index is not None:
            top = self.tops[index - 1] if index and self.rows[index - 1].key is None else self.tops[index]
            if centre:
                self.scroll_to((self.tops[index] + self._bottom(index) - self.rect.height) // 2)
            self.reveal(top, self._bottom(index))
        if notify:
            self.on_select(key)

    def move(self, delta: int) -> None:
        """Select the item ``delta`` places away (clamped to the ends)."""
        keys = self.keys()
        if not keys:
            return
        if self.selected not in keys:
            self.select(keys[0 if delta > 0 else -1])
            return
        index = max(0, min(len(keys) - 1, keys.index(self.selected) + delta))
        self.select(keys[index])

    def key(self, key: int) -> bool:
        """Up and Down, Page Up and Page Down, Home and End move the selection; Enter opens it."""
        page = max(1, self.rect.height // self.px(40))
        moves = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -page, pygame.K_PAGEDOWN: page,
                 pygame.K_HOME: -10**6, pygame.K_END: 10**6}
        if key in moves:
            self.move(moves[key])
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.selected is not None:
            self.on_activate(self.selected)
            return True
        return False

    def key_at(self, pos: tuple[int, int]) -> str | None:
        """The item under a window point."""
        point = self.to_content(pos)
        if point is None:
            return None
        for index, row in enumerate(self.rows):
            if self.tops[index] <= point[1] < self._bottom(index):
                return row.key
        return None

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Clicks select (twice quickly: open), the pointer lights the row under it, then the scroll bar."""
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.key_at(event.pos)
        if super().handle_event(event):
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            key = self.key_at(event.pos)
            if key is None:
                return False
            now = pygame.time.get_ticks() / 1000
            double = self._last_click[0] == key and now - self._last_click[1] < DOUBLE_CLICK_SECONDS
            self._last_click = (key, now)
            self.select(key)
            if double or self.activate_on_click:
                self.on_activate(key)
            return True
        return False

    def row_rect(self, key: str) -> pygame.Rect | None:
        """Where an item's row is on screen now, or ``None``."""
        inner = self.inner
        for index, row in enumerate(self.rows):
            if row.key == key:
                return pygame.Rect(inner.left, inner.top + self.tops[index] - self.offset, inner.width,
                                   self._bottom(index) - self.tops[index])
        return None

    def _bottom(self, index: int) -> int:
        return self.tops[index + 1] if index + 1 < len(self.tops) else self.content_height()

    def draw_content(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """The rows in view, the selected one on a darker ground."""
        for index, row in enumerate(self.rows):
            top, bottom = self.tops[index] - self.offset, self._bottom(index) - self.offset
            if bottom < 0 or top > inner.height:
                continue
            band = pygame.Rect(inner.left, inner.top + top, inner.width, bottom - top)
            if row.key is not None and row.key == self.selected:
                pygame.draw.rect(surface, SELECTED, band)
                pygame.draw.rect(surface, pal.SEPIA, band, 1)
            elif row.key is not None and row.key == self.hovered:
                pygame.draw.rect(surface, HOVERED, band)
            if row.key is not None and index + 1 < len(self.rows) and self.rows[index + 1].key is not None:
                pygame.draw.line(surface, pal.PAPER_DARK, (band.left + self.px(8), band.bottom - 1),
                                 (band.right - self.px(8), band.bottom - 1))
            surface.blit(self._picture(row, inner.width), band.topleft)

    def _picture(self, row: Row, width: int) -> pygame.Surface:
        cached = self._pictures.get((row, width))
        if cached is None:
            if len(self._pictures) > 4000:
                self._pictures.clear()
            cached = self._pictures[(row, width)] = render_row(self.assets, row, width, self.scale)
        return cached


def render_row(assets: Assets, row: Row, width: int, scale: float) -> pygame.Surface:
    """A row's text on a transparent ground: a heading in the title face, an item in the body face."""
    def px(value: float) -> int:
        return round(value * scale)
    if row.key is None:
        font = assets.font("title_it", px(19))
        picture = pygame.Surface((width, font.get_linesize() + px(14)), pygame.SRCALPHA)
        picture.blit(font.render(row.title, True, pal.SEPIA), (px(6), px(8)))
        pygame.draw.line(picture, pal.PANEL_EDGE, (px(6), picture.get_height() - 2),
                         (width - px(6), picture.get_height() - 2))
        return picture
    ink = GREYED if row.greyed else pal.INK
    soft = GREYED if row.greyed else pal.INK_SOFT
    title_font, line_font, note_font = (assets.font("body", px(16)), assets.font("italic", px(13)),
                                        assets.font("sans", px(13)))
    left = px(30)
    note = note_font.render(row.note, True, soft) if row.note else None
    room = width - left - px(8) - (note.get_width() + px(10) if note else 0)
    titles = wrap(title_font, row.title, room)
    lines = [line for text in row.lines for line in wrap(line_font, text, width - left - px(8))]
    height = px(6) + len(titles) * title_font.get_linesize() + len(lines) * line_font.get_linesize() + px(6)
    picture = pygame.Surface((width, height), pygame.SRCALPHA)
    y = px(6)
    if row.marker:
        colour, symbol = row.marker
        draw_badge(picture, colour, symbol, (px(16), y + title_font.get_linesize() // 2), px(8), faded=row.greyed)
    if note:
        picture.blit(note, (width - px(8) - note.get_width(), y + (title_font.get_linesize() - note.get_height()) // 2))
    for line in titles:
        picture.blit(title_font.render(line, True, ink), (left, y))
        y += title_font.get_linesize()
    for line in lines:
        picture.blit(line_font.render(line, True, soft), (left, y))
        y += line_font.get_linesize()
    return picture


def draw_badge(surface: pygame.Surface, colour: pal.Colour, symbol: str, centre: tuple[int, int], radius: int,
               faded: bool = False) -> None:
    """A faction's round badge: its colour, its symbol in black or white, an ink ring (as on the board's panel)."""
    if faded:
        colour = pal.mix(colour, pal.PAPER, 0.6)
    pygame.draw.circle(surface, colour, centre, radius)
    pygame.draw.circle(surface, GREYED if faded else pal.INK, centre, radius, 1)
    pal.draw_symbol(surface, symbol, centre, radius * 0.62, pal.text_on(colour))
