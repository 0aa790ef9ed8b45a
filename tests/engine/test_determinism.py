"""The same rules, seed and moves give the same game in any process, whatever PYTHONHASHSEED is."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Plays a few games with random bots and prints the checksum of every final state.
PROGRAM = """
from game.ai import parse_bots, play_game, seat_bots
from game.engine import Game
from game.rulesdir import load_rules_dir
from game.savegame.envelope import state_checksum
game = Game(load_rules_dir())
specs = parse_bots("random", game.seats)
for seed in range(6):
    played = play_game(game, seed, seat_bots(game, specs, seed))
    print(seed, len(played.moves), state_checksum(played.state))
"""


def run_with_hash_seed(hash_seed: str) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    completed = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, env=environment, capture_output=True,
                               text=True, check=True, timeout=120)
    return completed.stdout


def test_two_processes_with_different_hash_seeds_play_identical_games():
    first, second = run_with_hash_seed("0"), run_with_hash_seed("4242")
    assert first == second
    assert len(first.splitlines()) == 6
