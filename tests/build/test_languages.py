"""A region with a third language (Chinese) in its i18n block, built, checked and reported
for real: nothing but the i18n block and the ``.zh.md`` pages tells extrel about it."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from regions import add_language, commit_all, make_region, make_zh_region, soup, write

from extrel.cli import cli
from extrel.core.scaffold import DRAFT_MARK
from extrel.core.sections import SUBSECTION_IDS, SUBSECTIONS

TODAY = "2026-11-23"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def run_stdout(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = make_zh_region(tmp_path_factory.mktemp("zh"))
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    code, output = run("build", "-f", str(config), "--today", TODAY, "--workers", "2")
    assert code == 0, output
    return config


@pytest.fixture(scope="module")
def site(region: Path) -> Path:
    return region.parent / "site"


def test_every_language_is_built(site: Path) -> None:
    expected = ["zh/index.html", "zh/freshness/index.html", "zh/feed.xml", "zh/events.ics"]
    for mid in ("alpha", "beta"):
        expected.append(f"{mid}/zh/index.html")
        expected += [f"{mid}/zh/{s.id}/index.html" for s in SUBSECTIONS]
        expected += [f"{mid}/zh/feed.xml", f"{mid}/zh/events.ics"]
    expected += ["alpha/zh/news/2026-11-05-kutaisi/index.html",
                 "alpha/zh/partners/kutaisi/index.html"]
    assert [p for p in expected if not (site / p).is_file()] == []


def test_chinese_pages_show_chinese_text_and_english_ui_words(site: Path) -> None:
    page = soup(site / "alpha/zh/news/2026-11-05-kutaisi/index.html")
    assert page.html["lang"] == "zh"  # Material has a Chinese translation
    # the page's locale for link previews is the language's own, not Russian's
    assert page.select_one('meta[property="og:locale"]')["content"] == "zh_CN"
    for path, locale in (("alpha/news/2026-11-05-kutaisi/index.html", "ru_RU"),
                         ("alpha/en/news/2026-11-05-kutaisi/index.html", "en_GB")):
        assert soup(site / path).select_one('meta[property="og:locale"]')["content"] == locale
    assert "库塔伊西代表团来访" in page.get_text()
    home = soup(site / "alpha/zh/index.html")
    cards = [a.get_text(strip=True) for a in home.select(".x-card__link")]
    assert cards == [s.title["en"] for s in SUBSECTIONS]  # extrel's words: English
    # an item without a Chinese page is shown in Russian, marked as such
    listed = soup(site / "alpha/zh/news/index.html").select(".x-news__item")
    marked = [li for li in listed if "not translated yet" in li.get_text()]
    assert len(marked) == 3
    assert all(li.select_one(".x-news__title")["lang"] == "ru" for li in marked)
    note = soup(site / "alpha/zh/news/2026-10-01-forum/index.html").select_one(
        ".x-untranslated")
    assert note is not None and "not been translated into this language" in note.get_text()


def _target(page_path: Path, href: str) -> Path:
    return (page_path.parent / href / "index.html").resolve()


@pytest.mark.parametrize("folder", ["alpha", "alpha/en", "alpha/zh", ".", "en", "zh"])
def test_switcher_lists_every_language_and_pairs_pages(site: Path, folder: str) -> None:
    pages = [p for p in sorted((site / folder).rglob("index.html"))
             if folder != "." or p.parent.name not in ("alpha", "beta")][:40]
    assert pages
    for path in pages:
        page = soup(path)
        codes = [a["hreflang"] for a in page.select(".x-lang a")]
        current = page.select_one(".x-lang__current")["lang"]
        assert sorted([*codes, current]) == ["en", "ru", "zh"], path
        for a in page.select(".x-lang a"):
            other = _target(path, a["href"])
            assert other.is_file(), (path, a["href"])
            back = next(b for b in soup(other).select(".x-lang a") if b["hreflang"] == current)
            assert _target(other, back["href"]) == path.resolve()
    names = [a.get_text(strip=True) for a in soup(pages[0]).select(".x-lang a, .x-lang__current")]
    assert "中文" in names


def test_search_index_per_language(site: Path) -> None:
    for folder, lang in (("alpha", "ru"), ("alpha/en", "en"), ("alpha/zh", "zh")):
        index = json.loads((site / folder / "search/search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [lang]
    docs = json.loads((site / "alpha/zh/search/search_index.json").read_text("utf-8"))["docs"]
    text = " ".join(d["title"] + d["text"] for d in docs)
    assert "库塔伊西" in text and "Delegation from Kutaisi" not in text


def test_dashboard_and_json_show_every_language(site: Path) -> None:
    data = json.loads((site / "freshness.json").read_text(encoding="utf-8"))
    for m in data["municipalities"]:
        for s in m["sections"]:
            assert list(s["languages"]) == ["ru", "en", "zh"]
    alpha = data["municipalities"][0]
    news = alpha["sections"][0]["languages"]["zh"]
    assert news["pages"] == 1 and news["status"] == "fresh"
    assert alpha["sections"][2]["languages"]["zh"]["status"] == "missing"  # no Chinese plan
    assert alpha["status"] == "missing"
    page = soup(site / "freshness/index.html")
    headers = [th.get_text(strip=True) for th in page.select("#x-dash thead tr:nth-of-type(2) th")]
    assert headers == ["RU", "EN", "ZH"] * len(SUBSECTIONS)
    row = page.select_one("#x-dash tbody tr")
    assert len(row.select("td.x-cell")) == 3 * len(SUBSECTIONS)
    home = soup(site / "alpha/index.html")
    assert [th.get_text(strip=True) for th in home.select(".x-fresh thead th")][1:] == [
        "Русский", "English", "中文"]
    portal = soup(site / "index.html")
    versions = [a.get_text(strip=True) for a in portal.select(".x-muni-card__langs a")][:3]
    assert versions == ["Русская версия", "English version", "中文"]
    assert soup(site / "zh/index.html").title.get_text().startswith("对外关系")


def test_check_reports_every_language(region: Path) -> None:
    code, output = run_stdout("check", "-f", str(region), "--today", TODAY, "--format", "json")
    data = json.loads(output)
    assert code == 1
    for m in data["municipalities"]:
        assert [s["id"] for s in m["sections"]] == list(SUBSECTION_IDS)
        for s in m["sections"]:
            assert list(s["languages"]) == ["ru", "en", "zh"]
    assert [p for p in data["problems"] if p["severity"] == "error"] == []
    code, output = run_stdout("check", "-f", str(region), "--today", TODAY, "--format", "csv",
                              "--only", "alpha")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert len(rows) == 7 * 3
    assert {r["language"] for r in rows} == {"ru", "en", "zh"}
    code, output = run("check", "-f", str(region), "--today", TODAY, "--only", "alpha")
    assert "zh: " in output


def test_new_writes_one_file_per_language(tmp_path: Path) -> None:
    config = make_zh_region(tmp_path / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    code, output = run("new", "news", "-f", str(config), "-m", "beta", "-t", "Визит в Казань",
                       "--title-en", "Visit to Kazan", "--date", "2026-11-21")
    assert code == 0, output
    folder = config.parent / "content/beta/news"
    for code_ in ("ru", "en", "zh"):
        assert (folder / f"2026-11-21-visit-to-kazan.{code_}.md").is_file(), code_
    zh = (folder / "2026-11-21-visit-to-kazan.zh.md").read_text(encoding="utf-8")
    assert f'title: "{DRAFT_MARK} — translate the title: Визит в Казань"' in zh
    code, output = run_stdout("check", "-f", str(config), "--today", TODAY, "--only", "beta",
                              "--format", "json")
    assert [p for p in json.loads(output)["problems"] if p["severity"] == "error"] == []


def test_a_page_of_an_undeclared_language_is_an_error(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    write(config.parent, "content/alpha/news/2026-11-05-kutaisi.zh.md",
          "---\ntitle: 来访\n---\n\n来访。\n")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    code, output = run("check", "-f", str(config), "--today", TODAY)
    assert code == 2
    assert "2026-11-05-kutaisi.zh.md" in output and "нет суффикса языка" in output
    # declared: the folder read (and cached) with two languages is read again with three
    add_language(config.parent, "zh", "中文")
    code, output = run_stdout("check", "-f", str(config), "--today", TODAY, "--format", "json",
                              "--only", "alpha")
    data = json.loads(output)
    assert [p for p in data["problems"] if p["severity"] == "error"] == []
    assert data["municipalities"][0]["sections"][0]["languages"]["zh"]["pages"] == 1


def test_a_language_without_lunr_or_material_words_falls_back_to_english(
        tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    add_language(config.parent, "kk", "Қазақша")
    write(config.parent, "content/alpha/news/2026-11-05-kutaisi.kk.md",
          "---\ntitle: Кутаиси делегациясы\n---\n\nМәтін.\n")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    code, output = run("build", "-f", str(config), "--today", TODAY, "--workers", "1")
    assert code == 0, output
    assert "язык «kk»: у Material нет перевода" in output
    assert "язык «kk»: в поиске (lunr) нет его правил" in output
    assert "язык «zh»" not in output and "язык «en»" not in output
    site = config.parent / "site"
    page = soup(site / "alpha/kk/news/2026-11-05-kutaisi/index.html")
    assert page.html["lang"] == "kk"  # Material's words are English, the page is Kazakh
    assert "Кутаиси делегациясы" in page.get_text()
    index = json.loads((site / "alpha/kk/search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["en"]
    current = soup(site / "alpha/kk/index.html").select_one(".x-lang__current")
    assert current["lang"] == "kk" and current.get_text(strip=True) == "Қазақша"


def test_source_date_epoch_does_not_outlive_a_build(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    config = make_region(tmp_path / "r")
    text = config.read_text(encoding="utf-8")
    config.write_text("site_url: https://region.example/\n" + text, encoding="utf-8")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    for today in ("2026-11-23", "2026-11-24"):
        code, output = run("build", "-f", str(config), "--today", today, "--workers", "1")
        assert code == 0, output
        assert "SOURCE_DATE_EPOCH" not in os.environ
        sitemap = (config.parent / "site/alpha/sitemap.xml").read_text(encoding="utf-8")
        assert f"<lastmod>{today}</lastmod>" in sitemap


def test_shared_fields_of_a_third_language_file_must_agree_with_russian(tmp_path: Path) -> None:
    config = make_zh_region(tmp_path / "r")
    write(config.parent, "content/alpha/news/2026-11-05-kutaisi.zh.md",
          "---\ntitle: 库塔伊西代表团来访\ndate: 2026-11-06\n---\n\n详细报道。\n")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    code, output = run("check", "-f", str(config), "--today", TODAY, "--only", "alpha")
    assert code == 2
    assert ("content/alpha/news/2026-11-05-kutaisi.zh.md:3: поле «date» (2026-11-06) "
            "противоречит русской версии") in output


def test_schemas_for_every_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = make_zh_region(tmp_path / "r")
    monkeypatch.chdir(config.parent)
    code, output = run("schema", "-o", "schemas")
    assert code == 0, output
    names = {p.name for p in (config.parent / "schemas").iterdir()}
    assert {"news.schema.json", "news.en.schema.json", "news.zh.schema.json"} <= names
    zh = json.loads((config.parent / "schemas/news.zh.schema.json").read_text("utf-8"))
    assert zh["required"] == ["title"]


@pytest.mark.parametrize("lang", ["ru", "en", "zh"])
def test_the_dashboards_spreadsheet_links_reach_the_files_in_every_language(
        site: Path, lang: str) -> None:
    """The dashboard's links to freshness.xlsx, .csv and .json (core/addresses) resolve, from
    each language's dashboard, to the files beside the portal's default root."""
    import posixpath

    folder = "freshness" if lang == "ru" else f"{lang}/freshness"
    page = soup(site / folder / "index.html")
    hrefs = [a["href"] for a in page.select("main a")
             if str(a["href"]).rsplit("/", 1)[-1].startswith("freshness.")]
    assert sorted(h.rsplit("/", 1)[-1] for h in hrefs) == [
        "freshness.csv", "freshness.json", "freshness.xlsx"]
    for href in hrefs:
        target = posixpath.normpath(posixpath.join(folder, href))
        assert not target.startswith(".."), href
        assert (site / target).is_file(), (lang, href)


def test_open_data_has_every_language(site: Path) -> None:
    """A third language gets its own columns in the open data, like English."""
    data = json.loads((site / "alpha/data/partners.json").read_text("utf-8"))["items"]
    kutaisi = next(row for row in data if row["id"] == "kutaisi")
    assert list(kutaisi)[:4] == ["id", "title_ru", "title_en", "title_zh"]
    assert kutaisi["title_zh"] and kutaisi["title_zh"] != kutaisi["title_ru"]
    assert kutaisi["url_zh"] == "zh/partners/kutaisi/"
    assert (site / "alpha" / kutaisi["url_zh"] / "index.html").is_file()
    header = (site / "alpha/data/partners.csv").read_text("utf-8").splitlines()[0].split(",")
    assert {"title_zh", "directions_zh", "url_zh"} <= set(header)
    readme = (site / "alpha/data/README.txt").read_text("utf-8")
    assert "title_zh: название на языке: китайский / name in Chinese" in readme


def test_registry_names_in_a_further_language(tmp_path: Path) -> None:
    """A registry entry may name its municipality (and coordinator) in the region's further
    languages; their pages, the portal and the JSON show it, English where there is none. A
    key that is not a language of the region is told with its file and line."""
    config = make_zh_region(tmp_path / "r")
    registry = config.parent / "municipalities/alpha.yml"
    text = registry.read_text(encoding="utf-8")
    text = text.replace("name: {ru: Альфинский район, en: Alpha District}",
                        "name: {ru: Альфинский район, en: Alpha District, zh: 阿尔法区}")
    text = text.replace("en: Anna Ivanova}", "en: Anna Ivanova, zh: 安娜}")
    registry.write_text(text, encoding="utf-8")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    code, output = run("build", "-f", str(config), "--today", TODAY)
    assert code == 0, output
    site = config.parent / "site"
    home = soup(site / "alpha/zh/index.html")
    assert home.h1 is not None and "阿尔法区" in home.h1.get_text()
    assert "安娜" in home.get_text() and "Anna Ivanova" not in home.get_text()
    assert "Alpha District" in soup(site / "alpha/en/index.html").h1.get_text()
    portal = soup(site / "zh/index.html").get_text()
    assert "阿尔法区" in portal and "Beta District" in portal  # beta has no Chinese name
    data = json.loads((site / "freshness.json").read_text(encoding="utf-8"))
    names = {m["id"]: m["name"] for m in data["municipalities"]}
    assert names == {"alpha": {"ru": "Альфинский район", "en": "Alpha District", "zh": "阿尔法区"},
                     "beta": {"ru": "Бетинский район", "en": "Beta District",
                              "zh": "Beta District"}}
    # a typo for a language: told where it is, and nothing else changes
    registry.write_text(text.replace("zh: 阿尔法区", "zn: 阿尔法区"), encoding="utf-8")
    code, output = run("check", "-f", str(config), "--today", TODAY)
    assert code == 2, output
    line = next(i for i, row in enumerate(registry.read_text("utf-8").splitlines(), 1)
                if "zn:" in row)
    assert f"municipalities/alpha.yml:{line}" in output
    assert "языка «zn» нет среди языков сайта (ru, en, zh)" in output
    # the same entry in a region without Chinese: the registry is read again for it
    registry.write_text(text, encoding="utf-8")
    assert run("check", "-f", str(config), "--today", TODAY)[0] == 1
    mkdocs = config.read_text(encoding="utf-8")
    config.write_text("\n".join(line for line in mkdocs.splitlines()
                                if "locale: zh" not in line) + "\n", encoding="utf-8")
    for zh_page in (config.parent / "content").rglob("*.zh.md"):
        zh_page.unlink()
    code, output = run("check", "-f", str(config), "--today", TODAY)
    assert code == 2 and "языка «zh» нет среди языков сайта (ru, en)" in output, output
