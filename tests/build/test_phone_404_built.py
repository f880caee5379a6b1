"""The portal's 404 page per language (issue 16 item 3), as built: ``404.html`` in Russian,
``en/404.html`` and ``zh/404.html`` beside it, each with absolute links (it is served at any
address), the switch to the other languages' home pages and a line for each of them; no
section has one (a section copied into a municipality's site lives under that site's 404)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from regions import commit_all, make_zh_region, soup

from extrel.cli import cli


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    sites = {}
    for name, site_url in (("plain", None), ("hosted", "https://vneshsvyazi.example.org/region/")):
        config = make_zh_region(tmp_path_factory.mktemp(name) / "r")
        if site_url:
            config.write_text(f"site_url: {site_url}\n" + config.read_text(encoding="utf-8"),
                              encoding="utf-8")
        commit_all(config.parent, "2026-11-10T12:00:00+04:00")
        result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", "2026-11-23",
                                          "--workers", "1", "--no-progress"],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        sites[name] = config.parent / "site"
    return sites


@pytest.mark.parametrize("site, prefix", [("plain", "/"), ("hosted", "/region/")])
def test_every_language_has_its_404_with_absolute_links(built: dict[str, Path], site: str,
                                                        prefix: str) -> None:
    root = built[site]
    expected = {"ru": ("404.html", "Страница не найдена", prefix),
                "en": ("en/404.html", "Page not found", prefix + "en/"),
                "zh": ("zh/404.html", None, prefix + "zh/")}
    homes = {code: home for code, (_, _, home) in expected.items()}
    for lang, (path, title, home) in expected.items():
        html = soup(root / path)
        if title:
            assert html.html["lang"] == lang
            assert html.h1.get_text(strip=True) == title
        assert html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        # the theme's files and the links: absolute, from this language's root
        sheets = [link["href"] for link in html.find_all("link", rel="stylesheet")]
        assert sheets and all(href.startswith(home + "assets/") for href in sheets), sheets
        scripts = [s["src"] for s in html.find_all("script", src=True)]
        assert scripts and all(src.startswith(home + "assets/") for src in scripts), scripts
        form = html.find("form", class_="x-notfound__search")
        assert form["action"] == home and form.find("input")["name"] == "q"
        # the switch: every other language's home page; this language is the current one
        switch = {a["hreflang"]: a["href"] for a in html.select(".x-lang a[hreflang]")}
        assert switch == {code: h for code, h in homes.items() if code != lang}
        assert html.select_one(".x-lang__current")["lang"] == lang
        lines = {p["lang"]: p for p in html.select("main p.x-notfound__other")}
        assert set(lines) == set(homes) - {lang}
        for code, line in lines.items():
            assert line.a["href"] == homes[code] and line.a["hreflang"] == code
    # a line in English on the Russian page; Chinese has no words in the catalogue: only its
    # home page under its own name, never English words marked as Chinese
    russian = {p["lang"]: p for p in soup(root / "404.html").select("main p.x-notfound__other")}
    assert russian["en"].get_text(" ", strip=True) == "Page not found. Go to the home page"
    assert russian["zh"].get_text(" ", strip=True) == "中文"
    assert not (root / "alpha/404.html").exists() and not (root / "alpha/en/404.html").exists()
