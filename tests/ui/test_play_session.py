"""A whole hotseat evening at one window: two humans and two easy bots, played by keys and clicks to the end."""

import pygame
import pytest
from play_driver import Driver

from game.engine.moves import IssueDecree, UseAction
from game.ui.app import MIN_SIZE, App, Options
from game.ui.scenes.card import CardScene
from game.ui.scenes.dialogs import InGameMenu, SaveDialog
from game.ui.scenes.end_screen import EndScreen
from game.ui.scenes.handover import HandoverScene
from game.ui.scenes.play import PlayScene
from game.ui.session import Session
from game.ui.settings import Settings


def last_move_of(session, faction):
    return next(step.move for step in reversed(session.history) if step.faction == faction)


SEATS = {"sovnarkom": "human", "left_sr": "easy", "salvation": "human", "whites": "easy"}


@pytest.fixture
def hotseat(shipped_rules):
    app = App(Options(size=(1600, 900)), Settings(sound=False, animation_speed="off"))
    app._rules = shipped_rules
    scene = PlayScene(app, Session.new(shipped_rules, SEATS, seed=11))
    app.push(scene)
    yield Driver(app, scene)
    while app.stack:
        app.stack.pop().exit()


def test_the_first_turns_events_come_as_cards_and_the_first_player_is_handed_the_board(hotseat):
    app, scene = hotseat.app, hotseat.scene
    hotseat.frames(2)

    card = app.top
    assert isinstance(card, CardScene) and card.face.kind == "event"
    assert card.face.id == scene.session.state.fired[0]

    hotseat.settle(lambda: isinstance(app.top, HandoverScene))
    assert app.top.faction == "sovnarkom"
    assert not scene.showing_options  # nobody's hand is listed behind the screen


def test_a_hotseat_evening_by_clicks_and_keys_from_the_first_move_to_the_end(hotseat, private_folders,
                                                                             shipped_rules):
    app, scene, session = hotseat.app, hotseat.scene, hotseat.scene.session
    hotseat.settle(lambda: hotseat.at_board() and session.current_faction() == "sovnarkom"
                   and any(entry.key == "action:march" for entry in scene.entries))

    # The panel lists only Sovnarkom's own hand.
    listed_cards = {option.ident for option in scene.listed if option.section == "Your cards"}
    assert listed_cards == set(session.visible_hand("sovnarkom"))

    # March by clicks: the option, then a lit place (and where from, if asked).
    hotseat.click_option("action:march")
    target = sorted(scene.highlights)[0]
    hotseat.click_area(target)
    if scene.going_to is not None:
        hotseat.click_area(sorted(scene.highlights)[0])
    marched = last_move_of(session, "sovnarkom")
    assert isinstance(marched, UseAction) and marched.to == target

    # The next human is handed the board, and first sees only the screen; then what happened since.
    hotseat.settle(lambda: isinstance(app.top, HandoverScene) and app.top.faction == "salvation")
    assert not scene.showing_options
    hotseat.key(pygame.K_RETURN)
    assert app.top.confirmed and session.since_last_turn("salvation")
    hotseat.key(pygame.K_RETURN)
    hotseat.settle(lambda: hotseat.at_board() and session.current_faction() == "salvation")
    hand = {option.ident for option in scene.listed if option.section == "Your cards"}
    assert hand == set(session.visible_hand("salvation"))
    hotseat.key(pygame.K_p)

    # Back to Sovnarkom: a decree's small card opens the full card; Enter issues it; U takes it back.
    hotseat.settle(lambda: hotseat.at_board() and session.current_faction() == "sovnarkom")
    decree = next(option for option in scene.listed if option.section == "Decrees" and option.enabled)
    hotseat.click_option(decree.key)
    assert isinstance(app.top, CardScene) and app.top.face.id == decree.ident
    hotseat.key(pygame.K_RETURN)
    assert last_move_of(session, "sovnarkom") == IssueDecree(decree.ident)
    hotseat.settle(lambda: hotseat.at_board() and session.current_faction() == "sovnarkom")
    assert scene.undo_button.is_enabled
    hotseat.key(pygame.K_u)
    assert decree.ident not in session.state.decrees and session.current_faction() == "sovnarkom"

    # A click where the picked action cannot go is refused, with the reason in words.
    steps = len(session.history)
    hotseat.click_option("action:march")
    elsewhere = next(area.id for area in shipped_rules.areas if area.id not in scene.highlights)
    hotseat.click_area(elsewhere)
    assert len(session.history) == steps and scene.message
    hotseat.key(pygame.K_ESCAPE)
    assert scene.selected is None

    # Save from the in-game menu under the default name.
    hotseat.key(pygame.K_ESCAPE)
    assert isinstance(app.top, InGameMenu)
    hotseat.key(pygame.K_s)
    assert isinstance(app.top, SaveDialog)
    name = app.top.field.get_text()
    hotseat.key(pygame.K_RETURN)
    hotseat.frames()
    saves = [path for path in (private_folders / "saves").glob("*.json") if path.name != "autosave.json"]
    assert [path.stem for path in saves] == [name] and app.top is scene
    saved_state = session.state

    # Resizing to a tiny and a huge window mid-game.
    for size in ((10, 10), (4000, 2400), (1600, 900)):
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
        hotseat.frames(2)
        assert app.size[0] >= MIN_SIZE[0] and scene.options_rect.height > 0

    # Load the save into a new board scene: the same position.
    loaded = Session.load(saves[0], shipped_rules)
    assert loaded.state == saved_state
    fresh = PlayScene(app, loaded)
    app.reset(fresh)
    hotseat.scene = fresh

    # The humans pass whenever they are asked; the bots play the game out.
    hotseat.settle(lambda: fresh.session.is_over() and not isinstance(app.top, PlayScene), limit=8000,
                   on_turn=lambda: hotseat.key(pygame.K_p))
    assert fresh.session.is_over()
    assert isinstance(app.top, EndScreen)
    assert (private_folders / "saves" / "autosave.json").is_file()


def test_the_rest_of_a_run_of_cards_can_be_skipped_and_the_log_still_tells_them(hotseat):
    app, scene = hotseat.app, hotseat.scene
    hotseat.frames(2)
    assert isinstance(app.top, CardScene) and "Skip the rest" in [a.text for a in app.top.card_actions]

    hotseat.key(pygame.K_s)
    hotseat.frames(2)

    assert isinstance(app.top, HandoverScene) and not scene.cards
    assert any("skipped" in text for text, _ in scene.notices)


def test_a_game_loaded_over_a_board_replaces_it(hotseat, shipped_rules):
    app = hotseat.app
    hotseat.frames(2)
    other = PlayScene(app, Session.new(shipped_rules, SEATS, seed=12))

    app.push(other)
    hotseat.frames(2)

    assert app.stack[0] is other and hotseat.scene not in app.stack
    assert all(scene is other or getattr(scene, "idle", None) == other._prepare_cards for scene in app.stack)


def test_space_ends_the_animation_of_a_move(shipped_rules):
    app = App(Options(size=(1600, 900)), Settings(sound=False, animation_speed="slow"))
    app._rules = shipped_rules
    scene = PlayScene(app, Session.new(shipped_rules, SEATS, seed=11))
    app.push(scene)
    driver = Driver(app, scene)
    try:
        driver.settle(lambda: driver.at_board() and scene.session.current_faction() == "sovnarkom"
                      and any(entry.key == "action:march" for entry in scene.entries))
        scene.animator.skip()
        driver.click_option("action:march")
        driver.click_area(sorted(scene.highlights)[0])
        if scene.going_to is not None:
            driver.click_area(sorted(scene.highlights)[0])
        assert scene.animator.busy
        driver.key(pygame.K_SPACE)
        assert not scene.animator.busy
    finally:
        while app.stack:
            app.stack.pop().exit()
