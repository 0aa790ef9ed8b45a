"""The app shell and its scenes, headless: every scene draws, a human plays by clicks, AI seats play on."""

import pygame
import pytest

from game.engine.moves import Pass, UseAction
from game.ui.app import MIN_SIZE, App, Options
from game.ui.scenes.card import CardScene
from game.ui.scenes.dialogs import ConfirmSave, InGameMenu, SaveDialog
from game.ui.scenes.main_menu import MainMenu
from game.ui.scenes.play import PlayScene
from game.ui.scenes.settings_screen import SettingsScene
from game.ui.settings import Settings
from tests.ui.test_menus import click


def frames(app, count=1):
    for _ in range(count):
        app.frame(1 / 60)


def until(app, scene, condition, limit=3000):
    """Run frames (animations skipped, bots waited for, cards dismissed) until ``condition()`` holds."""
    for _ in range(limit):
        if condition():
            return
        scene.animator.skip()
        scene.wait = 0.0
        if isinstance(app.top, CardScene):
            key(app, pygame.K_1 if app.top.choose else pygame.K_RETURN)
        else:
            app.frame(1 / 60)
        scene.thinker.wait(5)
    raise AssertionError("the condition never held")


def key(app, name):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=name, mod=0, unicode="", scancode=0))
    frames(app)


@pytest.fixture
def board(app):
    scene = PlayScene.new_game(app, seed=5)
    app.push(scene)
    until(app, scene, lambda: can_march(scene))
    return scene


def can_march(scene):
    """Whether the human may march now, at the board."""
    return scene.app.top is scene and any(entry.key == "action:march" for entry in scene.entries)


def test_the_main_menu_draws_its_title_and_buttons_and_the_map_preview(app):
    menu = MainMenu(app)
    app.push(menu)
    frames(app, 2)
    menu._loader.join()
    frames(app, 2)

    assert menu.preview is not None
    assert {button.text for button in menu.actions} == {"New game", "Load game", "Encyclopedia", "Settings", "Quit"}


@pytest.mark.parametrize("make", [lambda app, s: InGameMenu(app, s),
                                  lambda app, s: ConfirmSave(app, s, app.quit), lambda app, s: SaveDialog(app, s)])
def test_every_other_scene_draws_over_the_board(board, make):
    app = board.app
    app.push(make(app, board.session))
    frames(app, 2)
    app.pop()
    frames(app)
    assert app.top is board


@pytest.mark.parametrize("scale", [0.75, 2.0])
def test_the_board_draws_at_the_smallest_and_largest_ui_scale(scale, shipped_rules):
    app = App(Options(size=MIN_SIZE), Settings(sound=False, ui_scale=scale))
    app._rules = shipped_rules
    scene = PlayScene.new_game(app, seed=2)
    app.push(scene)
    frames(app, 3)
    assert scene.panel.rect.right == MIN_SIZE[0]
    app.reset(MainMenu(app))
    frames(app)


def test_resizing_to_tiny_and_huge_windows_is_clamped_or_followed_without_a_crash(board):
    app = board.app
    for size in ((1, 1), (5000, 3000), (1100, 700)):
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
        frames(app, 2)
        assert app.size[0] >= MIN_SIZE[0] and app.size[1] >= MIN_SIZE[1]
    assert app.size == (1100, 700)
    assert board.board.rect.height == 700


def test_a_human_picks_an_action_clicks_a_lit_area_and_the_move_is_played(board):
    app, session = board.app, board.session
    march = next(entry for entry in board.entries if entry.key == "action:march")
    number = next(placed.number for placed in board.options.numbered() if placed.option.key == "action:march")

    key(app, pygame.K_0 + number)
    assert board.highlights == march.targets()

    target = sorted(march.targets())[0]
    point = board.board.screen_point(target)
    board.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=point))
    if board.going_to is not None:  # several stacks could go there: the second click says from where
        origin = sorted(board.highlights)[0]
        board.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1,
                                              pos=board.board.screen_point(origin)))

    played = session.history[-1]
    assert isinstance(played.move, UseAction) and played.move.action == "march" and played.move.to == target
    assert played.faction == "sovnarkom"
    assert board.highlights == frozenset()


def test_a_click_off_the_lit_areas_plays_nothing_and_says_why(board):
    steps = len(board.session.history)
    march = next(entry for entry in board.entries if entry.key == "action:march")
    board.choose(march)
    elsewhere = next(area.id for area in board.session.game.rules.areas if area.id not in march.targets())

    board.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1,
                                          pos=board.board.screen_point(elsewhere)))

    assert len(board.session.history) == steps
    assert board.message and "pick a lit place" not in board.message  # says why, from the rules


def test_pass_by_its_key_and_undo_by_its_key(board):
    app, session = board.app, board.session
    before = len(session.history)

    key(app, pygame.K_p)
    assert (session.history[before].faction, session.history[before].move) == ("sovnarkom", Pass())

    board.animator.skip()
    if session.is_human_turn() and session.can_undo():
        key(app, pygame.K_u)
        assert session.is_human_turn()


def test_escape_opens_the_menu_and_escape_again_goes_back_to_the_board(board):
    app = board.app

    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, InGameMenu)

    key(app, pygame.K_ESCAPE)
    assert app.top is board


def test_settings_from_the_in_game_menu_recolour_the_board_and_escape_comes_back(board):
    app = board.app
    before = dict(board.colours)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_o)
    settings = app.top
    assert isinstance(settings, SettingsScene)

    row = settings.rows["palette"]
    click(app, row.buttons[row.values.index("colour_blind")])
    key(app, pygame.K_ESCAPE)

    assert app.top is board
    assert board.colours != before and board.board.colours == board.colours and board.panel.colours == board.colours
    frames(app, 2)
    assert can_march(board)  # the game goes on where it was


def test_closing_the_window_with_unsaved_moves_asks_first_and_dont_save_quits(board):
    app = board.app
    key(app, pygame.K_p)

    pygame.event.post(pygame.event.Event(pygame.QUIT))
    frames(app)
    assert app.running and isinstance(app.top, ConfirmSave)

    key(app, pygame.K_d)
    assert not app.running


def test_saving_from_the_question_writes_a_save_and_quits(board, private_folders):
    app = board.app
    key(app, pygame.K_p)
    app.push(ConfirmSave(app, board.session, app.quit))
    frames(app)

    key(app, pygame.K_s)

    assert not app.running
    assert any((private_folders / "saves").glob("petrograd-*.json"))


def test_ai_seats_move_on_a_worker_thread_while_frames_go_on(app):
    scene = PlayScene.autoplay(app, seed=3, speed="normal")
    app.push(scene)

    until(app, scene, lambda: any(step.faction for step in scene.session.history))

    assert any(entry.reason for entry in scene.session.log if entry.kind == "ai")


def test_autoplay_plays_to_the_end_with_a_screenshot_per_turn_and_of_the_end(tmp_path, shipped_rules):
    app = App(Options(autoplay=True, exit_at_end=True, screenshot_dir=tmp_path, size=(1280, 720)),
              Settings(sound=False))
    app._rules = shipped_rules
    scene = PlayScene.autoplay(app, seed=3, speed="off")
    app.push(scene)

    until(app, scene, lambda: not app.running, limit=5000)

    assert scene.session.is_over()
    assert (tmp_path / "turn-01.png").is_file() and (tmp_path / "end.png").is_file()
