"""The demo region, built once and served on 127.0.0.1, opened in Debian's Chromium.

Every page a test opens comes from ``pages.open``, whose browser context records every
request: the test fails on any request to another host and on any answer of status 400 or
more, and on any breach of the page's Content-Security-Policy reported on the console (the
site's own pages must work within it). Browser tests skip, saying why, only where
/usr/bin/chromium is missing.
"""

from __future__ import annotations

import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from hostile import SEEN
from pagekinds import BUDGET, KIND_NAMES, PageKind, page_kinds

from extrel.cli import cli

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "mkdocs.yml"
TODAY = "2026-11-23"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml",
              "application/rss+xml", "image/svg+xml")


# -- the site ------------------------------------------------------------------------------

def build_site(config: Path, *args: str, today: str = TODAY) -> Path:
    """``extrel build -f config --today today *args``, which must succeed; the site folder
    (``--site-dir`` where given, else ``site/`` beside mkdocs.yml)."""
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", today, *args],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    if "--site-dir" in args:
        return Path(args[args.index("--site-dir") + 1])
    return config.parent / "site"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo region built as ``extrel build`` builds it, into a temporary folder."""
    out = tmp_path_factory.mktemp("demo") / "site"
    return build_site(CONFIG, "--site-dir", str(out), "--no-progress")


@pytest.fixture(scope="session")
def kinds(site_dir: Path) -> dict[str, PageKind]:
    result = page_kinds(site_dir)
    assert sorted(result) == sorted(KIND_NAMES)
    return result


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files as a production web server sends them: gzip for text when asked."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            if path.is_dir() or not self._not_found():
                super().do_GET()  # redirects for folders, 404 for the rest
            return
        ctype = self.guess_type(str(path))
        data = path.read_bytes()
        encoded = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(COMPRESSED)
        if encoded:
            data = gzip.compress(data, 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(data)

    def _not_found(self) -> bool:
        """The site's own ``404.html`` with status 404, as production servers are set up
        (nginx ``error_page 404 /404.html``, GitHub Pages): the one of the language folder
        the address lies in where there is one (``/en/...`` gets ``en/404.html``)."""
        root = Path(self.directory)
        first = urlsplit(self.path).path.lstrip("/").split("/", 1)[0]
        pages = [root / first / "404.html"] if first else []
        page = next((p for p in [*pages, root / "404.html"] if p.is_file()), None)
        if page is None:
            return False
        data = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        return True


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the browser dropping a connection (a page closed mid-load) is no failure


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``folder`` on 127.0.0.1, on a free port, served from a thread."""
    server = _Server(("127.0.0.1", 0), partial(_Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site on 127.0.0.1, on a free port, served from a thread."""
    with serve(site_dir) as url:
        yield url


# -- the browser ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (scripts/setup --test)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Traffic:
    """Every request of one browser context, and the status of every answer."""

    local: str
    requests: list[Any] = field(default_factory=list)
    statuses: list[tuple[int, str]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    """Console messages of the Content-Security-Policy: what the page tried and was refused."""

    def console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.refused.append(message.text)

    def problems(self) -> list[str]:
        result = []
        for request in self.requests:
            parts = urlsplit(request.url)
            if parts.scheme not in ("data", "blob") and parts.netloc != self.local:
                result.append(f"request to another host: {request.method} {request.url}")
        result += [f"answer {status} for {url}" for status, url in self.statuses if status >= 400]
        result += [f"refused by the Content-Security-Policy: {text}" for text in self.refused]
        return result


class Pages:
    """Opens pages, each in a fresh browser context (a cold cache), recording their traffic."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.opened: list[tuple[Any, Traffic]] = []
        self._traffic: dict[int, Traffic] = {}

    def open(self, path: str | None = None, *, width: int = 1280, height: int = 800,
             scale: float = 1, access: bool = False, wait: str = "load") -> Any:
        context = self.browser.new_context(viewport={"width": width, "height": height},
                                           device_scale_factor=scale)
        traffic = Traffic(urlsplit(self.base_url).netloc)
        context.on("request", lambda r: traffic.requests.append(r))
        context.on("response", lambda r: traffic.statuses.append((r.status, r.url)))
        if access:
            context.add_init_script("window.localStorage.setItem('extrel.access', 'on')")
        self.opened.append((context, traffic))
        page = context.new_page()
        page.on("console", traffic.console)
        self._traffic[id(page)] = traffic
        if path is not None:
            self.goto(page, path, wait)
        return page

    def goto(self, page: Any, path: str, wait: str = "load") -> None:
        response = page.goto(self.base_url + path, wait_until=wait)
        assert response is not None and response.ok, f"{path}: {response and response.status}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def traffic(self, page: Any) -> Traffic:
        return self._traffic[id(page)]

    def close(self) -> list[str]:
        problems = []
        for context, traffic in self.opened:
            context.close()
            problems += traffic.problems()
        return problems


@pytest.fixture
def pages(browser: Any, base_url: str) -> Iterator[Pages]:
    opened = Pages(browser, base_url)
    yield opened
    problems = opened.close()
    assert problems == [], "\n".join(problems)


# -- the figures of the budget test, shown at the end of the run ----------------------------

def pytest_configure(config: pytest.Config) -> None:
    config.stash[BUDGET] = []
    config.stash[SEEN] = []


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    lines = config.stash.get(BUDGET, [])
    if lines:
        terminalreporter.section("cold page loads of the demo, without images")
        for line in lines:
            terminalreporter.write_line(line)
    seen = config.stash.get(SEEN, [])
    if seen:
        terminalreporter.section("the hostile catalogue")
        for line in seen:
            terminalreporter.write_line(line)
