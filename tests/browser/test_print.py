"""The year's plan prints well: the whole table on paper, none of the screen's furniture."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pagekinds import MUNICIPALITY


def plan_page(site: Path, lang_prefix: str) -> str:
    years = sorted(p.name for p in (site / MUNICIPALITY / lang_prefix / "plan").iterdir()
                   if p.is_dir() and p.name.isdigit())
    assert years, "the demo has no plan"
    return f"{MUNICIPALITY}/{lang_prefix}plan/{years[-1]}/"


@pytest.mark.parametrize("access", [False, True], ids=["normal", "accessible"])
@pytest.mark.parametrize("lang_prefix", ["", "en/"], ids=["ru", "en"])
def test_plan_table_prints_whole(pages: Any, site_dir: Path, lang_prefix: str, access: bool,
                                 tmp_path: Path) -> None:
    # an A4 sheet with 12 mm margins is about 700 CSS pixels wide
    page = pages.open(plan_page(site_dir, lang_prefix), width=700, access=access)
    page.emulate_media(media="print")
    state = page.evaluate("""() => {
        const shown = sel => [...document.querySelectorAll(sel)]
          .some(el => getComputedStyle(el).display !== "none" && el.getClientRects().length);
        const table = document.querySelector("article table");
        const wrap = table.closest(".md-typeset__scrollwrap") || table.parentElement;
        const cells = [...table.querySelectorAll("th, td")];
        return {
          furniture: ["header.md-header", ".md-sidebar", ".md-footer", ".x-lang",
                      "[data-x-access]", ".md-search"].filter(shown),
          clipped: table.getBoundingClientRect().right > wrap.getBoundingClientRect().right + 1,
          overflow: getComputedStyle(wrap).overflowX,
          repeatHead: getComputedStyle(table.tHead).display,
          borders: cells.every(c => getComputedStyle(c).borderTopStyle !== "none"),
          cells: cells.length,
          printed: ["article h1", "article table"].every(shown),
        };
    }""")
    assert state["furniture"] == []
    assert state["printed"], "the page's heading and table are not printed"
    assert not state["clipped"]
    assert state["overflow"] == "visible"
    assert state["repeatHead"] == "table-header-group"
    assert state["borders"] and state["cells"] > 4
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    (tmp_path / "plan.pdf").write_bytes(pdf)
