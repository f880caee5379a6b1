"""What the portal's search (Pagefind) indexes: the pages a resident wants as a result, in
every language of the region: each entry's page, each section's home (its name finds it)
and the presentation, and an editor's own portal page; never the lists that repeat the
entries' titles and summaries (a subsection's list, a news year, the portal's home, the
dashboard) nor the 404 pages. The templates mark what is indexed (``data-pagefind-body``);
an editor's HTML cannot mark a page of its own (the sanitizer drops ``data-*``)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from regions import commit_all, fragments, make_zh_region, write

from extrel.cli import cli
from extrel.core import regionsearch
from extrel.core.sections import SUBSECTIONS
from extrel.core.views import NEWS_PER_PAGE

TODAY = "2026-11-23"
MARK = '<div data-pagefind-body data-pagefind-meta="title:Подмена">Отметка редактора</div>'
"""An editor's attempt to put a page in the index (and to retitle it there)."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search")
    config = make_zh_region(root)
    # an editor's HTML on a page the index must not hold (the portal's home, its Markdown
    # body) and on an entry's page
    home = root / "content/index.ru.md"
    home.write_text(home.read_text(encoding="utf-8") + f"\n{MARK}\n", encoding="utf-8")
    write(root, "content/alpha/news/2026-11-20-marked.ru.md",
          "---\ntitle: Отмеченная новость\ndate: 2026-11-20\nsummary: Кратко.\n---\n\n"
          f"Текст новости.\n\n{MARK}\n")
    # news of another year, more than a list's page: the news are listed by year too
    for n in range(1, NEWS_PER_PAGE + 1):
        write(root, f"content/alpha/news/2025-12-{n:02d}-old.ru.md",
              f"---\ntitle: Прошлогодняя новость {n}\ndate: 2025-12-{n:02d}\n---\n\nТекст.\n")
    # an editor's own portal page is content too
    write(root, "content/about.ru.md", "---\ntitle: О регионе\n---\n\nСведения о регионе.\n")
    write(root, "content/about.en.md", "---\ntitle: About the region\n---\n\nAbout it.\n")
    commit_all(root, "2026-11-21T12:00:00+04:00")
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", TODAY,
                                      "--workers", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return root / "site"


def indexed(site: Path) -> dict[str, dict[str, dict[str, object]]]:
    """Every page Pagefind indexed, by language, then by URL: its fragment (the page's
    record the search shows: URL, text, title)."""
    pages: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for name, record in fragments(site / regionsearch.FOLDER).items():
        pages[name.split("_")[0]][str(record["url"])] = record
    return dict(pages)


def test_only_the_content_pages_are_indexed_in_every_language(site: Path) -> None:
    pages = indexed(site)
    entry = json.loads((site / regionsearch.FOLDER / "pagefind-entry.json").read_text("utf-8"))
    assert sorted(pages) == sorted(entry["languages"]) == ["en", "ru", "zh"]
    for lang, urls in pages.items():
        assert entry["languages"][lang]["page_count"] == len(urls), lang
    ru, en, zh = (set(pages[lang]) for lang in ("ru", "en", "zh"))

    # in: the entries, the section homes, the presentation, the editor's portal page
    assert {"/alpha/", "/beta/", "/alpha/news/2026-11-05-kutaisi/",
            "/alpha/news/2026-11-20-marked/", "/alpha/partners/kutaisi/", "/alpha/plan/2026/",
            "/alpha/announcements/2026-12-05-event/", "/alpha/organizations/uclg/",
            "/alpha/participation/2026-09-20-expo/", "/alpha/presentation/",
            "/beta/news/2026-08-01-hello/", "/about/"} <= ru
    assert {"/alpha/en/", "/beta/en/", "/alpha/en/news/2026-11-05-kutaisi/",
            "/alpha/en/partners/kutaisi/", "/alpha/en/presentation/", "/en/about/"} <= en
    assert {"/alpha/zh/", "/beta/zh/", "/alpha/zh/news/2026-11-05-kutaisi/",
            "/alpha/zh/partners/kutaisi/", "/alpha/zh/presentation/"} <= zh

    # out: the lists, the news years, the portal's home, the dashboard, the 404 pages
    lists = {sub.id for sub in SUBSECTIONS if sub.view}
    for lang, prefix, urls in (("ru", "", ru), ("en", "en/", en), ("zh", "zh/", zh)):
        unwanted = {f"/{prefix}", f"/{prefix}freshness/", f"/{prefix}404.html"}
        for mid in ("alpha", "beta"):
            unwanted |= {f"/{mid}/{prefix}{sub}/" for sub in lists}
            unwanted |= {f"/{mid}/{prefix}news/{year}/" for year in ("2025", "2026")}
        assert (site / f"alpha/{prefix}news/2025/index.html").is_file(), lang
        assert unwanted & urls == set(), lang
        # nothing but entries, homes, presentations and portal pages
        for url in urls:
            parts = url.strip("/").split("/")
            if parts[0] == lang:
                parts = parts[1:]
            if parts and parts[0] in ("alpha", "beta"):
                parts = parts[1:]
                if parts and parts[0] == lang:
                    parts = parts[1:]
                assert len(parts) in (0, 2) or parts == ["presentation"], url
                assert not (len(parts) == 2 and parts[1].isdigit() and parts[0] == "news"), url
            else:
                assert parts == ["about"], url


def test_a_section_home_is_found_by_its_name_and_holds_no_list(site: Path) -> None:
    pages = indexed(site)
    home = pages["ru"]["/alpha/"]
    assert home["meta"]["title"] == "Альфинский район"  # type: ignore[index]
    assert "Альфинский район" in str(home["content"])
    assert "Делегация из Кутаиси" not in str(home["content"])  # the latest news: a list
    assert pages["en"]["/alpha/en/"]["meta"]["title"] == "Alpha District"  # type: ignore[index]
    item = pages["ru"]["/alpha/news/2026-11-05-kutaisi/"]
    assert item["meta"]["title"] == "Делегация из Кутаиси"  # type: ignore[index]
    assert "Подробный рассказ о событии" in str(item["content"])


def test_a_fact_and_its_value_are_two_words_in_the_results(site: Path) -> None:
    """The excerpt a resident reads under a result: each fact's label apart from its value
    ("Дата 5 ноября", never "Дата5 ноября"; Pagefind joins a ``dt`` to its ``dd``)."""
    pages = indexed(site)
    for lang, url, label in (("ru", "/alpha/news/2026-11-05-kutaisi/", "Дата"),
                             ("en", "/alpha/en/news/2026-11-05-kutaisi/", "Date"),
                             ("ru", "/alpha/partners/kutaisi/", "Страна")):
        content = str(pages[lang][url]["content"])
        assert f"{label} " in content and not re.search(rf"{label}\w", content), content


def test_an_editors_html_cannot_put_a_page_in_the_index(site: Path) -> None:
    """``data-pagefind-*`` in an editor's Markdown is dropped by the sanitizer: the portal's
    home that shows it stays out, and the entry's page keeps its own title."""
    for page, marks in (("index.html", 0), ("alpha/news/2026-11-20-marked/index.html", 3)):
        html = (site / page).read_text(encoding="utf-8")
        assert "Отметка редактора" in html, page
        assert "data-pagefind-meta" not in html, page
        assert html.count("data-pagefind-body") == marks, page  # the template's own only
    pages = indexed(site)
    assert "/" not in pages["ru"] and "/alpha/news/" not in pages["ru"]
    marked = pages["ru"]["/alpha/news/2026-11-20-marked/"]
    assert marked["meta"]["title"] == "Отмеченная новость"  # type: ignore[index]


def test_the_sections_own_search_still_holds_every_page(site: Path) -> None:
    """The section's lunr index (MkDocs' search plugin) is not Pagefind's and does not read
    its marks: every entry and the presentation, in each language, the editor's mark too."""
    for prefix in ("", "en/", "zh/"):
        docs = json.loads((site / f"alpha/{prefix}search/search_index.json").read_text(
            "utf-8"))["docs"]
        locations = {doc["location"].split("#")[0] for doc in docs}
        assert {"news/2026-11-05-kutaisi/", "news/2025-12-01-old/", "partners/kutaisi/",
                "plan/2026/", "announcements/2026-12-05-event/", "organizations/uclg/",
                "participation/2026-09-20-expo/", "presentation/"} <= locations, prefix
    docs = json.loads((site / "alpha/search/search_index.json").read_text("utf-8"))["docs"]
    assert any("Отметка редактора" in doc["text"] for doc in docs)


def test_an_editors_html_in_a_summary_stops_the_build(tmp_path: Path) -> None:
    """A summary is shown on the lists (the news list, the section home): HTML there, a
    ``data-pagefind-body`` that would put the list in the index, is refused by the check."""
    config = make_zh_region(tmp_path)
    write(tmp_path, "content/alpha/news/2026-11-20-marked.ru.md",
          f"---\ntitle: Отмеченная новость\ndate: 2026-11-20\nsummary: '{MARK}'\n---\n\nТекст.\n")
    commit_all(tmp_path, "2026-11-21T12:00:00+04:00")
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", TODAY,
                                      "--workers", "1"], catch_exceptions=False)
    assert result.exit_code != 0
    assert "content/alpha/news/2026-11-20-marked.ru.md:4: поле «summary»: HTML" in result.output
    assert not (tmp_path / "site").exists()
