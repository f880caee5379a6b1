"""``extrel serve`` within the Content-Security-Policy: the page still reloads by itself when
a file is saved (MkDocs' live reload is an inline script, which the policy refuses; extrel
loads its own as a file)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from regions import commit_all, make_region, page, write

NEWS = "content/alpha/news/2026-11-20-fresh.ru.md"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_served(url: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if b"x-cards" in response.read():
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} was never served")


def test_the_preview_reloads_itself_when_a_page_is_saved(browser: Any, tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "extrel", "serve", "alpha", "-a", f"127.0.0.1:{port}",
         "--today", "2026-11-23"],
        cwd=root, env=dict(os.environ, EXTREL_LANG="ru"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = browser.new_context()
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_until_served(base)
        for path, language in (("", "ru"), ("en/news/", "en")):
            tab = context.new_page()
            tab.goto(base + path, wait_until="load")
            assert tab.locator('script[src$="assets/extrel/livereload.js"]').count() == 1
            tab.evaluate("() => { window.__before_reload = 1; }")
            title = f"Свежая новость {language}"
            write(root, NEWS, page({"title": title, "date": "2026-11-20"}))
            tab.wait_for_function("() => window.__before_reload === undefined", timeout=90000)
            if language == "ru":
                tab.get_by_text(title).first.wait_for(timeout=30000)
            tab.close()
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=20)
