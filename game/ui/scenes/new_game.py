"""New game: the scenario, who plays each faction (a human or the computer at a level), and the seed.

The first seat is a human and the others normal bots unless the player
chooses otherwise. Start makes ``Session.new(rules, seats, seed,
scenario=id)`` and puts the board in this screen's place, so leaving the
game returns to the main menu.

Keys: Tab or Up and Down walk the controls; Left and Right change a seat;
Enter or Space presses; R draws a new seed; Enter elsewhere starts; Escape
goes back.
"""

import random
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.ruleset.calendar import format_dual
from game.ruleset.model import Ruleset, Scenario
from game.ui import palette as pal
from game.ui.focus import Focusable
from game.ui.session import HUMAN, SEAT_KINDS, Session
from game.ui.timeline import history_line
from game.ui.widgets import MenuScene, OptionRow, badge_picture, button_font, split_row, text_picture

if TYPE_CHECKING:
    from game.ui.app import App

SEAT_LABELS = {HUMAN: ("Human",), "easy": ("Easy AI", "Easy"), "normal": ("Normal AI", "Normal"),
               "hard": ("Hard AI", "Hard")}
SEAT_TIPS = {
    HUMAN: "A player at this screen; with two or more, the board is hidden as the seat changes hands",
    "easy": "The computer follows the faction's flowchart from the rules, with a hunch about one time in three",
    "normal": "The computer weighs every move it may make and the dice it may roll",
    "hard": "The computer searches many possible futures, judged by what thousands of games taught it",
}
MAX_SEED_DIGITS = 9


def new_seed() -> int:
    """A fresh seed for a new game."""
    return random.randrange(1, 10**6)


class NewGameScene(MenuScene):
    """Choose the scenario, the seats and the seed, then start."""

    title = "New game"
    heading_text = "New game"

    def __init__(self, app: "App", seed: int | None = None) -> None:
        super().__init__(app)
        rules = app.rules
        self.scenario_id = rules.scenario.id
        first, *others = rules.seats
        self.seats: dict[str, str] = {first: HUMAN, **{faction: "normal" for faction in others}}
        self.seed_text = str(seed if seed is not None else new_seed())
        self.seat_rows: dict[str, OptionRow] = {}
        self.scenario_row: OptionRow | None = None
        self.seed_entry: pygame_gui.elements.UITextEntryLine | None = None

    @property
    def scenario(self) -> Scenario:
        """The chosen scenario."""
        return next(scenario for scenario in self.app.rules.scenarios if scenario.id == self.scenario_id)

    def played_rules(self) -> Ruleset:
        """The rules set up for the chosen scenario."""
        return self.app.rules.with_scenario(self.scenario_id)

    # --- layout ---------------------------------------------------------------------------------------

    def build(self) -> None:
        """Two columns (scenario and seed; the seats) when the window is wide enough, else one."""
        body = self.body()
        container = self.scrolling_body(body)
        width = body.width - self.px(24)
        if width >= self.px(900):
            left = width * 44 // 100
            height = max(self._scenarios(container, 0, 0, left - self.px(24)),
                         self._seats(container, left + self.px(24), 0, width - left - self.px(24)))
        else:
            height = self._scenarios(container, 0, 0, width)
            height = self._seats(container, 0, height + self.px(16), width)
        self.fit_scroller(height + self.px(8))
        self.back_button()
        start = self.footer_button("right", ("Start the game", "Start"), self.start, width=240,
                                   shortcut=pygame.K_RETURN, tooltip="Open the board with these seats and this seed")
        self.focus_button("start", start)

    def _scenarios(self, container: object, x: int, y: int, width: int) -> int:
        """The scenario cards, then the seed; the bottom of the column."""
        y = self._heading(container, "Scenario", x, y, width)
        rules = self.app.rules
        rects = []
        inset = self.px(10)
        for scenario in rules.scenarios:
            span = text_picture(self.app.assets.font("bold", self.px(14)), _span(scenario), pal.INK_SOFT,
                                width - 2 * inset)
            line = text_picture(self.app.assets.font("italic", self.px(15)), history_line(scenario) or "",
                                pal.INK_SOFT, width - 2 * inset)
            card = pygame.Rect(x, y, width, inset + self.px(46) + span.get_height() + line.get_height() + inset)
            self._picture(container, _card(card.size, scenario.id == self.scenario_id, self.app.scale), x, y)
            rects.append(pygame.Rect(x + inset, y + inset, width - 2 * inset, self.px(40)))
            self._picture(container, span, x + inset + self.px(4), y + inset + self.px(46))
            self._picture(container, line, x + inset + self.px(4), y + inset + self.px(46) + span.get_height())
            y = card.bottom + self.px(12)
        options = [(scenario.id, (scenario.name, scenario.name.split(",")[0]), "Play this scenario")
                   for scenario in rules.scenarios]
        self.scenario_row = OptionRow(self, rects, options, self.scenario_id, self.choose_scenario, container,
                                      object_id=None, uniform=False)
        for scenario, button in zip(rules.scenarios, self.scenario_row.buttons):
            self.focus.add(Focusable(f"scenario:{scenario.id}", lambda button=button: button.rect,
                                     activate=lambda value=scenario.id: self._pick_scenario(value)))
        return self._seed(container, x, y + self.px(6), width)

    def _seed(self, container: object, x: int, y: int, width: int) -> int:
        y = self._heading(container, "Seed", x, y, width)
        entry_width = min(self.px(160), width // 2)
        self.seed_entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(x, y, entry_width, self.px(40)), self.app.ui,
                                                              container=container, initial_text=self.seed_text)
        self.seed_entry.set_allowed_characters("numbers")
        self.seed_entry.set_text_length_limit(MAX_SEED_DIGITS)
        self.seed_entry.set_tooltip("Digits only; the same seed and the same moves give the same game")
        entry = self.seed_entry
        self.focus.add(Focusable("seed", lambda: entry.rect, entry=entry))
        button = self.button("New seed", (x + entry_width + self.px(10), y, min(self.px(150), width - entry_width
                                                                                 - self.px(10)), self.px(40)),
                             self.roll_seed, tooltip="Draw another seed at random", shortcut=pygame.K_r,
                             object_id="@tool_button", container=container)
        self.focus_button("new seed", button)
        y += self.px(48)
        note = "The seed decides the dice, the card draws and the computer's hunches: the same seed and the same " \
               "moves replay the same game."
        return self._picture(container, text_picture(self.app.assets.font("italic", self.px(14)), note, pal.INK_SOFT,
                                                     width - self.px(8)), x, y)

    def _seats(self, container: object, x: int, y: int, width: int) -> int:
        """A row per seat: badge, name, and Human / Easy / Normal / Hard; the faction's aims under it."""
        self._presets(container, x, y, width)
        y = self._heading(container, "Who plays", x, y, width)
        rules = self.played_rules()
        colours = pal.faction_colours(rules, self.app.settings.palette)
        name_width = min(self.px(170), width // 3)
        self.seat_rows = {}
        for faction_id in rules.seats:
            faction = rules.faction[faction_id]
            radius = self.px(11)
            self._picture(container, badge_picture(colours[faction_id], faction.symbol, radius), x,
                          y + self.px(20) - radius)
            name = self.app.assets.font("bold", self.px(17)).render(faction.short, True, pal.INK)
            self._picture(container, name, x + 2 * radius + self.px(10), y + self.px(20) - name.get_height() // 2)
            rects = split_row((x + name_width, y, width - name_width, self.px(40)), len(SEAT_KINDS), self.px(6))
            options = [(kind, SEAT_LABELS[kind], f"{SEAT_TIPS[kind]} ({faction.short})") for kind in SEAT_KINDS]
            row = OptionRow(self, rects, options, self.seats.get(faction_id, "normal"),
                            lambda kind, faction_id=faction_id: self.seats.__setitem__(faction_id, kind), container)
            self.seat_rows[faction_id] = row
            self.focus.add(Focusable(f"seat:{faction_id}", row.rect, step=row.step,
                                     activate=lambda row=row: row.step(1, wrap=True)))
            y += self.px(44)
            aims = faction.goals or faction.name
            y = self._picture(container, text_picture(self.app.assets.font("italic", self.px(14)), aims,
                                                      pal.INK_SOFT, width - name_width), x + name_width, y)
            y += self.px(12)
        return y

    def _presets(self, container: object, x: int, y: int, width: int) -> None:
        """Small buttons on the seats' heading line that set every seat at once: one player, hotseat, demo."""
        rules = self.played_rules()
        first = rules.seats[0]
        presets = (
            ("One player", {f: HUMAN if f == first else "normal" for f in rules.seats},
             f"You play {rules.faction[first].short}; the computer plays the others at normal level"),
            ("All human", dict.fromkeys(rules.seats, HUMAN),
             "Hotseat: every faction a player, the board hidden as the seat changes hands"),
            ("All computer", dict.fromkeys(rules.seats, "normal"),
             "Every faction played by the computer at normal level, for a demonstration"),
        )
        font = button_font(self, "@tool_button")
        widths = [font.size(label)[0] + self.px(20) for label, _, _ in presets]
        heading = self.app.assets.font("title_it", self.px(24)).size("Who plays")[0] + self.px(16)
        if sum(widths) + self.px(6) * 2 > width - heading:
            return  # no room on this line: the rows below do the same, one seat at a time
        right = x + width
        for (label, seats, tip), button_width in reversed(list(zip(presets, widths))):
            rect = pygame.Rect(right - button_width, y, button_width, self.px(30))
            button = self.button(label, rect, lambda seats=seats: self.set_seats(seats), tooltip=tip,
                                 object_id="@tool_button", container=container)
            self.focus_button(f"preset:{label}", button)
            right = rect.left - self.px(6)

    def set_seats(self, seats: dict[str, str]) -> None:
        """Set every seat at once (a preset)."""
        self.seats = dict(seats)
        for faction, row in self.seat_rows.items():
            row.choose(self.seats[faction], notify=False)

    def _heading(self, container: object, text: str, x: int, y: int, width: int) -> int:
        font = self.app.assets.font("title_it", self.px(24))
        picture = pygame.Surface((width, font.get_linesize() + self.px(6)), pygame.SRCALPHA)
        picture.blit(font.render(text, True, pal.SEPIA), (0, 0))
        pygame.draw.line(picture, pal.PANEL_EDGE, (0, picture.get_height() - 1), (width, picture.get_height() - 1))
        return self._picture(container, picture, x, y) + self.px(10)

    def _picture(self, container: object, picture: pygame.Surface, x: int, y: int) -> int:
        pygame_gui.elements.UIImage(pygame.Rect((x, y), picture.get_size()), picture, self.app.ui, container=container)
        return y + picture.get_height()

    # --- choices ------------------------------------------------------------------------------------------

    def _pick_scenario(self, scenario_id: str) -> None:
        if self.scenario_row is not None:
            self.scenario_row.choose(scenario_id)

    def choose_scenario(self, scenario_id: str) -> None:
        """Another scenario: its seats may differ, so the seats are laid out again."""
        self._remember_seed()
        self.scenario_id = scenario_id
        seats = self.played_rules().seats
        first = seats[0]
        self.seats = {faction: self.seats.get(faction, HUMAN if faction == first else "normal") for faction in seats}
        self.rebuild()

    def roll_seed(self) -> None:
        """Draw a new seed."""
        self.seed_text = str(new_seed())
        if self.seed_entry is not None:
            self.seed_entry.set_text(self.seed_text)

    def _remember_seed(self) -> None:
        if self.seed_entry is not None:
            self.seed_text = self.seed_entry.get_text()

    def seed(self) -> int:
        """The seed typed in, or a new one if the line is empty."""
        self._remember_seed()
        if not self.seed_text.isdigit():
            self.roll_seed()
        return int(self.seed_text)

    def start(self) -> None:
        """Make the session and open the board in this screen's place."""
        from game.ui.scenes.play import PlayScene
        session = Session.new(self.app.rules, dict(self.seats), self.seed(), scenario=self.scenario_id)
        self.app.replace(PlayScene(self.app, session))

    def rebuild(self) -> None:
        """Keep what was typed as the seed when the screen is laid out again."""
        self._remember_seed()
        super().rebuild()


def _card(size: tuple[int, int], chosen: bool, scale: float) -> pygame.Surface:
    """A scenario's card: paper with a thin edge, tinted and edged in ink when it is the one chosen."""
    picture = pygame.Surface(size, pygame.SRCALPHA)
    rect = picture.get_rect()
    pygame.draw.rect(picture, (233, 216, 170) if chosen else pal.PAPER_LIGHT, rect, border_radius=round(4 * scale))
    pygame.draw.rect(picture, pal.INK if chosen else pal.PANEL_EDGE, rect, max(1, round(2 * scale)) if chosen else 1,
                     border_radius=round(4 * scale))
    return picture


def _span(scenario: Scenario) -> str:
    """``25 Oct (7 Nov) to 2 Dec (15 Dec) 1917 · 10 turns``."""
    turns = len(scenario.turns)
    return f"{format_dual(scenario.turns[0])} to {format_dual(scenario.end)} · {turns} turn{'s' if turns != 1 else ''}"
