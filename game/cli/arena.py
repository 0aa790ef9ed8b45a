"""``arena``: seat-rotated matches of one bot spec against another, with confidence intervals and think times."""

import argparse
from typing import Any

from game.ai import SpecError, parse_bots
from game.ai.arena import run_match, summarise_match
from game.cli.output import Progress, fail, load_or_report, print_json
from game.engine import Game
from game.engine.log import faction_name


def run(args: argparse.Namespace) -> int:
    """Play the match and print the table or the JSON."""
    rules = load_or_report(args.rules, args.scenario)
    if rules is None:
        return 1
    game = Game(rules)
    for option, spec in (("--bots", args.bots), ("--vs", args.vs)):
        try:
            levels = {item.text() for item in parse_bots(spec, game.seats).values()}
        except SpecError as error:
            return fail(f"{option}: {error}")
        if len(levels) != 1:
            return fail(f"{option}: give one level for the whole side, e.g. 'hard' or 'hard:time=0.5'")
    progress = Progress(args.games, "games")
    results = run_match(args.rules, args.scenario, args.bots, args.vs, args.games, args.seed, args.jobs,
                        on_game=lambda done: progress.advance())
    progress.done()
    summary = summarise_match(results, game.seats, args.bots, args.vs, args.seed)
    if args.json:
        print_json(summary)
    else:
        print(match_text(game, summary))
    return 0


def match_text(game: Game, summary: dict[str, Any]) -> str:
    """The match as a table: per faction, the first spec's win rate, its interval and the baseline."""
    rows = [f"{summary['first']} against {summary['second']}: {summary['games']} games from seed {summary['seed']}, "
            "the first spec on one seat in turn", "",
            f"  {'seat':<12} {'games':>5}  {'win rate':>8}  {'95% interval':>15}  {'baseline':>8}"]
    for seat, figures in summary["by_faction"].items():
        rows.append(_row(faction_name(game.rules, seat), figures))
    rows.append(_row("all seats", summary))
    sims = summary["sims_per_s"]
    rows += ["", "Baseline: the same seat's win rate when the second spec plays every seat; a shared win counts "
                 "as a share.",
             f"Think time of the first spec per decision: mean {summary['think_mean']:.3f} s, "
             f"median {summary['think_p50']:.3f} s, 95th percentile {summary['think_p95']:.3f} s."]
    if sims["first"] or sims["second"]:
        rows.append(f"Search simulations per second: first {sims['first'] or '-'}, second {sims['second'] or '-'}.")
    return "\n".join(rows + losses_text(game, summary))


def losses_text(game: Game, summary: dict[str, Any], most: int = 3) -> list[str]:
    """Per seat, who won the games the first spec lost there, and how: the ``most`` frequent endings."""
    rows = ["", "Games the first spec lost, by who won and how:"]
    for seat, figures in summary["by_faction"].items():
        lost = sum(loss["games"] for loss in figures["lost_to"])
        if not lost:
            continue
        rows.append(f"  {faction_name(game.rules, seat)}: lost {lost} of {figures['games']}")
        for loss in figures["lost_to"][:most]:
            winners = " and ".join(faction_name(game.rules, winner) for winner in loss["winners"]) or "no one"
            rows.append(f"    {loss['games']:>4}  {winners}: {loss['reason']}")
        if len(figures["lost_to"]) > most:
            rows.append(f"    {sum(loss['games'] for loss in figures['lost_to'][most:]):>4}  other endings")
    return rows if len(rows) > 2 else []


def _row(label: str, figures: dict[str, Any]) -> str:
    low, high = figures["ci95"]
    return (f"  {label:<12} {figures['games']:>5}  {figures['win_rate']:>8.1%}  {low:>6.1%} to {high:>6.1%}"
            f"  {figures['win_rate_baseline']:>8.1%}")
