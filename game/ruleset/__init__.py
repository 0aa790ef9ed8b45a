"""The static rules of the game: YAML texts in, a frozen, checked ``Ruleset`` out."""

from game.ruleset.load import content_hash, load_rules
from game.ruleset.model import Ruleset
from game.ruleset.problems import Mark, Problem, RulesError, UnknownScenarioError

__all__ = ["Mark", "Problem", "Ruleset", "RulesError", "UnknownScenarioError", "content_hash", "load_rules"]
