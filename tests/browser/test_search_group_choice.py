"""The portal's search on a portal of groups (a national one: an index per group): the
search looks in the group the visitor picked, on the page or above the results, remembered
across pages and languages, and it fetches that group's index alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import build_site, serve
from regions import GROUPS, commit_all, make_grouped_region
from test_search_typing import typed_search

from extrel.core import regionsearch
from extrel.core.loader import load_region

NOTHING = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta && /не найдено|No matching/i.test(meta.textContent);
}"""
FOUND = """([path]) => [...document.querySelectorAll('.md-search-result__item > a')]
  .some(a => new URL(a.href).pathname === path)"""
ids: dict[str, str] = {}


built: dict[str, Path] = {}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    config = make_grouped_region(tmp_path_factory.mktemp("groups") / "r")
    commit_all(config.parent, "2026-11-21T12:00:00+04:00")
    ids.update({mid: g.id for g in regionsearch.groups(load_region(config.parent))
                for mid in g.members})
    built["site"] = build_site(config, "--workers", "1")
    with serve(built["site"]) as url:
        yield url


def test_the_pages_with_the_choice_are_valid_html(base_url: str) -> None:
    """The Nu HTML Checker finds no error on the portal's pages that offer the choice."""
    import json
    import subprocess

    from test_html_valid import checker

    site = built["site"]
    pages = [site / "index.html", site / "en" / "index.html", site / "404.html",
             site / "freshness" / "index.html"]
    assert all("x-search-group" in p.read_text(encoding="utf-8") for p in pages)
    result = subprocess.run([*checker(), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=300, check=False)
    report = json.loads(result.stderr or result.stdout)
    errors = [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
    assert errors == []


def results(page: Any) -> list[str]:
    return [urlsplit(url).path for url in page.eval_on_selector_all(
        ".md-search-result__item > a", "els => els.map(a => a.href)")]


def fetched_groups(pages: Any, page: Any) -> set[str]:
    return {urlsplit(r.url).path.split("/")[2] for r in pages.traffic(page).requests
            if urlsplit(r.url).path.startswith("/pagefind/")}


def test_the_search_looks_in_the_chosen_group_and_remembers_it(pages: Any) -> None:
    page = pages.open("")
    select = page.locator("#x-search-group")
    assert select.input_value() == ids["alpha"]  # the first group by name
    assert page.locator("label[for=x-search-group]").inner_text() == "Где искать"
    typed_search(page, "Привет")  # beta's news only
    page.wait_for_function(NOTHING, timeout=30000)
    assert fetched_groups(pages, page) == {ids["alpha"]}
    # the same choice above the results, in the search itself
    choice = page.locator(".md-search__output #x-search-group-results")
    assert choice.is_visible()
    choice.select_option(ids["beta"])
    page.wait_for_function(FOUND, arg=["/beta/news/2026-08-01-hello/"], timeout=30000)
    assert results(page) == ["/beta/news/2026-08-01-hello/"]
    assert select.input_value() == ids["beta"]
    assert fetched_groups(pages, page) == {ids["alpha"], ids["beta"]}
    # remembered on the next page, in another language
    page.goto(pages.base_url + "en/")
    assert page.locator("#x-search-group").input_value() == ids["beta"]
    assert page.locator("label[for=x-search-group]").inner_text() == "Search in"
    assert page.locator("#x-search-group option:checked").inner_text() == GROUPS["beta"][1]
    typed_search(page, "Hello")
    page.wait_for_function(FOUND, arg=["/beta/en/news/2026-08-01-hello/"], timeout=30000)
    assert results(page) == ["/beta/en/news/2026-08-01-hello/"]


def test_the_choice_on_the_page_works_by_keyboard(pages: Any) -> None:
    page = pages.open("")
    page.focus("#x-search-group")
    page.keyboard.press("ArrowDown")  # Chromium changes a closed select's value with arrows
    assert page.locator("#x-search-group").input_value() == ids["beta"]
    typed_search(page, "Привет")
    page.wait_for_function(FOUND, arg=["/beta/news/2026-08-01-hello/"], timeout=30000)
    assert results(page) == ["/beta/news/2026-08-01-hello/"]
    assert fetched_groups(pages, page) == {ids["beta"]}


INSIDE = """(sel) => [...document.querySelectorAll(sel)].every(el => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth;
})"""


@pytest.mark.parametrize("width", [360, 1366])
def test_the_choice_fits_and_is_accessible(pages: Any, width: int) -> None:
    """The test region has no theme of its own, so its home page is measured against itself:
    the choice adds no axe violation and nothing sticking out, on the page and in the
    search opened above it."""
    from test_pages import axe

    page = pages.open("", width=width)
    assert page.evaluate(INSIDE, "form.x-search-group, form.x-search-group select")
    blocking, other = axe(page)
    assert not [line for line in blocking + other if "x-search-group" in line], blocking + other
    page.evaluate("document.querySelectorAll('form.x-search-group').forEach(f => f.remove())")
    assert axe(page) == (blocking, other)
    page = pages.open("", width=width)
    if width < 960:  # the phone's header shows a search button; the field opens over the page
        page.click("label[for=__search]")
    page.locator(".md-search__input").click()
    page.keyboard.type("Кутаиси", delay=50)
    choice = page.locator(".md-search__output form.x-search-group")
    choice.wait_for(state="visible")
    assert page.evaluate(INSIDE, ".md-search__output form.x-search-group select")


def test_tab_from_the_search_field_reaches_the_choice_above_the_results(pages: Any) -> None:
    """Material closes its search on Tab from the field; on a portal of groups Tab leads to
    the choice above the results (a keyboard user's way to it), Shift+Tab back."""
    page = pages.open("")
    typed_search(page, "Привет")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "x-search-group-results"
    assert page.locator(".md-search__output").is_visible()
    page.keyboard.press("ArrowDown")
    page.wait_for_function(FOUND, arg=["/beta/news/2026-08-01-hello/"], timeout=30000)
    assert page.evaluate("document.activeElement.id") == "x-search-group-results"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-md-component')") \
        == "search-query"


def test_the_choice_holds_without_storage(pages: Any) -> None:
    """Storage refused (a privacy setting): the group picked on the page is still the one
    searched."""
    page = pages.open("")
    page.evaluate("""() => {
      Storage.prototype.setItem = () => { throw new Error("refused"); };
      Storage.prototype.getItem = () => { throw new Error("refused"); };
    }""")
    page.locator("#x-search-group").select_option(ids["beta"])
    typed_search(page, "Привет")
    page.wait_for_function(FOUND, arg=["/beta/news/2026-08-01-hello/"], timeout=30000)
    assert fetched_groups(pages, page) == {ids["beta"]}


def test_a_group_picked_while_another_loads_wins(browser: Any, base_url: str) -> None:
    """The first group's index is slow to come (a rural connection) and the visitor picks
    another meanwhile: the results are the picked group's."""
    import threading
    import time
    from functools import partial

    from conftest import _Handler, _Server

    slow = ids["alpha"]

    class Slow(_Handler):
        def do_GET(self) -> None:
            if self.path.startswith(f"/pagefind/{slow}/"):
                time.sleep(2.5)
            super().do_GET()

    server = _Server(("127.0.0.1", 0), partial(Slow, directory=str(built["site"])))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        typed_search(page, "Привет")
        page.locator(".md-search__output #x-search-group-results").select_option(ids["beta"])
        page.wait_for_function(FOUND, arg=["/beta/news/2026-08-01-hello/"], timeout=30000)
        page.wait_for_timeout(4000)  # the slow index has arrived by now
        assert results(page) == ["/beta/news/2026-08-01-hello/"]
    finally:
        context.close()
        server.shutdown()
        server.server_close()
