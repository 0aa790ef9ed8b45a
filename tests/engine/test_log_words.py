"""Words in the log: units counted as the rules name one and several, verbs that agree, place names in a sentence."""

from game.engine import Choose, Game
from game.engine.log import area_name, capitalised, units_doing, units_text
from game.engine.state import Unit


def units(kind: str, count: int, owner: str = "sovnarkom") -> tuple[Unit, ...]:
    return tuple(Unit(uid, kind, owner, "smolny") for uid in range(count))


def test_one_unit_and_several_read_as_the_rules_name_them(shipped_rules):
    assert units_text(shipped_rules, units("armoured_car", 1)) == "1 Armoured car"
    assert units_text(shipped_rules, units("armoured_car", 2)) == "2 Armoured cars"
    assert units_text(shipped_rules, units("garrison_regiment", 1, "garrison")) == "1 Garrison regiment"
    assert units_text(shipped_rules, units("garrison_regiment", 3, "garrison")) == "3 Garrison regiments"
    mixed = units("red_guards", 3) + tuple(Unit(9, "armoured_car", "sovnarkom", "smolny") for _ in range(1))
    assert units_text(shipped_rules, mixed) == "3 Red Guards, 1 Armoured car"


def test_the_verb_agrees_with_a_single_unit_or_several(shipped_rules):
    assert units_doing(shipped_rules, units("sailors", 1), "marches", "march") == "1 Sailors' detachment marches"
    assert units_doing(shipped_rules, units("sailors", 2), "marches", "march") == "2 Sailors march"


def test_without_one_or_many_a_count_uses_the_name(mini_rules):
    guards = mini_rules.unit["guards"]
    assert (guards.one, guards.many) == ("", "")
    assert (guards.counted(1), guards.counted(4)) == ("1 Guards", "4 Guards")


def test_no_shipped_log_line_counts_one_unit_with_a_plural_verb(shipped_game: Game):
    state, lines = shipped_game.new_initial_state_logged(7)
    said = list(lines)
    while not shipped_game.is_terminal(state) and len(said) < 3000:
        moves = shipped_game.legal_moves(state)
        move = shipped_game.sample_chance(state) if shipped_game.current_player(state) == "chance" else moves[0]
        state, more = shipped_game.apply_logged(state, move)
        said += more
    ones = [line for line in said if line.strip().startswith("1 ") and "," not in line.split(" from ")[0]]
    assert ones  # single units did come up
    for line in ones:
        assert not any(f" {verb} " in line for verb in ("march", "appear", "leave", "go")), line


def test_a_place_the_map_calls_the_something_reads_the_something_inside_a_sentence(shipped_rules):
    assert shipped_rules.area["ministries"].name == "The ministries"  # the map's label
    assert area_name(shipped_rules, "ministries") == "the ministries"
    assert capitalised(area_name(shipped_rules, "ministries")) == "The ministries"
    assert area_name(shipped_rules, "smolny") == "Smolny"


def test_log_lines_name_the_ministries_in_lower_case_but_at_the_start(shipped_game: Game):
    occupy = Choose("occupy")  # Schlichter's way with the ministries: Red Guards are placed there
    state = shipped_game.new_initial_state(1)
    while occupy not in shipped_game.legal_moves(state):
        state = shipped_game.apply(state, shipped_game.legal_moves(state)[0])
    _, lines = shipped_game.apply_logged(state, occupy)
    said = [line.strip() for line in lines]

    assert "1 Red Guard detachment (Sovnarkom) appears in the ministries." in said
    assert "The ministries passes to Sovnarkom." in said
