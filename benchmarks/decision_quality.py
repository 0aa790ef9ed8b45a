"""Decision quality: how often a bot finds the move a long search rates best, and what it loses when it does not.

Positions come from seeded games with ``normal`` in every seat (every
``--every``-th decision with a choice). In each, a long reference search
rates the ``--pool`` moves the one-move look-ahead likes best: each is played
out to the end of the next turn in the same ``--worlds`` determinised worlds,
with every faction replying as ``normal`` would, the way the former ``hard``
judged a move (a play-out search, replaced by the tree search on
2026-12-07). Each spec then chooses in every position (``--repeats`` times, with
different seeds), and its regret is the reference value of the best move less
that of its choice, in win chance (0 to 1); a move outside the pool counts as
the pool's worst. Lower is better; 0 means it always found the reference's
favourite. The reference is only as good as the play-outs it is built from:
this measures how close a cheap search comes to a long one, not whether the
long one is right, which only matches of whole games show.

Prints one JSON line per spec: ``regret``, ``found_best`` (share of positions),
``by_faction`` (mean regret), ``positions``; with ``--show N``, also
``costliest``: the N choices that lost most, each with the game, decision,
turn and faction, the move chosen and the reference's best, worded as the
log words them, and their reference values. They show what a bot misses.

Usage: python benchmarks/decision_quality.py SPEC [SPEC...] [--games N] [--every K] [--worlds W] [--pool P]
       [--repeats R] [--jobs J] [--seed S] [--show N] [--rules DIR]
e.g.   python benchmarks/decision_quality.py normal hard:iterations=300 hard
"""

import argparse
import json
import multiprocessing
import statistics
from pathlib import Path

from game.ai import parse_bots, seat_bots
from game.ai.lookahead import CHANCE_DEPTH
from game.ai.rollout import Forecaster
from game.ai.spec import SpecError, parse_level
from game.cli.output import load_or_report
from game.engine import CHANCE, Game, GameState
from game.engine.rng import derive_seed
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir

# The reference's play-outs: to the end of the next turn, at most 24 decisions, as the play-out search that was
# ``hard`` until 2026-12-07 made them (game/ai/mcts.py at commit 45ee358).
HORIZON, TURNS = 24, 2
Position = tuple[int, int, str, GameState]  # game seed, decision number, faction to move, state
Reference = dict[int, float]  # index in the position's legal moves -> reference value

_game: Game | None = None
_rules_dir: Path = DEFAULT_RULES_DIR


def _setup(rules_dir: Path) -> None:
    global _game, _rules_dir
    _rules_dir, _game = rules_dir, None


def game() -> Game:
    global _game
    if _game is None:
        _game = Game(load_rules_dir(_rules_dir))
    return _game


def positions_of(job: tuple[int, int]) -> list[Position]:
    """Every ``every``-th decision with a choice in the all-``normal`` game of ``seed``."""
    seed, every = job
    played = game()
    bots = seat_bots(played, parse_bots("normal", played.seats), seed)
    state, found, decisions = played.new_initial_state(seed), [], 0
    while not played.is_terminal(state):
        player = played.current_player(state)
        if player == CHANCE:
            state = played.apply(state, played.sample_chance(state))
            continue
        if len(played.legal_moves(state)) > 1:
            decisions += 1
            if decisions % every == 0:
                found.append((seed, decisions, str(player), state))
        state = played.apply(state, bots[player].choose(played, state))
    return found


def reference(job: tuple[Position, int, int]) -> Reference:
    """The pool's moves, each played out in the same worlds: mean win chance by legal-move index."""
    return {index: statistics.fmean(values) for index, values in reference_by_world(job).items()}


def reference_by_world(job: tuple[Position, int, int]) -> dict[int, list[float]]:
    """The pool's moves (the ``pool`` the one-move look-ahead rates best), each played out in the same ``worlds``
    worlds: the win chance each play-out ended in, world by world, by legal-move index."""
    (seed, decision, faction, state), worlds, pool = job
    played = game()
    seat = played.rules.seat_index[faction]
    base = derive_seed(seed, 1000 + decision)
    forecaster = Forecaster(played, derive_seed(base, 0))
    first = played.determinise(state, faction, base)
    moves = played.legal_moves(state)  # the mover's own cards are the same in every world: so are its moves
    rated = sorted(range(len(moves)), key=lambda index: -forecaster.expected(
        played.apply_generated(first, moves[index]), seat, CHANCE_DEPTH))[:pool]
    values: dict[int, list[float]] = {index: [] for index in rated}
    for world_number in range(worlds):
        world = played.determinise(state, faction, derive_seed(base, world_number + 1))
        for index in rated:
            values[index].append(forecaster.value_after(world, moves[index], seat, HORIZON, TURNS))
    return values


def regret(job: tuple[Position, Reference, str, int]) -> tuple[str, float, dict[str, object]]:
    """One spec's choice in one position: the faction, the regret, and the choice beside the reference's best."""
    (seed, decision, faction, state), values, spec, repeat = job
    played = game()
    bot = parse_level(spec).make(derive_seed(seed, decision * 101 + repeat))
    moves = played.legal_moves(state)
    chosen = moves.index(bot.choose(played, state))
    best = max(values, key=values.__getitem__)
    value = values.get(chosen, min(values.values()))
    choice = {"game": seed, "decision": decision, "turn": state.turn, "faction": faction,
              "chosen": played.describe_move(state, moves[chosen]), "chosen_value": round(value, 3),
              "best": played.describe_move(state, moves[best]), "best_value": round(values[best], 3)}
    return faction, values[best] - value, choice


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="+", help="bot specs to score, e.g. normal hard hard:candidates=4")
    parser.add_argument("--games", type=int, default=10, help="all-normal games the positions come from")
    parser.add_argument("--every", type=int, default=6, help="take every K-th decision with a choice")
    parser.add_argument("--worlds", type=int, default=32, help="worlds the reference plays each move in")
    parser.add_argument("--pool", type=int, default=8, help="moves the reference rates in each position")
    parser.add_argument("--repeats", type=int, default=2, help="choices of each spec per position, seeds apart")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="list the N costliest choices of each spec")
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES_DIR)
    args = parser.parse_args()
    for spec in args.specs:  # refuse a bad spec before the long reference search
        try:
            parse_level(spec)
        except SpecError as error:
            parser.error(str(error))
    if load_or_report(args.rules) is None:  # a broken rules folder is reported once, not by every process
        raise SystemExit(1)
    seeds = [(seed, args.every) for seed in range(args.seed, args.seed + args.games)]
    with multiprocessing.Pool(args.jobs, initializer=_setup, initargs=(args.rules,)) as pool:
        found = [position for batch in pool.map(positions_of, seeds, chunksize=1) for position in batch]
        references = pool.map(reference, [(position, args.worlds, args.pool) for position in found], chunksize=1)
        for spec in args.specs:
            rows = pool.map(regret, [(position, values, spec, repeat) for position, values in zip(found, references)
                                     for repeat in range(args.repeats)], chunksize=4)
            by_faction: dict[str, list[float]] = {}
            for faction, loss, _ in rows:
                by_faction.setdefault(faction, []).append(loss)
            losses = [loss for _, loss, _ in rows]
            costliest = [choice for _, loss, choice in sorted(rows, key=lambda row: -row[1])[:args.show] if loss > 0]
            print(json.dumps({
                "benchmark": "decision_quality", "spec": spec, "positions": len(found), "repeats": args.repeats,
                "worlds": args.worlds, "pool": args.pool,
                "regret": round(statistics.fmean(losses), 4),
                "found_best": round(sum(loss < 1e-9 for loss in losses) / len(losses), 3),
                "by_faction": {faction: round(statistics.fmean(values), 4)
                               for faction, values in sorted(by_faction.items())},
                **({"costliest": costliest} if args.show else {}),
            }), flush=True)


if __name__ == "__main__":
    main()
