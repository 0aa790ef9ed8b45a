"""``rescore``: the games kept by ``simulate --keep-finals``, scored again under other objective points.

Each kept game is replayed to its end under the rules it was played with, and
its last position is scored again by another rules folder's objectives and
tie-breaks. That is exact for the points, but the bots would have played
otherwise for other points: a first look, not a new simulation. Games that
ended by a sudden death (or stalled) keep their result, since points played no
part in them.
"""

import argparse
import functools
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from game.cli.output import Progress, fail, load_or_report, print_json
from game.cli.simulate import KEPT_PREFIX
from game.engine import Game, GameState, Result
from game.engine.log import faction_name, listed
from game.rulesdir import load_rules_dir
from game.ruleset import UnknownScenarioError
from game.ruleset.compare import beyond_scoring, layout_differences
from game.ruleset.model import Ruleset
from game.savegame import OtherRulesError, SaveError, game_for_save, load_game

KEPT_FILES = f"{KEPT_PREFIX}*.json"  # as ``simulate --keep-finals`` names them
SHOWN_CHANGES = 20  # games listed in the plain output; --json lists them all


class RescoreError(Exception):
    """A folder of kept games, or rules, that cannot be rescored; the message is one line."""


@attrs.frozen
class KeptGame:
    """A kept game replayed to its end under the rules it was played with."""

    path: Path
    seed: int
    state: GameState

    @property
    def result(self) -> Result:
        """How the game ended as played."""
        assert self.state.result is not None, "kept games are finished games"
        return self.state.result

    @property
    def on_points(self) -> bool:
        """Whether the game went to the final scoring: neither a sudden death nor a stall."""
        return bool(self.result.points)


@attrs.frozen
class Variant:
    """Other rules to score the kept games with: the folder named on the command line and its rules."""

    folder: Path
    game: Game
    other_changes: tuple[str, ...]  # what it changes beyond scoring that the kept games cannot show


def run(args: argparse.Namespace) -> int:
    """Replay the kept games, score them again under each ``--rules`` folder, print the comparison."""
    played_rules = load_or_report(args.played_with)
    if played_rules is None:
        return 1
    variants_rules = []
    for folder in args.rules:
        rules = load_or_report(folder)
        if rules is None:
            return 1
        variants_rules.append((folder, rules))
    try:
        played, kept = replay_folder(args.finals, played_rules, args.played_with, args.jobs)
        variants = [variant_of(folder, rules, played) for folder, rules in variants_rules]
    except (RescoreError, SaveError) as error:
        return fail(str(error))
    summary = summarise(args.finals, args.played_with, played, kept, variants)
    if args.json:
        print_json(summary)
    else:
        print(summary_text(played, summary))
    return 0


def replay_folder(folder: Path, rules: Ruleset, rules_dir: Path, jobs: int = 1) -> tuple[Game, list[KeptGame]]:
    """Every kept game in ``folder`` replayed to its end, in seed order, and the game they were played in.

    With ``jobs`` above 1 the games are replayed over that many processes; the answer is the same.
    """
    if not folder.is_dir():
        raise RescoreError(f"{folder}: no such folder of kept games")
    paths = sorted(folder.glob(KEPT_FILES))
    if not paths:
        raise RescoreError(f"{folder}: holds no kept games ({KEPT_FILES}); keep some with 'simulate --keep-finals'")
    played = _game_for(paths[0], rules, rules_dir)
    kept = []
    progress = Progress(len(paths), "games replayed")
    try:
        for scenario, game in _replays(paths, rules, rules_dir, jobs):
            if scenario != played.rules.id:
                raise RescoreError(f"{game.path}: a game of the scenario '{scenario}', but the games before it are "
                                   f"of '{played.rules.id}'; keep each batch in a folder of its own")
            kept.append(game)
            progress.advance()
    finally:
        progress.done()  # the bar is cleared before any error is printed
    return played, sorted(kept, key=lambda game: (game.seed, game.path))


def _replays(paths: Sequence[Path], rules: Ruleset, rules_dir: Path, jobs: int) -> Iterator[tuple[str, KeptGame]]:
    """Each kept game's scenario and its replay, in the order of ``paths``; over ``jobs`` processes if above 1."""
    if jobs <= 1 or len(paths) == 1:
        for path in paths:
            yield _replay(path, rules, rules_dir)
        return
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(paths)))
    try:
        yield from pool.map(_replay_in_worker, paths, itertools.repeat(str(rules_dir)), chunksize=8)
    finally:
        pool.shutdown(cancel_futures=True)  # after an error, the games not yet begun are not replayed


def _replay(path: Path, rules: Ruleset, rules_dir: Path) -> tuple[str, KeptGame]:
    game = _game_for(path, rules, rules_dir)
    loaded = load_game(path, game)
    if loaded.state.result is None:
        raise RescoreError(f"{path}: the game is not over; only finished games can be scored again")
    return game.rules.id, KeptGame(path, loaded.seed, loaded.state)


def _replay_in_worker(path: Path, rules_dir: str) -> tuple[str, KeptGame]:
    try:
        return _replay(path, _rules_in_worker(rules_dir), Path(rules_dir))
    except SaveError as error:  # its arguments do not cross back to the parent process; its message does
        raise RescoreError(str(error)) from None
    # The rules cannot fail to load here: the parent has loaded the same folder before starting the workers.


@functools.cache
def _rules_in_worker(rules_dir: str) -> Ruleset:
    """The rules the games were played with, loaded once per worker (the parent has loaded them without error)."""
    return load_rules_dir(Path(rules_dir))


def _game_for(path: Path, rules: Ruleset, rules_dir: Path) -> Game:
    try:
        return game_for_save(path, rules)
    except OtherRulesError as error:
        kept_from = error.info.get("rules_folder")
        hint = (f"it was kept from {kept_from}: give that folder, as it was then," if isinstance(kept_from, str)
                else "give the folder it was played with, as it was then,")
        raise RescoreError(f"{path}: played with other rules files than those in {rules_dir} (their content hash "
                           f"differs); {hint} with --played-with") from None


def variant_of(folder: Path, rules: Ruleset, played: Game) -> Variant:
    """``rules`` set up for the kept games' scenario; ``RescoreError`` if they cannot score those games."""
    try:
        rules = rules.with_scenario(played.rules.id)
    except UnknownScenarioError:
        raise RescoreError(f"{folder}: has no scenario '{played.rules.id}', the one the kept games were played "
                           "in") from None
    differences = layout_differences(played.rules, rules)
    if differences:
        raise RescoreError(f"{folder}: cannot score these games again: its {listed(differences)} differ from those "
                           f"they were played with (rescoring is for changes to objectives and tie-breaks)")
    return Variant(folder, Game(rules), beyond_scoring(played.rules, rules))


def rescored(variant: Variant, kept: KeptGame) -> Result:
    """How a kept game ends under the variant: scored again if it went to the final scoring, else as played."""
    return variant.game.scored_at_end(kept.state) if kept.on_points else kept.result


def win_figures(seats: tuple[str, ...], results: list[Result]) -> dict[str, Any]:
    """Wins counted as ``simulate`` counts them: a shared win for every winner, shares split between them."""
    wins = Counter(faction for result in results for faction in result.winners)
    return {
        "wins": {seat: wins[seat] for seat in seats},
        "win_rates": {seat: round(wins[seat] / len(results), 4) for seat in seats},
        "win_shares": {seat: round(sum(1 / len(result.winners) for result in results if seat in result.winners), 2)
                       for seat in seats},
        "mean_points": _mean_points(seats, [result.points for result in results if result.points]),
    }


def _mean_points(seats: tuple[str, ...], points: list[tuple[int, ...]]) -> dict[str, float | None]:
    """Each seat's mean points over the games scored on points (``None`` when there are none)."""
    return {seat: round(sum(row[index] for row in points) / len(points), 2) if points else None
            for index, seat in enumerate(seats)}


def summarise(finals: Path, played_with: Path, played: Game, kept: list[KeptGame],
              variants: list[Variant]) -> dict[str, Any]:
    """The figures of the kept games as played and under each variant, as ``rescore --json`` prints them."""
    seats = played.seats
    return {
        "games": len(kept),
        "finals": str(finals),
        "scenario": played.rules.id,
        "played_with": {"folder": str(played_with), "content_hash": played.rules.content_hash},
        "sudden_deaths": sum(1 for game in kept if not game.on_points and not game.result.stalled),
        "stalled": sum(1 for game in kept if game.result.stalled),
        "played": win_figures(seats, [game.result for game in kept]),
        "rescored": [_variant_summary(seats, variant, kept) for variant in variants],
    }


def _variant_summary(seats: tuple[str, ...], variant: Variant, kept: list[KeptGame]) -> dict[str, Any]:
    results = [rescored(variant, game) for game in kept]
    changed = [{"seed": game.seed, "file": game.path.name, "played": list(game.result.winners),
                "rescored": list(result.winners), "points_played": list(game.result.points),
                "points_rescored": list(result.points)}
               for game, result in zip(kept, results) if set(result.winners) != set(game.result.winners)]
    return {"rules": {"folder": str(variant.folder), "content_hash": variant.game.rules.content_hash},
            "other_changes": list(variant.other_changes), **win_figures(seats, results),
            "winner_changed": changed}


def summary_text(played: Game, summary: dict[str, Any]) -> str:
    """The comparison as a designer reads it in a terminal."""
    games, scenario = summary["games"], played.rules.scenario
    on_points = games - summary["sudden_deaths"] - summary["stalled"]
    rows = [f"{scenario.name} ({scenario.id}): {games} kept game{'s' if games > 1 else ''} in {summary['finals']}, "
            f"played with {summary['played_with']['folder']}",
            f"Ended by a sudden death: {summary['sudden_deaths']} (unchanged by rescoring); stalled: "
            f"{summary['stalled']}; scored again on points: {on_points}"]
    for variant in summary["rescored"]:
        rows += ["", *_variant_text(played, summary["played"], variant, games)]
    return "\n".join(rows)


def _variant_text(played: Game, before: dict[str, Any], after: dict[str, Any], games: int) -> list[str]:
    rules = played.rules
    rows = [f"Under {after['rules']['folder']}:"]
    rows += [f"  Note: it also changes {listed(after['other_changes'])}, which the kept games do not show."
             ] if after["other_changes"] else []
    rows += ["  Wins (a shared win counts for every winner; shares split it between them):",
             f"  {'':<12} {'as played':>22}   {'rescored':>22}   {'mean points':>13}",
             f"  {'':<12} {'wins':>6} {'%':>6} {'share':>8}   {'wins':>6} {'%':>6} {'share':>8}   "
             f"{'played':>6} {'now':>6}"]
    for seat in played.seats:
        rows.append(f"  {faction_name(rules, seat):<12} {_wins(before, seat, games)}   {_wins(after, seat, games)}   "
                    f"{_points(before, seat)} {_points(after, seat)}")
    changed = after["winner_changed"]
    order = "/".join(faction_name(rules, seat) for seat in played.seats)
    rows += ["", f"  Winner changed in {len(changed)} game{'' if len(changed) == 1 else 's'}"
                 f"{f' (points: {order}):' if changed else '.'}"]
    for game in changed[:SHOWN_CHANGES]:
        rows.append(f"    seed {game['seed']} ({game['file']}): {_names(rules, game['played'])} -> "
                    f"{_names(rules, game['rescored'])}; points {_row(game['points_played'])} -> "
                    f"{_row(game['points_rescored'])}")
    if len(changed) > SHOWN_CHANGES:
        rows.append(f"    ... and {len(changed) - SHOWN_CHANGES} more (--json lists them all)")
    return rows


def _wins(figures: dict[str, Any], seat: str, games: int) -> str:
    count, share = figures["wins"][seat], figures["win_shares"][seat]
    return f"{count:>6} {100 * count / games:>5.1f}% {share:>8.2f}"


def _points(figures: dict[str, Any], seat: str) -> str:
    mean = figures["mean_points"][seat]
    return f"{'-' if mean is None else f'{mean:.2f}':>6}"


def _names(rules: Ruleset, factions: Iterable[str]) -> str:
    return " and ".join(faction_name(rules, faction) for faction in factions) or "nobody"


def _row(points: list[int]) -> str:
    return "/".join(map(str, points))

