"""The end screen's timeline: this game's key moments beside the real dates the rules give."""

import datetime

import attrs
import pytest

from game.ruleset.calendar import format_dual
from game.ui import timeline
from game.ui.session import Session
from game.ui.timeline import MAX_MOMENTS, key_moments

# The dates the areas' own history notes give (map.yaml), as a designer would add them.
AREA_DATES = {"pulkovo_heights": datetime.date(1917, 10, 30), "telephone_exchange": datetime.date(1917, 10, 29),
              "engineers_castle": datetime.date(1917, 10, 29)}


def finished(rules, seed):
    """A whole game with easy bots in every seat."""
    session = Session.new(rules, {faction: "easy" for faction in rules.seats}, seed=seed)
    while not session.is_over():
        if session.is_chance():
            session.resolve_chance()
        else:
            choice = session.think()
            session.play(choice.move, choice.reason)
    return session


@pytest.fixture(scope="module")
def full_game(shipped_rules):
    """The first game from seed 4 on that lasts all ten turns."""
    games = (finished(shipped_rules, seed) for seed in range(4, 24))
    return next(game for game in games if game.state.result.points)


@pytest.fixture(scope="module")
def dated_rules(shipped_rules):
    return attrs.evolve(shipped_rules, areas=tuple(
        attrs.evolve(area, date=AREA_DATES[area.id]) if area.id in AREA_DATES else area
        for area in shipped_rules.areas))


def record_for(rules, moment):
    """The event or decree a moment names."""
    if moment.kind == "event":
        return next(event for event in rules.events if moment.text == f"Event: {event.name}.")
    return next(decree for decree in rules.decrees if moment.text.startswith(f"{decree.name}, issued by"))


def test_a_finished_game_has_a_short_timeline_ending_with_who_won(full_game):
    moments = key_moments(full_game)
    assert 5 <= len(moments) <= MAX_MOMENTS
    end = moments[-1]
    result = full_game.state.result
    assert end.kind == "end" and all(full_game.game.rules.faction[f].short in end.text for f in result.winners)
    assert end.game_date == format_dual(full_game.game.rules.scenario.end)  # points are counted on the last day
    assert [moment.turn for moment in moments] == sorted(moment.turn for moment in moments)


def test_real_dates_are_the_yamls_dates_of_the_events_and_decrees(full_game):
    rules = full_game.game.rules
    dated = [moment for moment in key_moments(full_game)
             if moment.real_date is not None and moment.kind in ("event", "decree")]
    assert len(dated) >= 5
    for moment in dated:
        record = record_for(rules, moment)
        assert moment.real_date == format_dual(record.date)
        assert moment.real_text and moment.real_text in record.history
    pulkovo = [moment for moment in dated if moment.text == "Event: The battle of Pulkovo."]
    assert pulkovo and pulkovo[0].real_date == "30 Oct (12 Nov) 1917" and "30 October" in pulkovo[0].real_text


def test_moments_without_a_date_in_the_rules_have_none(full_game):
    rules = full_game.game.rules
    for moment in key_moments(full_game):
        if moment.kind == "control":
            area = next(area for area in rules.areas if moment.text.startswith(f"{area.name}: "))
            assert moment.real_date == (format_dual(area.date) if area.date is not None else None)
        if moment.kind in ("event", "decree") and record_for(rules, moment).date is None:
            assert moment.real_date is None and moment.real_text is None


def test_the_same_timeline_comes_from_the_game_its_moves_and_its_first_state(full_game):
    assert key_moments(full_game.game, full_game.moves, full_game.initial) == key_moments(full_game)
    with pytest.raises(TypeError):
        key_moments(full_game.game, full_game.moves)


def test_a_long_timeline_keeps_the_dated_moments_and_the_end(full_game, monkeypatch):
    short = key_moments(full_game)
    monkeypatch.setattr(timeline, "MAX_MOMENTS", 1000)
    every = key_moments(full_game)
    assert len(every) > len(short) == MAX_MOMENTS
    dated = [moment for moment in every if moment.real_date is not None or moment.kind == "end"]
    if len(dated) <= MAX_MOMENTS:
        assert [moment for moment in short if moment in dated] == dated
    else:  # only dated moments, and the end, make the cut
        assert all(moment in dated for moment in short)
    assert short[-1] == every[-1] and short[-1].kind == "end"
    assert [moment for moment in every if moment in short] == short  # the same order


def test_an_area_the_rules_date_gets_its_fight_and_change_of_hands_beside_the_real_date(dated_rules):
    def fought_over_pulkovo(moments):
        kinds = {moment.kind for moment in moments if moment.real_date is not None}
        return {"fight", "control"} <= kinds and any(moment.text.startswith("Pulkovo heights: taken by")
                                                     for moment in moments)

    timelines = (key_moments(finished(dated_rules, seed)) for seed in range(1, 21))
    moments = next(moments for moments in timelines if fought_over_pulkovo(moments))
    pulkovo = next(moment for moment in moments if moment.text.startswith("Pulkovo heights: taken by"))
    assert pulkovo.kind == "control" and pulkovo.real_date == "30 Oct (12 Nov) 1917"
    assert "30 October" in pulkovo.real_text
    fights = [moment for moment in moments if moment.kind == "fight"]
    for fight in fights:
        area = next(area for area in dated_rules.areas if fight.text.endswith(f" on {area.name}."))
        assert fight.real_date == format_dual(AREA_DATES[area.id])
    assert len({moment.text for moment in fights}) == len(fights)  # the first fight over each place only


def test_a_game_in_progress_has_no_end_moment(shipped_rules):
    session = Session.new(shipped_rules, {}, seed=1)
    moments = key_moments(session)
    assert moments and all(moment.kind == "event" and moment.turn == 1 for moment in moments)
