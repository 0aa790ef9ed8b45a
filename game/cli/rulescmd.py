"""``validate`` and ``rules export``."""

import argparse

from game.cli.output import load_or_report, print_json
from game.rulesdir import load_rules_dir
from game.ruleset import RulesError
from game.ruleset.export import export_rules


def validate(args: argparse.Namespace) -> int:
    """Exit 0 when the rules are clean; otherwise print every problem and exit 1."""
    try:
        rules = load_rules_dir(args.rules_dir)
    except RulesError as error:
        print(error.report())
        print(f"{error}.")
        return 1
    counts = ", ".join(f"{len(getattr(rules, name))} {name}" for name in
                       ("factions", "areas", "units", "actions", "decrees", "events", "cards", "flags", "features"))
    print(f"{args.rules_dir}: no problems ({counts}).")
    return 0


def export(args: argparse.Namespace) -> int:
    """Print the loaded rules as JSON."""
    rules = load_or_report(args.rules)
    if rules is None:
        return 1
    print_json(export_rules(rules))
    return 0
