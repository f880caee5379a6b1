"""MkDocs renders exactly what extrel validated: a page whose front matter MkDocs would read
differently is refused by the check, or renders extrel's own reading of it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner
from mkdocs.utils import meta as mkdocs_meta
from regions import commit_all, make_region, write

from extrel.cli import cli

TODAY = "2026-11-23"
NEWS = "content/beta/news/2026-11-15-{}.ru.md"


def build(config: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", TODAY,
                                      "--workers", "1"], catch_exceptions=False)
    return result.exit_code, result.output


def test_the_title_renders_as_extrel_read_it(tmp_path: Path) -> None:
    root = tmp_path / "r"
    config = make_region(root)
    text = "---\ntitle: 2026-11-15 10:00:00.5\ndate: 2026-11-15\n---\n\nТекст.\n"
    write(root, NEWS.format("time"), text)
    # MkDocs' own reading makes the title a datetime, shown as '… 10:00:00.500000'
    assert str(mkdocs_meta.get_data(text)[1]["title"]) == "2026-11-15 10:00:00.500000"
    commit_all(root, "2026-11-10T12:00:00+04:00")
    code, output = build(config)
    assert code == 0, output
    page = BeautifulSoup((root / "site/beta/news/2026-11-15-time/index.html").read_text(
        encoding="utf-8"), "lxml")
    assert page.h1.get_text(strip=True) == "2026-11-15 10:00:00.5"
    assert page.title.get_text().startswith("2026-11-15 10:00:00.5 ")
    assert "500000" not in page.decode()


def test_pages_mkdocs_would_read_differently_stop_the_build(tmp_path: Path) -> None:
    root = tmp_path / "r"
    config = make_region(root)
    hostile = "# <img src=x onerror=alert(1)>\n"
    pages = {
        "binary": ("---\ntitle: !!binary PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KDEpPg==\n"
                   "date: 2026-11-15\n---\n", 2),
        "dots": ("---\ntitle: x\ndate: 2026-11-15\n...\n" + hostile + "---\n", 4),
        "nonl": ("---\ntitle: x\ndate: 2026-11-15\n" + hostile + "---", 5),
        "date": ("---\ntitle: x\ndate: 2026-11-15\nsummary: 2026-02-30\n" + hostile
                 + "---\n", 4),
    }
    for name, (text, _) in pages.items():
        write(root, NEWS.format(name), text)
    commit_all(root, "2026-11-10T12:00:00+04:00")
    code, output = build(config)
    assert code == 2, output
    for name, (_, line) in pages.items():
        assert f"{NEWS.format(name)}:{line}: " in output, (name, output)
    assert not (root / "site").exists()
