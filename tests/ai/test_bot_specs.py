"""Bot specs from the command line: ``random`` for every seat, or one level per faction."""

import pytest

from game.ai import RandomBot, SeatSpec, SpecError, parse_bots
from game.ai import spec as spec_module
from game.ai.spec import describe_bots

SEATS = ("sovnarkom", "left_sr", "salvation", "whites")


def test_a_single_level_applies_to_every_seat():
    assert parse_bots("random", SEATS) == {seat: SeatSpec("random") for seat in SEATS}


def test_the_shipped_seats_are_the_ones_these_tests_name(shipped_game):
    assert shipped_game.seats == SEATS


def test_a_level_per_faction_is_given_to_that_faction():
    specs = parse_bots("sovnarkom=random,whites=random,left_sr=random,salvation=random", SEATS)

    assert specs == {seat: SeatSpec("random") for seat in SEATS}
    assert list(specs) == list(SEATS)


def test_seats_left_out_of_a_per_faction_spec_play_random():
    assert parse_bots("whites=random", SEATS) == {seat: SeatSpec("random") for seat in SEATS}


def test_spaces_around_entries_are_ignored():
    assert parse_bots(" sovnarkom=random , whites=random ", SEATS) == parse_bots("random", SEATS)


def test_an_unknown_level_is_refused_with_a_suggestion():
    with pytest.raises(SpecError, match="unknown bot level 'randon'; did you mean 'random'"):
        parse_bots("randon", SEATS)


def test_an_unknown_level_for_one_faction_is_refused_with_a_suggestion():
    with pytest.raises(SpecError, match="unknown bot level 'rnadom'; did you mean 'random'"):
        parse_bots("whites=rnadom", SEATS)


def test_a_level_nothing_like_any_known_one_lists_the_levels():
    with pytest.raises(SpecError, match="unknown bot level 'grandmaster'; levels: random"):
        parse_bots("grandmaster", SEATS)


def test_an_unknown_seat_is_refused_with_a_suggestion():
    with pytest.raises(SpecError, match="unknown seat 'white'; did you mean 'whites'"):
        parse_bots("white=random", SEATS)


def test_an_unknown_seat_nothing_like_any_seat_lists_the_seats():
    with pytest.raises(SpecError, match="unknown seat 'kerensky'; seats: sovnarkom, left_sr, salvation, whites"):
        parse_bots("kerensky=random", SEATS)


def test_a_seat_given_twice_is_refused():
    with pytest.raises(SpecError, match="seat 'whites' is given twice"):
        parse_bots("whites=random,sovnarkom=random,whites=random", SEATS)


def test_options_on_a_level_that_takes_none_are_refused():
    with pytest.raises(SpecError, match=r"'time=0\.5' is not an option of level 'random' \(options: none\)"):
        parse_bots("random:time=0.5", SEATS)


def test_an_empty_spec_is_refused():
    for text in ("", " ", ",", " , "):
        with pytest.raises(SpecError, match="empty"):
            parse_bots(text, SEATS)


def test_a_bare_level_among_per_faction_entries_is_refused_with_the_expected_form():
    with pytest.raises(SpecError, match="'random' should read faction=level"):
        parse_bots("whites=random,random", SEATS)


def test_a_spec_error_is_a_value_error():
    assert issubclass(SpecError, ValueError)


@pytest.fixture
def a_level_with_options(monkeypatch):
    """A pretend level ``patient`` taking ``time`` and ``depth``; lists the seeds and options of each bot made."""
    made: list[tuple[int, dict[str, str]]] = []

    def make(seed: int, options: dict[str, str]):
        made.append((seed, options))
        return RandomBot(seed)

    monkeypatch.setitem(spec_module.LEVELS, "patient", make)
    monkeypatch.setitem(spec_module.LEVEL_OPTIONS, "patient", ("time", "depth"))
    return made


def test_a_level_that_takes_options_reads_them_in_order(a_level_with_options):
    specs = parse_bots("whites=patient:time=0.5:depth=3", SEATS)

    assert specs["whites"] == SeatSpec("patient", (("time", "0.5"), ("depth", "3")))
    assert specs["whites"].text() == "patient:time=0.5:depth=3"
    assert specs["sovnarkom"] == SeatSpec("random")


def test_a_level_that_takes_options_refuses_one_it_does_not_know(a_level_with_options):
    with pytest.raises(SpecError, match=r"'speed=9' is not an option of level 'patient' \(options: time, depth\)"):
        parse_bots("patient:speed=9", SEATS)


def test_an_option_without_a_value_is_refused(a_level_with_options):
    with pytest.raises(SpecError, match="'time' is not an option"):
        parse_bots("patient:time", SEATS)


def test_a_seat_spec_makes_its_bot_with_the_seed_and_options_given(a_level_with_options):
    spec = parse_bots("patient:depth=2", SEATS)["salvation"]

    bot = spec.make(99)

    assert isinstance(bot, RandomBot)
    assert a_level_with_options == [(99, {"depth": "2"})]


def test_a_spec_is_described_compactly_when_every_seat_shares_it(a_level_with_options):
    assert describe_bots(parse_bots("random", SEATS)) == "random"
    assert describe_bots(parse_bots("whites=patient:depth=2", SEATS)) == (
        "sovnarkom=random,left_sr=random,salvation=random,whites=patient:depth=2")
