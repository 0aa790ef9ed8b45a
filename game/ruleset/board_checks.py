"""Checks of the drawn map sheet: everything fits on it, and bridges and railways follow the map's links."""

from typing import TYPE_CHECKING, Any


class BoardChecks:
    """The board's checks, a mixin of the ruleset's checker: they read its ``areas`` and report with ``problem``."""

    areas: dict[str, Any]  # the map's areas by id, set by the checker

    if TYPE_CHECKING:
        # Declared only for mypy: at run time the checker's own ``problem`` is the one called.
        def problem(self, obj: Any, message: str, suffix: str = "") -> None: ...

    def check_board(self, board: Any) -> None:
        """Everything drawn fits on the sheet, and bridges and railways follow the map's links."""
        width, height = board.size
        if width < 1 or height < 1:
            self.problem(board, "size must be two positive numbers: width and height", ".size")
        else:
            self.check_on_sheet(board)
        self.check_polygons(board)
        self.check_bridges(board.bridges)
        railways_sound = [self.check_railway(railway) for railway in board.railways]
        if board.railways and all(railways_sound):
            # With a railway in doubt, the links it was meant to draw are too: report it alone.
            self.check_rail_drawn(board.railways)

    def check_on_sheet(self, board: Any) -> None:
        width, height = board.size
        shapes = [(area, "at", (area.at,)) for area in self.areas.values()]
        shapes += [(area, "polygon", area.polygon) for area in self.areas.values()]
        shapes += [(water, "polygon", water.polygon) for water in board.water]
        shapes += [(water, "label_at", (water.label_at,)) for water in board.water if water.label_at]
        shapes += [(item, "line", item.line) for item in (*board.bridges, *board.railways)]
        for record, name, points in shapes:
            outside = next((point for point in points if not (0 <= point[0] <= width and 0 <= point[1] <= height)),
                           None)
            if outside is not None:
                self.problem(record, f"point {list(outside)} lies outside the board ({width} x {height})", f".{name}")

    def check_polygons(self, board: Any) -> None:
        """Water is drawn as its polygon, so it needs one; an area may do without."""
        outlines = [area for area in self.areas.values() if area.polygon] + list(board.water)
        for record in outlines:
            if len(record.polygon) < 3:
                self.problem(record, "a polygon needs at least three points", ".polygon")

    def check_bridges(self, bridges: tuple[Any, ...]) -> None:
        for bridge in bridges:
            first, second = bridge.links
            if first == second:
                self.problem(bridge, f"'{first}' is listed twice in links; a bridge joins two different areas",
                             ".links[1]")
            elif first in self.areas and second in self.areas and second not in self.areas[first].adjacent:
                self.problem(bridge, f"'{first}' and '{second}' are not adjacent; a bridge is drawn on a road link",
                             ".links")

    def check_railway(self, railway: Any) -> bool:
        """Whether the railway is sound: enough stops, each rail-linked to the next, and a line if one is drawn."""
        sound = all(stop in self.areas for stop in railway.stops)  # an unknown stop is reported as such
        if len(railway.stops) < 2:
            self.problem(railway, "a railway needs at least two stops", ".stops")
            sound = False
        if 0 < len(railway.line) < 2:
            self.problem(railway, "a drawn line needs at least two points; leave 'line' out to draw straight "
                                  "from stop to stop", ".line")
            sound = False
        for index, (first, second) in enumerate(zip(railway.stops, railway.stops[1:]), start=1):
            if first == second:
                self.problem(railway, f"'{second}' is listed twice in a row; each stop follows a different one",
                             f".stops[{index}]")
                sound = False
            elif first in self.areas and second in self.areas and second not in self.areas[first].rail:
                self.problem(railway, f"'{first}' and '{second}' have no rail link; add it to their 'rail'",
                             f".stops[{index}]")
                sound = False
        return sound

    def check_rail_drawn(self, railways: tuple[Any, ...]) -> None:
        """With railways drawn, every rail link of the map is on one of them, so none is left undrawn."""
        drawn = {frozenset(pair) for railway in railways for pair in zip(railway.stops, railway.stops[1:])}
        for area in self.areas.values():
            for index, other in enumerate(area.rail):
                if area.id < other and frozenset((area.id, other)) not in drawn:
                    self.problem(area, f"the rail link to '{other}' is on no railway in board.railways",
                                 f".rail[{index}]")
