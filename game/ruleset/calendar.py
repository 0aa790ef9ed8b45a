"""Old Style and New Style dates.

Russia kept the Julian calendar (Old Style) until February 1918; in 1917 it ran
13 days behind the Gregorian calendar (New Style) used in the West. The rules
give Old Style dates, as the documents of the time do; the game shows the New
Style date beside them.
"""

import datetime

JULIAN_LAG = datetime.timedelta(days=13)  # true from 1 March 1900 to 28 February 2100
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def new_style(old_style: datetime.date) -> datetime.date:
    """The Gregorian date of a Julian date from the twentieth century."""
    return old_style + JULIAN_LAG


def format_dual(old_style: datetime.date) -> str:
    """A date as players see it: ``25 Oct (7 Nov) 1917``."""
    new = new_style(old_style)
    old_text = f"{old_style.day} {MONTHS[old_style.month - 1]}"
    new_text = f"{new.day} {MONTHS[new.month - 1]}"
    year = f" {old_style.year}" if old_style.year == new.year else f" {old_style.year}/{new.year}"
    return f"{old_text} ({new_text}){year}"
