"""Real builds of a small two-municipality region, read back as HTML."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from regions import build, commit_all, image, make_region, page, soup, write

from extrel.cli import cli
from extrel.core.sections import SUBSECTIONS

TODAY = "2026-11-23"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("region")
    config = make_region(root)
    # the region's own theme file, a portal page and a portal file beside the sections
    write(root, "theme/assets/region.css", ".x-region { color: #036; }\n")
    write(root, "content/about.ru.md", page({"title": "О регионе"}, "Текст о регионе."))
    write(root, "content/about.en.md", page({"title": "About the region"}, "About text."))
    image(root / "content/_files/logo.png", (32, 32))
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config, "--workers", "2")
    return root / "site"


def test_every_url_of_the_contract_exists(site: Path) -> None:
    expected = ["index.html", "en/index.html", "freshness/index.html",
                "en/freshness/index.html", "freshness.json"]
    for mid in ("alpha", "beta"):
        for prefix in (f"{mid}/", f"{mid}/en/"):
            expected.append(prefix + "index.html")
            expected += [f"{prefix}{s.id}/index.html" for s in SUBSECTIONS]
            expected += [f"{prefix}feed.xml", f"{prefix}events.ics"]
    missing = [p for p in expected if not (site / p).is_file()]
    assert missing == []


@pytest.mark.parametrize("lang, prefix", [("ru", "alpha/"), ("en", "alpha/en/")])
def test_section_home_names_the_municipality_and_links_all_subsections(
    site: Path, lang: str, prefix: str
) -> None:
    page = soup(site / prefix / "index.html")
    assert page.html["lang"] == lang
    assert page.h1.get_text(strip=True) == {"ru": "Альфинский район", "en": "Alpha District"}[lang]
    cards = [a.get_text(strip=True) for a in page.select(".x-card__link")]
    assert cards == [s.title[lang] for s in SUBSECTIONS]
    for a in page.select(".x-card__link"):
        assert (site / prefix / a["href"] / "index.html").resolve().is_file()
    arms = page.select_one(".x-muni__arms")
    assert (site / prefix / arms["src"]).resolve().is_file()
    assert "alpha@example.org" in page.select_one(".x-contact").get_text()


def test_english_pages_are_english(site: Path) -> None:
    page = soup(site / "alpha/en/news/index.html")
    assert page.html["lang"] == "en"
    assert page.h1.get_text(strip=True) == "External relations news"
    titles = [a.get_text(strip=True) for a in page.select(".x-news__title a")]
    assert "Delegation from Kutaisi" in titles
    assert "Делегация из Кутаиси" not in titles
    dates = [t.get_text(strip=True) for t in page.select(".x-news__meta time")]
    assert "5 November 2026" in dates
    ru = soup(site / "alpha/news/index.html")
    dates = [t.get_text(strip=True) for t in ru.select(".x-news__meta time")]
    assert "5 ноября 2026\u202fг." in dates


def test_news_newest_first(site: Path) -> None:
    page = soup(site / "alpha/news/index.html")
    dates = [t["datetime"] for t in page.select(".x-news__meta time")]
    assert dates == ["2026-11-10", "2026-11-05", "2026-10-01", "2026-09-12"]


def _target(site: Path, page_path: Path, href: str) -> Path:
    return (page_path.parent / href / "index.html").resolve()


def test_language_switcher_pairs_pages(site: Path) -> None:
    pages = sorted((site / "alpha").rglob("index.html"))
    assert len(pages) > 30
    for path in pages:
        page = soup(path)
        links = page.select(".x-lang a")
        assert len(links) == 1, path
        other = _target(site, path, links[0]["href"])
        assert other.is_file(), (path, links[0]["href"])
        back = soup(other).select_one(".x-lang a")
        assert _target(site, other, back["href"]) == path.resolve()


def test_untranslated_page_is_reachable_with_a_note(site: Path) -> None:
    path = site / "alpha/en/news/2026-11-10-only-russian/index.html"
    page = soup(path)
    note = page.select_one(".x-untranslated")
    assert note is not None
    assert "not been translated into English yet" in note.get_text()
    assert page.select_one(".x-body")["lang"] == "ru"
    listed = soup(site / "alpha/en/news/index.html").select(".x-news__item")
    marked = [li for li in listed if "not translated yet" in li.get_text()]
    assert len(marked) == 1
    ru = soup(site / "alpha/news/2026-11-10-only-russian/index.html")
    assert ru.select_one(".x-untranslated") is None


def test_announcements_split_upcoming_and_past(site: Path) -> None:
    page = soup(site / "alpha/en/announcements/index.html")
    headings = [h.get_text(strip=True) for h in page.select("article h2")]
    assert headings == ["Upcoming events", "Past events"]
    lists = page.select("ul.x-events")
    assert "December forum" in lists[0].get_text()
    assert "Summer festival" in lists[1].get_text()


def test_plan_current_year_first(site: Path) -> None:
    items = soup(site / "alpha/plan/index.html").select(".x-list__item")
    assert "x-list__item--current" in items[0]["class"]
    assert "2026" in items[0].get_text()


def test_presentation_lists_files_with_format_and_size(site: Path) -> None:
    page = soup(site / "alpha/en/presentation/index.html")
    item = page.select_one(".x-files__item")
    assert item.a.get_text(strip=True) == "General presentation"
    assert "PDF" in item.get_text() and "general presentation" in item.get_text()
    assert (site / "alpha/en/presentation" / item.a["href"]).resolve().is_file()


def test_partners_show_status_in_words(site: Path) -> None:
    page = soup(site / "alpha/partners/index.html")
    assert page.select_one(".x-pstatus--active").get_text(strip=True) == "действует"
    assert "Грузия" in page.get_text()


def test_every_page_shows_its_last_update(site: Path) -> None:
    for path in (site / "alpha").rglob("index.html"):
        assert soup(path).select_one(".x-updated time") is not None, path


def test_section_navigation_is_short(site: Path) -> None:
    page = soup(site / "alpha/news/2026-11-05-kutaisi/index.html")
    nav_links = page.select("nav.md-nav--primary a.md-nav__link")
    hrefs = {PurePosixPath(a["href"]).as_posix() for a in nav_links}
    assert len(hrefs) <= 8 + 1  # home, seven subsections (Material may repeat the active one)
    assert not any("kutaisi" in h for h in hrefs)


def test_sections_are_self_contained(site: Path) -> None:
    for path in (site / "alpha").rglob("*.html"):
        page = soup(path)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in page.find_all(tag):
                url = el.get(attr)
                if not url or url.startswith(("#", "mailto:", "tel:")):
                    continue
                if tag == "a" and url.startswith("https://"):
                    continue  # a link to another site loads nothing until followed
                assert "://" not in url and not url.startswith("/"), (path, url)
                target = (path.parent / url.split("#")[0]).resolve()
                assert target.is_relative_to((site / "alpha").resolve()), (path, url)


def test_portal_lists_every_municipality_in_both_languages(site: Path) -> None:
    ru = soup(site / "index.html")
    names = [a.get_text(strip=True) for a in ru.select(".x-muni-card h3 a")]
    assert names == ["Альфинский район", "Бетинский район"]
    en = soup(site / "en/index.html")
    assert [a.get_text(strip=True) for a in en.select(".x-muni-card h3 a")] == [
        "Alpha District", "Beta District"]
    for html, base in ((ru, site), (en, site / "en")):
        for a in html.select(".x-muni-card a"):
            assert (base / a["href"] / "index.html").resolve().is_file(), a["href"]
    news = [a.get_text(strip=True) for a in en.select(".x-muni-card__news a")]
    assert "Delegation from Kutaisi" in news


def test_freshness_json_is_the_check_output(site: Path) -> None:
    data = json.loads((site / "freshness.json").read_text(encoding="utf-8"))
    assert data["as_of"] == TODAY
    assert data["timezone"] == "Europe/Ulyanovsk"
    by_id = {m["id"]: m for m in data["municipalities"]}
    assert by_id["beta"]["status"] == "missing"
    news = by_id["alpha"]["sections"][0]
    assert news["id"] == "news"
    assert news["languages"]["en"] == {"status": "fresh", "last_updated": "2026-11-10",
                                       "age_days": 13, "pages": 3, "due_by": "2026-12-11",
                                       "untranslated": 1, "unfinished": 0}


def test_feeds_and_calendars_per_language(site: Path) -> None:
    import feedparser
    import icalendar

    en = feedparser.parse((site / "alpha/en/feed.xml").read_bytes())
    assert not en.bozo
    assert [e.title for e in en.entries][:2] == ["Только по-русски (in Russian)",
                                                 "Delegation from Kutaisi"]
    ru = feedparser.parse((site / "alpha/feed.xml").read_bytes())
    assert ru.entries[1].title == "Делегация из Кутаиси"
    cal = icalendar.Calendar.from_ical((site / "alpha/en/events.ics").read_bytes())
    summaries = sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT"))
    archive = icalendar.Calendar.from_ical((site / "alpha/en/events-archive.ics").read_bytes())
    ended = sorted(str(e["SUMMARY"]) for e in archive.walk("VEVENT"))
    assert sorted(summaries + ended) == ["December forum", "Summer festival"]
    assert (summaries, ended) == (["December forum"], ["Summer festival"])
    news = soup(site / "alpha/en/news/index.html")
    link = news.select_one('link[rel=alternate][type="application/rss+xml"]')
    assert (site / "alpha/en/news" / link["href"]).resolve() == (site / "alpha/en/feed.xml")
    assert news.select_one(".x-subscribe a")["href"].endswith("feed.xml")


def test_regional_feed_and_calendar(site: Path) -> None:
    import feedparser
    import icalendar

    for lang, prefix in (("ru", ""), ("en", "en/")):
        feed = feedparser.parse((site / prefix / "feed.xml").read_bytes())
        assert not feed.bozo
        titles = [e.title for e in feed.entries]
        assert len(titles) == 5  # four of alpha's and one of beta's
        first = {"ru": "Альфинский район: Только по-русски",
                 "en": "Alpha District: Только по-русски (in Russian)"}[lang]
        assert titles[0] == first
        for entry in feed.entries:
            assert (site / prefix / entry.link / "index.html").resolve().is_file(), entry.link
        cal = icalendar.Calendar.from_ical((site / prefix / "events.ics").read_bytes())
        archive = icalendar.Calendar.from_ical((site / prefix / "events-archive.ics").read_bytes())
        assert len(list(cal.walk("VEVENT"))) + len(list(archive.walk("VEVENT"))) == 2
        assert len(list(cal.walk("VEVENT"))) == 1


def test_open_data_in_json_and_csv(site: Path) -> None:
    import csv

    data = json.loads((site / "alpha/data/partners.json").read_text(encoding="utf-8"))
    assert data["items"] == [{
        "id": "kutaisi", "title_ru": "Кутаиси, Грузия", "title_en": "Kutaisi, Georgia",
        "country": "GE", "type": "twin", "status": "active", "since": "2019-05-01",
        "expires": None, "ended": None, "last_contact": None,
        "directions_ru": "культура; образование", "directions_en": "culture; education",
        "url_ru": "partners/kutaisi/", "url_en": "en/partners/kutaisi/"}]
    with open(site / "alpha/data/participation.csv", encoding="utf-8", newline="") as fd:
        rows = list(csv.DictReader(fd))
    assert rows[0]["title_en"] == "Expo in Tashkent" and rows[0]["country"] == "UZ"
    for row in rows:
        assert (site / "alpha" / row["url_en"] / "index.html").is_file()
    assert "place_ru" in (site / "alpha/data/README.txt").read_text(encoding="utf-8")


def test_editor_text_is_escaped(tmp_path: Path) -> None:
    """Markup characters an editor may write (quotes, ampersands) show as text."""
    from regions import page, write

    root = tmp_path / "r"
    config = make_region(root)
    write(root, "content/beta/news/2026-11-15-amp.ru.md", page(
        {"title": "'\"Рога & копыта\" < 5'", "date": "2026-11-15",
         "summary": "'Тест & проверка'"}))
    commit_all(root, "2026-11-10T12:00:00+04:00")
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", TODAY,
                                      "--workers", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = (root / "site/beta/news/index.html").read_text(encoding="utf-8")
    assert "Рога &amp; копыта" in html and "&lt; 5" in html
    listed = soup(root / "site/beta/news/index.html").select_one(".x-news__title a")
    assert listed.get_text() == '"Рога & копыта" < 5'


def test_hosted_video_is_embedded_on_request_only(tmp_path: Path) -> None:
    from regions import write

    root = tmp_path / "r"
    config = make_region(root)
    files = ('[{file: overview.pdf, title: "Общая презентация", kind: overview}, '
             '{file: "https://rutube.ru/play/embed/abc123", title: "Фильм о районе", '
             'kind: video}]')
    write(root, "content/alpha/presentation/index.ru.md",
          f"---\ntitle: О районе\nfiles: {files}\n---\n\nТекст.\n")
    write(root, "content/alpha/presentation/index.en.md",
          f"---\ntitle: About\nfiles: {files.replace('Фильм о районе', 'A film')}\n---\n")
    commit_all(root, "2026-11-10T12:00:00+04:00")
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", TODAY,
                                      "--workers", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = soup(root / "site/alpha/en/presentation/index.html")
    box = page.select_one(".x-embed")
    assert box["data-src"] == "https://rutube.ru/play/embed/abc123"
    assert page.select_one(".x-embed__open")["href"] == "https://rutube.ru/play/embed/abc123"
    assert page.find("iframe") is None  # nothing loads from rutube.ru until asked
    write(root, "content/alpha/presentation/index.ru.md", f"---\ntitle: О районе\nfiles: "
          f"{files.replace('rutube.ru', 'evil.example')}\n---\n")
    result = CliRunner().invoke(cli, ["check", "-f", str(config), "--today", TODAY],
                                catch_exceptions=False)
    assert result.exit_code == 2
    assert "видео с сайта «evil.example» нельзя встроить" in result.output


def test_theme_files_and_the_portal_s_own_files_are_published(site: Path) -> None:
    # the region's custom_dir and Material's static files reach the portal and every section
    for prefix in ("", "en/", "alpha/", "alpha/en/"):
        assert (site / prefix / "assets/region.css").is_file(), prefix
        assert list((site / prefix / "assets/javascripts").glob("bundle.*.min.js")), prefix
    assert not list(site.rglob(".icons")), "the theme's hidden icon folder is not copied"
    # the portal's own pages and files, and nothing of the sections' sources
    assert "Текст о регионе." in (site / "about/index.html").read_text(encoding="utf-8")
    assert "About text." in (site / "en/about/index.html").read_text(encoding="utf-8")
    assert (site / "_files/logo.png").is_file()
    assert not list(site.glob("alpha/news/*.md")) and not list(site.glob("*.md"))


def test_freshness_json_equals_what_check_prints(site: Path) -> None:
    """The build reads every entry, the check only what freshness needs: same report."""
    result = CliRunner().invoke(cli, ["check", "-f", str(site.parent / "mkdocs.yml"),
                                      "--today", TODAY, "--format", "json", "--lang", "ru"])
    assert result.exit_code == 1, result.output  # beta is missing subsections
    printed = json.loads(result.stdout)
    assert printed == json.loads((site / "freshness.json").read_text(encoding="utf-8"))
    assert any(p["severity"] == "warning" for p in printed["problems"])


def test_a_jpeg_coat_of_arms_shows_on_the_portal(tmp_path: Path) -> None:
    root = tmp_path / "r"
    config = make_region(root)
    (root / "municipalities/alpha.png").unlink()
    image(root / "municipalities/alpha.jpg", (40, 48), "darkred")
    registry = root / "municipalities/alpha.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("alpha.png", "alpha.jpg"),
                        encoding="utf-8")
    commit_all(root, "2026-11-10T12:00:00+04:00")
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", TODAY,
                                      "--workers", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    for base in (root / "site", root / "site/en"):
        arms = soup(base / "index.html").select_one(".x-muni-card__arms")
        assert arms["src"].endswith("coat-of-arms.jpg")
        assert (base / arms["src"]).resolve().is_file()


def test_templates_word_each_page_in_its_language_through_the_catalogue(site: Path) -> None:
    """``t('…')`` in a template is bound to the page's language: the same template words a
    Russian and an English page."""
    ru = soup(site / "alpha/announcements/index.html")
    assert [h.get_text(strip=True) for h in ru.select("article h2")] == [
        "Предстоящие события", "Прошедшие события"]
    assert ru.select_one(".x-access__label").get_text(strip=True) == "Версия для слабовидящих"
    en = soup(site / "alpha/en/announcements/index.html")
    assert en.select_one(".x-access__label").get_text(strip=True) == "Accessible version"
    assert "Last updated" in en.select_one(".x-updated").get_text()
