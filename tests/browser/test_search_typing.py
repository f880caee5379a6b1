"""Search typed as a person types it: a key every 100 ms from the moment the field has the
focus, while the index is still on its way. The results on screen must be those of the whole
query, never of its first letters, in Russian (letters a US keyboard has not) and English;
on a section (its own lunr index) and on the portal (the region's Pagefind index, which
holds every municipality's pages in each language)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from test_light import page_text

SECTIONS = {"inza", "novospasskoe", "dimitrovgrad"}
"""The demo region's municipalities: the portal's search must reach their pages."""

SETTLED = """([stem]) => {
  const links = [...document.querySelectorAll('.md-search-result__item > a')];
  const found = links.map(a => new URL(a.href).searchParams.get('h'));
  return found.includes(stem) && found.every(h => h === stem || h === '');
}"""
"""Every result shown was found for ``stem``: Material puts the query it ran in ``?h=`` (empty
on a page shown for one of its sections, which carries the query itself)."""


def typed_search(page: Any, query: str) -> list[str]:
    page.locator(".md-search__input").click()
    page.keyboard.type(query, delay=100)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(a => a.href)")


@pytest.mark.parametrize(("path", "query", "stem"), [
    ("inza/", "делегации", "делегац"),
    ("inza/en/", "delegations", "deleg"),
])
def test_a_query_typed_while_the_index_loads_is_run_whole(pages: Any, path: str, query: str,
                                                          stem: str) -> None:
    page = pages.open(path)
    typed_search(page, query)
    assert page.locator(".md-search__input").input_value() == query
    page.wait_for_function(SETTLED, arg=[stem], timeout=30000)
    results = page.eval_on_selector_all(".md-search-result__item > a",
                                        "els => els.map(a => a.href)")
    assert all(urlsplit(url).path.startswith("/" + path) for url in results), results
    highlights = [parse_qs(urlsplit(url).query).get("h", [""]) for url in results]
    assert [stem] in highlights and all(h in ([stem], [""]) for h in highlights), highlights
    meta = page.locator(".md-search-result__meta").inner_text()
    assert any(ch.isdigit() for ch in meta), meta


PORTAL_SETTLED = """([query]) => {
  const links = [...document.querySelectorAll('.md-search-result__item > a')];
  return links.length > 0 && links.every(a => new URL(a.href).searchParams.get('h') === query);
}"""


@pytest.mark.parametrize(("path", "query", "lang"), [
    ("", "Кобрин", "ru"),
    ("", "Инза", "ru"),
    ("en/", "Kobrin", "en"),
])
def test_the_portal_finds_the_municipalities_pages_in_its_language(
        pages: Any, site_dir: Path, base_url: str, path: str, query: str, lang: str) -> None:
    page = pages.open(path)
    typed_search(page, query)
    page.wait_for_function(PORTAL_SETTLED, arg=[query], timeout=30000)
    results = page.eval_on_selector_all(".md-search-result__item > a",
                                        "els => els.map(a => a.href)")
    sections = [url for url in results if urlsplit(url).path.split("/")[1] in SECTIONS]
    assert sections, results
    for url in results:
        page_lang, text = page_text(site_dir, base_url, url)
        assert page_lang == lang, url
        assert query.lower()[:3] in text.lower(), url
    fetched = [urlsplit(r.url).path for r in pages.traffic(page).requests]
    assert any(p.startswith("/pagefind/fragment/") for p in fetched)
    own = f"/{path}search/search_index.json"
    assert not any(p.endswith("/search/search_index.json") and p != own for p in fetched), \
        "the portal loaded a section's whole index"


def test_the_portal_finds_russian_word_forms(pages: Any, site_dir: Path, base_url: str) -> None:
    page = pages.open("")
    typed_search(page, "делегациями")
    page.wait_for_function(PORTAL_SETTLED, arg=["делегациями"], timeout=30000)
    results = page.eval_on_selector_all(".md-search-result__item > a",
                                        "els => els.map(a => a.href)")
    texts = [page_text(site_dir, base_url, url)[1] for url in results]
    other_forms = [url for url, text in zip(results, texts, strict=True)
                   if re.search(r"делегаци[яюейи]", text, re.I)
                   and not re.search(r"делегациями", text, re.I)]
    assert other_forms, f"no page with another form of the word among {results}"


def test_the_portal_finds_a_municipalitys_pages_by_another_case_of_its_name(
        pages: Any, site_dir: Path, base_url: str) -> None:
    """«Димитровградом» (instrumental) on the portal reaches Dimitrovgrad's section pages that
    have the name only in other cases («Димитровград», «Димитровграда»): Pagefind's Russian
    stemmer, across the region's index."""
    page = pages.open("")
    typed_search(page, "Димитровградом")
    page.wait_for_function(PORTAL_SETTLED, arg=["Димитровградом"], timeout=30000)
    results = page.eval_on_selector_all(".md-search-result__item > a",
                                        "els => els.map(a => a.href)")
    other_cases = [url for url in results
                   if urlsplit(url).path.startswith("/dimitrovgrad/")
                   and "димитровградом" not in page_text(site_dir, base_url, url)[1].lower()
                   and re.search(r"димитровград[аеу]?\b", page_text(site_dir, base_url, url)[1],
                                 re.I)]
    assert other_cases, f"no page of Dimitrovgrad's section without «Димитровградом» in {results}"
