"""``replay``: load a save, replay it move by move, print its log and result."""

import argparse

from game.cli.narrate import Narrator, result_text
from game.cli.output import fail, load_or_report
from game.savegame import SaveError, game_for_save, load_game


def run(args: argparse.Namespace) -> int:
    """Exit 0 after printing the log; a damaged or missing save exits 1 with a one-line reason."""
    rules = load_or_report(args.rules)
    if rules is None:
        return 1
    try:
        game = game_for_save(args.save, rules)
        narrator = Narrator(game)
        loaded = load_game(args.save, game, on_step=narrator.step, on_start=narrator.start)
    except SaveError as error:
        return fail(str(error))
    print(result_text(game, loaded.state))
    return 0
