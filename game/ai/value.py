"""A value learned from who won: the forecast players see, corrected by weights fitted to many games.

The evaluation (``evaluate.py``) scores a position by each faction's goals,
and ``forecast`` turns those scores into win chances. The learned value adds
to the logarithm of each seat's forecast a linear score of what it reads of
the position, and takes a softmax over the seats again. For each seat it
reads the evaluation's terms (as they are and weighed by how late in the game
it is), for each area whether the seat holds it (also weighed by lateness),
the seat's strength there and the strongest rival's, and the same for the
strongest neighbouring area, the city's tracks, flags, decrees passed, each
group's support for the seat and for its strongest rival, the seat's own
tracks and the cards in its hand.

The weights (``value_weights.json``, a weight for each named number, for
each faction) were fitted to the outcomes of thousands of bot games by
``benchmarks/learned_value_trial.py``; docs/balance.md tells how, and what
they do for the ``hard`` bot. They are matched to the rules by name: a number
the rules no longer have is ignored, and one they add counts for nothing until
the weights are fitted again. With no weights at all, the value is the forecast.
"""

import functools
import json
import math
import operator
from collections.abc import Mapping
from importlib import resources

import attrs

from game.ai.evaluate import TERM_NAMES, _distances, _unit_strengths, forecast_of_terms, score_terms
from game.engine import Game, GameState

WEIGHTS_FILE = "value_weights.json"  # beside this module
AREA_PARTS = ("held", "own", "rival", "own_near", "rival_near", "late_held")  # the numbers read for each area


class WeightsError(ValueError):
    """A weights file that cannot be read; the message names the file and what is wrong."""


@attrs.frozen
class Weights:
    """Each faction's weight for each named number of a position; how they were fitted."""

    factions: Mapping[str, Mapping[str, float]]
    fitted: str = ""


def parse_weights(text: str, source: str) -> Weights:
    """Weights from the text of a weights file; ``source`` names the file in errors."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise WeightsError(f"{source}, line {error.lineno}: not valid JSON ({error.msg})") from None
    factions = document.get("factions") if isinstance(document, dict) else None
    if not isinstance(factions, dict):
        raise WeightsError(f"{source}: expected an object with 'factions': {{faction: {{name: weight}}}}")
    parsed: dict[str, dict[str, float]] = {}
    for faction, weights in factions.items():
        if not isinstance(weights, dict):
            raise WeightsError(f"{source}: the weights of '{faction}' should map names to numbers")
        for name, weight in weights.items():
            if isinstance(weight, bool) or not isinstance(weight, int | float) or not math.isfinite(weight):
                raise WeightsError(f"{source}: '{faction}' weight '{name}' should be a finite number, not {weight!r}")
        parsed[faction] = {name: float(weight) for name, weight in weights.items()}
    return Weights(parsed, str(document.get("fitted", "")))


@functools.cache
def shipped_weights() -> Weights:
    """The weights that ship with the game (read once)."""
    text = resources.files("game.ai").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return parse_weights(text, f"game/ai/{WEIGHTS_FILE}")


def feature_names(game: Game) -> dict[str, tuple[str, ...]]:
    """The names of the numbers read for a seat, by kind, in the order they are read."""
    rules = game.rules

    def by_index(index: Mapping[str, int]) -> tuple[str, ...]:
        return tuple(sorted(index, key=index.__getitem__))

    return {"terms": TERM_NAMES,
            "areas": tuple(area.id for area in rules.areas),
            "city": by_index(rules.city_track_index),
            "flags": tuple(flag.id for flag in rules.flags),
            "decrees": tuple(decree.id for decree in rules.decrees),
            "groups": by_index(rules.group_index),
            "tracks": by_index(rules.faction_track_index)}


@attrs.frozen
class _SeatWeights:
    """One seat's weights, lined up with the numbers of a position under these rules."""

    constant: float
    turns_left: float
    terms: tuple[float, ...]
    late_terms: tuple[float, ...]
    held: tuple[float, ...]  # each of AREA_PARTS, for each area
    own: tuple[float, ...]
    rival: tuple[float, ...]
    own_near: tuple[float, ...]
    rival_near: tuple[float, ...]
    late_held: tuple[float, ...]
    city: tuple[float, ...]
    flags: Mapping[str, float]
    decrees: Mapping[str, float]
    support: tuple[float, ...]
    rival_support: tuple[float, ...]
    tracks: tuple[float, ...]
    hand: float


def _line_up(weights: Mapping[str, float], names: dict[str, tuple[str, ...]]) -> _SeatWeights:
    def weigh(*parts: str) -> float:
        return weights.get(":".join(parts), 0.0)

    def each_area(part: str) -> tuple[float, ...]:
        return tuple(weigh("area", area, part) for area in names["areas"])

    return _SeatWeights(
        constant=weigh("constant"), turns_left=weigh("turns_left"),
        terms=tuple(weigh("term", name) for name in names["terms"]),
        late_terms=tuple(weigh("late_term", name) for name in names["terms"]),
        held=each_area("held"), own=each_area("own"), rival=each_area("rival"), own_near=each_area("own_near"),
        rival_near=each_area("rival_near"), late_held=each_area("late_held"),
        city=tuple(weigh("city", track) for track in names["city"]),
        flags={flag: weigh("flag", flag) for flag in names["flags"]},
        decrees={decree: weigh("decree", decree) for decree in names["decrees"]},
        support=tuple(weigh("support", group) for group in names["groups"]),
        rival_support=tuple(weigh("rival_support", group) for group in names["groups"]),
        tracks=tuple(weigh("track", track) for track in names["tracks"]), hand=weigh("hand"))


class LearnedValue:
    """Every seat's win chance in a position: the forecast, corrected by the learned weights."""

    def __init__(self, game: Game, weights: Weights) -> None:
        rules, names = game.rules, feature_names(game)
        self.game = game
        self.seat_weights = tuple(_line_up(weights.factions.get(faction, {}), names) for faction in game.seats)
        known = frozenset(all_names(names))
        self.unknown = tuple(sorted({name for faction in game.seats for name in weights.factions.get(faction, {})
                                     if name not in known}))  # weights these rules have nothing for
        self.area_index = {area: index for index, area in enumerate(names["areas"])}
        steps = _distances(rules)
        self.neighbours = tuple(tuple(self.area_index[other] for other in names["areas"] if steps[area][other] == 1)
                                for area in names["areas"])
        self.strengths = _unit_strengths(rules)
        self.turns = len(rules.scenario.turns)

    def chances(self, state: GameState) -> tuple[float, ...]:
        """Each seat's win chance; the returns once the game is over."""
        game = self.game
        if game.is_terminal(state):
            return game.returns(state)
        terms = score_terms(game, state)
        shown = forecast_of_terms(game, state, terms)
        seats = game.seats
        count = len(self.neighbours)
        strength = [[0.0] * count for _ in seats]
        seat_of = game.rules.seat_index
        for unit in state.units:
            seat = seat_of.get(unit.owner)
            if seat is not None and not unit.demoralised:
                strength[seat][self.area_index[unit.area]] += self.strengths[unit.kind]
        near = [[max([row[other] for other in neighbours], default=0.0) for neighbours in self.neighbours]
                for row in strength]
        turns_left = (self.turns - state.turn) / self.turns
        late = 1.0 - turns_left
        logits = []
        for seat, faction in enumerate(seats):
            weights = self.seat_weights[seat]
            own_terms = terms[seat]
            rivals = [other for other in range(len(seats)) if other != seat]
            total = (weights.constant + weights.turns_left * turns_left
                     + sum(map(operator.mul, weights.terms, own_terms))
                     + late * sum(map(operator.mul, weights.late_terms, own_terms))
                     + sum(map(operator.mul, weights.own, strength[seat]))
                     + sum(map(operator.mul, weights.own_near, near[seat]))
                     + sum(map(operator.mul, weights.rival, _strongest([strength[other] for other in rivals], count)))
                     + sum(map(operator.mul, weights.rival_near, _strongest([near[other] for other in rivals], count))))
            for area, holder in enumerate(state.control):
                if holder == faction:
                    total += weights.held[area] + late * weights.late_held[area]
            total += sum(weight * value for weight, value in zip(weights.city, state.city))
            total += sum(weights.flags.get(flag, 0.0) for flag in state.flags)
            total += sum(weights.decrees.get(decree, 0.0) for decree in state.decrees)
            for group, supports in enumerate(state.support):
                total += (weights.support[group] * supports[seat]
                          + weights.rival_support[group] * max((supports[other] for other in rivals), default=0))
            total += sum(weight * track[seat] for weight, track in zip(weights.tracks, state.per_faction))
            total += weights.hand * len(state.hands[seat])
            logits.append(math.log(max(shown[seat], 1e-9)) + total)
        top = max(logits)
        exps = [math.exp(logit - top) for logit in logits]
        whole = sum(exps)
        return tuple(share / whole for share in exps)


def _strongest(rows: list[list[float]], count: int) -> list[float]:
    """Area by area, the largest of the rows' numbers (0 with no rows)."""
    if len(rows) > 1:
        return list(map(max, *rows))
    return rows[0] if rows else [0.0] * count


def all_names(names: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Every number read for a seat, named, in the order ``benchmarks/learned_value_trial.py`` fits them."""
    return ("constant", "turns_left",
            *(f"{kind}:{name}" for kind in ("term", "late_term") for name in names["terms"]),
            *(f"area:{area}:{part}" for area in names["areas"] for part in AREA_PARTS),
            *(f"city:{track}" for track in names["city"]), *(f"flag:{flag}" for flag in names["flags"]),
            *(f"decree:{decree}" for decree in names["decrees"]),
            *(f"{kind}:{group}" for kind in ("support", "rival_support") for group in names["groups"]),
            *(f"track:{track}" for track in names["tracks"]), "hand")
