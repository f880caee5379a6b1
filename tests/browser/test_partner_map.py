"""The partner map in Chromium: visible and whole on a phone, no horizontal scrolling, nothing
from another host, and restyled by the high-contrast mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

MAP_PAGES = ["inza/partners/", "inza/en/partners/", "", "en/"]


@pytest.mark.parametrize("path", MAP_PAGES)
@pytest.mark.parametrize("width", [360, 1366])
def test_map_is_visible_within_the_viewport(pages: Any, path: str, width: int,
                                            tmp_path: Path) -> None:
    page = pages.open(path, width=width, height=800)
    svg = page.locator("svg.x-map")
    svg.scroll_into_view_if_needed()
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["width"] >= min(width - 40, 300)  # fills a phone's width, not a thumbnail
    assert page.evaluate(
        "document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")
    # the numbers on the markers stay legible: at least 11 px high on screen
    number = page.locator("g.x-map__marker text").first.bounding_box()
    assert number is not None and number["height"] >= 11
    # a marker's number is a row of the table beside the map
    label = page.locator("g.x-map__marker text").first.text_content()
    cells = page.locator("table.x-map-table tbody tr td:first-child").all_text_contents()
    assert label in [c.strip() for c in cells]
    svg.screenshot(path=str(tmp_path / f"map-{width}.png"))


def test_high_contrast_mode_restyles_the_map(pages: Any) -> None:
    colours = """() => {
      const get = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
      return {land: get('.x-map__land', 'fill'), pin: get('.x-map__pin', 'fill'),
              text: getComputedStyle(document.querySelector('.md-typeset')).color,
              bg: getComputedStyle(document.body).backgroundColor};
    }"""
    normal = pages.open("inza/partners/", width=360).evaluate(colours)
    access = pages.open("inza/partners/", width=360, access=True).evaluate(colours)
    assert normal["land"] != access["land"]
    assert access["pin"] == access["text"]  # markers in the text colour
    assert access["land"] == access["bg"]  # land drawn as outlines on the page background
