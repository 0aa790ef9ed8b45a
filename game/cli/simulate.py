"""``simulate``: whole games headless, with a summary a designer can compare between rule changes."""

import argparse
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from game.ai import SpecError, parse_bots, play_game, seat_bots
from game.ai.arena import game_in_worker
from game.ai.runner import PlayedGame
from game.ai.spec import describe_bots
from game.cli.chart import Bar, write_chart
from game.cli.narrate import Narrator, result_text
from game.cli.output import Progress, fail, load_or_report, print_json
from game.engine import Game
from game.engine.log import faction_name
from game.savegame import SaveError, save_game

KEPT_PREFIX = "game-"  # kept games are game-0001.json, ...: what 'rescore' reads


def run(args: argparse.Namespace) -> int:
    """Play the games and print the summary, the JSON or the log."""
    if (args.log or args.save) and args.games != 1:
        return fail("--log and --save work on a single game; add --games 1")
    rules = load_or_report(args.rules, args.scenario)
    if rules is None:
        return 1
    game = Game(rules)
    try:
        specs = parse_bots(args.bots, game.seats)
    except SpecError as error:
        return fail(f"--bots: {error}")
    if args.keep_finals is not None and (problem := finals_folder_problem(args.keep_finals)):
        return fail(f"--keep-finals: {args.keep_finals}: {problem}; nothing was run")
    narrator = Narrator(game) if args.log else None
    started = time.perf_counter()
    if narrator is not None:
        played = [play_game(game, args.seed, seat_bots(game, specs, args.seed), on_step=narrator.step,
                            on_start=narrator.start)]
    else:
        played = play_many(game, args, Progress(args.games, "games"))
    seconds = time.perf_counter() - started
    if args.save:
        try:
            save_game(args.save, game, played[0].seed, played[0].moves, played[0].state,
                      seats={seat: spec.text() for seat, spec in specs.items()})
        except SaveError as error:
            return fail(str(error))
    if args.keep_finals is not None:
        try:
            keep_finals(args.keep_finals, game, played, {seat: spec.text() for seat, spec in specs.items()},
                        args.rules)
        except SaveError as error:
            return fail(str(error))
    summary = summarise(game, played, args.seed, describe_bots(specs))
    if args.chart:
        try:
            write_chart(args.chart, win_bars(game, summary), f"{summary['games']} games, bots {summary['bots']}: "
                                                              "wins per faction")
        except OSError as error:
            return fail(f"{args.chart}: cannot be written: {error.strerror or error}")
    if args.json:
        print_json(summary)
    elif args.log:
        print(result_text(game, played[0].state))
        if args.save:
            print(f"Saved to {args.save}.")
    else:
        print(summary_text(game, summary, seconds))
        if args.save:
            print(f"Saved to {args.save}.")
    if args.keep_finals is not None and not args.json:
        print(f"Kept the {len(played)} game{'s' if len(played) > 1 else ''} in {args.keep_finals}.")
    return 0


def kept_name(seed: int) -> str:
    """The file name of the kept game with this seed: ``game-0007.json``."""
    return f"{KEPT_PREFIX}{seed:04d}.json"


def finals_folder_problem(folder: Path) -> str | None:
    """Why ``--keep-finals`` cannot use ``folder``, if it cannot: games of two batches must not mix."""
    if folder.exists() and not folder.is_dir():
        return "is a file, not a folder"
    if folder.is_dir() and any(folder.glob(f"{KEPT_PREFIX}*.json")):
        return "already holds kept games; give a new or empty folder, so that two batches do not mix"
    return None


def keep_finals(folder: Path, game: Game, played: list[PlayedGame], seats: dict[str, str], rules_dir: Path) -> None:
    """Save every game of the batch in ``folder``, one file per seed, for ``rescore`` to score again."""
    rules_folder = str(rules_dir.resolve())
    for record in played:
        save_game(folder / kept_name(record.seed), game, record.seed, record.moves, record.state, seats=seats,
                  rules_folder=rules_folder)


def play_many(game: Game, args: argparse.Namespace, progress: Progress) -> list[PlayedGame]:
    """The batch of games, over ``--jobs`` processes; game i always has seed + i, whatever the jobs."""
    work = [(str(args.rules), args.scenario, args.bots, args.seed + index) for index in range(args.games)]
    if args.jobs <= 1 or args.games == 1:
        played = []
        for job in work:
            played.append(_play_one(job, game))
            progress.advance()
    else:
        with ProcessPoolExecutor(max_workers=min(args.jobs, args.games)) as pool:
            played = []
            for record in pool.map(_play_one, work, chunksize=4):
                played.append(record)
                progress.advance()
    progress.done()
    return played


def _play_one(job: tuple[str, str | None, str, int], game: Game | None = None) -> PlayedGame:
    rules_dir, scenario, bots, seed = job
    if game is None:
        game = game_in_worker(rules_dir, scenario)
    return play_game(game, seed, seat_bots(game, parse_bots(bots, game.seats), seed))


def win_bars(game: Game, summary: dict[str, Any]) -> list[Bar]:
    """One bar per seat: its share of the games won, in its colour."""
    return [Bar(game.rules.faction[seat].short, game.rules.faction[seat].colour, count / summary["games"])
            for seat, count in summary["wins"].items()]


def summarise(game: Game, played: list[PlayedGame], seed: int, bots: str) -> dict[str, Any]:
    """The figures of a batch of games, the same for the same seed, rules and bots."""
    rules = game.rules
    wins = Counter(faction for record in played if record.state.result for faction in record.state.result.winners)
    decrees = Counter(decree for record in played for decree in record.state.decrees)
    events = Counter(event for record in played for event in record.state.fired)
    endings = Counter(record.state.result.reason if record.state.result else "unfinished" for record in played)
    lengths = [record.state.steps for record in played]
    return {
        "games": len(played),
        "seed": seed,
        "bots": bots,
        "rules": {"id": rules.id, "content_hash": rules.content_hash},
        "scenario": rules.scenario.id,
        "wins": {seat: wins[seat] for seat in game.seats},
        # A tie split between its winners: these add up to the games won by anyone.
        "win_shares": {seat: round(sum(1 / len(record.state.result.winners) for record in played
                                       if record.state.result and seat in record.state.result.winners), 2)
                       for seat in game.seats},
        "shared_wins": sum(1 for record in played if record.state.result and len(record.state.result.winners) > 1),
        "stalled": sum(1 for record in played if record.state.result and record.state.result.stalled),
        "lengths": lengths,
        "mean_length": round(sum(lengths) / len(lengths), 2),
        "max_steps": game.max_steps,
        # Only what could come up in this scenario: the decrees of its seats, the events it can bring.
        "decrees_issued": {decree.id: decrees[decree.id] for decree in rules.decrees if decree.issuer in rules.seats},
        "events_fired": {event.id: events[event.id] for event in rules.events if rules.scenario.can_arrive(event)},
        "endings": dict(endings.most_common()),
        # How often each objective scored at the end: what a change to the points does to play.
        "objectives_held": objectives_held(game, played),
    }


def objectives_held(game: Game, played: list[PlayedGame]) -> dict[str, dict[str, int]]:
    """For each seat, in how many of the games each of its objectives held when the game ended."""
    held = {seat: Counter(goal.name for record in played for goal in game.goals(record.state, seat)
                          if goal.held and not goal.sudden_death)
            for seat in game.seats}
    return {seat: {objective.name: held[seat][objective.name] for objective in game.rules.victory_of(seat).objectives}
            for seat in game.seats}


def summary_text(game: Game, summary: dict[str, Any], seconds: float) -> str:
    """The summary as a designer reads it in a terminal."""
    games = summary["games"]
    scenario = game.rules.scenario
    rows = [f"{scenario.name} ({scenario.id}): {games} game{'s' if games > 1 else ''} from seed {summary['seed']}; "
            f"bots: {summary['bots']}", "",
            "Wins (a shared win counts for every winner; shares split it between them):"]
    for seat, count in summary["wins"].items():
        share = summary["win_shares"][seat]
        rows.append(f"  {faction_name(game.rules, seat):<12} {count:>6}  {100 * count / games:5.1f}%"
                    f"   share {share:>8.2f}  {100 * share / games:5.1f}%")
    lengths = summary["lengths"]
    rows += ["", f"Length: mean {summary['mean_length']} steps, shortest {min(lengths)}, longest {max(lengths)} "
                 f"(bound {summary['max_steps']}); stalled: {summary['stalled']}", "", "How the games ended:"]
    rows += [f"  {count:>6}  {reason}" for reason, count in list(summary["endings"].items())[:8]]
    rows += ["", "Objectives held at the end (games):"]
    for seat, counts in summary["objectives_held"].items():
        rows.append(f"  {faction_name(game.rules, seat)}")
        rows += [f"    {count:>6}  {100 * count / games:5.1f}%  {name}" for name, count in counts.items()]
    never = [name for name, count in summary["decrees_issued"].items() if not count]
    never_fired = [name for name, count in summary["events_fired"].items() if not count]
    rows += ["", f"Decrees never issued: {', '.join(never) or 'none'}",
             f"Events never fired: {', '.join(never_fired) or 'none'}",
             "", f"Time: {seconds:.2f} s ({games / seconds:.1f} games a second)"]
    return "\n".join(rows)
