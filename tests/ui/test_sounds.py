"""Sound effects: the bundled files load, each kind of step has its sound, a card opening is heard."""

import pygame
import pytest

from game.engine import CHANCE, Game
from game.engine.moves import UseAction
from game.ui.animation import step_sound
from game.ui.assets import ASSETS_DIR, Assets
from game.ui.changes import Changes, diff
from game.ui.faces import face_of
from game.ui.scenes.card import CardScene

SOUNDS = ("march.wav", "battle.wav", "card.wav", "turn.wav")


@pytest.mark.parametrize("name", SOUNDS)
def test_every_sound_the_game_plays_is_bundled_and_short(name):
    pygame.mixer.init()  # the dummy audio driver of the tests
    sound = pygame.mixer.Sound(str(ASSETS_DIR / "sounds" / name))

    assert 0.1 < sound.get_length() < 1.5


def test_a_march_sounds_drums_and_a_new_turn_a_bell(shipped_rules):
    game = Game(shipped_rules)
    state = game.new_initial_state(seed=1)
    while not any(isinstance(move, UseAction) and move.action == "march" for move in game.legal_moves(state)):
        state = game.apply(state, game.sample_chance(state) if game.current_player(state) == CHANCE
                           else game.legal_moves(state)[-1])
    march = next(move for move in game.legal_moves(state) if isinstance(move, UseAction) and move.action == "march")
    after = game.apply(state, march)

    assert step_sound(diff(shipped_rules, state, after), new_turn=False) == "march.wav"
    assert step_sound(diff(shipped_rules, state, state), new_turn=True) == "turn.wav"
    assert step_sound(Changes(), new_turn=False) is None


def test_units_lost_in_a_fight_sound_shots(shipped_rules):
    state = Game(shipped_rules).new_initial_state(seed=1)
    lost = Changes(removed=(state.units[0],))

    assert step_sound(lost, new_turn=False) == "battle.wav"


def test_a_card_opening_plays_the_card_sound(app, shipped_rules, monkeypatch):
    played = []
    monkeypatch.setattr(Assets, "play", lambda self, name: played.append(name))

    app.push(CardScene(app, face_of(shipped_rules, "event", "walkout"), None))
    app.frame(1 / 60)

    assert played == ["card.wav"]
