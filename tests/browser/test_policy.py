"""The site's own features work within the Content-Security-Policy: Material's palette
toggle, a video embedded on the visitor's click, search, the switch for the visually
impaired. The ``Pages`` of conftest fail a test on any refusal the policy reports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import Pages, serve
from regions import commit_all, make_region, page, write

from extrel.cli import cli

PALETTE = """\
  palette:
    - scheme: default
      toggle: {icon: material/brightness-7, name: Тёмная тема}
    - scheme: slate
      toggle: {icon: material/brightness-4, name: Светлая тема}
"""
VIDEO = "https://www.youtube.com/embed/abc"


@pytest.fixture(scope="module")
def region_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("policy")
    config = make_region(tmp / "r")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  language: ru\n", "  language: ru\n" + PALETTE),
                      encoding="utf-8")
    write(config.parent, "content/alpha/news/2026-11-12-video.ru.md", page(
        {"title": "Видео о районе", "date": "2026-11-12"},
        f'Смотрите видео.\n\n<iframe src="{VIDEO}" title="О районе"></iframe>\n\n'
        "| Слева | По центру | Справа |\n|:---|:---:|---:|\n| 1 | 2 | 3 |\n"))
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    site = tmp / "site"
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", "2026-11-23",
                                      "--workers", "1", "--site-dir", str(site),
                                      "--no-progress"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with serve(site) as url:
        yield url


@pytest.fixture
def region_pages(browser: Any, region_url: str) -> Iterator[Pages]:
    opened = Pages(browser, region_url)
    yield opened
    problems = opened.close()
    assert problems == [], "\\n".join(problems)


def test_palette_toggle_works_and_is_remembered(region_pages: Pages) -> None:
    page = region_pages.open("alpha/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("label[for=__palette_1]").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    region_pages.goto(page, "alpha/news/")  # Material's palette script (now a file) restores it
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_video_loads_only_when_the_visitor_asks(region_pages: Pages) -> None:
    page = region_pages.open()
    asked: list[str] = []

    def video_host(route: Any) -> None:
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<p>video</p>")

    page.context.route("https://www.youtube.com/**", video_host)
    region_pages.goto(page, "alpha/news/2026-11-12-video/")
    assert page.locator(".x-body iframe").count() == 0
    assert asked == []
    page.locator(".x-body .x-embed__open").click()
    frame = page.locator(".x-body iframe")
    assert frame.get_attribute("src") == VIDEO
    page.wait_for_function("() => document.querySelector('.x-body iframe') && "
                           "document.querySelector('.x-body iframe').contentDocument === null")
    page.frame_locator(".x-body iframe").locator("p").wait_for()
    assert asked == [VIDEO]
    # the video host is the one other host a visitor's click may reach: allow it here only
    region_pages.traffic(page).requests[:] = [
        r for r in region_pages.traffic(page).requests if not r.url.startswith(VIDEO)]


def test_search_works_within_the_policy(region_pages: Pages) -> None:
    page = region_pages.open("alpha/")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("Кутаиси")
    page.keyboard.press("End")  # Material listens to keyup (see test_light.search)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert "Кутаиси" in page.locator(".md-search-result").inner_text()


def test_the_policy_reports_what_it_refuses(region_pages: Pages) -> None:
    """The check of the other tests can fail: an inline script on a page is refused, and the
    refusal is what ``Pages`` reports."""
    page = region_pages.open("alpha/")
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.__ran = 1'; document.body.append(s); }""")
    assert page.evaluate("() => window.__ran") is None
    traffic = region_pages.traffic(page)
    assert any("script-src" in text for text in traffic.refused), traffic.refused
    traffic.refused.clear()


def test_table_columns_keep_their_alignment_without_style_attributes(
        region_pages: Pages) -> None:
    page = region_pages.open("alpha/news/2026-11-12-video/")
    cells = page.locator(".x-body table td")
    aligned = [cells.nth(i).evaluate("el => getComputedStyle(el).textAlign") for i in range(3)]
    assert aligned == ["left", "center", "right"]
    assert page.locator(".x-body table [style]").count() == 0
