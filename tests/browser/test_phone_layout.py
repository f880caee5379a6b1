"""A section's home on a phone (issue 16 item 3): the freshness table readable at 360 px —
no subsection name broken inside a word, no language column cut off, still a table for a
screen reader — and the header: the municipality's coat of arms as the logo (the region's
logo on the portal, never Material's book), the site's whole name, also in the version for
the visually impaired. Screenshots of what is checked are kept under the test's tmp_path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import build_site, serve
from regions import commit_all, image, make_region
from test_pages import overflow

SECTIONS = {"ru": "inza/", "en": "inza/en/"}

BROKEN_WORDS = """(selector) => {
  // every word of every subsection name (or other cell): one box, i.e. on one line (a word
  // broken across lines has two)
  const broken = [];
  for (const th of document.querySelectorAll(selector || 'table.x-fresh tbody th')) {
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size !== 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""

CUT_OFF = """() => {
  // every cell wholly inside the table's box and the viewport, nothing scrolled out of sight
  const wrap = document.querySelector('table.x-fresh').closest('.x-table-wrap');
  const box = wrap.getBoundingClientRect();
  const out = [...document.querySelectorAll('table.x-fresh td, table.x-fresh tbody th')]
    .filter(c => { const r = c.getBoundingClientRect();
                   return r.left < box.left - 1 || r.right > box.right + 1
                          || r.right > window.innerWidth; })
    .map(c => c.innerText.trim().slice(0, 40));
  return {out, scrolls: wrap.scrollWidth > wrap.clientWidth + 1};
}"""


def table_roles(page: Any) -> dict[str, int]:
    """The roles Chromium's accessibility tree gives the freshness table's parts (what a
    screen reader gets, whatever the CSS display of the rows)."""
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    roles = [n.get("role", {}).get("value") for n in nodes if not n.get("ignored")]
    return {r: roles.count(r) for r in ("table", "row", "rowheader", "columnheader", "cell")}


@pytest.mark.parametrize("lang", SECTIONS)
@pytest.mark.parametrize("width", [360, 1366])
def test_freshness_table_is_readable_and_stays_a_table(pages: Any, lang: str, width: int,
                                                       tmp_path: Path) -> None:
    page = pages.open(SECTIONS[lang], width=width)
    table = page.locator("table.x-fresh")
    table.scroll_into_view_if_needed()
    table.screenshot(path=str(tmp_path / f"fresh-{lang}-{width}.png"))
    assert page.evaluate(BROKEN_WORDS) == []
    assert page.evaluate(CUT_OFF) == {"out": [], "scrolls": False}
    # seven subsections, one row header each, one cell per language, the column headers
    languages = len(page.locator("table.x-fresh thead th").all()) - 1
    assert languages == 2
    roles = table_roles(page)
    assert roles["table"] >= 1 and roles["rowheader"] >= 7
    assert roles["cell"] >= 7 * languages and roles["columnheader"] >= 1 + languages
    labels = page.locator("table.x-fresh .x-fresh__lang")
    if width == 360:
        # the column headers are out of sight; each block says its language instead
        assert page.locator("table.x-fresh thead").bounding_box()["height"] <= 1
        assert labels.first.is_visible() and labels.first.inner_text() == "Русский"
        assert labels.first.get_attribute("aria-hidden") == "true"
        names = page.locator("table.x-fresh tbody th")
        first, cell = names.first.bounding_box(), page.locator("table.x-fresh td").first
        assert cell.bounding_box()["y"] >= first["y"] + first["height"] - 1  # name above
    else:
        assert page.locator("table.x-fresh thead th").first.is_visible()
        assert not labels.first.is_visible()


@pytest.mark.parametrize("path", ["", "en/", "freshness/", "en/freshness/"])
def test_the_portals_and_dashboards_tables_at_360(pages: Any, path: str) -> None:
    """The portal's table (the partner map's) is cards on a phone; the dashboard's scrolls
    sideways in its own box (a staff tool, made for a laptop): neither breaks a word, and
    the page itself does not scroll sideways."""
    page = pages.open(path, width=360)
    assert page.locator("main table").count() >= 1
    assert page.evaluate(BROKEN_WORDS, "main table th, main table td") == []
    assert overflow(page) == ""


def site_name_shown(page: Any) -> dict[str, Any]:
    return page.evaluate("""() => {
      const name = document.querySelector('.md-header__title .md-header__topic .md-ellipsis');
      const style = getComputedStyle(name);
      const r = name.getBoundingClientRect();
      return {text: name.innerText.trim(), visible: style.visibility === 'visible'
                && r.width > 0 && r.right <= window.innerWidth && r.left >= 0,
              cut: name.scrollWidth > name.clientWidth + 1
                || name.closest('.md-header__title').scrollWidth
                   > name.closest('.md-header__title').clientWidth + 1};
    }""")


@pytest.mark.parametrize("access", [False, True], ids=["normal", "accessible"])
@pytest.mark.parametrize("path, name", [("inza/", "Инзенский район"),
                                        ("inza/en/", "Inza District"),
                                        ("", "Развитие внешних связей муниципальных образований"),
                                        ("en/", "External relations of municipalities")])
def test_the_site_name_is_whole_in_the_phone_header(pages: Any, path: str, name: str,
                                                     access: bool, tmp_path: Path) -> None:
    page = pages.open(path, width=360, access=access)
    page.locator(".md-header").screenshot(path=str(tmp_path / "header.png"))
    assert site_name_shown(page) == {"text": name, "visible": True, "cut": False}
    # two rows: the menu, the languages, the switch and the search side by side, the name below
    row = [page.locator(sel).bounding_box() for sel in (
        'label.md-header__button[for="__drawer"]', ".x-lang", "[data-x-access]",
        'label.md-header__button[for="__search"]')]
    middles = [box["y"] + box["height"] / 2 for box in row]
    assert max(middles) - min(middles) < 4, row
    title = page.locator(".md-header__title").bounding_box()
    assert title["y"] >= max(box["y"] + box["height"] for box in row) - 1
    # still whole once scrolled past the h1, where Material slides the page's title in
    page.evaluate("window.scrollTo(0, 1500)")
    page.locator(".md-header__title--active").wait_for(state="attached")
    assert site_name_shown(page) == {"text": name, "visible": True, "cut": False}


@pytest.mark.parametrize("path", ["inza/", "inza/en/news/", "inza/en/partners/"])
@pytest.mark.parametrize("width", [360, 1366])
def test_the_header_shows_the_coat_of_arms(pages: Any, path: str, width: int) -> None:
    page = pages.open(path, width=width)
    logo = page.locator(".md-header .md-logo img")
    assert logo.is_visible()
    assert logo.get_attribute("src").endswith("assets/coat-of-arms.png")
    assert page.evaluate("document.querySelector('.md-header .md-logo img').naturalWidth") > 0
    assert page.locator(".md-header .md-logo svg").count() == 0  # no book icon
    box = logo.bounding_box()
    assert box["height"] >= 30 and box["x"] + box["width"] <= width


@pytest.mark.parametrize("width", [360, 1366])
def test_the_portal_shows_no_book_icon(pages: Any, width: int) -> None:
    """The demo region gives no logo of its own (``theme.logo``): then the header has none,
    and no empty link is left for the keyboard."""
    page = pages.open("", width=width)
    assert page.locator(".md-header .md-logo svg").count() == 0
    assert not page.locator(".md-header .md-logo").is_visible()


@pytest.fixture(scope="module")
def jpeg_region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A region whose alpha has a JPEG coat of arms and whose portal has a logo of its own."""
    config = make_region(tmp_path_factory.mktemp("jpeg") / "r")
    root = config.parent
    registry = root / "municipalities/alpha.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "coat_of_arms: alpha.png", "coat_of_arms: alpha.jpg"), encoding="utf-8")
    (root / "municipalities/alpha.png").unlink(missing_ok=True)
    image(root / "municipalities/alpha.jpg", (96, 112), "darkgreen")
    image(root / "theme/assets/region-arms.png", (96, 112), "darkred")
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  custom_dir: theme\n", "  custom_dir: theme\n  logo: assets/region-arms.png\n"),
        encoding="utf-8")
    commit_all(root, "2026-11-10T12:00:00+04:00")
    return build_site(config, "--workers", "1", "--no-progress")


@pytest.mark.parametrize("path, src", [("alpha/", "assets/coat-of-arms.jpg"),
                                       ("alpha/en/news/", "assets/coat-of-arms.jpg"),
                                       ("", "assets/region-arms.png"),
                                       ("en/", "assets/region-arms.png")])
def test_a_jpeg_coat_of_arms_and_the_regions_logo(browser: Any, jpeg_region: Path, path: str,
                                                  src: str) -> None:
    with serve(jpeg_region) as url:
        context = browser.new_context(viewport={"width": 360, "height": 800})
        try:
            page = context.new_page()
            failed: list[str] = []
            page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
            page.goto(url + path)
            logo = page.locator(".md-header .md-logo img")
            assert logo.get_attribute("src").endswith(src)
            assert logo.is_visible()
            assert page.evaluate(
                "document.querySelector('.md-header .md-logo img').naturalWidth") == 96
            assert failed == []
        finally:
            context.close()
