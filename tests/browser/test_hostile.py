"""Nothing an editor writes runs or loads on a visitor's page (issue 12), seen in Chromium.

A region gets the hostile catalogue (``hostile.py``) as news items, plus hostile front matter
and a hostile registry entry. ``extrel check`` refuses some; everything it accepts is built by
``extrel build`` and opened: no dialog, no script of the payload's, no request to a host other
than the local server. The scanner is not the boundary, so every payload is also rendered
through the output path alone, into a real page of the built site: the site's Markdown
extensions, then the sanitizer, under the page's Content-Security-Policy (no execution, no
foreign request); and without the sanitizer, the policy alone (no execution, no foreign load).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown
import pytest
from click.testing import CliRunner
from conftest import build_site, serve
from hostile import CLEAN_PAYLOADS, PAYLOADS, RUN, SEEN
from mkdocs.config import load_config
from playwright.sync_api import Error as PlaywrightError
from regions import commit_all, make_region, page, write

from extrel.cli import cli
from extrel.core import sanitize
from extrel.core.options import Options

TODAY = "2026-11-23"
EXTENSIONS = """\
markdown_extensions:
  - tables
  - attr_list
  - admonition
  - footnotes
  - md_in_html
  - toc:
      permalink: false
"""
FRONT_MATTER: dict[str, dict[str, str]] = {
    "fm-title": {"title": f"'<img src=x onerror=\"{RUN}\">'"},
    "fm-title-closing": {"title": "'</title><script>window.__pwned=1</script>'"},
    "fm-summary": {"summary": f"'</p><svg onload=\"{RUN}\">'"},
    "fm-image-alt": {"image": "photo.jpg", "image_alt": f"'\" onerror=\"{RUN}'"},
    "fm-binary-title": {"title": "!!binary PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KDEpPg=="},
}
"""Hostile front matter of news items (the body is plain)."""
REGISTRY_PHONE = f'+7 (84241) 2-00-00" onmouseover="{RUN}" x="'
CARRIER = "XCARRIER"
PWNED = "() => window.__pwned === 1 || document.title === 'PWNED'"
INTERACT = """() => {
  const root = document.querySelector('.md-content') || document.body;
  for (const el of root.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'animationstart']) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
    const href = el.href && (el.href.animVal !== undefined ? el.href.animVal : el.href);
    if (typeof href === 'string' && /^\\s*(javascript|vbscript|data):/i.test(href)) {
      el.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));
    }
  }
}"""


@dataclass
class Seen:
    """What Chromium saw on one page."""

    dialogs: list[str] = field(default_factory=list)
    foreign: list[tuple[str, str]] = field(default_factory=list)
    pwned: bool = False

    def loads(self) -> list[str]:
        """Foreign requests other than a navigation (a frame or the page leaving)."""
        return [url for kind, url in self.foreign if kind != "document"]


@dataclass
class Catalogue:
    site: Path
    files: dict[str, str]
    refused: dict[str, list[str]]
    pages: dict[str, str] = field(default_factory=dict)
    """Page path (under the site) of each built payload, and of each depth rendering."""


def _news(index: int) -> str:
    return (dt.date(2026, 1, 1) + dt.timedelta(days=index)).isoformat()


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    tmp = tmp_path_factory.mktemp("hostile")
    config = make_region(tmp / "r")
    root = config.parent
    config.write_text(config.read_text(encoding="utf-8") + EXTENSIONS, encoding="utf-8")
    files: dict[str, str] = {}
    for index, (name, body) in enumerate(PAYLOADS.items()):
        rel = f"content/alpha/news/{_news(index)}-{name}.ru.md"
        write(root, rel, page({"title": f"'Проба {name}'", "date": _news(index)}, body))
        files[name] = rel
    for index, (name, fields) in enumerate(FRONT_MATTER.items(), start=len(PAYLOADS)):
        rel = f"content/alpha/news/{_news(index)}-{name}.ru.md"
        write(root, rel, page({"title": f"'Проба {name}'", "date": _news(index), **fields}))
        files[name] = rel
    carrier = f"content/alpha/news/{_news(len(files))}-carrier.ru.md"
    write(root, carrier, page({"title": "Носитель", "date": _news(len(files))}, CARRIER))
    registry = root / "municipalities/beta.yml"
    honest = registry.read_text(encoding="utf-8")
    registry.write_text(honest.replace("+7 (84241) 2-00-00", f"'{REGISTRY_PHONE}'"),
                        encoding="utf-8")
    files["registry-phone"] = "municipalities/beta.yml"
    commit_all(root, "2026-11-10T12:00:00+04:00")

    checked = CliRunner().invoke(cli, ["check", "-f", str(config), "--today", TODAY,
                                       "--format", "json"], catch_exceptions=False)
    problems = [p for p in json.loads(checked.output)["problems"] if p["severity"] == "error"]
    refused = {name: [p["message"] for p in problems if p["file"] == rel]
               for name, rel in files.items()}
    refused = {name: messages for name, messages in refused.items() if messages}
    assert "script" in refused and "img-onerror" in refused  # the scanner still names them
    for name in refused:
        if name == "registry-phone":
            registry.write_text(honest, encoding="utf-8")
        else:
            (root / files[name]).unlink()
    commit_all(root, "2026-11-11T12:00:00+04:00", "what the check accepts")
    site = build_site(config, "--workers", "1", "--site-dir", str(tmp / "site"), "--no-progress")
    result = Catalogue(site, files, refused)
    for name, rel in files.items():
        if name not in refused and rel.startswith("content/"):
            result.pages[name] = f"alpha/news/{Path(rel).name.removesuffix('.ru.md')}/"
    _depth_pages(result, config, f"alpha/news/{Path(carrier).name.removesuffix('.ru.md')}/")
    return result


def _depth_pages(result: Catalogue, config: Path, carrier: str) -> None:
    """Every payload rendered as the site renders a page body, put into a built page."""
    mkdocs = load_config(str(config))
    md = markdown.Markdown(extensions=mkdocs.markdown_extensions,
                           extension_configs=mkdocs.mdx_configs)
    template = (result.site / carrier / "index.html").read_text(encoding="utf-8")
    marker = f"<p>{CARRIER}</p>"
    assert template.count(marker) == 1
    hosts = Options().allowed_iframe_hosts
    for name, body in PAYLOADS.items():
        rendered = md.reset().convert(body)
        for variant, html in (("sanitized", sanitize.clean(rendered, hosts)),
                              ("policy-only", rendered)):
            path = f"alpha/news/{variant}-{name}/"
            (result.site / path).mkdir(parents=True)
            (result.site / path / "index.html").write_text(template.replace(marker, html),
                                                           encoding="utf-8")
            result.pages[f"{variant}:{name}"] = path


@pytest.fixture(scope="module")
def served(catalogue: Catalogue) -> Iterator[str]:
    with serve(catalogue.site) as url:
        yield url


@pytest.fixture(scope="module")
def visit(browser: Any, served: str) -> Iterator[Any]:
    local = urlsplit(served).netloc
    context = browser.new_context()
    current: list[Seen] = []

    def route(r: Any) -> None:
        url = r.request.url
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != local:
            current[-1].foreign.append((r.request.resource_type, url))
            r.abort()
        else:
            r.continue_()

    context.route("**/*", route)

    def open_page(path: str) -> Seen:
        seen = Seen()
        current.append(seen)
        tab = context.new_page()
        tab.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
        try:
            tab.goto(served + path, wait_until="load")
            for _ in range(2):  # again if the page went elsewhere (a refresh, say)
                try:
                    tab.evaluate(INTERACT)
                    tab.wait_for_timeout(250)  # timers, animations, a refresh: their turn
                    seen.pwned = tab.evaluate(PWNED)
                    break
                except PlaywrightError:
                    tab.wait_for_load_state("load")
        finally:
            tab.close()
        return seen

    yield open_page
    context.close()


def test_the_scanner_still_names_what_it_refuses(catalogue: Catalogue,
                                                 request: pytest.FixtureRequest) -> None:
    accepted = sorted(set(catalogue.files) - set(catalogue.refused))
    request.config.stash[SEEN].append(
        f"refused by extrel check ({len(catalogue.refused)}): {sorted(catalogue.refused)}")
    request.config.stash[SEEN].append(f"accepted by extrel check ({len(accepted)}): {accepted}")
    assert set(CLEAN_PAYLOADS) <= set(accepted)
    assert "fm-title" in catalogue.refused and "link-javascript" in catalogue.refused


def test_what_the_check_accepts_builds_and_does_nothing_in_chromium(
        catalogue: Catalogue, visit: Any) -> None:
    paths = [p for name, p in catalogue.pages.items() if ":" not in name]
    paths += ["alpha/", "alpha/news/", "alpha/en/news/", "beta/", "", "en/"]
    bad = {}
    for path in paths:
        seen = visit(path)
        if seen.dialogs or seen.pwned or seen.foreign:
            bad[path] = seen
    assert bad == {}


@pytest.mark.parametrize("variant", ["sanitized", "policy-only"])
def test_every_payload_through_the_output_path_alone(catalogue: Catalogue, visit: Any,
                                                    variant: str,
                                                    request: pytest.FixtureRequest) -> None:
    bad = {}
    for name in PAYLOADS:
        seen = visit(catalogue.pages[f"{variant}:{name}"])
        # without the sanitizer a refresh or a frame of an allowed video host may still
        # navigate; the policy's part is that nothing runs and nothing foreign is loaded
        foreign = seen.foreign if variant == "sanitized" else seen.loads()
        if seen.dialogs or seen.pwned or foreign:
            bad[name] = seen
        if seen.foreign:
            request.config.stash[SEEN].append(
                f"{variant}: {name}: navigations stopped by the test's router: {seen.foreign}")
    assert bad == {}


def test_the_catalogue_would_fire_without_the_defences(browser: Any, served: str,
                                                      catalogue: Catalogue) -> None:
    """The probe itself can fail: a payload on a page without policy or sanitizer runs."""
    raw = catalogue.site / "raw"
    raw.mkdir()
    md = markdown.Markdown(extensions=["attr_list", "md_in_html"])
    body = md.convert(PAYLOADS["img-onerror"] + "\n\n" + PAYLOADS["image-foreign"])
    (raw / "index.html").write_text(f"<!doctype html><title>t</title>{body}", encoding="utf-8")
    context = browser.new_context()
    foreign: list[str] = []
    context.route("https://evil.example/**", lambda r: (foreign.append(r.request.url), r.abort()))
    tab = context.new_page()
    tab.goto(served + "raw/", wait_until="load")
    tab.wait_for_function("() => document.title === 'PWNED'")
    assert tab.evaluate("() => window.__pwned") == 1
    assert foreign == ["https://evil.example/direct.png"]
    context.close()
