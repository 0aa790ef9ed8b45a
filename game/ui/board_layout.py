"""How the board scene divides the window: the map, the log when it is open, the side panel; and the map's scale.

Pure geometry on rectangles, so the scene and the tests share it.
"""

import attrs
import pygame

MIN_MAP_WITH_LOG = 760  # narrower than this (at scale 1), the open log takes the options' place in the panel


def split_window(size: tuple[int, int], scale: float) -> tuple[pygame.Rect, pygame.Rect]:
    """The map's rectangle and the side panel's: the panel takes 400 pixels at scale 1, at most 30% of the width."""
    width, height = size
    panel_width = max(300, min(round(400 * scale), int(width * 0.3)))
    return pygame.Rect(0, 0, width - panel_width, height), pygame.Rect(width - panel_width, 0, panel_width, height)


@attrs.frozen
class Layout:
    """Where the map, the open log (if any) and the side panel go."""

    map: pygame.Rect
    log: pygame.Rect | None
    panel: pygame.Rect


def layout_window(size: tuple[int, int], scale: float, log_open: bool = False) -> Layout:
    """The window split for the board; an open log takes a column between the map and the panel, if there is room."""
    map_rect, panel = split_window(size, scale)
    width = max(240, min(round(380 * scale), int(size[0] * 0.26)))
    if not log_open or map_rect.width - width < MIN_MAP_WITH_LOG * scale:
        return Layout(map_rect, None, panel)
    return Layout(pygame.Rect(0, 0, map_rect.width - width, size[1]),
                  pygame.Rect(map_rect.width - width, 0, width, size[1]), panel)


def map_scale(rect: pygame.Rect, ui_scale: float) -> float:
    """The UI scale for the map's names and tokens: a large scale shrinks on a small map, so names still fit.

    At 200% on a projector the map is large and keeps 200%; at 200% in a small window it would be a heap of
    overlapping names, so the map's own scale follows its width (never below 100%, never above the setting).
    """
    return min(ui_scale, max(1.0, ui_scale * rect.width / 1200))
