"""What changed between two states, for the board's animations and flashes."""

import attrs

from game.engine import CHANCE, IssueDecree, UseAction
from game.ui.changes import ControlChange, TrackChange, UnitMove, diff


def first_action_state(game, seed=1):
    """The first state where a faction takes its actions (chance steps go by the game's own dice)."""
    state = game.new_initial_state(seed)
    while state.phase != "actions" or game.current_player(state) == CHANCE:
        move = game.sample_chance(state) if game.current_player(state) == CHANCE else game.legal_moves(state)[0]
        state = game.apply(state, move)
    return state


def test_a_state_compared_with_itself_has_no_changes(shipped_game):
    state = first_action_state(shipped_game)
    changes = diff(shipped_game.rules, state, state)
    assert not changes and changes.areas() == ()


def test_a_march_moves_units_and_can_change_who_holds_the_area(shipped_game):
    rules = shipped_game.rules
    state = first_action_state(shipped_game)
    march = next(move for move in shipped_game.legal_moves(state)
                 if isinstance(move, UseAction) and rules.action[move.action].kind == "move"
                 and state.control[rules.area_index[move.to]] is None)
    after = shipped_game.apply(state, march)
    changes = diff(rules, state, after)
    marched = [unit for unit in state.units if unit.area == march.area and unit.owner == state.decision.faction]
    assert changes.moved and all(isinstance(move, UnitMove) for move in changes.moved)
    assert {move.uid for move in changes.moved} <= {unit.uid for unit in marched}
    for uid, kind, owner, from_area, to_area in changes.moved:  # the records unpack like tuples
        assert (from_area, to_area, owner) == (march.area, march.to, state.decision.faction)
        assert kind == next(unit.kind for unit in marched if unit.uid == uid)
    assert ControlChange(march.to, None, state.decision.faction) in changes.control
    assert not changes.appeared and not changes.removed
    assert {march.area, march.to} <= set(changes.areas())


def test_a_decree_is_listed_with_the_tracks_and_support_it_moved(shipped_game):
    rules = shipped_game.rules
    state = first_action_state(shipped_game)
    decree = next(move for move in shipped_game.legal_moves(state) if isinstance(move, IssueDecree))
    after = shipped_game.apply(state, decree)
    changes = diff(rules, state, after)
    assert changes.decrees == (decree.decree,)
    cost = rules.decree[decree.decree].cost
    if cost:
        influence = after.per_faction[rules.faction_track_index["influence"]][rules.seat_index["sovnarkom"]]
        assert TrackChange("influence", "sovnarkom", influence + cost, influence) in changes.tracks
    for group, faction, old, new in changes.support:
        row = rules.group_index[group]
        seat = rules.seat_index[faction]
        assert (state.support[row][seat], after.support[row][seat]) == (old, new) and old != new


def test_city_tracks_have_no_faction_and_new_events_and_units_are_listed(shipped_game):
    rules = shipped_game.rules
    start = shipped_game.new_initial_state(1)
    empty = start.replace(units=(), fired=(), flags=(), city=(0,) * len(rules.city_tracks()))
    changes = diff(rules, empty, start)
    assert changes.events == start.fired and changes.appeared == start.units
    assert changes.flags_set == start.flags
    city = [change for change in changes.tracks if change.faction is None]
    assert {change.track for change in city} <= {track.id for track in rules.city_tracks()} and city
    back = diff(rules, start, empty)
    assert back.removed == start.units and back.flags_cleared == start.flags and not back.events


def test_a_unit_that_changes_side_is_altered_not_moved(shipped_game):
    rules = shipped_game.rules
    state = first_action_state(shipped_game)
    garrison = next(unit for unit in state.units if unit.owner == "garrison")
    joined = state.replace(units=tuple(attrs.evolve(unit, owner="sovnarkom") if unit is garrison else unit
                                       for unit in state.units))
    changes = diff(rules, state, joined)
    assert [change.after.owner for change in changes.altered] == ["sovnarkom"] and not changes.moved
