"""The end screen: a whole game played by easy bots ends with its winners, points, objectives and timeline."""

import attrs
import pygame
import pytest

from game.engine.state import Result
from game.ui.app import App, Options
from game.ui.end_report import standings, timing
from game.ui.scenes.encyclopedia import EncyclopediaScene
from game.ui.scenes.end_screen import EndScreen, headline
from game.ui.scenes.main_menu import MainMenu
from game.ui.session import Session
from game.ui.settings import Settings
from game.ui.timeline import Moment
from game.ui.widgets import Notice


def frames(app, count=2):
    for _ in range(count):
        app.frame(1 / 60)


def key(app, name):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=name, mod=0, unicode="", scancode=0))
    frames(app)


def play_out(rules, seed, scenario=None):
    """A whole game with easy bots in every seat but the first, which a human plays by the bots' choices."""
    seats = {faction: "easy" for faction in rules.with_scenario(scenario or rules.scenario.id).seats}
    seats[next(iter(seats))] = "human"
    session = Session.new(rules, seats, seed, scenario=scenario)
    helper = Session.new(rules, {faction: "easy" for faction in seats}, seed, scenario=scenario)
    while not session.is_over():
        if session.is_chance():
            session.resolve_chance()
        else:
            helper.state = session.state
            choice = helper.think()
            session.play(choice.move, choice.reason)
    return session


@pytest.fixture(scope="module")
def finished(shipped_rules):
    """The first game, by seed, that runs to the last turn and is won on points: a rules change may end others early."""
    for seed in range(1, 21):
        session = play_out(shipped_rules, seed)
        if session.game.outcome(session.state).points:
            return session
    pytest.fail("none of seeds 1-20 gave a game won on points")


@pytest.fixture
def end(app, finished):
    scene = EndScreen(app, finished)
    app.push(scene)
    frames(app)
    return scene


def test_the_headline_names_the_winners_and_why(finished):
    result = finished.game.outcome(finished.state)
    title, reason = headline(finished)
    names = [finished.game.rules.faction[winner].short for winner in result.winners]
    assert all(name in title for name in names) and title.startswith("Victory")
    assert result.reason.split(",")[0].lower() in reason.lower()
    assert "2 Dec (15 Dec) 1917" in reason  # points are counted on the scenario's last day


def test_the_standings_put_the_winners_first_with_their_points_and_each_objective(finished):
    result = finished.game.outcome(finished.state)
    rows = standings(finished)
    assert {row.faction for row in rows if row.winner} == set(result.winners)
    assert rows[0].winner and [row.points for row in rows[len(result.winners):]] == sorted(
        (row.points for row in rows[len(result.winners):]), reverse=True)
    points = dict(zip(finished.game.seats, result.points))
    for row in rows:
        assert row.points == points[row.faction] and row.counted
        goals = finished.game.goals(finished.state, row.faction)
        assert row.goals == goals
        held = sum(goal.points for goal in goals if goal.held and not goal.sudden_death)
        assert held == row.points
    assert {row.faction: row.seat for row in rows}["sovnarkom"] == "human"


def test_a_sudden_death_is_told_as_such_and_points_are_only_what_would_have_been(finished):
    session = play_out(finished.game.rules, 3, "cossacks_at_the_gates")
    session.state = attrs.evolve(session.state, result=Result(("whites",), "The Whites have held Smolny.", ()))

    title, reason = headline(session)

    assert title == "Victory for Whites" and "Sudden death on turn" in reason
    assert not any(row.counted for row in standings(session))


def test_the_timeline_sets_the_game_moments_beside_the_real_dates(end, finished):
    dated = [moment for moment in end.moments if moment.real_date]
    assert len(dated) >= 5
    assert all(moment.real_date.endswith("1917") and "(" in moment.real_date for moment in dated)
    assert end.moments[-1].kind == "end"
    assert end.views[-1].picture.get_height() > end.views[-1].rect.height // 2


def test_timing_says_whether_the_game_ran_ahead_of_or_behind_history(shipped_rules):
    def moment(turn, real):
        return Moment(turn, "", "", real, "", "event")

    assert timing(shipped_rules, moment(2, "30 Oct (12 Nov) 1917")) == "in the same days as in 1917"
    assert timing(shipped_rules, moment(1, "5 Nov (18 Nov) 1917")) == "8 days earlier than in 1917"
    assert timing(shipped_rules, moment(3, "30 Oct (12 Nov) 1917")) == "3 days later than in 1917"
    assert timing(shipped_rules, moment(3, None)) is None


def test_save_keeps_the_finished_game_in_the_saves_folder(end, private_folders, shipped_rules):
    key(end.app, pygame.K_s)

    assert isinstance(end.app.top, Notice)
    saved = list((private_folders / "saves").glob("*.json"))
    assert len(saved) == 1 and Session.load(saved[0], shipped_rules).is_over()


def test_encyclopedia_opens_at_the_winner_and_main_menu_leaves(end, finished):
    app = end.app
    key(app, pygame.K_e)
    assert isinstance(app.top, EncyclopediaScene)
    assert app.top.current.key == f"faction:{finished.game.outcome(finished.state).winners[0]}"
    key(app, pygame.K_ESCAPE)
    assert app.top is end

    key(app, pygame.K_m)
    assert isinstance(app.top, MainMenu) and len(app.stack) == 1


@pytest.mark.parametrize(("size", "scale"), [((1024, 640), 0.75), ((1024, 640), 1.0), ((1024, 640), 2.0),
                                             ((1600, 900), 1.0), ((2560, 1440), 2.0)])
def test_the_end_screen_draws_at_every_size_and_scale_and_can_be_photographed(shipped_rules, finished, size,
                                                                               scale, tmp_path):
    app = App(Options(size=size), Settings(sound=False, ui_scale=scale))
    app._rules = shipped_rules
    scene = EndScreen(app, finished)
    app.push(scene)
    frames(app)

    for view in scene.views:
        assert view.rect.right <= size[0] and view.rect.bottom <= size[1] - scene.footer_height()
        assert view.picture.get_width() <= view.inner.width
    labels = [button for button in scene.actions if button.visible]
    for index, first in enumerate(labels):
        assert first.rect.right <= size[0]
        assert not any(first.rect.colliderect(second.rect) for second in labels[index + 1:])
    app.screenshot(tmp_path / "end.png")
    assert (tmp_path / "end.png").stat().st_size > 10_000
    pygame.quit()


def test_the_board_of_a_finished_game_opens_the_end_screen_and_escape_shows_the_final_board(app, finished):
    from game.ui.scenes.play import PlayScene

    board = PlayScene(app, finished)
    app.push(board)
    for _ in range(120):
        if isinstance(app.top, EndScreen):
            break
        frames(app, 1)
    end = app.top
    assert isinstance(end, EndScreen) and end.session is finished
    assert any(button.text in ("The board", "Board") for button in end.actions)

    key(app, pygame.K_ESCAPE)
    assert app.top is board


def test_the_last_moves_cards_are_shown_before_the_end_screen(app, finished):
    from game.ui.scenes.card import CardScene
    from game.ui.scenes.play import PlayScene

    board = PlayScene(app, finished)
    board.cards = [("event", finished.state.fired[-1])]  # as if the game's last step had fired it
    app.push(board)
    frames(app, 3)
    assert isinstance(app.top, CardScene)

    key(app, pygame.K_RETURN)
    for _ in range(120):
        if isinstance(app.top, EndScreen):
            break
        frames(app, 1)
    assert isinstance(app.top, EndScreen)
