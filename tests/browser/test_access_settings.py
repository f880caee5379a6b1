"""The version for the visually impaired, to Russian practice (GOST R 52872-2019): each
setting of its panel drawn as it says, remembered on every page of the site in every
language, operable by keyboard alone, absent where scripts do not run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extrel.core.messages import t

ACCESS_NAME = {"ru": "Версия для слабовидящих", "en": "Accessible version"}
SIZE_NAME = {"ru": "Размер шрифта", "en": "Text size"}
SCHEMES = {  # text, background, links
    "bw": ("rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(0, 0, 192)"),
    "wb": ("rgb(255, 255, 255)", "rgb(0, 0, 0)", "rgb(255, 255, 0)"),
    "blue": ("rgb(6, 52, 98)", "rgb(157, 209, 255)", "rgb(6, 52, 98)"),
}
TEXT = ".md-content .md-typeset p"
"""Body text: the first paragraph of the page's content."""


def open_access(pages: Any, path: str, settings: dict[str, str] | None = None, *,
                width: int = 1280, height: int = 800, scale: float = 1, on: bool = True) -> Any:
    """``path`` opened as a visitor who chose the version (``on``) with ``settings``, as
    extrel.js stores them (the first choice of each setting is stored by leaving it out)."""
    page = pages.open(width=width, height=height, scale=scale)
    script = ""
    if on:
        script += "window.localStorage.setItem('extrel.access', 'on');"
    if settings:
        stored = json.dumps(json.dumps(settings))
        script += f"window.localStorage.setItem('extrel.access.settings', {stored});"
    if script:
        page.context.add_init_script(script)
    pages.goto(page, path)
    return page


def style(page: Any, selector: str, prop: str) -> str:
    return page.evaluate("([s, p]) => getComputedStyle(document.querySelector(s))[p]",
                         [selector, prop])


def px(page: Any, selector: str, prop: str) -> float:
    return float(style(page, selector, prop).removesuffix("px"))


def luminance(rgb: str) -> float:
    parts = [int(x) / 255 for x in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_three_text_sizes(pages: Any) -> None:
    normal = px(open_access(pages, "inza/", on=False), TEXT, "fontSize")
    sizes = [px(open_access(pages, "inza/", {"size": s} if s != "1" else None), TEXT, "fontSize")
             for s in ("1", "2", "3")]
    assert sizes[0] >= 1.3 * normal, (normal, sizes)
    assert sizes[0] < sizes[1] < sizes[2], sizes
    assert sizes[2] >= 2 * normal, (normal, sizes)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_colour_scheme(pages: Any, scheme: str) -> None:
    chosen = {"scheme": scheme} if scheme != "bw" else None
    page = open_access(pages, "inza/", chosen, width=360)
    text, background, link = SCHEMES[scheme]
    assert style(page, "body", "backgroundColor") == background
    assert style(page, ".md-content", "backgroundColor") in (background, "rgba(0, 0, 0, 0)")
    assert style(page, TEXT, "color") == text
    assert style(page, ".md-content .md-typeset a", "color") == link
    assert contrast(text, background) >= 7
    assert contrast(link, background) >= 7
    # the header keeps the site's name visible, readable, and the coat of arms in its colours
    head = style(page, ".md-header", "color"), style(page, ".md-header", "backgroundColor")
    assert contrast(*head) >= 7
    title = page.locator(".md-header__title .md-header__topic").first
    box = title.bounding_box()
    assert box is not None and box["width"] > 50
    assert 0 <= box["x"] and box["x"] + box["width"] <= 360
    assert title.is_visible() and "Инзенский район" in title.inner_text()
    assert style(page, ".md-header__title", "visibility") == "visible"
    arms = page.locator(".x-muni__arms").first
    assert arms.is_visible() and style(page, ".x-muni__arms", "filter") == "none"
    # the header's logo, where it is the coat of arms (partials/logo.html), beside the buttons
    for logo in page.locator(".md-header .md-logo img").all():
        assert logo.is_visible() and logo.evaluate("el => getComputedStyle(el).filter") == "none"
        box = logo.bounding_box()
        assert box is not None and box["height"] >= 30 and box["x"] + box["width"] <= 360
    # the panel names its choice: the scheme's radio button is the checked one
    assert page.locator(f"input[name=x-scheme][value={scheme}]").is_checked()


def test_images_off_shows_their_descriptions_instead(pages: Any) -> None:
    page = open_access(pages, "inza/news/", {"images": "off"})
    alts = page.evaluate("""() => [...document.querySelectorAll('.md-container img')]
        .map(i => (i.getAttribute('alt') || '').trim()).filter(Boolean)""")
    assert alts, "the news list has pictures to hide"
    painted = page.evaluate("""() => [...document.querySelectorAll('.md-container img')]
        .filter(i => i.getClientRects().length > 0).map(i => i.outerHTML.slice(0, 80))""")
    assert painted == []
    frames = page.locator(".x-alt")
    assert frames.all_inner_texts() == alts
    assert all(f.is_visible() for f in frames.all())
    assert px(page, ".x-alt", "borderTopWidth") >= 2
    # and back on: the pictures again, their frames gone
    page.get_by_role("radio", name="Показывать", exact=True).check()
    assert page.locator(".md-content img").first.is_visible()
    assert not frames.first.is_visible()


@pytest.mark.parametrize("step, em", [("1", 0), ("2", 0.12), ("3", 0.25)])
def test_letter_spacing(pages: Any, step: str, em: float) -> None:
    page = open_access(pages, "inza/", {"letters": step} if step != "1" else None)
    size = px(page, TEXT, "fontSize")
    spacing = style(page, TEXT, "letterSpacing")
    measured = 0 if spacing == "normal" else float(spacing.removesuffix("px"))
    assert measured == pytest.approx(em * size, abs=0.05)


@pytest.mark.parametrize("step, ratio", [("1", 1.6), ("2", 1.8), ("3", 2.4)])
def test_line_spacing(pages: Any, step: str, ratio: float) -> None:
    page = open_access(pages, "inza/", {"lines": step} if step != "1" else None)
    measured = px(page, TEXT, "lineHeight") / px(page, TEXT, "fontSize")
    assert measured == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize("font", ["sans", "serif"])
def test_font(pages: Any, font: str) -> None:
    page = open_access(pages, "inza/en/", {"font": font} if font != "sans" else None)
    family = "serif" if font == "serif" else "sans-serif"
    assert style(page, TEXT, "fontFamily") == family
    assert style(page, ".md-content h1", "fontFamily") == family
    assert style(page, ".md-nav__link", "fontFamily") == family


@pytest.mark.parametrize("lang, prefix, other", [("ru", "inza/", "inza/en/"),
                                                 ("en", "inza/en/", "inza/")])
def test_settings_are_remembered_across_pages_and_languages(pages: Any, lang: str,
                                                            prefix: str, other: str) -> None:
    page = pages.open(prefix, width=1366)
    root = "document.documentElement"
    page.get_by_role("button", name=ACCESS_NAME[lang]).click()
    panel = page.locator("[data-x-panel]")
    assert panel.is_visible()
    for name in ("x-size", "x-scheme", "x-images", "x-letters", "x-lines", "x-font"):
        page.locator(f"input[name={name}]").last.check()
    chosen = {"data-x-size": "3", "data-x-scheme": "blue", "data-x-images": "off",
              "data-x-letters": "3", "data-x-lines": "3", "data-x-font": "serif"}

    def applied() -> dict[str, str]:
        return page.evaluate(f"() => Object.fromEntries([...{root}.attributes]"
                             ".filter(a => a.name.startsWith('data-x-'))"
                             ".map(a => [a.name, a.value]))")

    assert applied() == chosen
    for path in (prefix + "plan/", other, other + "news/", "", "en/freshness/"):
        pages.goto(page, path)
        assert page.evaluate(f"{root}.classList.contains('x-access')"), path
        assert applied() == chosen, path
        assert page.locator("[data-x-access]").get_attribute("aria-pressed") == "true", path
        assert page.locator("input[name=x-scheme][value=blue]").is_checked(), path
        assert page.locator("input[name=x-size][value='3']").is_checked(), path
    # the normal version: off everywhere, the choices kept for the next time
    page.locator("[data-x-normal]").click()
    assert not page.evaluate(f"{root}.classList.contains('x-access')")
    assert not panel.is_visible()
    pages.goto(page, prefix)
    assert not page.evaluate(f"{root}.classList.contains('x-access')")
    assert style(page, "body", "backgroundColor") != SCHEMES["blue"][1]
    page.locator("[data-x-access]").click()
    assert applied() == chosen


@pytest.mark.parametrize("width", [360, 1366])
@pytest.mark.parametrize("lang, prefix", [("ru", "inza/"), ("en", "inza/en/")])
def test_the_panel_by_keyboard_alone(pages: Any, lang: str, prefix: str, width: int) -> None:
    page = pages.open(prefix, width=width)
    switch = page.get_by_role("button", name=ACCESS_NAME[lang])
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-x-access')"):
            break
    else:
        pytest.fail("the switch is not in the tab order")
    page.keyboard.press("Enter")
    assert switch.get_attribute("aria-pressed") == "true"
    status = page.locator("[data-x-access-status]")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == status.get_attribute("data-on") != ""
    # the panel's groups are named by their legends, its choices by their words
    sizes = page.get_by_role("group", name=SIZE_NAME[lang])
    assert sizes.get_by_role("radio").count() == 3
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('[data-x-panel]')"):
            break
    focused = "() => [document.activeElement.name, document.activeElement.value]"
    assert page.evaluate(focused) == ["x-size", "1"]
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineWidth")
    assert float(outline.removesuffix("px")) >= 2
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.documentElement.getAttribute('data-x-size')") == "2"
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == ["x-scheme", "bw"]
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.documentElement.getAttribute('data-x-scheme')") == "wb"
    for _ in range(4):
        page.keyboard.press("Tab")
    assert page.evaluate(focused)[0] == "x-font"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-x-normal')")
    page.keyboard.press("Enter")
    assert not page.evaluate("document.documentElement.classList.contains('x-access')")
    assert switch.get_attribute("aria-pressed") == "false"
    assert status.inner_text() == status.get_attribute("data-off") != ""
    assert page.evaluate("document.activeElement.hasAttribute('data-x-access')")


def test_without_scripts_neither_the_switch_nor_the_panel_shows(browser: Any,
                                                                base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False,
                                  viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + "inza/")
        assert page.locator("[data-x-panel]").count() == 1
        assert not page.locator("[data-x-panel]").is_visible()
        assert not page.locator("[data-x-access]").is_visible()
        assert page.get_by_role("radio").count() == 0  # out of the accessibility tree too
    finally:
        context.close()


def test_stored_nonsense_is_ignored(pages: Any) -> None:
    page = pages.open(width=1280)
    spoilt = json.dumps({"scheme": 'x" onload=', "size": "9", "<b>": "1"})
    page.context.add_init_script("window.localStorage.setItem('extrel.access', 'on');"
                                 "window.localStorage.setItem('extrel.access.settings',"
                                 f" {json.dumps(spoilt)})")
    pages.goto(page, "inza/")
    attrs = page.evaluate("() => [...document.documentElement.attributes].map(a => a.name)")
    assert "data-x-scheme" not in attrs and "data-x-<b>" not in attrs
    # an unknown size draws the first one, and the first one is what the panel shows
    assert page.locator("input[name=x-size][value='1']").is_checked()
    assert style(page, "body", "backgroundColor") == SCHEMES["bw"][1]


@pytest.mark.parametrize("lang, prefix", [("ru", "inza/"), ("en", "inza/en/")])
def test_a_table_that_scrolls_is_named_in_the_pages_language(pages: Any, site_dir: Path,
                                                             lang: str, prefix: str) -> None:
    """extrel.js names a table that scrolls sideways with the catalogue's words, which the
    page carries (the script holds none of its own)."""
    plans = sorted(p.name for p in (site_dir / prefix / "plan").iterdir() if p.name.isdigit())
    page = open_access(pages, f"{prefix}plan/{plans[-1]}/", {"size": "3"}, width=360)
    wraps = page.locator(".md-typeset__scrollwrap[role=region]")
    assert wraps.count() > 0, "the year's plan scrolls sideways at 360 px in the largest text"
    assert wraps.first.get_attribute("aria-label") == t("ui.access.table_scrolls", lang)
    assert wraps.first.get_attribute("tabindex") == "0"
