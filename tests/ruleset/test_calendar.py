"""Old Style (Julian) dates, as the rules give them, and the New Style dates shown beside them."""

import datetime

import pytest

from game.ruleset.calendar import JULIAN_LAG, format_dual, new_style


def test_in_1917_new_style_is_thirteen_days_ahead():
    assert JULIAN_LAG == datetime.timedelta(days=13)
    assert new_style(datetime.date(1917, 10, 25)) == datetime.date(1917, 11, 7)


def test_the_february_revolution_fell_in_march_new_style():
    assert new_style(datetime.date(1917, 2, 23)) == datetime.date(1917, 3, 8)


def test_the_insurrection_is_shown_with_both_dates():
    assert format_dual(datetime.date(1917, 10, 25)) == "25 Oct (7 Nov) 1917"


def test_a_date_within_one_month_in_both_calendars():
    assert format_dual(datetime.date(1917, 11, 2)) == "2 Nov (15 Nov) 1917"


def test_a_date_that_crosses_into_the_new_year_shows_both_years():
    assert new_style(datetime.date(1917, 12, 25)) == datetime.date(1918, 1, 7)
    assert format_dual(datetime.date(1917, 12, 25)) == "25 Dec (7 Jan) 1917/1918"


@pytest.mark.parametrize(("old", "shown"), [
    (datetime.date(1917, 12, 18), "18 Dec (31 Dec) 1917"),
    (datetime.date(1917, 12, 19), "19 Dec (1 Jan) 1917/1918"),
])
def test_the_last_old_style_day_of_the_new_style_year_is_18_december(old, shown):
    assert format_dual(old) == shown


def test_days_are_written_without_a_leading_zero():
    assert format_dual(datetime.date(1917, 11, 1)) == "1 Nov (14 Nov) 1917"
