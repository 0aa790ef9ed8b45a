"""The menu screens, headless: the main menu opens each one; new game starts the chosen game; settings are
remembered; the saves list shows damaged saves and loads good ones; every screen fits small and large windows."""

import json

import pygame
import pygame_gui
import pytest

from game.ui.app import App, Options
from game.ui.scenes.dialogs import InGameMenu
from game.ui.scenes.encyclopedia import EncyclopediaScene
from game.ui.scenes.load_game import LoadGameScene
from game.ui.scenes.main_menu import MainMenu
from game.ui.scenes.new_game import NewGameScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.settings_screen import SettingsScene
from game.ui.session import Session
from game.ui.settings import Settings, default_settings_path, load_settings
from game.ui.widgets import Notice

SIZES = [((1024, 640), 0.75), ((1024, 640), 1.0), ((1600, 900), 1.0), ((1600, 900), 2.0), ((2560, 1440), 2.0),
         ((1024, 640), 2.0)]


def frames(app, count=2):
    for _ in range(count):
        app.frame(1 / 60)


def key(app, name, mod=0):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=name, mod=mod, unicode="", scancode=0))
    frames(app)


def click(app, element):
    """A left click in the middle of a widget, as the mouse makes it."""
    pos = element.rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    frames(app, 3)


def buttons(scene):
    return [element for element in scene.actions if isinstance(element, pygame_gui.elements.UIButton)]


def assert_laid_out(app, scene):
    """Every button is across the window (a tall body scrolls), no two overlap, and each label fits its button."""
    shown = [button for button in buttons(scene) if button.visible]
    for button in shown:
        assert 0 <= button.rect.left and button.rect.right <= app.size[0], f"{button.text!r} is off the window"
        if button.rect.bottom > app.size[1]:  # below the window: the body must scroll to it
            assert scene.scroller is not None and scene.scroller.vert_scroll_bar is not None, button.text
        font = app.assets.font("title" if "@menu_button" in button.object_ids else "body",
                               round((24 if "@menu_button" in button.object_ids else 15) * app.scale))
        assert font.size(button.text)[0] <= button.rect.width, f"{button.text!r} does not fit {button.rect}"
    seen = [seen_rect(scene, button) for button in shown]
    for index, first in enumerate(seen):
        for second in seen[index + 1:]:
            assert not first.colliderect(second), f"{first} overlaps {second}"


def seen_rect(scene, button):
    """The part of a button one sees: a button in the scrolling body is cut off at the body's edge."""
    scroller = getattr(scene, "scroller", None)  # an overlay has no scrolling body
    if scroller is not None and button.ui_container is scroller.get_container():
        return button.rect.clip(scroller.rect)
    return button.rect


def board_of(app):
    """The board scene (an event's card may lie over it as the game opens)."""
    return next(scene for scene in app.stack if isinstance(scene, PlayScene))


def open_app(shipped_rules, size, scale):
    app = App(Options(size=size), Settings(sound=False, ui_scale=scale))
    app._rules = shipped_rules
    return app


# --- the main menu -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("letter", "screen"), [(pygame.K_n, NewGameScene), (pygame.K_l, LoadGameScene),
                                                 (pygame.K_e, EncyclopediaScene), (pygame.K_s, SettingsScene)])
def test_each_main_menu_button_opens_its_screen_and_escape_comes_back(app, letter, screen):
    menu = MainMenu(app)
    app.push(menu)
    frames(app)

    key(app, letter)
    assert isinstance(app.top, screen)

    key(app, pygame.K_ESCAPE)
    assert app.top is menu


def test_the_main_menu_is_walked_with_the_arrows_and_enter(app):
    menu = MainMenu(app)
    app.push(menu)
    frames(app)

    key(app, pygame.K_DOWN)  # the first press shows the focus on New game
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)

    assert isinstance(app.top, EncyclopediaScene)


@pytest.mark.parametrize(("size", "scale"), SIZES)
@pytest.mark.parametrize("screen", [NewGameScene, LoadGameScene, SettingsScene, EncyclopediaScene])
def test_every_menu_screen_fits_the_window_at_every_size_and_scale(shipped_rules, size, scale, screen):
    app = open_app(shipped_rules, size, scale)
    scene = screen(app)
    app.push(scene)
    frames(app)
    assert_laid_out(app, scene)
    pygame.quit()


@pytest.mark.parametrize(("size", "scale"), SIZES)
def test_the_in_game_menu_fits_the_window_at_every_size_and_scale(shipped_rules, size, scale):
    app = open_app(shipped_rules, size, scale)
    menu = InGameMenu(app, Session.new(shipped_rules, {faction: "normal" for faction in shipped_rules.seats}, 1))
    app.push(menu)
    frames(app)
    shown = buttons(menu)
    assert len(shown) == 7
    for button in shown:
        assert app.screen.get_rect().contains(button.rect), f"{button.text!r} is off the window"
    assert_laid_out(app, menu)
    pygame.quit()


# --- new game ------------------------------------------------------------------------------------------------


def test_a_new_game_starts_with_the_first_faction_human_and_the_others_normal(app):
    scene = NewGameScene(app, seed=99)
    app.push(scene)
    frames(app)

    key(app, pygame.K_RETURN)

    board = board_of(app)
    assert board.session.seats == {"sovnarkom": "human", "left_sr": "normal", "salvation": "normal",
                                   "whites": "normal"}
    assert board.session.seed == 99 and board.session.game.rules.id == "petrograd_1917"


def test_new_game_starts_the_chosen_scenario_seats_and_seed_on_the_board(app):
    scene = NewGameScene(app)
    app.push(scene)
    frames(app)

    lesson = scene.scenario_row.buttons[scene.scenario_row.values.index("cossacks_at_the_gates")]
    click(app, lesson)
    rows = scene.seat_rows
    click(app, rows["sovnarkom"].buttons[rows["sovnarkom"].values.index("easy")])
    click(app, rows["whites"].buttons[rows["whites"].values.index("human")])
    click(app, rows["salvation"].buttons[rows["salvation"].values.index("hard")])
    scene.seed_entry.set_text("4242")
    start = next(button for button in buttons(scene) if button.text == "Start the game")
    click(app, start)

    board = board_of(app)
    assert board.session.game.rules.id == "cossacks_at_the_gates"
    assert board.session.seats == {"sovnarkom": "easy", "left_sr": "normal", "salvation": "hard", "whites": "human"}
    assert board.session.seed == 4242
    assert app.stack[0] is not scene and scene not in app.stack  # the board took the new-game screen's place


def test_the_quick_choices_set_every_seat_at_once(app):
    scene = NewGameScene(app)
    app.push(scene)
    frames(app)
    presets = {button.text: button for button in buttons(scene)}

    click(app, presets["All human"])
    assert set(scene.seats.values()) == {"human"}
    assert all(row.chosen == "human" for row in scene.seat_rows.values())
    click(app, presets["All computer"])
    assert set(scene.seats.values()) == {"normal"}
    click(app, presets["One player"])
    assert list(scene.seats.values()) == ["human", "normal", "normal", "normal"]


def test_the_seats_change_from_the_keyboard(app):
    scene = NewGameScene(app)
    app.push(scene)
    frames(app)

    assert scene.focus.focus("seat:left_sr")
    key(app, pygame.K_RIGHT)
    assert scene.seats["left_sr"] == "hard"
    key(app, pygame.K_LEFT)
    key(app, pygame.K_LEFT)
    assert scene.seats["left_sr"] == "easy"
    key(app, pygame.K_TAB)
    assert scene.focus.current.name == "seat:salvation"


def test_the_seed_takes_digits_only_and_a_new_seed_is_drawn_by_its_key(app):
    scene = NewGameScene(app, seed=7)
    app.push(scene)
    frames(app)

    scene.seed_entry.set_text("")
    scene.seed_entry.focus()
    for char in "x1y2":
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
    frames(app)
    assert scene.seed_entry.get_text() == "12"

    scene.seed_entry.unfocus()
    app.ui.set_focus_set(None)
    key(app, pygame.K_r)
    assert scene.seed_entry.get_text().isdigit() and scene.seed_entry.get_text() != "12"

    scene.seed_entry.set_text("")
    assert scene.seed() > 0  # an empty line draws a seed rather than failing


# --- settings ------------------------------------------------------------------------------------------------


def test_a_changed_setting_is_applied_saved_and_shown_again_next_time(app, shipped_rules):
    scene = SettingsScene(app)
    app.push(scene)
    frames(app)

    click(app, scene.rows["animation_speed"].buttons[scene.rows["animation_speed"].values.index("fast")])
    click(app, scene.rows["palette"].buttons[scene.rows["palette"].values.index("colour_blind")])
    click(app, scene.rows["ui_scale"].buttons[scene.rows["ui_scale"].values.index(1.25)])

    assert app.scale == 1.25
    assert app.top is scene and scene.rows["ui_scale"].chosen == 1.25  # laid out again at the new scale
    saved, warnings = load_settings(default_settings_path())
    assert not warnings
    assert (saved.ui_scale, saved.palette, saved.animation_speed) == (1.25, "colour_blind", "fast")

    pygame.quit()
    again = App(Options(size=(1600, 900)))
    again._rules = shipped_rules
    shown = SettingsScene(again)
    again.push(shown)
    frames(again)
    assert shown.rows["ui_scale"].chosen == 1.25 and shown.rows["palette"].chosen == "colour_blind"
    chosen = shown.rows["animation_speed"].buttons[shown.rows["animation_speed"].values.index("fast")]
    assert chosen.is_selected
    pygame.quit()


def test_full_screen_and_back_to_a_window(app):
    scene = SettingsScene(app)
    app.push(scene)
    frames(app)

    scene.focus.focus("fullscreen")
    key(app, pygame.K_RIGHT)
    assert app.settings.fullscreen and app.size == app.screen.get_size()
    assert scene.root.get_rect().size == app.size

    key(app, pygame.K_LEFT)
    assert not app.settings.fullscreen and app.size == app.settings.window_size
    assert json.loads(default_settings_path().read_text())["fullscreen"] is False


def test_restore_defaults_keeps_the_window_size(app):
    scene = SettingsScene(app)
    app.push(scene)
    frames(app)
    scene.change(sound=True, animation_speed="off")

    key(app, pygame.K_d)

    assert app.settings == Settings(window_size=app.settings.window_size)
    assert scene.rows["animation_speed"].chosen == "normal"


# --- load game -----------------------------------------------------------------------------------------------


@pytest.fixture
def saves(private_folders, shipped_rules):
    folder = private_folders / "saves"
    folder.mkdir()
    session = Session.new(shipped_rules, {"left_sr": "easy", "salvation": "easy", "whites": "easy"}, seed=11)
    while session.state.turn < 2:
        if session.is_chance():
            session.resolve_chance()
        elif session.is_ai_turn():
            choice = session.think()
            session.play(choice.move, choice.reason)
        else:
            session.play(session.legal_moves()[-1])
    session.save(folder / "good.json")
    (folder / "damaged.json").write_text('{"format": "petrograd1917-save", "moves": [', encoding="utf-8")
    return folder, session


def test_the_saves_list_shows_a_damaged_save_greyed_and_it_cannot_be_opened(app, saves):
    scene = LoadGameScene(app)
    app.push(scene)
    frames(app)

    rows = {row.title: row for row in scene.list.rows}
    assert rows["damaged (damaged)"].greyed and "truncated" in rows["damaged (damaged)"].lines[0].lower()
    assert not rows["good"].greyed and "Turn 2" in rows["good"].lines[1]

    scene.list.select(str(saves[0] / "damaged.json"))
    frames(app)
    assert not scene.load_button.is_enabled
    scene.load()
    assert isinstance(app.top, Notice)
    key(app, pygame.K_RETURN)
    assert app.top is scene


def test_a_good_save_loads_onto_the_board_by_enter(app, saves):
    folder, session = saves
    scene = LoadGameScene(app)
    app.push(scene)
    frames(app)

    scene.list.select(str(folder / "good.json"))
    key(app, pygame.K_RETURN)

    board = board_of(app)
    assert board.session.moves[:len(session.moves)] == session.moves and board.session.seats == session.seats


def test_a_save_that_fails_when_replayed_is_explained_not_a_crash(app, saves):
    folder, _ = saves
    data = json.loads((folder / "good.json").read_text(encoding="utf-8"))
    data["checksum"] = "sha256:" + "0" * 64
    (folder / "good.json").write_text(json.dumps(data), encoding="utf-8")
    scene = LoadGameScene(app)
    app.push(scene)
    frames(app)

    scene.load(str(folder / "good.json"))

    assert isinstance(app.top, Notice) and "could not be loaded" in app.top.title
    frames(app)


def test_an_empty_saves_folder_says_so(app):
    scene = LoadGameScene(app)
    app.push(scene)
    frames(app)

    assert scene.saves == [] and scene.list.rows == []
    assert not scene.load_button.is_enabled
    scene.load()
    assert app.top is scene


@pytest.mark.parametrize("screen", [NewGameScene, LoadGameScene, SettingsScene, EncyclopediaScene])
def test_resizing_keeps_what_the_player_chose(app, screen):
    scene = screen(app)
    app.push(scene)
    frames(app)
    if isinstance(scene, NewGameScene):
        scene.seat_rows["whites"].choose("hard")
        scene.seed_entry.set_text("31")
    if isinstance(scene, EncyclopediaScene):
        scene.entry.set_text("cellars")
        frames(app)

    for size in ((1, 1), (2560, 1440), (1100, 700)):
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
        frames(app)
        assert_laid_out(app, scene)

    assert app.top is scene and app.size == (1100, 700)
    if isinstance(scene, NewGameScene):
        assert scene.seats["whites"] == "hard" and scene.seed_entry.get_text() == "31"
    if isinstance(scene, EncyclopediaScene):
        assert scene.entry.get_text() == "cellars" and len(scene.list.keys()) < len(scene.articles)
