"""The partner map in a real build: on each partners page and on the portal, with its title,
description and the table of the same facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from regions import build, commit_all, make_region, page, soup, write

from extrel.cli import cli

TODAY = "2026-11-23"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("region")
    config = make_region(root)
    # alpha's Kutaisi gets its coordinates; a second partner has none (its country is shaded);
    # alpha's centre is marked; beta has one located partner, shown on the portal only
    kutaisi = root / "content/alpha/partners/kutaisi.ru.md"
    kutaisi.write_text(kutaisi.read_text(encoding="utf-8").replace(
        "country: GE\n", "country: GE\nlocation: [42.27, 42.70]\n"), encoding="utf-8")
    write(root, "content/alpha/partners/paracin.ru.md", page(
        {"title": "Парачин, Сербия", "country": "RS", "type": "partner", "status": "planned"}))
    write(root, "content/alpha/partners/paracin.en.md", page({"title": "Paraćin, Serbia"}))
    registry = root / "municipalities/alpha.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "kind: district\n", "kind: district\nlocation: [53.85, 46.35]\n"), encoding="utf-8")
    write(root, "content/beta/partners/kobrin.ru.md", page(
        {"title": "Кобрин, Беларусь", "country": "BY", "type": "twin", "status": "active",
         "since": "2015-06-12", "location": "[52.21, 24.36]"}))
    write(root, "content/beta/partners/kobrin.en.md", page({"title": "Kobrin, Belarus"}))
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config, "--workers", "2")
    return root / "site"


def map_of(html: BeautifulSoup) -> tuple[BeautifulSoup, BeautifulSoup]:
    svgs = html.select("svg.x-map")
    assert len(svgs) == 1
    tables = html.select("table.x-map-table")
    assert len(tables) == 1
    return svgs[0], tables[0]


@pytest.mark.parametrize("prefix, lang, title, located, shaded", [
    ("alpha/", "ru", "Карта партнёров: Альфинский район", "Кутаиси, Грузия", "Сербия"),
    ("alpha/en/", "en", "Partner map: Alpha District", "Kutaisi, Georgia", "Serbia"),
])
def test_partners_page_shows_the_map_and_its_table(
    site: Path, prefix: str, lang: str, title: str, located: str, shaded: str
) -> None:
    html = soup(site / prefix / "partners/index.html")
    svg, table = map_of(html)
    assert svg["role"] == "img" and svg["lang"] == lang
    assert svg.title.get_text() == title
    desc = svg.find("desc").get_text()
    assert located in desc and shaded in desc
    assert len(svg.select("g.x-map__marker")) == 1  # Kutaisi; Paraćin has no location
    assert len(svg.select("path.x-map__country")) == 1
    assert len(svg.select("g.x-map__home")) == 1
    rows = table.select("tbody tr")
    assert len(rows) == 2
    assert table.caption.get_text(strip=True) == title
    texts = [r.get_text(" ", strip=True) for r in rows]
    marker = svg.select_one("g.x-map__marker text").get_text()
    numbered = next(t for t in texts if t.startswith(marker + " "))
    assert located in numbered
    # the rows link to the partners' pages
    assert all(r.a["href"].rstrip("/").split("/")[-1] in ("kutaisi", "paracin") for r in rows)


@pytest.mark.parametrize("path, lang", [("index.html", "ru"), ("en/index.html", "en")])
def test_portal_shows_the_whole_regions_partners(site: Path, path: str, lang: str) -> None:
    html = soup(site / path)
    svg, table = map_of(html)
    assert svg.title.get_text() == {"ru": "Карта партнёров: муниципальные образования региона",
                                     "en": "Partner map: the region's municipalities"}[lang]
    assert len(svg.select("g.x-map__marker")) == 2  # Kutaisi (alpha), Kobrin (beta)
    rows = [r.get_text(" ", strip=True) for r in table.select("tbody tr")]
    assert len(rows) == 3
    municipality = {"ru": ("Альфинский район", "Бетинский район"),
                    "en": ("Alpha District", "Beta District")}[lang]
    assert sum(municipality[0] in r for r in rows) == 2
    assert sum(municipality[1] in r for r in rows) == 1
    links = [a["href"] for a in table.select("a")]
    kobrin = "beta/partners/kobrin/" if lang == "ru" else "../beta/en/partners/kobrin/"
    found = [h for h in links if h.endswith(kobrin)]
    assert found, links
    target = ((site / path).parent / found[0] / "index.html").resolve()
    assert target.is_file(), target


def test_a_bad_location_stops_the_build_with_the_file_and_line(tmp_path: Path) -> None:
    config = make_region(tmp_path)
    kutaisi = tmp_path / "content/alpha/partners/kutaisi.ru.md"
    kutaisi.write_text(kutaisi.read_text(encoding="utf-8").replace(
        "country: GE\n", "country: GE\nlocation: [142.27, 42.70]\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "-f", str(config), "--today", TODAY])
    assert result.exit_code == 2
    assert "content/alpha/partners/kutaisi.ru.md:4" in result.output
    assert "не координаты" in result.output
