"""Moving around: the language switch keeps the page, the keyboard reaches every subsection."""

from __future__ import annotations

from typing import Any

import pytest
from pagekinds import LANGS, MUNICIPALITY

from extrel.core.sections import SUBSECTIONS


def lang_of(page: Any) -> str:
    return page.evaluate("document.documentElement.lang")


@pytest.mark.parametrize("kind", ["news-item-ru", "partners-ru", "home-ru", "plan-ru",
                                  "portal-ru", "dashboard-ru"])
def test_language_switch_round_trip_keeps_the_page(pages: Any, kinds: dict, kind: str) -> None:
    ru = kinds[kind]
    en = kinds[kind.replace("-ru", "-en")]
    page = pages.open(ru.path)
    assert lang_of(page) == "ru"
    with page.expect_navigation():
        page.locator(".x-lang a[hreflang=en]").click()
    page.wait_for_load_state("networkidle")
    assert page.url == pages.url(en.path)
    assert lang_of(page) == "en"
    with page.expect_navigation():
        page.locator(".x-lang a[hreflang=ru]").click()
    page.wait_for_load_state("networkidle")
    assert page.url == pages.url(ru.path)
    assert lang_of(page) == "ru"


def tab_to(page: Any, href: str, limit: int = 150) -> bool:
    """Press Tab until the link to ``href`` has the focus; say whether it got there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.href || ''") == href:
            return True
    return False


FOCUS_SHOWN = """() => {
    const el = document.activeElement, style = getComputedStyle(el);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
        || style.boxShadow !== "none" || style.textDecorationLine.includes("underline");
}"""


@pytest.mark.parametrize("width", [1280, 360], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_alone_reaches_all_seven_subsections(pages: Any, lang: str, width: int) -> None:
    home = f"{MUNICIPALITY}/{LANGS[lang]}"
    page = pages.open(home, width=width)
    for sub in SUBSECTIONS:
        target = pages.url(f"{home}{sub.id}/")
        assert tab_to(page, target), f"Tab never reached {target}"
        assert page.evaluate(FOCUS_SHOWN), f"the focus on {target} is not visible"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_load_state("networkidle")
        assert page.url == target
        assert page.locator("h1").first.inner_text().strip() == sub.title[lang]
        pages.goto(page, home)
