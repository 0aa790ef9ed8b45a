"""A trial, not a bot level: a value learned from who won, used by the one-move look-ahead in place of the evaluation.

The evaluation (``evaluate.py``) scores a position by each faction's goals,
and refitting its weights did not help (``evaluation_fit.py``). This trial
asks whether a value learned from many games, over richer features, does
better. For every seat it reads the evaluation's terms (also weighed by how
late in the game it is), for every area who holds it, the seat's strength
there, the strongest rival's, and the same one step away, the city's
tracks, support (the seat's and the strongest rival's), the seat's own
tracks, flags, decrees passed and cards in hand: 203 numbers a seat. A
softmax over the seats of a linear score each (its own weights for each
faction) is fitted to who won, added to the logarithm of the forecast
players see (``evaluate.forecast``), so that the fit corrects the forecast
rather than starts from nothing.

Round 0 plays ``--games`` seeded all-``normal`` games and reads every third
decision of each. Each round fits the value on four fifths of the games (the
rest are held out, to compare its log loss at the winners with the
forecast's) and plays a seat-rotated match of the look-ahead judging by it
(level ``learned``) against ``normal``. The next round adds
``--round-games`` games with ``learned`` in every seat, so that the value
also sees the positions its own choices lead to, and fits again.

Prints one JSON line: for each round the positions, the held-out log loss of
the forecast and of the learned value, and the match's win rate, baseline,
gain and win rates by faction. Needs numpy, which the ``openspiel`` extra
installs.

``--save FILE`` keeps the last fit. ``--load FILE`` fits nothing: it plays
``--first`` against ``--second`` (``normal``) with a kept fit, either ``learned`` or the
tree trial of ``tree_search_trial.py`` (``tree:iterations=300``), whose
leaves then read the learned value; with ``--speed`` it times that tree
against OpenSpiel's MCTS as ``tree_search_trial.py speed`` does.

Usage: python benchmarks/learned_value_trial.py [--games N] [--rounds R] [--round-games N] [--match-games N]
       [--every K] [--steps S] [--jobs J] [--seed S] [--without PREFIX...] [--save FILE]
       python benchmarks/learned_value_trial.py --load FILE [--without PREFIX...] [--first SPEC] [--second SPEC]
       [--match-games N] [--speed] [--export FILE]

``--without decree:`` leaves the numbers whose names start so out of the
fit (their weights stay at nothing); with ``--load`` it sets a kept fit's
weights for them to nothing.
"""

import argparse
import json
import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

try:
    import numpy as np
except ImportError:  # pragma: no cover - reported to the user
    sys.exit("learned_value_trial.py needs numpy: pip install -e '.[openspiel]'")

from game.ai import lookahead, spec, value
from game.ai.evaluate import _distances, _unit_strengths, forecast, score_terms
from game.ai.runner import play_game, seat_bots
from game.ai.tree import value_key
from game.engine import CHANCE, Game, GameState, Move
from game.rulesdir import DEFAULT_RULES_DIR, load_rules_dir

sys.path.insert(0, str(Path(__file__).parent))
from strength import measure  # noqa: E402  (the same match and summary as strength.py)

HELD_OUT = 5  # every fifth game is held out
PENALTY = 3e-3  # on the squared weights (standardised features); of 0.1, 0.03, 0.01 and 3e-3, the best held out
CACHE_LIMIT = 200_000


class Features:
    """What the learned value reads of a position, a row of numbers for each seat."""

    def __init__(self, game: Game) -> None:
        rules = game.rules
        self.game, self.seats = game, game.seats
        self.areas = [area.id for area in rules.areas]
        index = {area: i for i, area in enumerate(self.areas)}
        steps = _distances(rules)
        self.area_index = index
        self.neighbours = [[index[other] for other in self.areas if steps[area][other] == 1] for area in self.areas]
        self.strengths = _unit_strengths(rules)
        self.flags = [flag.id for flag in rules.flags]
        self.decrees = [decree.id for decree in rules.decrees]
        self.turns = len(rules.scenario.turns)

    def names(self) -> list[str]:
        """The name of each number in a row, in order, as ``game/ai/value.py`` reads them."""
        return list(value.all_names(value.feature_names(self.game)))

    def __call__(self, state: GameState) -> Any:
        seats, seat_of = self.seats, {faction: i for i, faction in enumerate(self.seats)}
        strength = np.zeros((len(seats), len(self.areas)))
        for unit in state.units:
            seat = seat_of.get(unit.owner)
            if seat is not None and not unit.demoralised:
                strength[seat, self.area_index[unit.area]] += self.strengths[unit.kind]
        near = np.zeros_like(strength)
        for area, neighbours in enumerate(self.neighbours):
            if neighbours:
                near[:, area] = strength[:, neighbours].max(axis=1)
        turns_left = (self.turns - state.turn) / self.turns
        late = 1.0 - turns_left
        terms = np.array(score_terms(self.game, state))
        shared = np.concatenate([np.array(state.city, dtype=float),
                                 [1.0 if flag in state.flags else 0.0 for flag in self.flags],
                                 [1.0 if decree in state.decrees else 0.0 for decree in self.decrees]])
        support = np.array(state.support, dtype=float)  # groups by seats
        rows = []
        for seat, faction in enumerate(seats):
            held = np.array([1.0 if holder == faction else 0.0 for holder in state.control])
            areas = np.stack([held, strength[seat], np.delete(strength, seat, axis=0).max(axis=0), near[seat],
                              np.delete(near, seat, axis=0).max(axis=0), held * late], axis=1).ravel()
            rows.append(np.concatenate([[1.0, turns_left], terms[seat], terms[seat] * late, areas, shared,
                                        support[:, seat], np.delete(support, seat, axis=1).max(axis=1),
                                        [float(track[seat]) for track in state.per_faction],
                                        [float(len(state.hands[seat]))]]))
        return np.array(rows)


class LearnedValue:
    """Win chances: the forecast's, corrected by the fitted weights."""

    def __init__(self, game: Game, model: dict[str, Any]) -> None:
        self.game, self.features = game, Features(game)
        self.weights, self.mean, self.scale = model["weights"], model["mean"], model["scale"]
        self.values: dict[Any, tuple[float, ...]] = {}

    def chances(self, state: GameState) -> tuple[float, ...]:
        if state.result is not None:
            return self.game.returns(state)
        key = value_key(state)
        value = self.values.get(key)
        if value is None:
            if len(self.values) > CACHE_LIMIT:
                self.values.clear()
            value = self.values[key] = self.compute(state)
        return value

    def compute(self, state: GameState) -> tuple[float, ...]:
        """The learned chances, not remembered."""
        return tuple(float(share) for share in predict(
            self.weights, ((self.features(state) - self.mean) / self.scale)[None],
            np.log(np.maximum(np.array(forecast(self.game, state)), 1e-9))[None])[0])

    def judge(self, game: Game, state: GameState, faction: str) -> float:
        return self.chances(state)[game.rules.seat_index[faction]]


MODEL: dict[str, Any] = {}  # the fitted model, set before the match's worker processes are forked
_VALUES: dict[int, LearnedValue] = {}


def learned_value(game: Game) -> LearnedValue:
    """The value of ``MODEL`` for this game, made once per process."""
    value = _VALUES.get(id(game))
    if value is None:
        value = _VALUES[id(game)] = LearnedValue(game, MODEL)
    return value


class LearnedLookahead(lookahead.LookaheadBot):
    """The one-move look-ahead of ``normal``, judging by the learned value (it gives no reason)."""

    level = "learned"

    def choose(self, game: Game, state: GameState) -> Move:
        faction = str(game.current_player(state))
        world = game.determinise(state, faction, self.generator.below(1 << 62))
        moves = game.legal_moves(world)
        if len(moves) == 1:
            return moves[0]
        judge = learned_value(game).judge
        values = [lookahead.expected_value(game, game.apply_generated(world, move), faction, lookahead.CHANCE_DEPTH,
                                           judge) for move in moves]
        best = max(values)
        tied = [index for index, value in enumerate(values) if value >= best - 1e-9]
        return moves[tied[self.generator.below(len(tied))]]


spec.LEVELS["learned"] = lambda seed, options: LearnedLookahead(seed)  # for this script only; workers inherit it
spec.LEVEL_OPTIONS["learned"] = ()


def predict(weights: Any, rows: Any, offset: Any) -> Any:
    """Win chances from standardised features (positions, seats, features) and the forecast's log."""
    logits = np.einsum("nsf,sf->ns", rows, weights) + offset
    logits -= logits.max(axis=1, keepdims=True)
    shares = np.exp(logits)
    return shares / shares.sum(axis=1, keepdims=True)


def log_loss(chances: Any, returns: Any) -> float:
    return float(-(returns * np.log(np.maximum(chances, 1e-9))).sum(axis=1).mean())


def fit(rows: Any, returns: Any, offset: Any, steps: int) -> Any:
    """Weights that lower the log loss at the winners plus ``PENALTY``: Adam, full batch."""
    count, seats, width = rows.shape
    weights, first, second = np.zeros((seats, width)), np.zeros((seats, width)), np.zeros((seats, width))
    for step in range(1, steps + 1):
        gradient = np.einsum("ns,nsf->sf", predict(weights, rows, offset) - returns, rows) / count
        gradient[:, 1:] += 2 * PENALTY * weights[:, 1:]
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient ** 2
        weights -= 0.01 * (first / (1 - 0.9 ** step)) / (np.sqrt(second / (1 - 0.999 ** step)) + 1e-8)
    return weights


def positions(job: tuple[str, str, int, int]) -> tuple[Any, Any, Any]:
    """Play one seeded game with the given bots and read every ``every``-th decision: features, forecast, returns."""
    rules_dir, bots, seed, every = job
    game = Game(load_rules_dir(Path(rules_dir)))
    played = play_game(game, seed, seat_bots(game, spec.parse_bots(bots, game.seats), seed))
    features, rows, shown = Features(game), [], []
    state, decisions = game.new_initial_state(seed), 0
    for move in played.moves:
        if game.current_player(state) != CHANCE:
            if decisions % every == 0:
                rows.append(features(state))
                shown.append(forecast(game, state))
            decisions += 1
        state = game.apply(state, move)
    returns = np.tile(np.array(game.returns(played.state)), (len(rows), 1))
    return np.array(rows), np.log(np.maximum(np.array(shown), 1e-9)), returns


def play(rules_dir: Path, bots: str, seeds: Sequence[int], every: int, jobs: int) -> list[tuple[Any, Any, Any]]:
    work = [(str(rules_dir), bots, seed, every) for seed in seeds]
    if jobs <= 1:
        return [positions(job) for job in work]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return pool.map(positions, work, chunksize=4)


def left_out(args: argparse.Namespace) -> Any:
    """Which numbers ``--without`` leaves out, as a mask over a row."""
    names = value.all_names(value.feature_names(Game(load_rules_dir(args.rules))))
    return np.array([any(name.startswith(prefix) for prefix in args.without) for name in names])


def one_round(games: list[tuple[Any, Any, Any]], args: argparse.Namespace) -> dict[str, Any]:
    """Fit on the games not held out, report the held-out log losses, and play the match."""
    test = np.array([index % HELD_OUT == 0 for index, (rows, _, _) in enumerate(games) for _ in rows])
    rows = np.concatenate([rows for rows, _, _ in games])
    offset = np.concatenate([offset for _, offset, _ in games])
    returns = np.concatenate([returns for _, _, returns in games])
    mean, scale = rows[~test].mean(axis=0), rows[~test].std(axis=0)
    mean[:, 0], scale[:, 0] = 0.0, 1.0  # the constant stays 1
    scale[scale < 1e-9] = 1.0
    rows = (rows - mean) / scale
    rows[:, :, left_out(args)] = 0.0  # numbers left out of the fit: their weights stay at nothing
    weights = fit(rows[~test], returns[~test], offset[~test], args.steps)
    MODEL.update(weights=weights, mean=mean, scale=scale)
    _VALUES.clear()
    match = measure(args.rules, "learned", "normal", args.match_games, args.seed, args.jobs)
    return {"positions": len(rows), "held_out": int(test.sum()),
            "log_loss_forecast": round(log_loss(np.exp(offset[test]), returns[test]), 4),
            "log_loss_learned": round(log_loss(predict(weights, rows[test], offset[test]), returns[test]), 4),
            "win_rate": match["win_rate"], "win_rate_baseline": match["win_rate_baseline"], "gain": match["gain"],
            "by_faction": {faction: [figures["win_rate"], figures["win_rate_baseline"]]
                           for faction, figures in match["by_faction"].items()}}


def learned_leaves() -> Any:
    """The tree trial's module, its level "tree" now ``hard``'s search with the kept fit at its leaves."""
    import tree_search_trial

    from game.ai.tree import TreeSearchBot
    from game.ai.value import LearnedValue as ShippedValue

    class KeptFitTree(TreeSearchBot):
        def judge(self, value: ShippedValue, state: GameState) -> tuple[float, ...]:
            if state.result is not None:
                return value.game.returns(state)
            key = value_key(state)  # remembered for one move only, as the shipped search does
            found = self.values.get(key)
            if found is None:
                found = self.values[key] = learned_value(value.game).compute(state)
            return found

    spec.LEVELS["tree"] = lambda seed, options: tree_search_trial.make_tree_bot(seed, options, KeptFitTree)
    tree_search_trial.TreeBot = KeptFitTree  # type: ignore[misc]  # for speed()
    return tree_search_trial


def loaded_speed(args: argparse.Namespace) -> dict[str, Any]:
    """The tree trial's ``speed`` with learned leaves: simulations a second against OpenSpiel's MCTS."""
    tree_search_trial = learned_leaves()
    options = argparse.Namespace(positions=10, iterations=300, openspiel_iterations=30, repeats=args.repeats,
                                 seed=args.seed, bot=tree_search_trial.TreeBot)
    return {"first": "tree:iterations=300", **tree_search_trial.speed(options, Game(load_rules_dir(args.rules)))}


def loaded_match(args: argparse.Namespace) -> dict[str, Any]:
    """The match of ``--first`` against ``--second`` with a saved value; a tree's leaves read it too."""
    if args.first.split(":")[0] == "tree":
        learned_leaves()
    match = measure(args.rules, args.first, args.second, args.match_games, args.seed, args.jobs)
    return {"first": args.first, "second": args.second, "win_rate": match["win_rate"],
            "win_rate_baseline": match["win_rate_baseline"], "gain": match["gain"],
            "think_p95": match["think_p95"], "sims_per_s": match["sims_per_s"],
            "by_faction": {faction: [figures["win_rate"], figures["win_rate_baseline"]]
                           for faction, figures in match["by_faction"].items()}}


def export(path: Path, rules_dir: Path, fitted: str) -> None:
    """Write the kept fit as ``game/ai/value.py`` reads it: each faction's weight for each named number.

    The weights apply to the numbers as they are: the standardising is folded
    into them and into the constant.
    """
    game = Game(load_rules_dir(rules_dir))
    names = Features(game).names()
    weights, mean, scale = MODEL["weights"], MODEL["mean"], MODEL["scale"]
    folded = weights / scale
    folded[:, 0] = weights[:, 0] - (folded[:, 1:] * mean[:, 1:]).sum(axis=1)
    document = {"about": "the learned value's weights (game/ai/value.py); docs/balance.md tells how they were fitted",
                "fitted": fitted,
                "factions": {faction: {name: float(weight) for name, weight in zip(names, folded[seat])}
                             for seat, faction in enumerate(game.seats)}}
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=2000, help="all-normal games to learn from first")
    parser.add_argument("--rounds", type=int, default=3, help="fits, each followed by a match against normal")
    parser.add_argument("--round-games", type=int, default=600, help="all-learned games added after each round")
    parser.add_argument("--match-games", type=int, default=200)
    parser.add_argument("--every", type=int, default=3, help="read every K-th decision of a game")
    parser.add_argument("--steps", type=int, default=400, help="steps of the fit")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1, help="the match's first seed; games to learn from start at 5001")
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES_DIR)
    parser.add_argument("--save", type=Path, help="write the last round's fitted value to this .npz file")
    parser.add_argument("--load", type=Path, help="fit nothing: play --first against normal with this value")
    parser.add_argument("--first", default="learned",
                        help="with --load: the spec to match, 'learned' or the tree trial's 'tree:...', whose "
                             "leaves then read the learned value")
    parser.add_argument("--second", default="normal", help="with --load: the spec it plays against")
    parser.add_argument("--speed", action="store_true", help="with --load: time the tree trial with learned "
                        "leaves (300 simulations a move) against OpenSpiel's MCTS on the search-speed positions")
    parser.add_argument("--without", nargs="+", default=[], metavar="PREFIX",
                        help="leave the numbers whose names start so (e.g. decree:) out of the fit; with --load, "
                             "set their weights to nothing")
    parser.add_argument("--export", type=Path, help="with --load: write the fit as the JSON weights that "
                        "game/ai/value.py reads (game/ai/value_weights.json) and stop")
    parser.add_argument("--repeats", type=int, default=2, help="with --speed: runs, the best kept")
    args = parser.parse_args()
    if min(args.games, args.rounds, args.match_games, args.every, args.steps) < 1 or args.round_games < 0:
        parser.error("--games, --rounds, --match-games, --every and --steps must be at least 1")
    if args.load is not None:
        with np.load(args.load) as saved:
            MODEL.update(weights=saved["weights"], mean=saved["mean"], scale=saved["scale"])
            fitted = str(saved["command"]) if "command" in saved else f"a fit kept in {args.load.name}"
        if args.without:  # a kept fit with some weights set to nothing
            MODEL["weights"] = np.where(left_out(args)[None, :], 0.0, MODEL["weights"])
            fitted += f"; the weights of {', '.join(f'{prefix}...' for prefix in args.without)} set to nothing"
        if args.export is not None:
            export(args.export, args.rules, f"{fitted}, then --load {args.load.name} --export {args.export.name}")
            return
        figures = loaded_speed(args) if args.speed else loaded_match(args)
        print(json.dumps({"benchmark": "learned_value_trial", "loaded": str(args.load), **figures}))
        return
    games = play(args.rules, "normal", range(5001, 5001 + args.games), args.every, args.jobs)
    rounds = []
    for round_index in range(args.rounds):
        if round_index:
            first = 9001 + (round_index - 1) * args.round_games
            games += play(args.rules, "learned", range(first, first + args.round_games), args.every, args.jobs)
        rounds.append(one_round(games, args))
        print(json.dumps(rounds[-1]), file=sys.stderr)  # each round as it ends; the whole on stdout
    if args.save is not None:
        np.savez(args.save, **MODEL, command=np.array("python benchmarks/learned_value_trial.py " + " ".join(
            sys.argv[1:])))
    print(json.dumps({"benchmark": "learned_value_trial", "games": args.games, "round_games": args.round_games,
                      "match_games": args.match_games, "rounds": rounds}))


if __name__ == "__main__":
    main()
