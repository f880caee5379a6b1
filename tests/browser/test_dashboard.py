"""The freshness dashboard as regional staff see it on a laptop (1366×768) in Chromium.

A region committed at different dates (real git history), checked on 23 November 2026:
alpha's news updated yesterday (1 day), five days ago and earlier; its partners last
updated on 20 October (stale: due by 20 November, overdue since 21 November); its English
plan on 28 October (due soon); beta untouched since 1 September.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import build_site, serve
from regions import commit_all, git, make_region


def touch(root: Path, relpath: str, date: str) -> None:
    path = root / relpath
    path.write_text(path.read_text(encoding="utf-8") + "\nДобавлено.\n", encoding="utf-8")
    git(root, "commit", "-qam", f"update {relpath}", date=date)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("dash")
    config = make_region(base / "r")
    root = config.parent
    commit_all(root, "2026-09-01T12:00:00+04:00")
    touch(root, "content/alpha/partners/kutaisi.ru.md", "2026-10-20T12:00:00+04:00")
    touch(root, "content/alpha/plan/2026.en.md", "2026-10-28T12:00:00+04:00")
    touch(root, "content/alpha/news/2026-11-05-kutaisi.en.md", "2026-11-18T12:00:00+04:00")
    touch(root, "content/alpha/news/2026-11-05-kutaisi.ru.md", "2026-11-22T12:00:00+04:00")
    return build_site(config, "--site-dir", str(base / "site"), "--no-progress")


@pytest.fixture(scope="module")
def url(site: Path) -> Iterator[str]:
    with serve(site) as served:
        yield served


@pytest.fixture
def laptop(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        yield context.new_page()
    finally:
        context.close()


def cell(page: Any, mid: str, section: str, lang: str) -> str:
    return str(page.evaluate(
        """([mid, section, lang]) => {
             const row = [...document.querySelectorAll('#x-dash tbody tr')]
               .find(r => r.querySelector('th a').getAttribute('href').includes(mid));
             const link = [...row.querySelectorAll('td.x-cell a')]
               .find(a => a.getAttribute('href').endsWith(
                 (lang === 'ru' ? '' : lang + '/') + section + '/'));
             return link.closest('td').innerText.replace(/[ \\t\\n]+/g, ' ');
           }""", [mid, section, lang]))


def test_no_column_is_cut_off_at_1366(laptop: Any, url: str, tmp_path: Path) -> None:
    laptop.goto(url + "freshness/")
    shot = tmp_path / "dashboard-1366.png"
    laptop.screenshot(path=str(shot))
    assert shot.stat().st_size > 0
    geometry = laptop.evaluate("""() => {
        const wrap = document.querySelector('.x-table-wrap');
        const table = document.getElementById('x-dash');
        return {scroll: wrap.scrollWidth, width: wrap.clientWidth,
                page: document.documentElement.scrollWidth, viewport: window.innerWidth};
    }""")
    # the page itself never scrolls sideways: only the table's own box does
    assert geometry["page"] <= geometry["viewport"]
    if geometry["scroll"] > geometry["width"]:
        laptop.evaluate("() => { const w = document.querySelector('.x-table-wrap');"
                        " w.scrollLeft = w.scrollWidth; }")
        laptop.screenshot(path=str(tmp_path / "dashboard-1366-scrolled.png"))
        boxes = laptop.evaluate("""() => {
            const wrap = document.querySelector('.x-table-wrap').getBoundingClientRect();
            const heads = [...document.querySelectorAll('#x-dash .x-dash__name')];
            return {wrap: wrap.left, heads: heads.map(h => h.getBoundingClientRect().left),
                    last: document.querySelector('#x-dash tbody tr td:last-child')
                            .getBoundingClientRect().right, right: wrap.right};
        }""")
        # scrolled to the end: the municipality column is still in place, the last column
        # is wholly in view
        assert all(abs(left - boxes["wrap"]) < 2 for left in boxes["heads"]), boxes
        assert boxes["last"] <= boxes["right"] + 1


def test_sorting_moves_aria_sort_to_the_sorted_header(laptop: Any, url: str) -> None:
    laptop.goto(url + "freshness/")

    def sorted_headers() -> list[tuple[str, str]]:
        return [tuple(x) for x in laptop.evaluate(
            "() => [...document.querySelectorAll('#x-dash thead th[aria-sort]')]"
            ".map(th => [th.innerText.trim(), th.getAttribute('aria-sort')])")]

    def names() -> list[str]:
        return list(laptop.evaluate(
            "() => [...document.querySelectorAll('#x-dash tbody th')].map(t => t.innerText)"))

    assert sorted_headers() == [("Муниципалитет", "ascending")]
    assert names() == ["Альфинский район", "Бетинский район"]
    laptop.click("#x-dash thead >> text=Муниципалитет")
    assert sorted_headers() == [("Муниципалитет", "descending")]
    assert names() == ["Бетинский район", "Альфинский район"]
    laptop.click("#x-dash thead >> text=Состояние")
    assert sorted_headers() == [("Состояние", "ascending")]
    assert laptop.evaluate("() => [...document.querySelectorAll('#x-dash button[aria-sort]')]"
                           ".length") == 0  # never on the button: it is not a column header


def test_plurals_due_dates_and_overdue_since(laptop: Any, url: str) -> None:
    laptop.goto(url + "freshness/")
    assert "22 ноября 2026\u202fг., 1 день" in cell(laptop, "alpha", "news", "ru")
    assert "18 ноября 2026\u202fг., 5 дней" in cell(laptop, "alpha", "news", "en")
    partners = cell(laptop, "alpha", "partners", "ru")
    assert "34 дня" in partners
    assert "просрочено с 21 ноября 2026\u202fг." in partners
    plan = cell(laptop, "alpha", "plan", "en")
    assert "26 дней" in plan and "срок 28 ноября 2026\u202fг." in plan
    assert "83 дня" in cell(laptop, "beta", "news", "ru")
    laptop.goto(url + "en/freshness/")
    assert "22 November 2026, 1 day" in cell(laptop, "alpha", "news", "ru")
    assert "34 days" in cell(laptop, "alpha", "partners", "ru")
    assert "overdue since 21 November 2026" in cell(laptop, "alpha", "partners", "ru")


def test_the_spreadsheets_are_linked_and_served(laptop: Any, url: str, site: Path) -> None:
    laptop.goto(url + "en/freshness/")
    links = laptop.evaluate("() => [...document.querySelectorAll('main a[download]')]"
                            ".map(a => a.href)")
    assert links == [url + "freshness.xlsx", url + "freshness.csv"]
    assert (site / "freshness.xlsx").stat().st_size > 0
    rows = list(csv.DictReader(io.StringIO((site / "freshness.csv").read_text(
        encoding="utf-8"), newline="")))
    partners = next(r for r in rows if (r["municipality"], r["section"], r["language"])
                    == ("alpha", "partners", "ru"))
    assert (partners["status"], partners["last_updated"], partners["age_days"]) == (
        "stale", "2026-10-20", "34")
    assert len(rows) == 2 * 7 * 2  # municipalities × subsections × languages
