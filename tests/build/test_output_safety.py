"""Safety is a property of the built pages, not of the check: every page carries the policy,
and texts from front matter and the registry reach the page escaped even when the check,
which would refuse them, is not there to stop them (as in ``extrel serve``)."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner
from mkdocs.commands.build import build
from regions import commit_all, make_region, page, write

from extrel.cli import cli
from extrel.mkdocs import siteconfig

TODAY = "2026-11-23"
TITLE = "<img src=x onerror=alert(1)></title><script>alert(2)</script> & «ёлочки»"


def test_every_built_page_carries_the_policy_first_in_its_head(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    site = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", TODAY,
                                      "--workers", "1", "--site-dir", str(site)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40 and site / "404.html" in pages
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
        head = [el for el in soup.head.children if getattr(el, "name", None)]
        assert head[0].name == "meta" and head[0].get("charset") == "utf-8", path
        assert head[1].get("http-equiv") == "Content-Security-Policy", path
        assert "script-src 'self';" in head[1]["content"], path
        inline = [s for s in soup.find_all("script")
                  if not s.get("src") and s.get("type") != "application/json"]
        assert inline == [], path  # Material's inline scripts are files now


def _serve_like_build(config: Path, out: Path, municipality: str) -> None:
    """A section built as ``extrel serve`` builds it: the check's errors do not stop it."""
    cfg = siteconfig.load(config, role="section", lang="ru", site_name="Альфа",
                          municipality=municipality, today=TODAY, site_dir=out)
    build(cfg)


def test_a_title_with_markup_is_printed_as_text_everywhere(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    write(root, "content/alpha/news/2026-11-12-hostile.ru.md", page(
        {"title": "'" + TITLE.replace("'", "''") + "'", "date": "2026-11-12"}, "Текст."))
    commit_all(root, "2026-11-10T12:00:00+04:00")
    out = tmp_path / "site"
    _serve_like_build(config, out, "alpha")

    item = (out / "news/2026-11-12-hostile/index.html").read_text(encoding="utf-8")
    for path in (out / "news/2026-11-12-hostile/index.html", out / "news/index.html",
                 out / "index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
        assert not soup.select("img[onerror]") and not soup.select("[onmouseover]"), path
        scripts = [s for s in soup.find_all("script") if "alert" in s.get_text()]
        assert scripts == [], path
        assert any(TITLE in el.get_text() for el in soup.find_all(["h1", "h2", "h3", "a"])), path
    soup = BeautifulSoup(item, "html5lib")
    assert soup.title.get_text() == f"{TITLE} - Альфа"
    assert soup.find("meta", property="og:title")["content"] == TITLE


TEMPLATES = Path(__file__).resolve().parents[2] / "src/extrel/templates"
TRUSTED = {
    # extrel's own markup, constants and numbers
    "page.content", "base_url", "super()", "root", "other", "mkdocs_version", "loop.index + 1",
    "v.languages | length", "extrel.feed", "extrel.calendar", "sizes or pic.sizes",
    "['missing','stale','due','fresh'].index(r.status)", "c.lang | upper", "f.format | lower",
    "['missing','stale','due','fresh'].index(c.status)", "'%05d' % (99999 - (c.age_days or 0))",
    # the language switcher: extrel's language codes, names and computed relative links
    "alt.lang | d(lang.t('language'))", "alt.lang", "alt.name", "alt.link",
    "lang.t('rss.created')", "lang.t('rss.updated')", "lang.t('select.language')",
    # the partner map: SVG drawn by core/worldmap.py, every text in it escaped there
    "map.svg",
}
"""Prints that are not data from content, the registry or the configuration."""


def test_extrel_s_templates_escape_every_piece_of_data_they_print() -> None:
    """MkDocs renders with autoescape off: every value that comes from content, the registry
    or a view is printed through ``| e`` (a registry phone once broke out of ``href``)."""
    unescaped = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"\{\{-?\s*(.*?)\s*-?\}\}", text, re.S):
            expr = match.group(1)
            literal = expr.startswith(("'", '"', "(")) and " if " in expr and "~" not in expr
            # the catalogue's words without parameters (``t('ui.…')``); with parameters, the
            # values are data and the result goes through ``| e`` like any other
            words = expr.startswith("t(") and "=" not in expr and "~" not in expr
            if literal or words or expr in TRUSTED or "| url" in expr:
                continue
            if expr.startswith("page.content"):
                continue
            # a call of a macro the same file defines prints that macro's markup, whose own
            # prints this same loop checks
            call = re.match(r"(\w+)\(", expr)
            if call and re.search(rf"\{{%-?\s*macro\s+{call.group(1)}\(", text):
                continue
            if not re.search(r"\|\s*e\s*\)?$|\|\s*e\)", expr):
                line = text.count("\n", 0, match.start()) + 1
                unescaped.append(f"{path.relative_to(TEMPLATES)}:{line}: {{{{ {expr} }}}}")
    assert unescaped == []
