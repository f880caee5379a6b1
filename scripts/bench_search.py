#!/usr/bin/env python3
"""What the portal's first search fetches, at the size of a built region (issue 16).

Serves a site built by ``extrel build`` (e.g. of ``scripts/bench_region.py --size region``)
on 127.0.0.1, opens the portal in Chromium, types a query a key every 100 ms, waits for the
results, and counts every byte the search fetched (as sent, gzip as web servers do; and
unpacked). Beside it, what the alternative would weigh: one lunr index of every
municipality's pages in the language (the sum of the sections' ``search_index.json``), which
the whole-region index of Material's search would have to load before the first result.

    python scripts/bench_search.py /tmp/region-site --query Кобрин > bench/results-search-region.md
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

SEARCH = ("/pagefind/", "/workers/search.", "/lunr/", "extrel-search.js", "search_index.json")


@dataclass
class Searched:
    """What one typed query fetched: (path, sent, unpacked) per response."""
    query: str
    shown: int
    rows: list[tuple[str, int, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    """The results as shown (title and excerpt)."""

    def other_forms(self) -> list[str]:
        """Words of the results that share the query's first letters but are not the query:
        the other forms of the word the stemmer found («делегации» → «делегация»)."""
        lower = self.query.lower()
        stem = lower[:max(4, len(lower) - 3)]
        words = {w for t in self.texts for w in re.findall(r"\w+", t.lower())}
        return sorted(w for w in words if w.startswith(stem) and w != lower)

    @property
    def sent(self) -> int:
        return sum(r[1] for r in self.rows)

    @property
    def raw(self) -> int:
        return sum(r[2] for r in self.rows)

    @property
    def fragments(self) -> int:
        return sum(r[1] for r in self.rows if "/fragment/" in r[0])

    @property
    def meta_index(self) -> int:
        return sum(r[1] for r in self.rows if r[0].endswith((".pf_meta", ".pf_index")))


def measure_session(site: Path, path: str, queries: list[str]) -> list[Searched]:
    """Type ``queries`` one after another into the search of one page (a key every 100 ms,
    the field cleared between them), and count what each fetched until its results showed."""
    from playwright.sync_api import sync_playwright

    results = []
    with serve(site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 800})
        page = context.new_page()
        page.goto(url + path, wait_until="networkidle")
        responses: list = []
        context.on("response", lambda r: responses.append(r))
        field_ = page.locator(".md-search__input")
        for query in queries:
            start = len(responses)
            field_.click()
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
            page.keyboard.type(query, delay=100)
            page.wait_for_function(
                "([q]) => { const a = [...document.querySelectorAll("
                "'.md-search-result__item > a')]; return a.length > 0 && "
                "a.every(x => new URL(x.href).searchParams.get('h') === q); }",
                arg=[query], timeout=300000)
            page.wait_for_load_state("networkidle")
            items = page.locator(".md-search-result__item")
            found = Searched(query, items.count(), texts=items.all_inner_texts())
            for r in responses[start:]:
                name = urlsplit(r.url).path
                if any(part in name for part in SEARCH) and r.ok:
                    body = r.body()
                    found.rows.append((name, int(r.headers.get("content-length", len(body))),
                                       len(body)))
            results.append(found)
        browser.close()
    return results


def lunr_alternative(site: Path, lang_prefix: str) -> tuple[int, int, int]:
    raw = packed = count = 0
    for index in sorted(site.glob(f"*/{lang_prefix}search/search_index.json")):
        if index.parts[-3 - bool(lang_prefix)] in ("en", "pagefind"):
            continue
        data = index.read_bytes()
        raw += len(data)
        packed += len(gzip.compress(data, 6))
        count += 1
    return raw, packed, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", default="Кобрин")
    parser.add_argument("--path", default="", help="the portal page, e.g. en/")
    args = parser.parse_args(argv)
    searched = measure_session(args.site, args.path, [args.query])[0]
    rows, shown = searched.rows, searched.shown
    pages = sum(1 for _ in args.site.rglob("index.html"))
    lunr = lunr_alternative(args.site, args.path)
    sent, raw = sum(r[1] for r in rows), sum(r[2] for r in rows)
    out = [f"# The portal's first search: «{args.query}» on /{args.path}", "",
           f"Site: {pages:,} pages (`index.html`), Pagefind index "
           f"{sum(f.stat().st_size for f in (args.site / 'pagefind').rglob('*') if f.is_file()):,}"
           f" bytes on disk. Results shown: {shown}.", "",
           "| fetched for the search | sent (gzip) | unpacked |", "|---|---:|---:|"]
    out += [f"| `{name}` | {s:,} | {b:,} |" for name, s, b in rows]
    out += [f"| **total** | **{sent:,}** | **{raw:,}** |", "",
            f"The alternative, one lunr index of the region in this language: {lunr[2]} "
            f"sections' `search_index.json`, {lunr[0]:,} bytes ({lunr[1]:,} gzip), all "
            "loaded before the first result, and growing with every page.", ""]
    print("\n".join(out))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
