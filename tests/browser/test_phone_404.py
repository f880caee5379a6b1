"""The portal's 404 page in each language (issue 16 item 3), as a production server serves it
for a missing address (conftest: ``/404.html``, or the language folder's own): in the
visitor's language, with the site's header and the language switch, a link home, a search,
and a line in the other language with its home page; accessible and fitting at 360 and
1366 px."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from test_pages import axe, overflow

PAGES = {
    "ru": {"missing": "inza/news/2019-01-01-gone/", "title": "Страница не найдена",
           "home": "/", "other": "en", "other_home": "/en/", "other_text": "Page not found.",
           "switch": "English", "search": "Кобрин", "found": "/inza/"},
    "en": {"missing": "en/no/such/page/", "title": "Page not found",
           "home": "/en/", "other": "ru", "other_home": "/", "other_text": "Страница не найдена.",
           "switch": "Русский", "search": "Kobrin", "found": "/inza/en/"},
}


@pytest.fixture
def tab(browser: Any, base_url: str) -> Iterator[tuple[Any, list[str]]]:
    """A page of its own context (the 404 answer is what is tested, so the ``pages`` fixture,
    which fails on any answer of 400 or more, is not used); what went wrong besides it."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    wrong: list[str] = []
    local = urlsplit(base_url).netloc
    context.on("request", lambda r: wrong.append(f"other host: {r.url}")
               if urlsplit(r.url).netloc != local and not r.url.startswith("data:") else None)
    page = context.new_page()
    page.on("console", lambda m: wrong.append(m.text)
            if "Content Security Policy" in m.text else None)
    try:
        yield page, wrong
    finally:
        context.close()


@pytest.mark.parametrize("lang", PAGES)
def test_a_missing_address_gets_the_404_page_of_its_language(tab: Any, base_url: str,
                                                              lang: str) -> None:
    page, wrong = tab
    p = PAGES[lang]
    statuses: list[tuple[int, str]] = []
    page.on("response", lambda r: statuses.append((r.status, r.url)))
    response = page.goto(base_url + p["missing"])
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("h1").inner_text() == p["title"]
    # the theme's files load from any depth (absolute links), and only the page is missing
    assert [s for s in statuses if s[0] >= 400] == [(404, base_url + p["missing"])]
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
        == "sticky"
    home = page.locator("main a", has_text={"ru": "На главную", "en": "home page"}[lang])
    assert home.get_attribute("href") == p["home"]
    # the switch leads to the other language's home page
    switch = page.locator(f'.x-lang a[hreflang="{p["other"]}"]')
    assert switch.inner_text() == p["switch"] and switch.get_attribute("href") == p["other_home"]
    assert page.locator(".x-lang__current").inner_text() == {"ru": "Русский",
                                                            "en": "English"}[lang]
    # a line in the other language, marked as such, with its home page
    other = page.locator(f'main p[lang="{p["other"]}"]')
    assert other.inner_text().startswith(p["other_text"])
    assert other.locator("a").get_attribute("href") == p["other_home"]
    assert wrong == []
    switch.click()
    page.wait_for_url(base_url + p["other_home"].lstrip("/"))


@pytest.mark.parametrize("lang", PAGES)
def test_the_404_search_searches_the_region(tab: Any, base_url: str, lang: str) -> None:
    page, wrong = tab
    p = PAGES[lang]
    page.goto(base_url + p["missing"])
    page.get_by_role("searchbox", name={"ru": "Поиск по сайту", "en": "Search the site"}[lang]) \
        .fill(p["search"])
    page.get_by_role("button", name={"ru": "Найти", "en": "Search"}[lang]).click()
    page.wait_for_url("**" + p["home"] + "?q=*")
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(timeout=15000)
    # the municipality's pages, in the page's language: the portal searches the region
    assert urlsplit(first.evaluate("a => a.href")).path.startswith(p["found"])
    assert wrong == []


@pytest.mark.parametrize("width", [360, 1366])
@pytest.mark.parametrize("path", ["404.html", "en/404.html"])
def test_the_404_pages_fit_and_pass_axe(pages: Any, path: str, width: int,
                                        tmp_path: Any) -> None:
    page = pages.open(path, width=width)
    page.screenshot(path=str(tmp_path / f"404-{width}.png"), full_page=True)
    assert overflow(page) == ""
    blocking, other = axe(page)
    assert blocking + other == [], "\n".join(blocking + other)
