"""The page-weight budget's build side (issue 16): extrel's own CSS and JavaScript published
minified, Material's stylesheets without the rules no extrel page can match, and no page
of a real build carrying a class whose rules were dropped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from regions import commit_all, make_region, page, write

from extrel.cli import cli
from extrel.mkdocs import assetweight

TODAY = "2026-11-23"
SOURCES = Path(__file__).parents[2] / "src/extrel/templates/assets/extrel"

EVERYTHING = """
## Раздел {#part .lead}

Абзац со [ссылкой](https://example.org/ "подсказка") и **жирным**, *курсивом*, `кодом`.

| Город | Страна |
|:------|-------:|
| Минск | Беларусь |

- пункт
    1. вложенный

!!! note "Заметка"
    Текст.

!!! warning
    Текст.

??? info "Без сворачивания"
    Текст.

    code block

> цитата
{ .note }
"""
"""What an editor can write with the enabled extensions (tables, attr_list, admonition,
toc), a collapsible-looking marker and an indented code block among them."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("region")
    config = make_region(root)
    write(root, "content/alpha/news/2026-11-12-all.ru.md", page(
        {"title": "Всё сразу", "date": "2026-11-12"}, EVERYTHING))
    commit_all(root, "2026-11-10T12:00:00+04:00")
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", TODAY],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return root / "site"


def test_no_page_carries_a_class_whose_rules_were_dropped(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    used: dict[str, str] = {}
    for path in pages:
        for el in BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select("[class]"):
            for name in el["class"]:
                used.setdefault(name, str(path.relative_to(site)))
    assert "admonition" in used and "md-typeset__table" not in assetweight.UNUSED_CLASSES
    assert {n: p for n, p in used.items() if assetweight._unused_class(n)} == {}


def test_own_assets_are_published_minified(site: Path) -> None:
    for name in ("extrel.css", "extrel.js", "extrel-head.js"):
        source = (SOURCES / name).read_text(encoding="utf-8")
        published = (site / "alpha/assets/extrel" / name).read_text(encoding="utf-8")
        assert len(published) < 0.85 * len(source), name
        assert "/*" not in published.replace("/*!", ""), name
    css = (site / "alpha/assets/extrel/extrel.css").read_text(encoding="utf-8")
    assert ".x-access" in css and "@media" in css


def test_material_stylesheet_keeps_what_pages_use(site: Path) -> None:
    main = next((site / "alpha/assets/stylesheets").glob("main.*.min.css")).read_text("utf-8")
    assert ".md-typeset .admonition" in main and ".md-typeset table:not([class])" in main
    assert ".md-search__input" in main and ".md-nav__link" in main
    assert not re.search(r"\.(tabbed-set|highlight|md-annotation|md-post)\b", main)
    palette = next((site / "alpha/assets/stylesheets").glob("palette.*.min.css"))
    assert len(palette.read_text("utf-8")) < 2000


def test_pruning_drops_only_selectors_that_cannot_match() -> None:
    css = (".highlight pre,.md-typeset pre{color:red}"
           ".md-code__button{x:1}"
           ".md-typeset :is(.highlight,.admonition){y:2}"
           "a:not(.md-clipboard){z:3}"
           "@media (min-width:10em){.tabbed-set{a:1}}"
           "@media print{.md-post,.md-header{b:2}}"
           "[data-md-color-primary=red]{c:3}[data-md-color-primary=custom]{d:4}")
    out = assetweight.pruned(css, {"scheme": "default", "primary": "custom",
                                   "accent": "custom"})
    assert out == (".md-typeset pre{color:red}"
                   ".md-typeset :is(.highlight,.admonition){y:2}"
                   "a:not(.md-clipboard){z:3}"
                   "@media print{.md-header{b:2}}"
                   "[data-md-color-primary=custom]{d:4}")


def test_a_palette_toggle_keeps_every_colour_set() -> None:
    assert assetweight.palette_of([{"scheme": "default"}, {"scheme": "slate"}]) is None
    assert assetweight.palette_of(None) == assetweight.PALETTE_DEFAULTS
    css = "[data-md-color-scheme=slate]{a:1}"
    assert assetweight.pruned(css, None) == css


def test_minifier_keeps_licence_comments() -> None:
    text = "/*! licence */\n/* note */\nvar a = 1;  // x\n"
    assert assetweight.minified("x.js", text) == "/*! licence */var a=1;"
    assert assetweight.minified("x.png", text) is None


def test_a_pruned_stylesheet_is_kept_once_per_installation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every process of every build pruned Material's stylesheets again (a fifth of a second
    each); the result is kept in the user's cache folder, outside any repository, by a hash
    of the stylesheet, the palette and the pruning code. A kept file that cannot be a pruning
    of the stylesheet (longer than it) is not used."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    css = ".md-typeset pre{color:red}.tabbed-set{a:1}"
    assetweight._pruned.cache_clear()
    first = assetweight.pruned(css, None)
    assert first == ".md-typeset pre{color:red}"
    (kept,) = (tmp_path / "extrel" / "css").rglob("*.css")
    assert kept.read_text(encoding="utf-8") == first

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again")

    assetweight._pruned.cache_clear()
    with monkeypatch.context() as patch:
        patch.setattr(assetweight.tinycss2, "parse_stylesheet", no_parsing)
        assert assetweight.pruned(css, None) == first
    kept.write_text(css + "x" * 10, encoding="utf-8")
    assetweight._pruned.cache_clear()
    assert assetweight.pruned(css, None) == first
    assetweight._pruned.cache_clear()
