"""The easy bot's flowchart in the YAML: each line names one kind of move, and its words are checked."""

import pytest

from .rulestext import edited, loads, only_problem

REDS = '{id: reds, name: The Reds, short: Reds, colour: "#aa0000", symbol: star, income: 1, hand_size: 1,'


def with_priorities(lines: str) -> str:
    return edited(REDS, REDS + f"\n     priorities: [{lines}],")


def test_a_flowchart_is_read_in_order():
    rules = loads(with_priorities("{reason: hold the hall, kind: attack, target: [{controls: {faction: self, "
                                  "area: target}}]}, {reason: rest, pass: true}"))
    first, second = rules.faction["reds"].priorities
    assert (first.reason, first.kind, second.pass_turn) == ("hold the hall", "attack", True)


@pytest.mark.parametrize("line, path, message", [
    ("{reason: both, kind: attack, card: any}", "factions[0].priorities[0]",
     "a priority names its moves by exactly one of action, kind, decree, card, choose or pass (found: kind, card)"),
    ("{reason: nothing}", "factions[0].priorities[0]",
     "a priority names its moves by exactly one of action, kind, decree, card, choose or pass (found: none)"),
    ("{reason: aimed, decree: any, target: [{controls: {faction: self, area: target}}]}",
     "factions[0].priorities[0].target", "'target' needs moves that aim at an area; decree moves do not"),
    ("{reason: ' ', pass: true}", "factions[0].priorities[0].reason",
     "the reason is what the bot says when this line decides; write one"),
    ("{reason: go, action: marhc}", "factions[0].priorities[0].action",
     "unknown action 'marhc'; did you mean 'march'?"),
    ("{reason: go, when: [{controls: {faction: self, area: target}}], pass: true}",
     "factions[0].priorities[0].when[0].area", "'target'"),
])
def test_a_bad_flowchart_line_is_reported(line, path, message):
    problem = only_problem(with_priorities(line))
    assert problem.path == path
    assert message in problem.message


def test_a_force_without_a_seat_has_no_flowchart():
    text = edited('seat: false}', 'seat: false, priorities: [{reason: rest, pass: true}]}')
    problem = only_problem(text)
    assert (problem.path, problem.message) == (
        "factions[2].priorities", "a force without a seat never plays, so its priorities would never be used")
