"""Unit tokens: counters in the owner's colour with the unit's type, strength and the owner's symbol.

Units of one owner and kind in the same state are drawn as one stack: the
counter with copies peeking out behind it and the count in a badge. Token
pictures are cached, so drawing a board full of units costs a few blits.
"""

from collections.abc import Iterable

import attrs
import pygame

from game.engine.query import strength
from game.engine.state import Unit
from game.ruleset.model import Ruleset
from game.ui import palette as pal
from game.ui.assets import Assets

STACKS_PER_ROW = 3


@attrs.frozen
class Stack:
    """Units of one owner and kind, alike in state, standing in one area."""

    owner: str
    kind: str
    strength: int
    drunk: bool
    demoralised: bool
    spent: bool
    uids: tuple[int, ...]

    @property
    def count(self) -> int:
        """How many units the stack holds."""
        return len(self.uids)

    def look(self) -> tuple[str, str, int, bool, bool, bool, int]:
        """What the picture depends on (the cache key)."""
        return self.owner, self.kind, self.strength, self.drunk, self.demoralised, self.spent, self.count


def badge_size(token: int) -> int:
    """The diameter of the count badge on a stack of tokens ``token`` pixels wide."""
    return max(10, round(token * 0.5))


def badge_overhang(token: int) -> int:
    """How far the count badge sticks out above and to the right of a token ``token`` pixels wide."""
    return badge_size(token) // 2


def unit_codes(rules: Ruleset) -> dict[str, str]:
    """A two-letter code for each unit type, unique: initials of its words, else its first letters."""
    codes: dict[str, str] = {}
    for unit in rules.units:
        words = [word for word in unit.name.replace("-", " ").replace("'", "").split() if word[0].isalpha()]
        options = [(words[0][0] + words[1][0]).upper()] if len(words) > 1 else []
        options += [(words[0][0] + letter).upper() for letter in words[0][1:]]
        codes[unit.id] = next((code for code in options if code not in codes.values()), unit.id[:2].upper())
    return codes


def stacks_of(rules: Ruleset, units: Iterable[Unit], hidden: frozenset[int] = frozenset()) -> list[Stack]:
    """The stacks that units make, in the order their owners and kinds first appear."""
    groups: dict[tuple[str, str, int, bool, bool, bool], list[int]] = {}
    for unit in units:
        if unit.uid not in hidden:
            key = (unit.owner, unit.kind, strength(rules, unit), unit.drunk, unit.demoralised, unit.spent)
            groups.setdefault(key, []).append(unit.uid)
    return [Stack(*key, uids=tuple(uids)) for key, uids in groups.items()]


class TokenPainter:
    """Draws and caches token pictures of one size."""

    def __init__(self, rules: Ruleset, assets: Assets, size: int, colours: dict[str, pal.Colour]) -> None:
        self.rules, self.assets, self.size, self.colours = rules, assets, size, colours
        self.codes = unit_codes(rules)
        self.gap = max(2, size // 6)
        self.badge = badge_size(size)
        self._cache: dict[tuple[object, ...], pygame.Surface] = {}

    def picture(self, stack: Stack) -> pygame.Surface:
        """The stack as drawn: its top-left is the token's top-left, less the badge's overhang."""
        key = stack.look()
        if key not in self._cache:
            self._cache[key] = self._draw_stack(stack)
        return self._cache[key]

    @property
    def overhang(self) -> int:
        """How far the count badge sticks out above and to the right of a token."""
        return badge_overhang(self.size)

    def positions(self, anchor: tuple[int, int], count: int) -> list[tuple[int, int]]:
        """Top-left corners of ``count`` tokens in rows of three, centred under the anchor."""
        size, gap = self.size, self.gap
        spots = []
        for index in range(count):
            row, column = divmod(index, STACKS_PER_ROW)
            in_row = min(STACKS_PER_ROW, count - row * STACKS_PER_ROW)
            width = in_row * size + (in_row - 1) * gap
            spots.append((anchor[0] - width // 2 + column * (size + gap), anchor[1] + row * (size + gap)))
        return spots

    def _draw_stack(self, stack: Stack) -> pygame.Surface:
        size, over = self.size, self.overhang
        extra = min(stack.count, 3) - 1
        surface = pygame.Surface((size + 3 * extra + over + 1, size + 3 * extra + over + 1), pygame.SRCALPHA)
        token = self._token(stack)
        for copy in range(extra, -1, -1):
            surface.blit(token, (3 * copy, over + 3 * copy))
        if stack.count > 1:
            centre = (size - 1, over)
            pygame.draw.circle(surface, pal.PAPER_LIGHT, centre, self.badge // 2 + 1)
            pygame.draw.circle(surface, pal.INK, centre, self.badge // 2 + 1, 1)
            digits = self.assets.font("sans_bold", max(7, self.badge - 2)).render(str(stack.count), True, pal.INK)
            surface.blit(digits, digits.get_rect(center=(centre[0], centre[1] + 1)))
        return surface

    def _token(self, stack: Stack) -> pygame.Surface:
        size = self.size
        colour = self.colours.get(stack.owner, pal.NEUTRAL)
        ink = pal.text_on(colour)
        token = pygame.Surface((size, size), pygame.SRCALPHA)
        radius = max(2, size // 6)
        pygame.draw.rect(token, (*pal.darker(colour, 0.45), 255), (1, 1, size - 1, size - 1), border_radius=radius)
        pygame.draw.rect(token, colour, (0, 0, size - 1, size - 1), border_radius=radius)
        pygame.draw.rect(token, pal.darker(colour), (0, 0, size - 1, size - 1), 1, border_radius=radius)
        font = self.assets.font("sans_bold", max(7, round(size * 0.42)))
        code = font.render(self.codes.get(stack.kind, "?"), True, ink)
        token.blit(code, code.get_rect(midtop=(size // 2, max(0, round(size * 0.02)))))
        symbol = self.rules.faction[stack.owner].symbol if stack.owner in self.rules.faction else "circle"
        pal.draw_symbol(token, symbol, (size * 0.28, size * 0.72), size * 0.17, ink)
        number = font.render(str(stack.strength), True, ink)
        token.blit(number, number.get_rect(center=(size * 0.7, size * 0.72)))
        if stack.drunk:  # a slash across: this unit cannot fight until it sobers up
            pygame.draw.line(token, ink, (size * 0.15, size * 0.9), (size * 0.85, size * 0.12), max(1, size // 12))
        if stack.demoralised:  # a notch in the corner: strength halved for good
            pygame.draw.polygon(token, pal.PAPER_LIGHT, ((size - 1, size * 0.55), (size - 1, size - 1),
                                                         (size * 0.55, size - 1)))
        if stack.spent:
            token.set_alpha(150)
        return token
