"""The board's panel and log: options listed and explained, the log toggled, hover notes, autosave, pacing."""

import pygame
import pytest
from play_driver import Driver

from game.engine.moves import IssueDecree, Pass, PlayCard
from game.ui.app import MIN_SIZE
from game.ui.board_layout import layout_window, map_scale
from game.ui.pacing import CARD_SECONDS, card_hold, public_cards
from game.ui.scenes.card import CardScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.play_draw import HOVER_DELAY
from game.ui.scenes.play_layout import OPTIONS_MIN_HEIGHT
from game.ui.session import Session, Step


@pytest.fixture
def solo(app, shipped_rules):
    """One human (Sovnarkom) against easy bots, at the board with its options listed."""
    seats = {"sovnarkom": "human", "left_sr": "easy", "salvation": "easy", "whites": "easy"}
    scene = PlayScene(app, Session.new(shipped_rules, seats, seed=3), speed="off")
    app.push(scene)
    driver = Driver(app, scene)
    driver.settle(lambda: driver.at_board() and scene.session.state.decision.__class__.__name__ == "ActionTurn")
    return driver


def test_options_are_grouped_and_the_first_nine_open_ones_carry_their_number(solo):
    placed = solo.scene.options.placed
    sections = [p.option.section for p in placed]

    assert sections.index("Actions") < sections.index("Decrees")
    assert [p.number for p in solo.scene.options.numbered()] == list(range(1, len(solo.scene.options.numbered()) + 1))
    assert all(p.option.enabled for p in solo.scene.options.numbered())


def test_a_closed_option_is_listed_greyed_and_a_click_on_it_says_why(solo):
    closed = next(p.option for p in solo.scene.options.placed if not p.option.enabled
                  and p.option.section == "Not possible now")
    steps = len(solo.scene.session.history)

    solo.click_option(closed.key)

    assert solo.scene.message == closed.reason
    assert len(solo.scene.session.history) == steps


def test_up_down_and_enter_walk_the_options_by_keyboard(solo):
    solo.key(pygame.K_DOWN)
    first = solo.scene.focus
    solo.key(pygame.K_DOWN)

    assert first is solo.scene.options.placed[0] and solo.scene.focus is solo.scene.options.placed[1]
    solo.key(pygame.K_UP)
    solo.key(pygame.K_RETURN)
    assert solo.scene.highlights or len(solo.scene.session.history) > 0


def test_a_card_in_hand_opens_with_a_play_button_when_it_may_be_played(solo):
    tile = next((p.option for p in solo.scene.options.placed if p.option.section == "Your cards"), None)
    if tile is None:
        pytest.skip("no card in hand with this seed")

    solo.click_option(tile.key)

    card = solo.app.top
    assert isinstance(card, CardScene) and card.face.id == tile.ident
    assert [action.text for action in card.card_actions][0] == ("Play it" if tile.enabled else "Close")
    solo.key(pygame.K_ESCAPE)
    assert solo.app.top is solo.scene


def test_the_log_opens_beside_the_map_which_shrinks_and_closes_again(solo):
    wide = solo.scene.board.rect.width

    solo.key(pygame.K_l)
    assert solo.scene.log_open and solo.scene.log_rect is not None
    assert solo.scene.board.rect.width < wide and solo.scene.panel.rect.right == solo.app.size[0]
    solo.key(pygame.K_l)
    assert not solo.scene.log_open and solo.scene.board.rect.width == wide


def test_on_a_small_window_the_log_takes_the_options_place_and_the_map_keeps_its_size():
    layout = layout_window(MIN_SIZE, 1.0, log_open=True)

    assert layout.log is None
    assert layout.map == layout_window(MIN_SIZE, 1.0).map


def test_the_log_shows_ai_reasons_and_scrolls_back(solo):
    scene = solo.scene
    solo.key(pygame.K_p)
    solo.settle(lambda: solo.at_board() and any(entry.kind == "ai" for entry in scene.session.log))
    solo.key(pygame.K_l)
    assert all(entry.reason for entry in scene.session.log if entry.kind == "ai" and not entry.detail)
    scene.mouse = scene.log_rect.center
    solo.frames()

    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=3, flipped=False))
    solo.frames()

    assert scene.log_view.offset > 0


@pytest.mark.parametrize("hovered", ["track", "option", "area"])
def test_hovering_a_track_an_option_or_an_area_shows_its_note(solo, hovered):
    scene = solo.scene
    if hovered == "track":
        point = scene.panel.track_rects["bread"].move(scene.panel.rect.topleft).center
    elif hovered == "option":
        point = scene.options.screen_rect(scene.options.placed[0]).center
    else:
        point = scene.board.screen_point("smolny")
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0), buttons=(0, 0, 0)))
    solo.frames(round(HOVER_DELAY * 60) + 3)

    assert scene.hover is not None and scene._note_key is not None
    assert scene._note.get_height() > 30


def test_an_autosave_that_fails_is_a_note_on_screen_not_a_crash(solo, private_folders, monkeypatch):
    blocked = private_folders / "blocked"
    blocked.write_text("a file where the saves folder should be")
    monkeypatch.setenv("PETROGRAD_SAVES_DIR", str(blocked))
    scene = solo.scene
    scene.session._autosaved_turn = 0  # as if this turn had not been saved yet

    scene.autosave()

    assert any("Autosave failed" in text for text, _ in scene.notices)
    solo.frames()


def test_pressing_undo_with_nothing_to_undo_says_what_undo_may_do(solo):
    solo.key(pygame.K_u)

    assert "Nothing to undo" in solo.scene.message and "dice" in solo.scene.message


def test_cards_stay_until_dismissed_with_a_human_and_a_few_seconds_for_watchers():
    humans = {"sovnarkom": "human", "whites": "easy"}
    bots = {"sovnarkom": "easy", "whites": "easy"}

    assert card_hold(humans, "off") is None
    assert card_hold(bots, "normal") == CARD_SECONDS
    assert card_hold(bots, "off") == 0


def test_a_computers_decree_and_card_are_shown_but_a_humans_own_are_not(shipped_game):
    state = shipped_game.new_initial_state(seed=1)
    seats = {"sovnarkom": "easy", "left_sr": "human", "salvation": "easy", "whites": "easy"}
    decree = Step(IssueDecree("decree_land"), "sovnarkom", state, state, ())
    card = Step(PlayCard("peasant_mandates"), "left_sr", state, state, ())
    quiet = Step(Pass(), "whites", state, state.replace(fired=state.fired + ("slow_train",)), ())

    assert public_cards(shipped_game.rules, decree, seats) == [("decree", "decree_land")]
    assert public_cards(shipped_game.rules, card, seats) == []
    assert public_cards(shipped_game.rules, quiet, seats) == [("event", "slow_train")]


def test_a_large_ui_scale_shrinks_on_a_small_map_and_stays_on_a_large_one():
    small, large = layout_window(MIN_SIZE, 2.0).map, layout_window((2560, 1440), 2.0).map

    assert 1.0 <= map_scale(small, 2.0) < 1.5
    assert map_scale(large, 2.0) == 2.0
    assert map_scale(layout_window((1600, 900), 1.0).map, 1.0) == 1.0


@pytest.mark.parametrize("scale", [0.75, 2.0])
def test_the_buttons_under_the_panel_keep_their_words_at_any_scale(app, shipped_rules, scale):
    from game.ui.app import App, Options
    from game.ui.settings import Settings
    small = App(Options(size=MIN_SIZE), Settings(sound=False, ui_scale=scale))
    small._rules = shipped_rules
    scene = PlayScene(small, Session.new(shipped_rules, {"sovnarkom": "human"}, seed=1))
    small.push(scene)
    small.frame(1 / 60)
    font = small.assets.font("body", scene.px(15))

    for button in (scene.pass_button, scene.undo_button, scene.speed_button):
        assert font.size(button.text)[0] < button.rect.width
    # The options keep room for their heading and three rows, and below that they leave the tracks uncovered.
    options_scale = max(0.75, scene.panel.rect.width / 400)
    assert scene.options_rect.height >= round(OPTIONS_MIN_HEIGHT * options_scale) - 6
    assert scene.options_rect.top >= scene.panel.bottom or \
        scene.options_rect.height <= round(OPTIONS_MIN_HEIGHT * options_scale)
