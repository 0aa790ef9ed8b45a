"""Cards in plain words: effects and conditions described, faces built, cards drawn and answered."""

import datetime

import pygame
import pytest

from game.engine.state import Context, PendingChoice
from game.ruleset import vocabulary as v
from game.ui.assets import Assets
from game.ui.card_view import CardButton, render_card, render_tile
from game.ui.describe import CONDITION_WORDS, EFFECT_WORDS, INDENT, Voice, condition_text, effect_lines
from game.ui.faces import choice_face, date_text, face_of
from game.ui.scenes.card import CardAction, CardScene


@pytest.fixture(scope="module")
def voice(shipped_rules):
    return Voice(shipped_rules, actor="sovnarkom", viewer="sovnarkom")


@pytest.mark.parametrize("effect, words", [
    (v.ChangeTrack(track="bread", by=2), "Bread +2"),
    (v.ChangeTrack(track="order", by=-1), "Order −1"),
    (v.ChangeTrack(track="influence", faction="sovnarkom", by=1), "You gain 1 influence"),
    (v.ChangeTrack(track="influence", faction="salvation", by=1), "Salvation gains 1 influence"),
    (v.ChangeTrack(track="influence", faction="whites", by=-2), "Whites lose 2 influence"),
    (v.ShiftSupport(group="peasants", toward="self", by=2), "Peasants' support for you +2"),
    (v.PlaceUnits(area="vyborg_side", unit="red_guards", faction="self", count=2),
     "2 Red Guards of yours arrive in Vyborg side"),
    (v.SetControl(area="ministries", faction="salvation"), "The ministries passes to Salvation"),
    (v.SetFlag(flag="rail_blockade"), "Vikzhel's railwaymen hold up the troop trains"),
    (v.ClearFlag(flag="rail_blockade"), "The trains run again"),
    (v.SetTrack(track="vikzhel_talks", to=0), "Vikzhel talks set to 0"),
])
def test_each_effect_reads_as_a_short_line(voice, effect, words):
    assert effect_lines(voice, [effect]) == [words]


def test_a_faction_reads_its_own_name_as_you_and_others_by_their_short_names(shipped_rules):
    effect = v.ChangeTrack(track="influence", faction="sovnarkom", by=1)

    assert effect_lines(Voice(shipped_rules, viewer="sovnarkom"), [effect]) == ["You gain 1 influence"]
    assert effect_lines(Voice(shipped_rules, viewer="whites"), [effect]) == ["Sovnarkom gains 1 influence"]


def test_branches_of_an_if_a_choice_and_a_roll_are_indented_under_their_heading(voice, shipped_rules):
    lines = effect_lines(voice, rules_event(shipped_rules, "junker_rising").effects)

    assert lines[0] == "Salvation chooses:"
    assert lines[1] == INDENT + "Rise now and seize the telephone exchange:"
    assert any(line.startswith(INDENT * 2 + "A roll decides:") for line in lines)
    assert any(line.strip().startswith("2 in 3:") for line in lines)


def rules_event(rules, ident):
    return rules.event[ident]


@pytest.mark.parametrize("condition, words", [
    (v.Controls(faction="self", area="vyborg_side"), "you hold Vyborg side"),
    (v.Not(condition=v.FlagSet(flag="rail_blockade")), "the trains run again"),
    (v.SupportIs(group="workers", faction="self", at_least=4), "Workers' support for you is at least 4"),
    (v.TrackIs(track="order", at_most=3), "Order is at most 3"),
    (v.DateIs(on_or_after=datetime.date(1917, 11, 14)), "it is from 14 Nov (27 Nov) 1917"),
    (v.DecreeIssued(decree="housing_decree"), "the Decree on housing has been issued"),
    (v.Not(condition=v.UnitsPresent(area="pulkovo_heights", faction="whites")),
     "no troops of Whites stand in Pulkovo heights"),
])
def test_each_condition_reads_as_a_statement(voice, condition, words):
    assert condition_text(voice, condition) == words


def test_every_effect_and_condition_kind_of_the_rules_language_has_words():
    assert set(v.EFFECTS.values()) <= set(EFFECT_WORDS)
    assert set(v.CONDITIONS.values()) <= set(CONDITION_WORDS)


def test_every_card_of_the_rules_has_a_face(shipped_rules):
    tables = {"event": shipped_rules.events, "decree": shipped_rules.decrees, "card": shipped_rules.cards,
              "action": shipped_rules.actions}
    for kind, records in tables.items():
        for record in records:
            face = face_of(shipped_rules, kind, record.id, viewer="sovnarkom")
            assert face.title == record.name and face.history == record.history
            assert face.effects or not record.effects


def test_dates_show_old_style_with_new_style_and_spans_are_short():
    assert date_text(datetime.date(1917, 10, 26)) == "26 Oct (8 Nov) 1917"
    assert date_text(None, datetime.date(1917, 10, 25), datetime.date(1917, 10, 26)) == "25–26 Oct (7–8 Nov) 1917"
    assert date_text(None, datetime.date(1917, 10, 29), datetime.date(1917, 11, 1)) == \
        "29 Oct – 1 Nov (11–14 Nov) 1917"


def test_a_question_becomes_the_card_that_asked_it_with_each_answers_effects(shipped_rules):
    event = shipped_rules.event["officials_strike"]
    choice = next(effect for effect in event.effects if isinstance(effect, v.Choice))
    decision = PendingChoice("sovnarkom", choice.prompt, choice.options, Context(actor="sovnarkom",
                                                                                source="officials_strike"))

    face = choice_face(shipped_rules, decision, viewer="sovnarkom")

    assert face.title == event.name and face.prompt == choice.prompt
    assert [option.id for option in face.options] == [option.id for option in choice.options]
    assert face.options[0].effects[0] == "1 Red Guard detachment of yours arrives in the ministries"
    assert not any("chooses" in line or "choose:" in line for line in face.effects)


@pytest.fixture(scope="module")
def screen():
    pygame.display.init()
    pygame.font.init()
    yield pygame.display.set_mode((1024, 640))


@pytest.mark.parametrize("height", [2000, 420])
def test_a_long_card_shrinks_its_type_to_fit_the_height_it_is_given(screen, shipped_rules, height):
    face = face_of(shipped_rules, "event", "junker_rising", viewer="salvation")

    card = render_card(Assets(), face, 520, height, (200, 40, 30), [CardButton("Close", "Esc")])

    assert card.surface.get_width() == 520
    assert card.surface.get_height() <= max(height, 900)
    assert [target.kind for target in card.targets] == ["button"]


def test_small_cards_render_greyed_when_they_cannot_be_played(screen, shipped_rules):
    face = face_of(shipped_rules, "decree", "extraordinary_commission")

    open_tile = render_tile(Assets(), face, (110, 64), (200, 40, 30), True)
    closed_tile = render_tile(Assets(), face, (110, 64), (200, 40, 30), False)

    assert open_tile.get_size() == (110, 64)
    assert open_tile.get_at((50, 40)) != closed_tile.get_at((50, 40))


def test_a_card_is_answered_by_its_number_key_and_closed_by_escape(app, shipped_rules):
    event = shipped_rules.event["officials_strike"]
    choice = next(effect for effect in event.effects if isinstance(effect, v.Choice))
    decision = PendingChoice("sovnarkom", choice.prompt, choice.options, Context(source="officials_strike"))
    picked = []
    closed = []
    app.push(CardScene(app, face_of(shipped_rules, "event", "walkout"), None,
                       [CardAction("Close", lambda: closed.append(True), pygame.K_ESCAPE)]))
    card = CardScene(app, choice_face(shipped_rules, decision), None, choose=picked.append)
    app.push(card)
    app.frame(1 / 60)

    card.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_2))
    assert picked == [choice.options[1].id] and app.top is not card

    app.top.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE))
    assert closed == [True]


def test_a_card_for_watchers_closes_by_itself_after_its_time(app, shipped_rules):
    app.push(CardScene(app, face_of(shipped_rules, "event", "walkout"), None, hold=0.5))
    card = app.top

    for _ in range(40):
        app.frame(1 / 60)

    assert app.top is not card


def test_the_fonts_have_every_character_the_card_texts_use(screen, shipped_rules):
    from game.ui.assets import Assets as Fonts
    text = ""
    for kind, records in {"event": shipped_rules.events, "decree": shipped_rules.decrees,
                          "card": shipped_rules.cards, "action": shipped_rules.actions}.items():
        for record in records:
            face = face_of(shipped_rules, kind, record.id, viewer="sovnarkom")
            text += face.label + face.title + face.date + face.needs + "".join(face.effects)
    wanted = "".join(sorted({char for char in text if not char.isspace()})) + "•–…·"
    for role in ("body", "bold", "italic", "sans_bold", "title", "title_it"):
        font = Fonts().font(role, 16)
        missing = [char for char, metric in zip(wanted, font.metrics(wanted)) if metric is None]
        assert missing == [], f"{role} lacks {missing}"
