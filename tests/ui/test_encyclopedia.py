"""The encyclopedia: every record of every kind is listed, the search finds by name and by text, links jump."""

import pygame
import pytest

from game.ui.app import App, Options
from game.ui.articles import KINDS, articles, best, find, in_game, search
from game.ui.scenes.encyclopedia import EncyclopediaScene
from game.ui.settings import Settings


def frames(app, count=2):
    for _ in range(count):
        app.frame(1 / 60)


def key(app, name, mod=0):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=name, mod=mod, unicode="", scancode=0))
    frames(app)


def every_record(rules):
    return {f"{kind}:{entry.id}" for collection, kind, _ in KINDS for entry in getattr(rules, collection)}


@pytest.fixture
def book(app):
    scene = EncyclopediaScene(app)
    app.push(scene)
    frames(app)
    return scene


def type_in(book, text):
    book.entry.set_text(text)
    frames(book.app)


# --- the articles, without a display ----------------------------------------------------------------------


def test_every_faction_place_unit_action_decree_event_card_and_term_has_an_article(shipped_rules):
    made = articles(shipped_rules)
    assert {article.key for article in made} == every_record(shipped_rules)
    assert len(made) == len(every_record(shipped_rules))
    kinds = {article.kind for article in made}
    assert {"faction", "place", "unit", "action", "decree", "event", "card", "term"} <= kinds


def test_an_article_gives_the_date_in_both_styles_and_what_the_record_does_in_the_game(shipped_rules):
    made = articles(shipped_rules)
    pulkovo = find(made, "place:pulkovo_heights")
    assert pulkovo.date == "30 Oct (12 Nov) 1917"
    assert pulkovo.text.startswith("The Pulkovo heights") and pulkovo.discuss.endswith("?")
    assert "term:cossacks" in pulkovo.terms
    assert any("strength" in line.lower() for line in in_game(shipped_rules, shipped_rules.unit["red_guards"]))
    decree = next(entry for entry in shipped_rules.decrees if entry.cost)
    assert any(f"{decree.cost} influence" in line for line in in_game(shipped_rules, decree))
    smolny = shipped_rules.area["smolny"]
    assert any(f"{smolny.influence} influence a turn" in line for line in in_game(shipped_rules, smolny))


def test_a_glossary_term_lists_the_articles_that_use_it(shipped_rules):
    vikzhel = find(articles(shipped_rules), "term:vikzhel")
    assert "faction:vikzhel" in vikzhel.seen_in and "action:rail_transport" in vikzhel.seen_in


def test_the_search_ignores_case_matches_text_as_well_as_names_and_opens_the_best_name(shipped_rules):
    made = articles(shipped_rules)
    found = search(made, "PULKOVO")
    assert {"place:pulkovo_heights", "event:battle_of_pulkovo"} <= {article.key for article in found}
    assert best(found, "PULKOVO").key == "place:pulkovo_heights"
    mentions = search(made, "railwaymen")
    assert any("railwaymen" not in article.name.casefold() for article in mentions)
    assert search(made, "no such word anywhere") == ()
    assert search(made, "  ") == made


# --- the screen -------------------------------------------------------------------------------------------


def test_the_list_holds_every_record_of_every_kind_under_its_heading(book, shipped_rules):
    assert set(book.list.keys()) == every_record(shipped_rules)
    headings = [row.title for row in book.list.rows if row.key is None]
    assert headings == [heading for _, _, heading in KINDS]


@pytest.mark.parametrize(("query", "wanted"), [("Pulkovo", "place:pulkovo_heights"), ("vikzhel", "faction:vikzhel"),
                                               ("VIKZHEL", "faction:vikzhel")])
def test_typing_filters_the_list_and_opens_the_best_match(book, query, wanted):
    type_in(book, query)

    assert wanted in book.list.keys()
    assert len(book.list.keys()) < len(book.articles)
    assert book.current.key == wanted
    assert all(query.casefold() in book.names[key].casefold() or query.casefold() in
               find(book.articles, key).haystack() for key in book.list.keys())


def test_vikzhel_is_found_as_faction_track_and_glossary_term(book):
    type_in(book, "vikzhel")
    assert {"faction:vikzhel", "track:vikzhel_talks", "term:vikzhel"} <= set(book.list.keys())


def test_nothing_found_keeps_the_article_and_says_so(book):
    before = book.current
    type_in(book, "zzzz")
    assert book.list.keys() == [] and book.current is before
    type_in(book, "")
    assert len(book.list.keys()) == len(book.articles)


def test_a_click_on_a_glossary_term_opens_it_and_backspace_returns(app):
    book = EncyclopediaScene(app, start_at="place:smolny")
    app.push(book)
    frames(app)
    assert book.current.key == "place:smolny" and book.list.selected == "place:smolny"

    target = "term:mrc"
    rect = book.page.link_rect(target)
    if not book.page.rect.contains(rect):  # below the fold: scroll the page to it first
        book.page.reveal(rect.top - book.page.rect.top + book.page.offset, rect.bottom - book.page.rect.top +
                         book.page.offset)
        rect = book.page.link_rect(target)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1))
    frames(app)
    assert book.current.key == target and book.list.selected == target

    key(app, pygame.K_BACKSPACE)
    assert book.current.key == "place:smolny"


def test_the_keyboard_walks_the_list_and_follows_links(app):
    book = EncyclopediaScene(app, start_at="smolny")
    app.push(book)
    frames(app)
    assert book.current.key == "place:smolny"  # a plain id finds the record of any kind

    assert book.focus.focus("list")
    key(app, pygame.K_DOWN)
    keys = book.list.keys()
    assert book.current.key == keys[keys.index("place:smolny") + 1]

    book.open("unit:red_guards")
    book.focus.focus("article")
    key(app, pygame.K_RIGHT)
    assert book.link_focus == "term:junkers"
    key(app, pygame.K_RETURN)
    assert book.current.key == "term:junkers"


def test_ctrl_f_goes_to_the_search_line_and_escape_leaves_even_while_typing(app):
    below = EncyclopediaScene(app)
    app.push(below)
    book = EncyclopediaScene(app, start_at="event:battle_of_pulkovo")
    app.push(book)
    frames(app)

    key(app, pygame.K_f, mod=pygame.KMOD_CTRL)
    assert book.focus.typing()
    key(app, pygame.K_ESCAPE)
    assert app.top is below


@pytest.mark.parametrize(("size", "scale"), [((1024, 640), 0.75), ((1024, 640), 2.0), ((1600, 900), 1.0),
                                             ((2560, 1440), 2.0)])
def test_the_encyclopedia_draws_at_every_size_and_scale(shipped_rules, size, scale):
    app = App(Options(size=size), Settings(sound=False, ui_scale=scale))
    app._rules = shipped_rules
    book = EncyclopediaScene(app, start_at="decree:decree_land")
    app.push(book)
    frames(app)

    side, main = book.columns()
    assert main.right <= size[0]
    assert book.narrow() or not side.colliderect(main)  # side by side, or one at a time on a narrow window
    assert book.page.picture.get_width() <= book.page.inner.width
    assert book.list.rect.bottom <= size[1] and book.page.rect.bottom <= size[1]
    pygame.quit()


def test_a_narrow_window_shows_the_list_or_the_article_and_escape_goes_from_one_to_the_other(shipped_rules):
    app = App(Options(size=(1024, 640)), Settings(sound=False, ui_scale=2.0))
    app._rules = shipped_rules
    book = EncyclopediaScene(app)
    app.push(book)
    frames(app)
    assert book.narrow() and book.shows("list") and not book.shows("article")

    book.list.scroll_to(book.list.row_rect(book.list.keys()[1]).top - book.list.rect.top)
    row = book.list.row_rect(book.list.keys()[1])
    assert book.list.rect.contains(row)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=row.center, button=1))
    frames(app)
    assert book.shows("article") and not book.entry.visible
    assert book.current.key == book.list.keys()[1]

    key(app, pygame.K_ESCAPE)
    assert app.top is book and book.shows("list")
    key(app, pygame.K_ESCAPE)
    assert app.top is not book
    pygame.quit()
