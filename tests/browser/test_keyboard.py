"""The keyboard, at a phone's width (360 px) and a laptop's (1366 px): a skip link first, and
every stop of the tab order visible on screen and visibly focused (nothing hidden, such as
the closed drawer's links or the closed search's result list, takes the focus)."""

from __future__ import annotations

from typing import Any

import pytest

FOCUSED = """async () => {
  // what is seen once the transitions the focus started (the skip link fading in, the
  // search opening, which Material starts a frame after the focus) are over
  for (let i = 0; i < 3; i++) await new Promise(r => requestAnimationFrame(r));
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {
    what: el.outerHTML.slice(0, 120),
    visible: el.checkVisibility({visibilityProperty: true, opacityProperty: true})
      && box.width > 0 && box.height > 0,
    onscreen: box.right > 0 && box.left < innerWidth,
    outlined: outlined || style.boxShadow !== 'none',
  };
}"""

STOPS = 30


@pytest.mark.parametrize("width", [360, 1366])
@pytest.mark.parametrize("path", ["inza/", "inza/en/news/", ""])
def test_tab_order_starts_with_a_skip_link_and_shows_every_stop(pages: Any, path: str,
                                                                width: int) -> None:
    page = pages.open(path, width=width, height=800)
    page.keyboard.press("Tab")
    first = page.evaluate("() => [document.activeElement.getAttribute('href'),"
                          " document.activeElement.textContent.trim()]")
    assert first[0] == "#x-content" or first[0].startswith("#"), first
    assert first[1], "the skip link says nothing"
    problems = []
    for _ in range(STOPS):
        state = page.evaluate(FOCUSED)
        if state is None:
            break
        if not (state["visible"] and state["onscreen"]):
            problems.append(f"hidden stop: {state['what']}")
        elif not state["outlined"]:
            problems.append(f"focus not shown: {state['what']}")
        page.keyboard.press("Tab")
    assert problems == [], "\n".join(problems)


def test_the_skip_link_leads_to_the_content(pages: Any) -> None:
    page = pages.open("inza/", width=360)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate("() => !!document.activeElement.closest('.md-content')")
    assert inside, page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
