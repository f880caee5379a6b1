"""Light pages and search: what a cold load costs, the search index loaded only when search
is used, and search in each language finding its own pages, with Russian word forms."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from pagekinds import BUDGET

BUDGET_BYTES = 300 * 1024
"""A cold load of a page, images aside, uncompressed (issue 16: what the browser has to parse,
whatever the server's compression); what was transferred is reported beside it."""

SEARCH_ASSETS = re.compile(
    r"/pagefind/|/search/search_index\.json|/workers/search\.|/lunr/|extrel-search\.js")


def is_image(request: Any) -> bool:
    if request.resource_type in ("image", "media"):
        return True
    response = request.response()
    return bool(response and response.headers.get("content-type", "").startswith("image/"))


@pytest.mark.parametrize("kind", ["news-item-ru", "home-ru", "dashboard-ru", "portal-ru",
                                  "news-item-en", "home-en", "dashboard-en", "portal-en"])
def test_cold_load_stays_within_budget(pages: Any, kinds: dict, kind: str,
                                       request: pytest.FixtureRequest) -> None:
    page = pages.open(kinds[kind].path, wait="networkidle")
    loaded = [r for r in pages.traffic(page).requests if not is_image(r)]
    transferred = raw = 0
    for r in loaded:
        sizes = r.sizes()
        transferred += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        response = r.response()
        raw += len(response.body()) if response is not None else 0
    request.config.stash[BUDGET].append(
        f"{kind:<14} {transferred / 1024:6.1f} KB transferred, {raw / 1024:6.1f} KB uncompressed, "
        f"{len(loaded)} requests")
    assert [r.url for r in loaded if SEARCH_ASSETS.search(r.url)] == []
    assert not [r.url for r in loaded if r.url.endswith("sitemap.xml")]
    assert transferred < BUDGET_BYTES, f"{transferred} bytes transferred"
    assert raw <= BUDGET_BYTES, f"{raw} bytes uncompressed"


def search(page: Any, query: str) -> list[str]:
    """Type into Material's search field as a visitor does; the result links, in order.

    Search gets ready (index fetched, worker set up) once the field has the focus; the
    words are typed after that. Playwright types letters that are not on a US keyboard
    as text input alone, without the keyup that Material listens to: End supplies one."""
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']")
    page.locator(".md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text=placeholder).wait_for(timeout=15000)
    page.keyboard.type(query)
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(a => a.href)")


def page_text(site: Path, base_url: str, url: str) -> tuple[str, str]:
    path = urlsplit(url).path[len(urlsplit(base_url).path):]
    html = (site / path / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    article = soup.select_one("article") or soup
    return soup.html["lang"], article.get_text(" ")


def test_search_index_loads_only_when_search_is_used(pages: Any) -> None:
    page = pages.open("inza/", wait="networkidle")
    traffic = pages.traffic(page)
    assert [r.url for r in traffic.requests if SEARCH_ASSETS.search(r.url)] == []
    page.locator(".md-search__input").focus()
    page.wait_for_load_state("networkidle")
    fetched = [urlsplit(r.url).path for r in traffic.requests if SEARCH_ASSETS.search(r.url)]
    assert "/inza/search/search_index.json" in fetched
    assert not any(p.startswith("/inza/en/") for p in fetched)


def test_russian_search_finds_other_forms_of_the_word(pages: Any, site_dir: Path,
                                                      base_url: str) -> None:
    page = pages.open("inza/")
    results = search(page, "делегации")
    assert results
    texts = [page_text(site_dir, base_url, url) for url in results]
    assert all(urlsplit(url).path.startswith("/inza/") and "/inza/en/" not in url
               for url in results)
    assert all(lang == "ru" for lang, _ in texts)
    # stemming: some page found says «делегация» (or another form) but never «делегации»
    other_forms = [url for url, (_, text) in zip(results, texts, strict=True)
                   if re.search(r"делегаци[яюейм]", text, re.I)
                   and not re.search(r"делегации", text, re.I)]
    assert other_forms, f"no page with another form of the word among {results}"


def test_english_search_finds_english_pages_only(pages: Any, site_dir: Path,
                                                 base_url: str) -> None:
    page = pages.open("inza/en/")
    results = search(page, "delegations")
    assert results
    for url in results:
        assert urlsplit(url).path.startswith("/inza/en/"), url
        lang, text = page_text(site_dir, base_url, url)
        assert lang == "en"
        assert re.search(r"delegat", text, re.I), url
