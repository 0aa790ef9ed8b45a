"""Hover notes: an area's or a unit's rules and history, a track's meaning, a card's text, why an option is closed."""

import pygame

from game.engine.query import controller, influence, support, track_value, undecided, units_in
from game.engine.state import GameState
from game.ruleset.model import Ruleset
from game.ui import palette as pal
from game.ui.assets import Assets
from game.ui.describe import INDENT, features_text
from game.ui.faces import CardFace
from game.ui.text import wrap
from game.ui.tokens import Stack

KIND_NAMES = {"district": "District", "site": "Site", "approach": "Approach to the city", "offmap": "Off the map"}
Line = tuple[str, str, pal.Colour]  # font role, text, colour


def area_lines(rules: Ruleset, state: GameState, area_id: str) -> list[Line]:
    """What a player reads about an area: name, kind, holder, numbers, units, history, question."""
    area = rules.area[area_id]
    holder = controller(rules, state, area_id)
    held = f"held by {rules.faction[holder].short}" if holder else "held by nobody"
    lines: list[Line] = [("bold", area.name, pal.INK), ("italic", f"{KIND_NAMES[area.kind]}, {held}", pal.INK_SOFT)]
    facts = [f"influence +{area.influence} a turn" if area.influence else "",
             f"defence +{area.defence}" if area.defence else "",
             f"has {features_text(rules, area.features)}" if area.features else ""]
    if any(facts):
        text = "; ".join(fact for fact in facts if fact)
        lines.append(("body", text[:1].upper() + text[1:], pal.INK))  # not capitalize(): it would write "the duma"
    units = units_in(state, area_id)
    if units:
        counts: dict[tuple[str, str], int] = {}
        for unit in units:
            counts[(unit.owner, unit.kind)] = counts.get((unit.owner, unit.kind), 0) + 1
        text = ", ".join(f"{rules.unit[kind].counted(count)} ({rules.faction[owner].short})"
                         for (owner, kind), count in counts.items())
        lines.append(("body", f"Units: {text}", pal.INK))
    if area.history:
        lines.append(("italic", area.history, pal.INK_SOFT))
    if area.discuss:
        lines.append(("body", f"Discuss: {area.discuss}", pal.SEPIA))
    return lines


def stack_lines(rules: Ruleset, stack: Stack) -> list[Line]:
    """What a player reads about a unit stack."""
    kind = rules.unit[stack.kind]
    owner = rules.faction[stack.owner]
    neutral = "" if owner.seat else " (neutral until won over)"
    status = [word for word, on in (("drunk: strength 0, cannot move", stack.drunk),
                                    ("demoralised: strength halved", stack.demoralised),
                                    ("has acted this turn", stack.spent)) if on]
    lines: list[Line] = [("bold", f"{stack.count} × {kind.name}", pal.INK),
                         ("italic", f"{owner.short}{neutral}; strength {stack.strength} each", pal.INK_SOFT)]
    if status:
        lines.append(("body", "; ".join(status).capitalize(), pal.INK))
    if kind.history:
        lines.append(("italic", kind.history, pal.INK_SOFT))
    return lines


def track_lines(rules: Ruleset, state: GameState, key: str) -> list[Line]:
    """What a player reads about a track of the side panel: ``bread``, ``support:workers``, ``influence:whites``."""
    kind, _, ident = key.partition(":")
    if kind == "support":
        return _support_lines(rules, state, ident)
    if kind == "influence":
        return _influence_lines(rules, state, ident)
    track = rules.track[key]
    unit = f" {track.unit}" if track.unit else ""
    lines: list[Line] = [("bold", track.name, pal.INK),
                         ("italic", f"Now {track_value(rules, state, key)}{unit}, from {track.min} to {track.max}",
                          pal.INK_SOFT)]
    return lines + _teaching(track.history, track.discuss)


def _support_lines(rules: Ruleset, state: GameState, group_id: str) -> list[Line]:
    group = rules.group[group_id]
    shares = ", ".join(f"{rules.faction[seat].short} {support(rules, state, group_id, seat)}" for seat in rules.seats)
    lines: list[Line] = [("bold", f"Support of the {group.name.lower()}", pal.INK),
                         ("body", f"{shares}; undecided {undecided(rules, state, group_id)} (of {group.size})",
                          pal.INK),
                         ("italic", f"Every {rules.scenario.support_per_influence} points of support a faction holds "
                          "in all groups together bring it 1 influence at income.", pal.INK_SOFT)]
    return lines + _teaching(group.history, group.discuss)


def _influence_lines(rules: Ruleset, state: GameState, faction_id: str) -> list[Line]:
    faction = rules.faction[faction_id]
    lines: list[Line] = [("bold", faction.name, pal.INK),
                         ("body", f"Influence {influence(rules, state, faction_id)}: spent on actions, decrees and "
                          "cards; gained at income from its base, the places it holds and its support.", pal.INK)]
    if faction.goals:
        lines.append(("italic", f"Wants: {faction.goals}", pal.INK_SOFT))
    return lines + _teaching(faction.history, faction.discuss)


def face_lines(face: CardFace, reason: str = "") -> list[Line]:
    """A card's or action's text as a hover note, with why it cannot be used now."""
    cost = f" · costs {face.cost} influence" if face.cost else ""
    lines: list[Line] = [("bold", face.title, pal.INK), ("italic", f"{face.label}{cost}", pal.INK_SOFT)]
    if reason:
        prefix = f"{face.title}: "
        lines.append(("bold", f"Not now: {reason[len(prefix):] if reason.startswith(prefix) else reason}",
                      (150, 40, 30)))
    if face.needs:
        lines.append(("italic", face.needs, pal.INK_SOFT))
    for line in face.effects:
        depth = (len(line) - len(line.lstrip(" "))) // len(INDENT)
        lines.append(("body", "   " * depth + ("• " if depth == 0 else "– ") + line.strip(), pal.INK))
    return lines + _teaching(face.history, face.discuss)


def _teaching(history: str, discuss: str) -> list[Line]:
    lines: list[Line] = []
    if history:
        lines.append(("italic", history, pal.INK_SOFT))
    if discuss:
        lines.append(("body", f"Discuss: {discuss}", pal.SEPIA))
    return lines


def render_note(assets: Assets, lines: list[Line], width: int, size: int) -> pygame.Surface:
    """A parchment note with the lines wrapped to ``width`` pixels."""
    pad = max(6, size // 2)
    rendered: list[pygame.Surface] = []
    for role, text, colour in lines:
        font = assets.font(role, size + (2 if role == "bold" else 0))
        for line in wrap(font, text, width - 2 * pad):
            rendered.append(font.render(line, True, colour))
        rendered.append(pygame.Surface((1, size // 3), pygame.SRCALPHA))
    height = sum(line.get_height() for line in rendered) + 2 * pad - size // 3
    note = pygame.Surface((width, height))
    note.fill(pal.PAPER_LIGHT)
    pygame.draw.rect(note, pal.INK, note.get_rect(), 1)
    y = pad
    for line in rendered:
        note.blit(line, (pad, y))
        y += line.get_height()
    return note
