"""A game at the desktop: seats, the log, undo, hand-over, saves and the AI seats' thinking."""

import json
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from game.engine import CHANCE, ChanceOutcome, IllegalMoveError, Pass
from game.savegame import SaveError, save_game
from game.ui.session import AUTOSAVE_NAME, Session, SessionError

HOTSEAT = {"sovnarkom": "human", "left_sr": "easy", "salvation": "human", "whites": "easy"}
ONE_HUMAN = {"sovnarkom": "human", "left_sr": "easy", "salvation": "easy", "whites": "easy"}


ROOT = Path(__file__).resolve().parents[2]


def test_the_desktop_model_imports_without_pygame():
    program = ("import sys; import game.ui, game.ui.session, game.ui.settings, game.ui.saveslist, game.ui.timeline, "
               "game.ui.changes; print(sorted(name for name in sys.modules if name.startswith('pygame')))")
    completed = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "[]"


def step_once(session, rng):
    """One step the way the desktop takes it: dice, an AI's thought-out move, or a random human move."""
    if session.is_chance():
        return session.resolve_chance()
    if session.is_ai_turn():
        choice = session.think()
        return session.play(choice.move, choice.reason)
    session.hand_over()
    return session.play(rng.choice(session.legal_moves()))


def play_to_end(session, seed):
    rng = random.Random(seed)
    while not session.is_over():
        step_once(session, rng)
    return session


def play_until(session, rng, wanted):
    """Step until ``wanted(session)`` holds before a step; fails the test if the game ends first."""
    while not wanted(session):
        assert not session.is_over(), "the game ended before the wanted position came up"
        step_once(session, rng)
    return session


def reach(rules, seats, wanted, seed, tries=20):
    """The first game, from ``seed`` on, that comes to a position where ``wanted(session)`` holds."""
    for attempt in range(seed, seed + tries):
        session, rng = Session.new(rules, seats, seed=attempt), random.Random(attempt)
        while not session.is_over() and not wanted(session):
            step_once(session, rng)
        if wanted(session):
            return session
    raise AssertionError(f"no game from seed {seed} to {seed + tries - 1} came to the wanted position")


def last_human(session):
    """The human seat that made the last human move, if any."""
    return next((step.faction for step in reversed(session.history)
                 if step.faction is not None and session.seats[step.faction] == "human"), None)


def snapshot(session):
    return session.state, list(session.moves), list(session.log), list(session.history)


def test_a_hotseat_game_with_two_humans_and_two_easy_bots_is_played_to_the_end(shipped_rules):
    session = Session.new(shipped_rules, HOTSEAT, seed=11)
    rng = random.Random(11)
    handovers = 0
    while not session.is_over():
        if session.needs_handover():
            handovers += 1
            faction = session.current_faction()
            assert session.seats[faction] == "human"
            assert all(entry.faction != faction for entry in session.since_last_turn(faction)[:1])
        step = step_once(session, rng)
        assert step.after is session.state and step.entries == tuple(session.log[-len(step.entries):])
    assert session.game.outcome(session.state) is not None
    assert handovers > 0
    assert len(session.moves) == len(session.history)
    assert session.current_faction() is None and not session.is_human_turn() and not session.is_ai_turn()


def test_every_engine_log_line_becomes_an_entry_and_ai_moves_carry_their_reason(shipped_rules):
    session = Session.new(shipped_rules, ONE_HUMAN, seed=3)
    replayed = play_to_end(Session.new(shipped_rules, ONE_HUMAN, seed=3), 3)
    game, state = session.game, session.state
    lines = list(game.new_initial_state_logged(3)[1])
    for move in replayed.moves:
        state, more = game.apply_logged(state, move)
        lines += more
    assert [entry.text for entry in replayed.log] == lines
    ai_headlines = [entry for entry in replayed.log if entry.kind == "ai" and not entry.detail]
    assert ai_headlines and all(entry.reason for entry in ai_headlines)
    assert all(entry.reason is None for entry in replayed.log if entry.kind != "ai")
    assert {entry.kind for entry in replayed.log} == {"move", "ai", "chance", "system"}
    assert replayed.log[0].date == "25 Oct (7 Nov) 1917" and replayed.log[0].turn == 1


def test_log_lines_after_a_new_turn_headline_carry_the_new_turn_and_date(shipped_rules):
    session = play_to_end(Session.new(shipped_rules, ONE_HUMAN, seed=4), 4)
    headline = next(entry for entry in session.log if entry.text.startswith("— Turn 2:"))
    assert headline.turn == 2 and headline.date == "29 Oct (11 Nov) 1917" and headline.faction is None
    assert [entry.turn for entry in session.log] == sorted(entry.turn for entry in session.log)


def test_think_changes_nothing_gives_the_same_choice_twice_and_runs_on_a_worker_thread(shipped_rules):
    session = reach(shipped_rules, ONE_HUMAN, lambda s: s.is_ai_turn(), 5)
    before = snapshot(session)
    session.unsaved_changes = False
    results = []
    worker = threading.Thread(target=lambda: results.append(session.think()))
    worker.start()
    worker.join()
    assert results[0] == session.think()
    assert results[0].move in session.legal_moves() and results[0].reason
    assert snapshot(session) == before and not session.unsaved_changes


def test_think_refuses_on_a_human_turn_and_resolve_chance_refuses_without_dice(shipped_rules):
    session = reach(shipped_rules, ONE_HUMAN, lambda s: s.is_human_turn(), 5)
    with pytest.raises(SessionError):
        session.think()
    with pytest.raises(SessionError):
        session.resolve_chance()


def test_an_illegal_move_raises_and_changes_nothing(shipped_rules):
    session = reach(shipped_rules, ONE_HUMAN, lambda s: s.is_human_turn(), 6)
    before = snapshot(session)
    with pytest.raises(IllegalMoveError):
        session.play(ChanceOutcome("decisive"))
    assert snapshot(session) == before


def test_new_sessions_check_their_seats_and_fill_missing_ones_with_humans(shipped_rules):
    assert Session.new(shipped_rules, {"whites": "hard"}, seed=1).seats == {
        "sovnarkom": "human", "left_sr": "human", "salvation": "human", "whites": "hard"}
    with pytest.raises(ValueError, match="random"):
        Session.new(shipped_rules, {"whites": "random"}, seed=1)
    with pytest.raises(ValueError, match="tsar"):
        Session.new(shipped_rules, {"tsar": "easy"}, seed=1)


def test_a_session_can_be_started_in_another_scenario(shipped_rules):
    session = Session.new(shipped_rules, ONE_HUMAN, seed=1, scenario="cossacks_at_the_gates")
    assert session.game.rules.id == "cossacks_at_the_gates"
    assert session.current_date() == "27 Oct (9 Nov) 1917"


# --- Undo -----------------------------------------------------------------------


def test_undo_takes_back_the_humans_own_move_and_the_ai_replies_restoring_everything_exactly(shipped_rules):
    undone = 0
    for seed in range(2, 12):
        session, rng, seen = Session.new(shipped_rules, ONE_HUMAN, seed=seed), random.Random(seed), {}
        while not session.is_over() and undone < 3:
            if session.is_human_turn():
                if session.can_undo():
                    session.undo()
                    undone += 1
                    assert snapshot(session) == seen[len(session.moves)]
                    assert session.is_human_turn() and session.unsaved_changes
                seen[len(session.moves)] = snapshot(session)
            step_once(session, rng)
    assert undone == 3


def test_undo_never_crosses_dice_or_a_draw(shipped_rules):
    def just_after_dice(session):
        return session.is_human_turn() and session.history and session.history[-1].faction is None

    session = reach(shipped_rules, ONE_HUMAN, just_after_dice, 8)
    assert isinstance(session.history[-1].move, ChanceOutcome)
    assert not session.can_undo()
    before = snapshot(session)
    with pytest.raises(SessionError):
        session.undo()
    assert snapshot(session) == before


def test_undo_stops_at_a_chance_step_between_the_humans_move_and_now(shipped_rules):
    def after_dice_since_own_move(session):
        if not session.is_human_turn():
            return False
        faction = session.current_faction()
        tail = []
        for step in reversed(session.history):
            tail.append(step)
            if step.faction == faction:
                break
        return any(step.faction is None for step in tail) and tail[-1].faction == faction

    session = reach(shipped_rules, ONE_HUMAN, after_dice_since_own_move, 9)
    assert not session.can_undo()


def test_in_hotseat_a_human_cannot_undo_another_humans_move(shipped_rules):
    def own_move_behind_the_other_humans(session):
        """Left S-Rs decide; Sovnarkom moved last; before it, with no dice between, a move of the Left S-Rs."""
        if session.current_faction() != "left_sr" or not session.history or session.history[-1].faction != "sovnarkom":
            return False
        for step in reversed(session.history[:-1]):
            if step.faction is None:
                return False
            if step.faction == "left_sr":
                return True
        return False

    seats = {"sovnarkom": "human", "left_sr": "human", "salvation": "easy", "whites": "easy"}
    session = reach(shipped_rules, seats, own_move_behind_the_other_humans, 1)
    assert not session.can_undo()
    with pytest.raises(SessionError):
        session.undo()


def test_nobody_can_undo_on_an_ai_turn_or_at_the_start(shipped_rules):
    session = Session.new(shipped_rules, ONE_HUMAN, seed=1)
    assert not session.can_undo()
    play_until(session, random.Random(1), lambda s: s.is_ai_turn())
    assert not session.can_undo()


# --- Hotseat --------------------------------------------------------------------


def test_hand_over_is_needed_between_two_humans_and_not_with_one(shipped_rules):
    session = reach(shipped_rules, HOTSEAT, lambda s: s.current_faction() == "salvation"
                    and last_human(s) == "sovnarkom", 12)
    assert session.needs_handover()
    session.hand_over()
    assert not session.needs_handover()
    alone = reach(shipped_rules, ONE_HUMAN, lambda s: s.is_human_turn(), 12)
    assert not alone.needs_handover()


def test_since_last_turn_is_what_happened_after_the_factions_own_lines(shipped_rules):
    session = reach(shipped_rules, HOTSEAT, lambda s: s.current_faction() == "sovnarkom"
                    and "sovnarkom" in {step.faction for step in s.history}, 12)
    last_own = max(index for index, step in enumerate(session.history) if step.faction == "sovnarkom")
    expected = [entry for entry in session.history[last_own].entries if entry.faction != "sovnarkom"]
    expected += [entry for step in session.history[last_own + 1:] for entry in step.entries]
    assert list(session.since_last_turn("sovnarkom")) == expected
    assert expected and expected[0].faction != "sovnarkom"
    fresh = Session.new(shipped_rules, HOTSEAT, seed=12)
    assert fresh.since_last_turn("whites") == tuple(fresh.log)


def test_the_visible_hand_is_the_factions_own(shipped_rules):
    session = reach(shipped_rules, HOTSEAT, lambda s: s.current_faction() == "sovnarkom"
                    and s.state.phase == "actions" and s.visible_hand("sovnarkom"), 12)
    seat = session.game.rules.seat_index["sovnarkom"]
    assert session.visible_hand("sovnarkom") == session.state.hands[seat]
    assert all(card in session.game.rules.card for card in session.visible_hand("sovnarkom"))


# --- Saves ----------------------------------------------------------------------


def test_save_then_load_gives_the_same_state_seats_moves_and_log(shipped_rules, tmp_path):
    session = reach(shipped_rules, HOTSEAT, lambda s: s.state.turn >= 3, 13)
    assert session.unsaved_changes
    session.save(tmp_path / "game.json")
    assert not session.unsaved_changes
    loaded = Session.load(tmp_path / "game.json", shipped_rules)
    assert loaded.state == session.state and loaded.seats == session.seats and loaded.seed == 13
    assert loaded.moves == session.moves and loaded.initial == session.initial
    assert [(e.turn, e.date, e.faction, e.text, e.kind) for e in loaded.log] == [
        (e.turn, e.date, e.faction, e.text, e.kind) for e in session.log]
    assert not loaded.unsaved_changes
    assert json.loads((tmp_path / "game.json").read_text())["info"]["seats"] == HOTSEAT


def test_a_loaded_game_plays_on_like_the_original(shipped_rules, tmp_path):
    session = reach(shipped_rules, ONE_HUMAN, lambda s: len(s.moves) >= 40, 14)
    session.save(tmp_path / "game.json")
    loaded = Session.load(tmp_path / "game.json", shipped_rules)
    if loaded.is_ai_turn():
        assert loaded.think() == session.think()
    else:
        assert loaded.legal_moves() == session.legal_moves()


def test_a_save_without_seats_loads_with_every_seat_human(shipped_rules, tmp_path):
    session = Session.new(shipped_rules, ONE_HUMAN, seed=15)
    save_game(tmp_path / "old.json", session.game, 15, [], session.state)
    assert set(Session.load(tmp_path / "old.json", shipped_rules).seats.values()) == {"human"}


def test_loading_a_damaged_save_raises_save_error(shipped_rules, tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(SaveError):
        Session.load(tmp_path / "bad.json", shipped_rules)


def test_a_save_in_the_lesson_scenario_loads_in_that_scenario(shipped_rules, tmp_path):
    session = Session.new(shipped_rules, ONE_HUMAN, seed=16, scenario="cossacks_at_the_gates")
    play_until(session, random.Random(16), lambda s: len(s.moves) >= 10)
    session.save(tmp_path / "lesson.json")
    assert Session.load(tmp_path / "lesson.json", shipped_rules).game.rules.id == "cossacks_at_the_gates"


def test_autosave_writes_once_as_each_turn_begins(shipped_rules, tmp_path):
    session = reach(shipped_rules, ONE_HUMAN, lambda s: s.state.turn >= 3, 17)  # a game that gets to turn 3
    session, rng = Session.new(shipped_rules, ONE_HUMAN, seed=session.seed), random.Random(session.seed)
    written = [session.autosave(tmp_path)]
    while session.state.turn < 3:
        step_once(session, rng)
        turn = session.state.turn
        path = session.autosave(tmp_path)
        if path is not None:
            written.append(path)
            assert Session.load(path, shipped_rules).state.turn == turn
    assert written == [tmp_path / AUTOSAVE_NAME] * 3
    assert session.unsaved_changes  # an autosave is not the player's save


def test_loading_is_no_reason_to_autosave_again(shipped_rules, tmp_path):
    session = reach(shipped_rules, ONE_HUMAN, lambda s: s.state.turn >= 2, 18)
    session.autosave(tmp_path)
    loaded = Session.load(tmp_path / AUTOSAVE_NAME, shipped_rules)
    assert loaded.autosave(tmp_path) is None


def test_chance_steps_have_no_faction_and_a_human_pass_is_a_move(shipped_rules):
    session = reach(shipped_rules, ONE_HUMAN, lambda s: s.is_human_turn() and Pass() in s.legal_moves(), 19)
    step = session.play(Pass())
    assert step.faction == "sovnarkom" and step.entries[0].kind == "move" and step.entries[0].faction == "sovnarkom"
    chance = play_until(session, random.Random(19), lambda s: s.is_chance()).resolve_chance()
    assert chance.faction is None and chance.entries[0].kind == "chance"
    assert session.game.current_player(chance.before) == CHANCE
