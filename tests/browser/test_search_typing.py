"""Search typed as a person types it: a key every 100 ms from the moment the field has the
focus, while the index is still on its way. The results on screen must be those of the whole
query, never of its first letters, in Russian (letters a US keyboard has not) and English."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

SETTLED = """([stem]) => {
  const links = [...document.querySelectorAll('.md-search-result__item > a')];
  return links.length > 0 && links.every(a => new URL(a.href).searchParams.get('h') === stem);
}"""
"""Every result shown was found for ``stem``: Material puts the query it ran in ``?h=``."""


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
    page.wait_for_function(SETTLED, arg=[stem], timeout=15000)
    results = page.eval_on_selector_all(".md-search-result__item > a",
                                        "els => els.map(a => a.href)")
    assert all(urlsplit(url).path.startswith("/" + path) for url in results), results
    assert all(parse_qs(urlsplit(url).query)["h"] == [stem] for url in results)
    meta = page.locator(".md-search-result__meta").inner_text()
    assert any(ch.isdigit() for ch in meta), meta
