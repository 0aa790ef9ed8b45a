"""How well the win chances forecast the winner, over games kept by ``simulate --keep-finals``.

Each kept game is replayed; at every ``--every``-th decision the bots' own win
chances (``win_chances``) and the forecast players are shown (``forecast``)
are read for every seat and set against who won in the end. Printed as one
JSON line: the log loss of each, by turn and over all (lower is better; an
even split of the win over the seats scores log 4 = 1.386), and a
reliability table, which should show the seats forecast about 30% to win
winning about 30% of the time.

Usage: python benchmarks/forecast_calibration.py DIR [--every N] [--rules DIR]
"""

import argparse
import json
import math
from collections.abc import Iterator
from pathlib import Path

from game.ai.evaluate import forecast, win_chances
from game.engine import CHANCE
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir
from game.savegame import game_for_save, load_game

BINS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9, 1.0)
Sample = tuple[int, tuple[float, ...], tuple[float, ...]]  # turn, chances, returns


def samples(folder: Path, rules_dir: Path, every: int) -> Iterator[tuple[Sample, Sample]]:
    """At every ``every``-th decision of each kept game (chance steps aside): the turn, each seat's chances by
    ``win_chances`` and by ``forecast``, and the game's returns."""
    rules = load_rules_dir(rules_dir)
    for path in sorted(folder.glob("game-*.json")):
        game = game_for_save(path, rules)
        kept = load_game(path, game)
        returns = game.returns(kept.state)
        state, decisions = game.new_initial_state(kept.seed), 0
        for move in kept.moves:
            if game.current_player(state) != CHANCE:
                if decisions % every == 0:
                    yield (state.turn, win_chances(game, state), returns), (state.turn, forecast(game, state), returns)
                decisions += 1
            state = game.apply(state, move)


def log_loss(rows: list[Sample]) -> float:
    """The mean surprise at the winners: minus the log of the chance given to each, weighed by its share."""
    total = -sum(share * math.log(max(chance, 1e-9)) for _, chances, returns in rows
                 for chance, share in zip(chances, returns) if share > 0)
    return round(total / len(rows), 4)


def reliability(rows: list[Sample]) -> list[dict[str, float]]:
    """For each band of chances: how many seats were given it, their mean chance, and how often they won."""
    pairs = [(chance, share) for _, chances, returns in rows for chance, share in zip(chances, returns)]
    table = []
    for low, high in zip(BINS, BINS[1:]):
        band = [(chance, share) for chance, share in pairs if low <= chance < high or (high == 1.0 and chance == 1.0)]
        if band:
            table.append({"from": low, "to": high, "seats": len(band),
                          "mean_chance": round(sum(chance for chance, _ in band) / len(band), 3),
                          "won": round(sum(share for _, share in band) / len(band), 3)})
    return table


def summary(rows: list[Sample]) -> dict[str, object]:
    """Log loss over all and by turn, and the reliability table."""
    turns = sorted({turn for turn, _, _ in rows})
    return {"log_loss": log_loss(rows),
            "log_loss_by_turn": {turn: log_loss([row for row in rows if row[0] == turn]) for turn in turns},
            "reliability": reliability(rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("finals", type=Path, metavar="DIR", help="a folder of games kept by simulate --keep-finals")
    parser.add_argument("--every", type=int, default=7, help="read every N-th decision (default 7)")
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES_DIR, help="the rules the games were played with")
    args = parser.parse_args()
    read = list(samples(args.finals, args.rules, args.every))
    if not read:
        parser.error(f"{args.finals}: no kept games (game-*.json) to read")
    bots, shown = [bots for bots, _ in read], [shown for _, shown in read]
    print(json.dumps({"benchmark": "forecast_calibration", "games": len(list(args.finals.glob("game-*.json"))),
                      "samples": len(bots), "even_split": round(math.log(4), 4),
                      "bots_chances": summary(bots), "forecast": summary(shown)}))


if __name__ == "__main__":
    main()
