"""A region where ``extrel new`` output is committed unchanged, and Russian items have no
English page: the check, the freshness and a real build, read back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from regions import commit_all, make_region, page, soup, write

from extrel.cli import cli
from extrel.core.scaffold import DRAFT_MARK

TODAY = "2026-11-15"
CYRILLIC = re.compile("[а-яё]", re.I)
DRAFTS = {
    "content/alpha/news/2026-11-14-vizit-v-kazan.ru.md",
    "content/alpha/news/2026-11-14-vizit-v-kazan.en.md",
    "content/alpha/partners/batumi.ru.md",
    "content/alpha/partners/batumi.en.md",
    "content/alpha/announcements/2026-12-01-forum-v-samare.ru.md",
    "content/alpha/announcements/2026-12-01-forum-v-samare.en.md",
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


def check(config: Path) -> dict:
    code, output = run("check", "-f", str(config), "--today", TODAY, "--format", "json")
    assert code in (0, 1), output
    return json.loads(output)


def without_unfinished(data: dict) -> list:
    """Every status, date and count of the freshness, except the drafts' own count."""
    return [
        (m["id"], m["status"], s["id"], s["status"], lang,
         {k: v for k, v in entry.items() if k != "unfinished"})
        for m in data["municipalities"] for s in m["sections"]
        for lang, entry in s["languages"].items()
    ]


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    root = tmp_path_factory.mktemp("region")
    config = make_region(root)
    # Russian items with no English page, besides make_region's news item
    write(root, "content/alpha/announcements/2026-12-20-yarmarka.ru.md", page(
        {"title": "Ярмарка ремёсел", "start": "2026-12-20", "place": "Инза"}))
    write(root, "content/alpha/partners/tbilisi.ru.md", page(
        {"title": "Тбилиси, Грузия", "country": "GE", "type": "partner", "status": "planned"}))
    commit_all(root, "2026-10-01T12:00:00+04:00")
    before = check(config)
    # what an editor runs, then commits without changing a word
    for args in (["news", "-t", "Визит в Казань", "--date", "2026-11-14"],
                 ["partners", "-t", "Батуми"],
                 ["announcements", "-t", "Форум в Самаре", "--date", "2026-12-01"]):
        code, output = run("new", *args, "-f", str(config), "-m", "alpha")
        assert code == 0, output
    commit_all(root, "2026-11-14T12:00:00+04:00", "scaffolds, unchanged")
    after = check(config)
    code, output = run("build", "-f", str(config), "--today", TODAY, "--workers", "1")
    assert code == 0, output
    return root, before, after


def test_an_unchanged_scaffold_refreshes_nothing(region) -> None:
    _, before, after = region
    assert without_unfinished(after) == without_unfinished(before)
    alpha = after["municipalities"][0]
    news = alpha["sections"][0]["languages"]
    assert news["ru"]["last_updated"] == "2026-10-01" and news["ru"]["status"] == "stale"
    assert news["ru"]["unfinished"] == news["en"]["unfinished"] == 1


def test_the_drafts_are_listed_as_unfinished(region) -> None:
    _, _, after = region
    listed = {p["file"]: p for p in after["problems"] if p["message"].startswith("черновик")}
    assert set(listed) == DRAFTS
    assert all(p["severity"] == "warning" and p["line"] for p in listed.values())
    partner = listed["content/alpha/partners/batumi.ru.md"]
    assert partner["line"] == 3
    for field in ("country", "type", "status"):
        assert f"(поле «{field}»)" in partner["message"]
    assert not [p for p in after["problems"] if p["severity"] == "error"]


def test_the_drafts_are_not_published(region) -> None:
    root, _, _ = region
    site = root / "site"
    assert not (site / "alpha/news/2026-11-14-vizit-v-kazan").exists()
    assert not (site / "alpha/en/partners/batumi").exists()
    assert not (site / "alpha/announcements/2026-12-01-forum-v-samare").exists()
    for path in site.rglob("*"):
        if path.name == "freshness.json":
            continue  # the check's report: it lists the drafts, by file, on purpose
        if path.is_file() and path.suffix in (".html", ".xml", ".ics", ".json", ".csv"):
            text = path.read_text(encoding="utf-8")
            for words in (DRAFT_MARK, "Визит в Казань", "Форум в Самаре", "Батуми", "Venue",
                          "[EN]"):
                assert words not in text, (path, words)


ENGLISH_LISTS = ["en/index.html", "alpha/en/index.html", "alpha/en/news/index.html",
                 "alpha/en/announcements/index.html", "alpha/en/partners/index.html"]


@pytest.mark.parametrize("relpath", ENGLISH_LISTS)
def test_english_lists_mark_every_russian_text(region, relpath: str) -> None:
    root, _, _ = region
    page_soup = soup(root / "site" / relpath)
    marked = 0
    for item in page_soup.select(".x-list__item, .x-news__item, .x-muni-card__news li"):
        for text in item.find_all(string=CYRILLIC):
            assert text.find_parent(attrs={"lang": "ru"}) is not None, (relpath, text)
            marked += 1
        if item.find(string=CYRILLIC):
            note = item.get_text(" ", strip=True)
            assert "(in Russian)" in note, (relpath, note)
    assert marked, f"{relpath}: no Russian item was shown, nothing was checked"


def test_english_feed_and_calendar_mark_russian_titles(region) -> None:
    root, _, _ = region
    for feed in ("alpha/en/feed.xml", "en/feed.xml"):
        rss = BeautifulSoup((root / "site" / feed).read_text(encoding="utf-8"), "xml")
        titles = [i.title.get_text() for i in rss.find_all("item")]
        russian = [t for t in titles if CYRILLIC.search(t.split(": ", 1)[-1])]
        assert russian and all(t.endswith(" (in Russian)") for t in russian), titles
    for ics in ("alpha/en/events.ics", "en/events.ics"):
        calendar = icalendar.Calendar.from_ical((root / "site" / ics).read_bytes())
        summaries = [e["SUMMARY"] for e in calendar.walk("VEVENT")]
        russian = [s for s in summaries if CYRILLIC.search(str(s))]
        assert russian, summaries
        assert all(s.params["LANGUAGE"] == "ru" and str(s).endswith(" (in Russian)")
                   for s in russian), russian


def test_untranslated_counts_in_the_check_and_the_dashboard(region) -> None:
    root, _, after = region
    alpha = {s["id"]: s["languages"] for s in after["municipalities"][0]["sections"]}
    assert alpha["news"]["en"]["untranslated"] == 1
    assert alpha["announcements"]["en"]["untranslated"] == 1
    assert alpha["partners"]["en"]["untranslated"] == 1
    assert alpha["plan"]["en"]["untranslated"] == 0
    dash = soup(root / "site/en/freshness/index.html")
    counts = [c.get_text(strip=True) for c in dash.select(".x-cell__untranslated")]
    assert counts == ["untranslated: 1"] * 3
    drafts = [c.get_text(strip=True) for c in dash.select(".x-cell__unfinished")]
    assert drafts == ["unfinished: 1"] * 6
    published = json.loads((root / "site/freshness.json").read_text(encoding="utf-8"))
    assert without_unfinished(published) == without_unfinished(after)
