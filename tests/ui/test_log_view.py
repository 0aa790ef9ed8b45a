"""The log's 'why' lines: an AI's reason without the faction and move the line above already names."""

import pytest

from game.ui.log_view import why_text
from game.ui.session import Session


@pytest.mark.parametrize(("headline", "reason", "shown"), [
    ("Whites: Spread rumours.", "Whites: Spread rumours; the best position in view (about 23% to win)",
     "the best position in view (about 23% to win)"),
    ("Sovnarkom decide: Free him on his word of honour.",
     "Sovnarkom decide: Free him on his word of honour; the best position in view (about 26% to win)",
     "the best position in view (about 26% to win)"),
    ("Left S-Rs: Rally the peasant Soviets.", "Left S-Rs: secures 'The peasants follow us' (+2 points)",
     "secures 'The peasants follow us' (+2 points)"),
    ("Salvation: Hold talks.", "Salvation: acts on a hunch", "acts on a hunch"),
    ("Left S-Rs decide: Enter the government.", "Left S-Rs: secures 'The Left S-Rs enter the government' (+3 points)",
     "secures 'The Left S-Rs enter the government' (+3 points)"),
    ("Whites: pass.", "Whites: passes; no move in view improves its position (about 20% to win)",
     "passes; no move in view improves its position (about 20% to win)"),
    ("Whites: pass.", "Sovnarkom: something else", "Sovnarkom: something else"),  # another faction: kept whole
    ("Whites: Spread rumours.", "Whites: ", "Whites: "),  # nothing would be left: kept whole
])
def test_why_text_drops_what_the_headline_says(headline, reason, shown):
    assert why_text(headline, reason) == shown


def test_no_ai_reason_in_a_game_repeats_its_faction(shipped_rules):
    session = Session.new(shipped_rules, dict.fromkeys(shipped_rules.seats, "normal"), seed=1)
    shown = []
    while len(shown) < 40:
        if session.is_chance():
            session.resolve_chance()
            continue
        choice = session.think()
        step = session.play(choice.move, choice.reason)
        headline = step.entries[0]
        shown.append((headline.text, why_text(headline.text, headline.reason)))
    names = [shipped_rules.faction[faction].short for faction in shipped_rules.seats]
    assert all(not text.startswith(tuple(names)) for _, text in shown), shown
    answers = [text for headline, text in shown if " decide: " in headline]
    assert any("'" in text for text in answers)  # an answer explained by a goal was among them
