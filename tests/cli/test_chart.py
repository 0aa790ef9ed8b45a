"""The win-rate chart: a valid SVG with one bar per faction, or a PNG of the same size."""

import xml.etree.ElementTree as ElementTree

import pygame

from game.cli.chart import HEIGHT, WIDTH, Bar, render_svg, write_chart

BARS = [Bar("Sovnarkom", "#c0281f", 0.37), Bar("Left S-Rs", "#009e73", 0.27), Bar("Salvation & co", "#0072b2", 0.46)]
SVG = "{http://www.w3.org/2000/svg}"


def test_the_svg_is_well_formed_with_a_bar_and_a_label_per_faction():
    root = ElementTree.fromstring(render_svg(BARS, "Wins <per> faction"))
    texts = [element.text for element in root.iter(f"{SVG}text")]

    assert {"Sovnarkom", "Left S-Rs", "Salvation & co", "37.0%", "27.0%", "46.0%"} <= set(texts)
    assert "Wins <per> faction" in texts
    filled = {element.get("fill") for element in root.iter(f"{SVG}rect")}
    assert {"#c0281f", "#009e73", "#0072b2"} <= filled


def test_a_bar_above_half_raises_the_scale_so_it_fits():
    root = ElementTree.fromstring(render_svg([Bar("A", "#000000", 0.93)], "t"))
    assert "100%" in [element.text for element in root.iter(f"{SVG}text")]
    assert all(float(element.get("y", 0)) >= 0 for element in root.iter(f"{SVG}rect"))


def test_the_file_type_follows_the_name(tmp_path):
    write_chart(tmp_path / "wins.svg", BARS, "t")
    write_chart(tmp_path / "wins.png", BARS, "t")

    assert (tmp_path / "wins.svg").read_text(encoding="utf-8").startswith("<svg")
    assert pygame.image.load(str(tmp_path / "wins.png")).get_size() == (WIDTH, HEIGHT)
