"""Decree 102: at 200 % zoom no page scrolls sideways. A 1366 px laptop window zoomed to
200 % is a 683 CSS px viewport at twice the device pixel ratio (media queries, rem sizes and
wrapping then behave as in a real zoom); a phone is 360 px. Every page kind, in the normal
version and in the version for the visually impaired, with its first settings and with its
largest (text, letter and line spacing, serif, white on black)."""

from __future__ import annotations

from typing import Any

import pytest
from pagekinds import KIND_NAMES
from test_access_settings import open_access

SCREENS = {"laptop-200%": (683, 384, 2), "phone": (360, 740, 1)}
MODES: dict[str, dict[str, str] | None] = {
    "normal": None,
    "accessible": {},
    "accessible-largest": {"size": "3", "letters": "3", "lines": "3", "font": "serif",
                           "scheme": "wb"},
}
SIDEWAYS = """() => {
  const root = document.scrollingElement, width = root.clientWidth;
  // an element sticking out on the right, unless a box that scrolls or clips it holds it
  const held = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x !== 'visible' && p.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 &&
      el.checkVisibility({visibilityProperty: true}) && !held(el);
  }).slice(0, 5).map(el => `${el.tagName.toLowerCase()}.${el.className} (${
    Math.round(el.getBoundingClientRect().right)})`);
  return {scroll: root.scrollWidth, width, wide};
}"""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("kind", KIND_NAMES)
def test_no_sideways_scrolling(pages: Any, kinds: dict, kind: str, screen: str, mode: str) -> None:
    width, height, scale = SCREENS[screen]
    settings = MODES[mode]
    page = open_access(pages, kinds[kind].path, settings, width=width, height=height,
                       scale=scale, on=settings is not None)
    assert page.evaluate("document.documentElement.classList.contains('x-access')") == (
        settings is not None)
    found = page.evaluate(SIDEWAYS)
    assert found["scroll"] <= found["width"] and found["wide"] == [], found
