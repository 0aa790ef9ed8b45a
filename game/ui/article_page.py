"""An encyclopedia article set as a printed page: kind, name, date, history, the game's rules, a question, links.

``render_article`` returns the page as one tall picture and the rectangles of
its links (glossary terms, and for a term the articles that use it), which the
encyclopedia scene shows in a ``PictureView``.
"""

from collections.abc import Callable, Mapping

import pygame

from game.ui import palette as pal
from game.ui.articles import SINGULAR, Article
from game.ui.assets import Assets
from game.ui.scrollview import draw_badge
from game.ui.text import render_spaced, wrap

DISCUSS_GROUND: pal.Colour = (241, 229, 199)
DISCUSS_BAR: pal.Colour = (176, 57, 31)
CHIP: pal.Colour = (232, 219, 186)
LINK_INK: pal.Colour = (122, 42, 24)


class Page:
    """Pictures placed down a column; the page's picture is made once all are placed."""

    def __init__(self, width: int, scale: float) -> None:
        self.width, self.scale = width, scale
        self.y = 0
        self.parts: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self.boxes: list[tuple[pygame.Rect, pal.Colour, int]] = []  # backgrounds: rect, colour, border width
        self.links: list[tuple[pygame.Rect, str]] = []

    def px(self, value: float) -> int:
        """A length at the page's scale."""
        return round(value * self.scale)

    def put(self, picture: pygame.Surface, x: int = 0, advance: bool = True) -> pygame.Rect:
        """Place a picture at the current line; move down past it unless ``advance`` is False."""
        self.parts.append((picture, (x, self.y)))
        rect = picture.get_rect(topleft=(x, self.y))
        if advance:
            self.y += picture.get_height()
        return rect

    def paragraph(self, font: pygame.font.Font, text: str, colour: pal.Colour, left: int = 0, right: int = 0,
                  leading: float = 1.12) -> None:
        """Wrapped text between ``left`` and ``width - right``."""
        step = round(font.get_linesize() * leading)
        for line in wrap(font, text, self.width - left - right):
            self.put(font.render(line, True, colour), left, advance=False)
            self.y += step

    def gap(self, pixels: float) -> None:
        """Space before the next part."""
        self.y += self.px(pixels)

    def picture(self, bottom_pad: float = 24) -> pygame.Surface:
        """The whole page on a transparent ground."""
        surface = pygame.Surface((self.width, self.y + self.px(bottom_pad)), pygame.SRCALPHA)
        for rect, colour, border in self.boxes:
            pygame.draw.rect(surface, colour, rect, border)
        for picture, position in self.parts:
            surface.blit(picture, position)
        return surface


def render_article(assets: Assets, article: Article, width: int, scale: float, names: Mapping[str, str],
                   badge: Callable[[str], tuple[pal.Colour, str] | None] = lambda faction: None,
                   focused_link: str | None = None) -> tuple[pygame.Surface, list[tuple[pygame.Rect, str]]]:
    """The page of one article, ``width`` pixels wide, and its links; ``names`` gives each article key's name."""
    page = Page(width, scale)
    px = page.px
    _caption(page, assets, article, badge)
    page.gap(4)
    page.paragraph(assets.font("title", px(36)), article.name, pal.INK, leading=1.0)
    if article.date:
        page.gap(2)
        date = assets.font("bold", px(16)).render(article.date, True, pal.INK)
        rect = page.put(date, advance=False)
        note = assets.font("italic", px(14)).render("Old Style, with the New Style date in brackets", True,
                                                    pal.INK_SOFT)
        if rect.right + px(10) + note.get_width() <= width:
            page.put(note, rect.right + px(10), advance=False)
            page.y += max(date.get_height(), note.get_height())
        else:
            page.y += date.get_height()
            page.put(note)
    page.gap(10)
    page.boxes.append((pygame.Rect(0, page.y, width, max(1, px(1))), pal.PANEL_EDGE, 0))
    page.gap(14)
    if article.text:
        page.paragraph(assets.font("body", px(17)), article.text, pal.INK)
    if article.in_game:
        _section(page, assets, "In the game")
        font = assets.font("body", px(15))
        for line in article.in_game:
            bullet = font.render("•", True, pal.SEPIA)
            page.put(bullet, px(4), advance=False)
            page.paragraph(font, line, pal.INK, left=px(20))
            page.gap(2)
    if article.discuss:
        _discussion(page, assets, article.discuss)
    if article.source:
        page.gap(14)
        page.paragraph(assets.font("italic", px(13)), f"Source: {article.source}", pal.SEPIA)
    _links(page, assets, "Glossary terms it uses" if article.kind != "term" else "See also", article.terms, names,
           focused_link)
    _links(page, assets, "Where it appears", article.seen_in, names, focused_link)
    return page.picture(), page.links


def _caption(page: Page, assets: Assets, article: Article, badge: Callable[[str], tuple[pal.Colour, str] | None]
             ) -> None:
    px = page.px
    left = 0
    marker = badge(article.faction) if article.faction else None
    font = assets.font("sans_bold", px(13))
    if marker is not None:
        dot = pygame.Surface((px(20), font.get_height()), pygame.SRCALPHA)
        draw_badge(dot, marker[0], marker[1], (px(8), font.get_height() // 2), px(8))
        page.put(dot, advance=False)
        left = px(22)
    caption = SINGULAR[article.kind] + (f" · {article.short}" if article.short else "")
    page.put(render_spaced(font, caption.upper(), pal.SEPIA, max(1, px(2))), left)


def _section(page: Page, assets: Assets, title: str) -> None:
    page.gap(16)
    page.put(assets.font("title_it", page.px(20)).render(title, True, pal.SEPIA))
    page.gap(4)


def _discussion(page: Page, assets: Assets, question: str) -> None:
    """The question for class in a tinted box with a red bar, as a teacher's margin note."""
    px = page.px
    page.gap(20)
    top = page.y
    page.gap(10)
    page.put(assets.font("title_it", px(19)).render("For discussion", True, DISCUSS_BAR), px(22))
    page.gap(4)
    page.paragraph(assets.font("italic", px(17)), question, pal.INK, left=px(22), right=px(16))
    page.gap(10)
    box = pygame.Rect(0, top, page.width, page.y - top)
    page.boxes += [(box, DISCUSS_GROUND, 0), (box, pal.PANEL_EDGE, 1),
                   (pygame.Rect(0, top, px(6), box.height), DISCUSS_BAR, 0)]


def _links(page: Page, assets: Assets, title: str, keys: tuple[str, ...], names: Mapping[str, str],
           focused: str | None) -> None:
    """Clickable names in rounded boxes, wrapped like words."""
    keys = tuple(key for key in keys if key in names)
    if not keys:
        return
    _section(page, assets, title)
    px = page.px
    font = assets.font("body", px(15))
    x, height, gap = 0, font.get_linesize() + px(8), px(8)
    for key in keys:
        text = font.render(names[key], True, LINK_INK)
        chip = pygame.Rect(x, page.y, text.get_width() + px(20), height)
        if chip.right > page.width and x > 0:
            x, page.y = 0, page.y + height + gap
            chip.topleft = (0, page.y)
        page.boxes += [(chip, CHIP, 0), (chip, pal.INK if key == focused else pal.PANEL_EDGE,
                                         max(2, px(2)) if key == focused else 1)]
        page.put(text, chip.left + px(10), advance=False)
        page.parts[-1] = (text, (chip.left + px(10), chip.top + px(4)))
        page.links.append((chip, key))
        x = chip.right + gap
    page.y += height
