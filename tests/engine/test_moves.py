"""Moves have one text form each, which parses back to the same move."""

import pytest

from game.engine import (
    ChanceOutcome,
    Choose,
    InvalidMoveError,
    IssueDecree,
    Pass,
    PlayCard,
    UseAction,
    parse_move,
)

EXAMPLES = {
    "pass": Pass(),
    "act march smolny vyborg_side": UseAction("march", "smolny", "vyborg_side"),
    "act agitate vyborg_side": UseAction("agitate", "vyborg_side"),
    "act food_supply": UseAction("food_supply"),
    "decree decree_land": IssueDecree("decree_land"),
    "card riot palace": PlayCard("riot", "palace"),
    "card secret_payments": PlayCard("secret_payments"),
    "choose hold_firm": Choose("hold_firm"),
    "chance decisive": ChanceOutcome("decisive"),
}


@pytest.mark.parametrize("text", EXAMPLES)
def test_every_move_kind_parses_from_its_notation_and_back(text):
    move = parse_move(text)
    assert move == EXAMPLES[text]
    assert move.notation() == text


@pytest.mark.parametrize("text", ["", "   ", "fly smolny", "pass now", "act", "act a b c d", "decree", "choose a b"])
def test_text_that_is_no_move_is_refused(text):
    with pytest.raises(InvalidMoveError):
        parse_move(text)


def test_moves_are_frozen_and_hashable():
    move = UseAction("march", "a", "b")
    assert {move: 1}[UseAction("march", "a", "b")] == 1
    with pytest.raises(AttributeError):
        move.action = "attack"
