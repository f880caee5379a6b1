"""Safety is a property of the built pages, not of the check: every page carries the policy,
and texts from front matter and the registry reach the page escaped even when the check,
which would refuse them, is not there to stop them (as in ``extrel serve``)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner
from mkdocs.commands.build import build
from regions import commit_all, make_region, page, write

from extrel.cli import cli
from extrel.mkdocs import siteconfig

TODAY = "2026-11-23"
TITLE = "<img src=x onerror=alert(1)></title><script>alert(2)</script> & «ёлочки»"
PHONE = '+7 (84241) 2-00-00" onmouseover="alert(3)" x="'


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
    registry = root / "municipalities/alpha.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "+7 (84241) 2-00-00", "'" + PHONE + "'"), encoding="utf-8")
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
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html5lib")
    tel = home.select_one('a[href^="tel:"]')
    assert tel is not None and set(tel.attrs) == {"href"} and tel.get_text() == PHONE
