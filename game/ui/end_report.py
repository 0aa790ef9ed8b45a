"""The end screen's pictures: each faction's points and objectives, the city's tracks, and the two timelines.

Each ``render_*`` function sets one column as a tall picture for a
``PictureView``. ``standings`` and ``timing`` are plain values, so what the
end screen says is tested without drawing it.
"""

import datetime
from collections.abc import Mapping, Sequence

import attrs
import pygame

from game.engine.goals import GoalStatus
from game.engine.query import influence, support, track_value, turn_span
from game.ruleset.model import Ruleset
from game.ui import palette as pal
from game.ui.article_page import Page
from game.ui.assets import Assets
from game.ui.panel import TRACK_COLOURS
from game.ui.scrollview import draw_badge
from game.ui.session import HUMAN, Session
from game.ui.text import render_spaced
from game.ui.timeline import Moment

WINNER_RED: pal.Colour = (176, 57, 31)
HELD: pal.Colour = (46, 104, 60)
MISSED: pal.Colour = (150, 136, 114)
Colours = Mapping[str, pal.Colour]


@attrs.frozen
class Standing:
    """One seat at the end: who played it, its points, whether it won, and each objective held or not."""

    faction: str
    seat: str  # "human", "easy AI", ...
    points: int
    counted: bool  # False after a sudden death: the points it would have had
    winner: bool
    goals: tuple[GoalStatus, ...]


def standings(session: Session) -> list[Standing]:
    """Every seat, winners first, then by points."""
    game, state = session.game, session.state
    result = game.outcome(state)
    winners = result.winners if result is not None else ()
    counted = bool(result is not None and result.points)
    rows = []
    for index, faction in enumerate(game.seats):
        points = result.points[index] if result is not None and counted else game.points(state, faction)
        kind = session.seats[faction]
        rows.append(Standing(faction, "human" if kind == HUMAN else f"{kind} AI", points, counted,
                             faction in winners, game.goals(state, faction)))
    return sorted(rows, key=lambda row: (not row.winner, -row.points))


def timing(rules: Ruleset, moment: Moment) -> str | None:
    """How the game's moment stands to the real date: ``as in 1917``, ``4 days early``; ``None`` if undated."""
    real = _old_style(moment.real_date)
    if real is None or moment.kind == "end":
        return None
    start, end = turn_span(rules, min(max(moment.turn, 1), len(rules.scenario.turns)))
    if start <= real <= end:
        return "in the same days as in 1917"
    days = (start - real).days if real < start else (real - end).days
    plural = "day" if days == 1 else "days"
    return f"{days} {plural} later than in 1917" if real < start else f"{days} {plural} earlier than in 1917"


def _old_style(text: str | None) -> datetime.date | None:
    """The Old Style date of ``30 Oct (12 Nov) 1917``."""
    if not text:
        return None
    try:
        day_month = text.split(" (")[0]
        year = text.rsplit(" ", 1)[-1].split("/")[0]
        return datetime.datetime.strptime(f"{day_month} {year}", "%d %b %Y").date()
    except ValueError:
        return None


# --- the factions --------------------------------------------------------------------------------------------


def render_standings(assets: Assets, rules: Ruleset, rows: Sequence[Standing], colours: Colours, width: int,
                     scale: float) -> pygame.Surface:
    """Each faction: badge, name, who played it, points, and every objective held or missed."""
    page = Page(width, scale)
    if rows and not rows[0].counted:
        page.paragraph(assets.font("italic", page.px(15)), "The game ended at once, so no points were counted: "
                       "the figures in brackets are what each faction would have scored.", pal.INK_SOFT)
        page.gap(10)
    for row in rows:
        _standing_head(page, assets, rules, row, colours)
        for goal in row.goals:
            _goal_line(page, assets, goal)
        page.gap(16)
    return page.picture(8)


def _standing_head(page: Page, assets: Assets, rules: Ruleset, row: Standing, colours: Colours) -> None:
    px = page.px
    name_font, points_font = assets.font("bold", px(19)), assets.font("title", px(24))
    height = max(name_font.get_linesize(), points_font.get_linesize())
    head = pygame.Surface((page.width, height), pygame.SRCALPHA)
    faction = rules.faction[row.faction]
    draw_badge(head, colours.get(row.faction, pal.NEUTRAL), faction.symbol, (px(12), height // 2), px(11))
    x = px(32)
    name = name_font.render(faction.short, True, pal.INK)
    head.blit(name, (x, (height - name.get_height()) // 2))
    x += name.get_width() + px(10)
    if row.winner:
        tag = render_spaced(assets.font("sans_bold", px(13)), "WINNER", WINNER_RED, max(1, px(2)))
        head.blit(tag, (x, (height - tag.get_height()) // 2))
        x += tag.get_width() + px(10)
    points = points_font.render(f"{row.points} point{'s' if row.points != 1 else ''}" if row.counted
                                else f"({row.points})", True, pal.INK)
    seat = assets.font("italic", px(15)).render(row.seat, True, pal.INK_SOFT)
    if x + seat.get_width() < page.width - points.get_width() - px(12):
        head.blit(seat, (x, (height - seat.get_height()) // 2))
    head.blit(points, (page.width - points.get_width(), (height - points.get_height()) // 2))
    page.put(head)
    page.boxes.append((pygame.Rect(0, page.y + px(2), page.width, 1), pal.PANEL_EDGE, 0))
    page.gap(6)


def _goal_line(page: Page, assets: Assets, goal: GoalStatus) -> None:
    px = page.px
    font = assets.font("body", px(15))
    colour = pal.INK if goal.held else MISSED
    mark = pygame.Surface((px(18), font.get_linesize()), pygame.SRCALPHA)
    draw_mark(mark, goal.held, pygame.Rect(px(2), (font.get_linesize() - px(12)) // 2, px(12), px(12)))
    page.put(mark, px(6), advance=False)
    if goal.sudden_death:
        label = f"Sudden death: {goal.name.rstrip('.')}" + (" (reached)" if goal.held else "")
        page.paragraph(font, label, colour, left=px(30), leading=1.0)
        return
    value = font.render(f"+{goal.points}" if goal.held else f"{goal.points}", True, colour)
    page.put(value, page.width - value.get_width(), advance=False)
    page.paragraph(font, goal.name, colour, left=px(30), right=value.get_width() + px(10), leading=1.0)


def draw_mark(surface: pygame.Surface, held: bool, box: pygame.Rect) -> None:
    """A tick for an objective held, a light cross for one missed: shapes, not only colours."""
    width = max(2, box.width // 5)
    if held:
        points = [(box.left, box.centery), (box.left + box.width * 0.4, box.bottom), (box.right, box.top)]
        pygame.draw.lines(surface, HELD, False, points, width)
    else:
        inset = box.inflate(-box.width // 4, -box.height // 4)
        pygame.draw.line(surface, MISSED, inset.topleft, inset.bottomright, max(1, width - 1))
        pygame.draw.line(surface, MISSED, inset.topright, inset.bottomleft, max(1, width - 1))


# --- the city ----------------------------------------------------------------------------------------------


def render_city(assets: Assets, session: Session, colours: Colours, width: int, scale: float) -> pygame.Surface:
    """The final tracks, each group's support and each seat's influence, drawn as on the board's panel."""
    rules, state = session.game.rules, session.state
    page = Page(width, scale)
    for track in rules.city_tracks():
        value = track_value(rules, state, track.id)
        page.put(_boxes(assets, track.name, str(value), width, scale,
                        [TRACK_COLOURS.get(track.id, pal.SEPIA) if box <= value and value > 0 else None
                         for box in range(track.max + 1)], marked=value))
    page.gap(8)
    for group in rules.groups:
        holders = [seat for seat in rules.seats for _ in range(support(rules, state, group.id, seat))]
        cells = [colours.get(holders[box], pal.NEUTRAL) if box < len(holders) else None for box in range(group.size)]
        symbols = [rules.faction[holders[box]].symbol if box < len(holders) else "" for box in range(group.size)]
        page.put(_boxes(assets, group.name, f"{group.size - len(holders)}?", width, scale, cells, symbols=symbols))
    page.gap(8)
    font = assets.font("body", page.px(15))
    line = ", ".join(f"{rules.faction[seat].short} {influence(rules, state, seat)}" for seat in rules.seats)
    page.paragraph(font, f"Influence: {line}", pal.INK)
    return page.picture(8)


def _boxes(assets: Assets, name: str, value: str, width: int, scale: float, cells: list[pal.Colour | None],
           symbols: list[str] | None = None, marked: int | None = None) -> pygame.Surface:
    """One row of a track sheet: the name, a box per step filled in its colour, and the number."""
    def px(length: float) -> int:
        return round(length * scale)
    font, number_font = assets.font("body", px(15)), assets.font("sans_bold", px(14))
    row = pygame.Surface((width, px(24)), pygame.SRCALPHA)
    row.blit(font.render(name, True, pal.INK), (0, (px(24) - font.get_height()) // 2))
    start, end = px(130), width - px(34)
    cell = max(3, (end - start) // max(1, len(cells)))
    for index, colour in enumerate(cells):
        rect = pygame.Rect(start + index * cell, px(4), cell - (2 if cell >= 8 else 1), px(16))
        pygame.draw.rect(row, colour or pal.PAPER_LIGHT, rect)
        pygame.draw.rect(row, pal.PANEL_EDGE, rect, 1)
        if symbols and symbols[index] and colour:
            pal.draw_symbol(row, symbols[index], rect.center, min(rect.width, rect.height) * 0.34, pal.text_on(colour))
    if marked is not None and 0 <= marked < len(cells):
        rect = pygame.Rect(start + marked * cell, px(4), cell - (2 if cell >= 8 else 1), px(16))
        pygame.draw.rect(row, pal.INK, rect.inflate(2, 2), 2)
    number = number_font.render(value, True, pal.INK)
    row.blit(number, (width - number.get_width(), (px(24) - number.get_height()) // 2))
    return row


# --- the timeline ------------------------------------------------------------------------------------------


def render_timeline(assets: Assets, rules: Ruleset, moments: Sequence[Moment], colours: Colours, width: int,
                    scale: float) -> pygame.Surface:
    """Two columns: each key moment of this game with its turn and date, beside what happened in 1917."""
    page = Page(width, scale)
    px = page.px
    gap, lane = px(20), px(12)
    half = (width - lane - gap) // 2
    heading = assets.font("title_it", px(20))
    page.put(heading.render("In your game", True, pal.SEPIA), lane, advance=False)
    page.put(heading.render("In 1917", True, pal.SEPIA), lane + half + gap)
    page.boxes.append((pygame.Rect(0, page.y + px(2), width, 1), pal.PANEL_EDGE, 0))
    page.gap(8)
    for moment in moments:
        top = page.y
        left_bottom = _column(page, assets, f"Turn {moment.turn} · {moment.game_date}", moment.text, lane, half,
                              "bold" if moment.kind == "end" else "body")
        page.y = top
        if moment.real_date:
            right_bottom = _column(page, assets, moment.real_date, moment.real_text or "", lane + half + gap, half,
                                   "italic", timing(rules, moment))
        else:
            page.put(assets.font("body", px(15)).render("—", True, MISSED), lane + half + gap)  # nothing dated
            right_bottom = page.y
        page.y = max(left_bottom, right_bottom) + px(8)
        colour = colours.get(moment.faction) if moment.faction else None
        if colour is not None:
            page.boxes.append((pygame.Rect(0, top + px(2), px(5), page.y - top - px(10)), colour, 0))
        page.boxes.append((pygame.Rect(lane, page.y - px(4), width - lane, 1), pal.PAPER_DARK, 0))
    return page.picture(8)


def _column(page: Page, assets: Assets, date: str, text: str, left: int, width: int, role: str,
            note: str | None = None) -> int:
    px = page.px
    page.put(assets.font("sans_bold", px(13)).render(date, True, pal.INK_SOFT), left)
    if note:
        page.put(assets.font("italic", px(13)).render(note, True, WINNER_RED if "same" not in note else HELD), left)
    page.paragraph(assets.font(role, px(15)), text, pal.INK, left=left, right=page.width - left - width, leading=1.05)
    return page.y
