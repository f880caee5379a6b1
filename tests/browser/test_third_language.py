"""A third language in the browser: its pages are accessible, its search finds its words,
and the switcher leads to the same page in every language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import build_site, serve
from regions import commit_all, make_zh_region
from test_light import search
from test_pages import axe, overflow

ZH_PAGES = ["alpha/zh/", "alpha/zh/news/", "alpha/zh/news/2026-11-05-kutaisi/",
            "alpha/zh/news/2026-10-01-forum/", "zh/", "zh/freshness/"]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A region with Chinese beside Russian and English, built and served (this module's
    pages open it instead of the demo)."""
    config = make_zh_region(tmp_path_factory.mktemp("zh") / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    with serve(build_site(config, "--workers", "1")) as url:
        yield url


def _rules(lines: list[str]) -> set[str]:
    return {line.split(" — ")[0] for line in lines}


@pytest.mark.parametrize("path", ZH_PAGES)
def test_chinese_pages_fit_and_are_as_accessible_as_russian_ones(pages: Any, path: str) -> None:
    """The test region has no theme of its own (the demo's colours are not there): what the
    Russian page of the same region passes, the Chinese one must pass too."""
    page = pages.open(path, width=375)
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert overflow(page) == ""
    blocking, other = axe(page)
    russian, _ = axe(pages.open(path.replace("zh/", "", 1), width=375))
    assert _rules(blocking) <= _rules(russian), "\n".join(blocking + other)


def test_chinese_search_finds_chinese_words(pages: Any) -> None:
    page = pages.open("alpha/zh/")
    found = search(page, "库塔伊西")
    assert found[0].endswith("/alpha/zh/news/2026-11-05-kutaisi/")


def test_switcher_walks_through_every_language(pages: Any) -> None:
    page = pages.open("alpha/news/2026-11-05-kutaisi/")
    page.click('.x-lang a[hreflang="zh"]')
    page.wait_for_url("**/alpha/zh/news/2026-11-05-kutaisi/")
    assert page.locator("h1").inner_text() == "库塔伊西代表团来访"
    page.click('.x-lang a[hreflang="en"]')
    page.wait_for_url("**/alpha/en/news/2026-11-05-kutaisi/")
    assert page.locator("h1").inner_text() == "Delegation from Kutaisi"
    page.click('.x-lang a[hreflang="ru"]')
    page.wait_for_url("**/alpha/news/2026-11-05-kutaisi/")
    assert page.locator("h1").inner_text() == "Делегация из Кутаиси"


