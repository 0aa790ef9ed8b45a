"""The encyclopedia: every faction, place, unit, action, decree, event, card, track, group and term of the rules.

A search line and the list of articles grouped by kind on the left, the
article on the right. The search filters as one types (any case, in names and
texts) and opens the best match. Glossary terms in an article are links. Push
it from anywhere: ``app.push(EncyclopediaScene(app, start_at="place:smolny"))``
(or just an id); Back or Escape returns to the scene below.

Keys: Tab moves between the search line, the list, the article and Back;
Up and Down pick in the list (from the search line too), Enter opens the best
match; in the article Left and Right walk its links and Enter follows one;
Ctrl+F goes to the search line.
"""

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.ui import palette as pal
from game.ui.article_page import render_article
from game.ui.articles import Article, articles, best, find, search
from game.ui.focus import Focusable
from game.ui.scrollview import PictureView, Row, ScrollList
from game.ui.widgets import MenuScene

if TYPE_CHECKING:
    from game.ui.app import App


class EncyclopediaScene(MenuScene):
    """The list of articles and one article."""

    title = "Encyclopedia"
    heading_text = "Encyclopedia"

    def __init__(self, app: "App", start_at: str | None = None) -> None:
        super().__init__(app)
        self.articles = articles(app.rules)
        self.names = {article.key: article.name for article in self.articles}
        self.colours = pal.faction_colours(app.rules, app.settings.palette)
        self.query = ""
        self.found: tuple[Article, ...] = self.articles
        opened = find(self.articles, start_at)
        self.current: Article = opened or self.articles[0]
        self.history: list[str] = []  # articles left by following a link, for Backspace
        self.reading = opened is not None  # on a narrow window: the article is shown rather than the list
        self.link_focus: str | None = None
        self.entry: pygame_gui.elements.UITextEntryLine | None = None
        self.list: ScrollList | None = None
        self.page: PictureView | None = None

    # --- layout ---------------------------------------------------------------------------------------

    def narrow(self) -> bool:
        """Whether the window is too narrow at this scale for the list and the article side by side."""
        return self.body().width < self.px(640)

    def shows(self, part: str) -> bool:
        """Whether ``list`` or ``article`` is on screen: both, or on a narrow window the one being read."""
        return not self.narrow() or (part == "article") == self.reading

    def columns(self) -> tuple[pygame.Rect, pygame.Rect]:
        """The list's column and the article's (the whole body for each on a narrow window)."""
        body = self.body()
        if self.narrow():
            return body, body
        left = max(self.px(250), min(self.px(400), body.width * 36 // 100))
        gap = self.px(24)
        return pygame.Rect(body.left, body.top, left, body.height), \
            pygame.Rect(body.left + left + gap, body.top, body.width - left - gap, body.height)

    def build(self) -> None:
        """The search line, the list, the article and Back."""
        side, main = self.columns()
        line = pygame.Rect(side.left, side.top, side.width, self.px(38))
        self.entry = pygame_gui.elements.UITextEntryLine(
            line, self.app.ui, container=self.root, placeholder_text="Search: Pulkovo, Vikzhel, bread…",
            initial_text=self.query or None)
        self.entry.set_tooltip("Type to find an entry by its name or its text (Ctrl+F)")
        list_top = line.bottom + self.px(30)
        self.list = ScrollList((side.left, list_top, side.width, side.bottom - list_top), self.app.scale,
                               self.app.assets, on_select=self.open, on_activate=self.open_and_read)
        self.list.activate_on_click = self.narrow()
        self.page = PictureView(main.inflate(-self.px(36), -self.px(28)), self.app.scale, centred=True)
        self._fill_list()
        self.list.select(self.current.key, notify=False, centre=True)
        self._render_page()
        entry, view, page = self.entry, self.list, self.page
        if self.shows("list"):
            self.focus.add(Focusable("search", lambda: entry.rect, activate=self.open_best, keys=self._search_keys,
                                     entry=entry))
            self.focus.add(Focusable("list", lambda: view.rect, keys=view.key))
        else:
            entry.hide()
        if self.shows("article"):
            self.focus.add(Focusable("article", self._article_focus_rect, activate=self.follow_focused_link,
                                     step=self.step_link, keys=page.key))
        self.back_button("Back to the list" if self.narrow() and self.reading else "Back to where you were")
        self.previous = self.footer_button("left", ("Previous entry", "Previous"), self.go_back_in_history, width=220,
                                           tooltip="The entry you followed the last link from",
                                           shortcut=pygame.K_BACKSPACE)
        self.focus_button("previous", self.previous)
        self._sync_previous()

    def _fill_list(self) -> None:
        assert self.list is not None
        rows: list[Row] = []
        heading = None
        for article in self.found:
            if article.heading != heading:
                heading = article.heading
                rows.append(Row(None, heading))
            marker = (self.colours[article.faction], self.app.rules.faction[article.faction].symbol) \
                if article.faction in self.colours else None
            rows.append(Row(article.key, article.title, note=_day(article.date), marker=marker))
        self.list.set_rows(rows)

    # --- choosing ---------------------------------------------------------------------------------------

    def open(self, key: str, remember: bool = False) -> None:
        """Show the article ``key`` (a click in the list, a link, a search)."""
        article = find(self.articles, key)
        if article is None or article is self.current:
            return
        if remember:
            self.history.append(self.current.key)
        self.current = article
        self.link_focus = None
        if self.list is not None:
            self.list.select(key, notify=False)
        self._render_page()
        self._sync_previous()

    def _sync_previous(self) -> None:
        button = getattr(self, "previous", None)
        if button is not None:
            if self.history:
                button.enable()
            else:
                button.disable()

    def open_and_read(self, key: str) -> None:
        """Open an article and move the keyboard to it (Enter or a double click in the list)."""
        self.open(key)
        if self.narrow() and not self.reading:
            self.reading = True
            self.rebuild()
        self.focus.focus("article", show=self.focus.visible)

    def back(self) -> None:
        """Escape: from an article to the list on a narrow window, else out of the encyclopedia."""
        if self.narrow() and self.reading:
            self.reading = False
            self.rebuild()
            self.focus.focus("list", show=self.focus.visible)
        else:
            self.app.pop()

    def open_best(self) -> None:
        """Enter in the search line: open the best match and go to the list."""
        chosen = best(self.found, self.query)
        if chosen is not None:
            self.open(chosen.key)
            self.focus.focus("list")

    def follow(self, key: str) -> None:
        """Follow a link from the article; the list shows every entry again if the search hid the target."""
        if key not in {article.key for article in self.found}:
            self.set_query("")
        self.open(key, remember=True)

    def go_back_in_history(self) -> None:
        """Backspace: the article the last link was followed from."""
        if self.history:
            key = self.history.pop()
            if key not in {article.key for article in self.found}:
                self.set_query("")
            self.open(key)

    def set_query(self, query: str) -> None:
        """Filter the list by ``query`` and open its best match."""
        self.query = query
        self.found = search(self.articles, query)
        if self.entry is not None and self.entry.get_text() != query:
            self.entry.set_text(query)
        if self.list is None:
            return
        self._fill_list()
        chosen = best(self.found, query) if query.strip() else None
        if chosen is not None:
            self.open(chosen.key)
        self.list.select(self.current.key if self.current.key in self.list.keys() else None, notify=False)
        if not query.strip():
            self.list.select(self.current.key, notify=False)

    # --- the article's links --------------------------------------------------------------------------

    def step_link(self, delta: int) -> None:
        """Left and Right on the article: the previous or next link."""
        if self.page is None or not self.page.links:
            return
        targets = [target for _, target in self.page.links]
        index = targets.index(self.link_focus) + delta if self.link_focus in targets else (0 if delta > 0 else -1)
        self.link_focus = targets[index % len(targets)]
        self._render_page(keep_place=True)
        rect = next(rect for rect, target in self.page.links if target == self.link_focus)
        self.page.reveal(rect.top - self.px(20), rect.bottom + self.px(20))

    def follow_focused_link(self) -> None:
        """Enter on the article: follow the link that has the focus."""
        if self.link_focus is not None:
            self.follow(self.link_focus)

    def _article_focus_rect(self) -> pygame.Rect | None:
        if self.page is None:
            return None
        if self.link_focus is not None:
            rect = self.page.link_rect(self.link_focus)
            if rect is not None and self.page.rect.contains(rect):
                return rect
        return self.page.rect

    def _render_page(self, keep_place: bool = False) -> None:
        if self.page is None:
            return
        rules = self.app.rules

        def badge(faction: str) -> tuple[pal.Colour, str] | None:
            return (self.colours[faction], rules.faction[faction].symbol) if faction in self.colours else None
        width = min(self.page.inner.width - self.px(8), self.px(780))
        picture, links = render_article(self.app.assets, self.current, width,
                                        self.app.scale, self.names, badge, self.link_focus)
        self.page.set_picture(picture, links, keep_place=keep_place)

    # --- input --------------------------------------------------------------------------------------------

    def _search_keys(self, key: int) -> bool:
        if self.list is not None and key in (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            return self.list.key(key)
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        """The views take the mouse first; Ctrl+F finds; then the page's keys."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_f and event.mod & pygame.KMOD_CTRL:
            if not self.shows("list"):
                self.reading = False
                self.rebuild()
            self.focus.focus("search")
            return True
        if self.page is not None and self.shows("article") and event.type == pygame.MOUSEBUTTONDOWN \
                and event.button == 1:
            link = self.page.link_at(event.pos)
            if link is not None:
                self.follow(link)
                return True
        for view, part in ((self.list, "list"), (self.page, "article")):
            if view is not None and self.shows(part) and view.handle_event(event):
                if event.type == pygame.MOUSEBUTTONDOWN:
                    self.focus.click(event.pos)
                return True
        return super().handle_event(event)

    def update(self, dt: float) -> None:
        """Follow the search line as the player types."""
        if self.entry is not None and self.entry.get_text() != self.query:
            self.set_query(self.entry.get_text())

    # --- drawing ------------------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """The page, the count of entries, the list and the article on its sheet."""
        super().draw(surface)
        side, main = self.columns()
        if self.shows("list"):
            self._draw_list(surface, side)
        if self.shows("article") and self.page is not None:
            pygame.draw.rect(surface, pal.PAPER_LIGHT, main)
            pygame.draw.rect(surface, pal.PANEL_EDGE, main, 1)
            self.page.draw(surface)

    def _draw_list(self, surface: pygame.Surface, side: pygame.Rect) -> None:
        font = self.app.assets.font("italic", self.px(14))
        if self.query.strip():
            count = f"{len(self.found)} found" if self.found else f"Nothing found for “{self.query.strip()}”"
        else:
            count = f"{len(self.articles)} entries in {len({a.kind for a in self.articles})} groups"
        text = font.render(count, True, pal.INK_SOFT)
        surface.blit(text, (side.left + self.px(4), side.top + self.px(44)), text.get_rect().clip(
            (0, 0, side.width - self.px(4), text.get_height())))
        if self.list is not None:
            self.list.draw(surface)
            if not self.found:
                self._nothing_found(surface)

    def _nothing_found(self, surface: pygame.Surface) -> None:
        assert self.list is not None
        font = self.app.assets.font("italic", self.px(15))
        lines = ("Try a shorter word, or part of a name.", "Clear the search line to see every entry.")
        for index, line in enumerate(lines):
            text = font.render(line, True, pal.INK_SOFT)
            surface.blit(text, (self.list.rect.left + self.px(8), self.list.rect.top + self.px(8) +
                                index * font.get_linesize()))


def _day(date: str | None) -> str:
    """``30 Oct`` from ``30 Oct (12 Nov) 1917``: the list's short date."""
    return date.split(" (")[0] if date else ""
