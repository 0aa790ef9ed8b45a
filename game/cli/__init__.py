"""The command line: ``python -m game`` or ``petrograd``.

This is where the engine, the rules files, the saves and the terminal meet;
every expected failure ends in a clear message and a non-zero exit code, never
a traceback.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from game import __version__
from game.cli import arena, replay, rescore, rulescmd, simulate
from game.rulesdir import DEFAULT_RULES_DIR

BOTS_HELP = ("a level for every seat (random, normal, hard, hard:iterations=N, hard:time=S), "
             "or per seat: sovnarkom=hard,whites=normal,...")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(prog="petrograd", description="Petrograd 1917: a strategy game of the weeks "
                                     "after the October insurrection.")
    parser.add_argument("--version", action="version", version=f"Petrograd 1917 {__version__}")
    _add_desktop_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("validate", help="check a folder of rules files")
    check.add_argument("rules_dir", nargs="?", type=Path, default=DEFAULT_RULES_DIR, metavar="RULES_DIR",
                       help="the folder of *.yaml rules files (default: the shipped rules)")
    check.set_defaults(run=rulescmd.validate)

    rules = commands.add_parser("rules", help="work with the rules: 'rules export'")
    rules_commands = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    export = rules_commands.add_parser("export", help="print the loaded rules as JSON")
    _add_rules_option(export)
    export.set_defaults(run=rulescmd.export)

    sim = commands.add_parser("simulate", help="play whole games headless with bots")
    sim.add_argument("--games", type=_positive, default=1, help="how many games (default 1)")
    sim.add_argument("--seed", type=int, default=1, help="seed of the first game; game i uses seed + i (default 1)")
    sim.add_argument("--bots", default="random", help=BOTS_HELP)
    sim.add_argument("--json", action="store_true", help="print one JSON object instead of the summary")
    sim.add_argument("--log", action="store_true", help="print the game move by move (needs --games 1)")
    sim.add_argument("--save", type=Path, metavar="FILE", help="save the game to FILE (needs --games 1)")
    sim.add_argument("--chart", type=Path, metavar="FILE", help="draw the win rates per faction (.png or .svg)")
    sim.add_argument("--jobs", type=_positive, default=1, help="spread the games over J processes (default 1)")
    sim.add_argument("--keep-finals", type=Path, metavar="DIR",
                     help="save every game in DIR (game-SEED.json), for 'rescore' to score again under other points")
    _add_scenario_option(sim)
    _add_rules_option(sim)
    sim.set_defaults(run=simulate.run)

    match = commands.add_parser("arena", help="seat-rotated matches of one bot spec against another")
    match.add_argument("--bots", required=True, metavar="SPEC", help="the first spec, e.g. hard or normal")
    match.add_argument("--vs", required=True, metavar="SPEC", help="the second spec, on the other seats")
    match.add_argument("--games", type=_positive, default=40, help="how many games (default 40)")
    match.add_argument("--seed", type=int, default=1, help="seed of the first game; game i uses seed + i")
    match.add_argument("--jobs", type=_positive, default=1, help="spread the games over J processes (default 1)")
    match.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    _add_scenario_option(match)
    _add_rules_option(match)
    match.set_defaults(run=arena.run)

    score = commands.add_parser("rescore", help="score the games kept by 'simulate --keep-finals' under other points")
    score.add_argument("finals", type=Path, metavar="DIR", help="the folder of kept games")
    score.add_argument("--rules", type=Path, action="append", required=True, metavar="RULES_DIR",
                       help="the rules whose objectives and tie-breaks score the games again (repeat to compare)")
    score.add_argument("--played-with", type=Path, default=DEFAULT_RULES_DIR, metavar="DIR",
                       help="the rules the games were played with (default: the shipped rules)")
    score.add_argument("--jobs", type=_positive, default=1, help="replay the games over J processes (default 1)")
    score.add_argument("--json", action="store_true", help="print one JSON object instead of the tables")
    score.set_defaults(run=rescore.run)

    again = commands.add_parser("replay", help="replay a save and print its log and result")
    again.add_argument("save", type=Path, metavar="SAVE")
    _add_rules_option(again)
    again.set_defaults(run=replay.run)
    return parser


def _add_desktop_options(parser: argparse.ArgumentParser) -> None:
    """Options of the desktop game, which starts when no command is given."""
    desktop = parser.add_argument_group("the desktop game (no COMMAND)")
    desktop.add_argument("--autoplay", action="store_true",
                         help="every seat a normal bot, played to the end on screen (a demo)")
    desktop.add_argument("--seed", dest="game_seed", type=int, metavar="S", help="the game's seed (with --autoplay)")
    desktop.add_argument("--speed", choices=("slow", "normal", "fast", "off"),
                         help="animation speed (default: from the settings)")
    desktop.add_argument("--exit-at-end", action="store_true", help="close the window when the game ends")
    desktop.add_argument("--screenshot-dir", type=Path, metavar="DIR",
                         help="save a PNG of the board at the start of each turn and of the end screen")
    desktop.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)  # benchmarks: quit at once


def desktop(args: argparse.Namespace) -> int:
    """Open the desktop game (pygame is imported only now, so the other commands start fast)."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # pygame's greeting is not ours to print
    from game.ui.app import Options, run
    return run(Options(autoplay=args.autoplay, seed=args.game_seed, speed=args.speed, exit_at_end=args.exit_at_end,
                       screenshot_dir=args.screenshot_dir, startup_probe=args.startup_probe))


def _add_scenario_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", metavar="ID", help="which scenario of the rules to play (default: the first)")


def _add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES_DIR, metavar="DIR",
                        help="the folder of rules files (default: the shipped rules)")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return desktop(args)
        return int(args.run(args))
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. '| head'); nothing left to say
        return 0
    except KeyboardInterrupt:
        print("petrograd: interrupted", file=sys.stderr)
        return 130
