"""The board drawn from the rules' geometry: names never overlap, clicks find areas, frames reuse the cache."""

import itertools

import pygame
import pytest

from game.engine import Game
from game.ui.app import MIN_SIZE
from game.ui.assets import Assets
from game.ui.board_layout import map_scale, split_window
from game.ui.board_view import BoardView
from game.ui.labels import Label, place_labels
from game.ui.tokens import stacks_of, unit_codes

# The map's rectangle in the board scene: the window less the side panel, at the default and the smallest scale.
# At 200% the board asks for the map's own scale (map_scale), as the board scene does.
SIZES = {"1600x900": split_window((1600, 900), 1.0)[0], "minimum 1024x640": split_window(MIN_SIZE, 0.75)[0],
         "minimum 1024x640 at scale 1": split_window(MIN_SIZE, 1.0)[0],
         "1920x1080 at 200%": split_window((1920, 1080), 2.0)[0],
         "minimum 1024x640 at 200%": split_window(MIN_SIZE, 2.0)[0]}
SCALES = {"1600x900": 1.0, "minimum 1024x640": 0.75, "minimum 1024x640 at scale 1": 1.0,
          "1920x1080 at 200%": map_scale(SIZES["1920x1080 at 200%"], 2.0),
          "minimum 1024x640 at 200%": map_scale(SIZES["minimum 1024x640 at 200%"], 2.0)}


@pytest.fixture(scope="module")
def display():
    pygame.display.init()
    pygame.font.init()
    yield pygame.display.set_mode((1600, 900))


@pytest.fixture(scope="module")
def views(display, shipped_rules):
    made = {}
    for name, rect in SIZES.items():
        view = BoardView(shipped_rules, Assets())
        view.layout(rect, SCALES[name])
        made[name] = view
    return made


@pytest.fixture(scope="module")
def state(shipped_rules):
    return Game(shipped_rules).new_initial_state(seed=1)


@pytest.mark.parametrize("size", SIZES)
def test_no_two_names_on_the_map_overlap_and_none_had_to_be_squeezed(views, size):
    placement = views[size].sheet.placement
    rects = list(placement.rects.items())

    overlapping = [(a, b) for (a, ra), (b, rb) in itertools.combinations(rects, 2) if ra.colliderect(rb)]

    assert overlapping == []
    assert placement.crowded == ()


@pytest.mark.parametrize("size", SIZES)
def test_names_keep_clear_of_the_off_map_boxes_and_stay_on_the_sheet(views, size):
    sheet = views[size].sheet
    frame = pygame.Rect((0, 0), sheet.size)

    for key, rect in sheet.placement.rects.items():
        assert frame.contains(rect), key
        assert rect.collidelist(list(sheet.boxes.values())) == -1, key


@pytest.mark.parametrize("size", SIZES)
def test_no_name_lies_under_the_count_badge_of_a_stack(views, size):
    view = views[size]
    sheet, tokens = view.sheet, view.tokens
    radius = tokens.badge // 2 + 1
    badges = {}
    for area in sheet.polygons:
        for count in (1, 2, 3):  # a row of stacks, each with its count badge at the top-right corner of its token
            for x, y in tokens.positions(sheet.token_anchors[area], count):
                badges[area, count, x] = pygame.Rect(x + tokens.size - 1 - radius, y - radius, 2 * radius, 2 * radius)

    under = [(area, key) for (area, _, _), badge in badges.items() for key, rect in sheet.placement.rects.items()
             if rect.colliderect(badge)]

    assert under == []


@pytest.mark.parametrize("size", SIZES)
def test_off_map_boxes_do_not_overlap_each_other(views, size):
    boxes = list(views[size].sheet.boxes.values())

    assert not any(a.colliderect(b) for a, b in itertools.combinations(boxes, 2))


@pytest.mark.parametrize("size", SIZES)
def test_every_area_is_found_again_at_its_own_screen_point(views, size, shipped_rules):
    view = views[size]

    for area in shipped_rules.areas:
        assert view.area_at(view.screen_point(area.id)) == area.id


def test_water_and_the_margin_are_no_area(views, shipped_rules):
    view = views["1600x900"]
    neva = next(water for water in shipped_rules.board.water if water.id == "neva")

    assert view.area_at(view.transform.to_screen(neva.label_at)) is None
    assert view.area_at((-50, -50)) is None


def test_a_frame_reuses_the_cached_board_until_control_changes(views, state, display):
    view = views["1600x900"]
    view.draw(display, state, highlights=["smolny"])
    first = view._held.copy()

    view.draw(display, state, highlights=["smolny"], hover="vyborg_side", flashes={"winter_palace": 0.5}, now=1.0)
    assert view._control_key == state.control

    changed = state.replace(control=("whites",) * len(state.control))
    view.draw(display, changed)
    assert view._control_key == changed.control
    assert pygame.image.tobytes(view._held, "RGB") != pygame.image.tobytes(first, "RGB")


def test_redrawing_only_the_areas_that_changed_hands_gives_the_same_picture_as_a_full_redraw(views, state, display,
                                                                                           shipped_rules):
    view = views["1600x900"]
    view.draw(display, state)
    holders = [None, "sovnarkom", "whites", "salvation", "left_sr"]
    for step in range(3):
        control = tuple(holders[(index * 7 + step) % len(holders)] for index in range(len(shipped_rules.areas)))
        changed = state.replace(control=control)
        view.draw(display, changed)
        assert pygame.image.tobytes(view._held, "RGB") == pygame.image.tobytes(view._compose(control), "RGB")


def test_laying_out_the_same_rectangle_again_keeps_the_static_layers(views):
    view = views["1600x900"]
    base = view._base

    view.layout(pygame.Rect(SIZES["1600x900"]), SCALES["1600x900"])

    assert view._base is base


def test_tiny_and_huge_rectangles_lay_out_without_error(display, shipped_rules, state):
    view = BoardView(shipped_rules, Assets())
    for rect in (pygame.Rect(0, 0, 1, 1), pygame.Rect(0, 0, 0, 0), pygame.Rect(0, 0, 3000, 2200)):
        view.layout(rect, 1.0)
        view.draw(display, state)


def test_units_of_one_owner_and_kind_stand_as_one_stack_with_their_count(shipped_rules, state):
    smolny = [unit for unit in state.units if unit.area == "smolny"]

    stacks = stacks_of(shipped_rules, smolny)

    assert {(stack.kind, stack.count) for stack in stacks} == {("red_guards", 3), ("armoured_car", 1)}


def test_every_unit_type_has_its_own_two_letter_code(shipped_rules):
    codes = unit_codes(shipped_rules)

    assert len(set(codes.values())) == len(shipped_rules.units)
    assert all(len(code) == 2 for code in codes.values())


def test_stacks_under_the_pointer_are_found_where_they_were_drawn(views, state, display):
    view = views["1600x900"]
    view.draw(display, state)
    x, y = view.token_spot("smolny")

    found = view.stack_at((x + 4, y + view.tokens.overhang + 4))

    assert found is not None and found[1] == "smolny"


def test_the_placer_moves_a_name_aside_rather_than_overlap_another():
    def measure(role, size, text):
        return len(text) * size // 2, size

    first = Label("a", (("Smolny",),), (100, 100), 12, 10)
    second = Label("b", (("Nevsky",),), (102, 101), 12, 10)

    placement = place_labels([first, second], [], (0, 0, 300, 300), measure)

    assert not placement.rects["a"].colliderect(placement.rects["b"])
