"""The shipped rules as ``python -m game rules export`` prints them: the form teachers' tools read."""

import contextlib
import io
import json

import pytest

from game.cli import main


@pytest.fixture(scope="package")
def exported():
    """The JSON of ``rules export`` on the shipped rules."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["rules", "export"])
    assert code == 0
    return json.loads(buffer.getvalue())
