"""The fields every rules record shares: its id, its name, and what it teaches.

Every record carries the teaching layer (``date``, ``history``, ``source``,
``discuss``, ``terms``) so that the front end and the encyclopedia can show it.
Dates are Old Style, as the documents of 1917 give them.
"""

import datetime
from typing import ClassVar

import attrs

from game.ruleset.fields import id_field, ref


@attrs.frozen(kw_only=True)
class Entry:
    """Fields every record has: its id, its name and what it teaches."""

    collection: ClassVar[str]

    id: str = id_field()
    name: str
    date: datetime.date | None = None  # Old Style
    history: str = ""
    source: str = ""
    discuss: str = ""
    terms: tuple[str, ...] = ref("glossary", default=())  # glossary terms the text uses
