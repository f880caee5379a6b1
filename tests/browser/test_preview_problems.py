"""extrel serve, as an editor uses it (issue 15): a page saved with a mistake stays at its
own URL, as it last was, under a panel naming the file, the line and the fix; the terminal
says it too; fixing the file clears the panel. A page that never was good shows its
problems at its own URL. Every step waits for the preview's own reload (MkDocs' livereload
navigates the tab once the rebuild is done), never for a time."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from regions import commit_all, make_region, page, write

FORUM = "content/alpha/news/2026-10-01-forum.ru.md"
RELOAD_MS = 180_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """A region served by ``extrel serve alpha`` in its own process: the root, the URL and
    the file its terminal output goes to."""
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    port = free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, EXTREL_LANG="ru")
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "extrel", "serve", "alpha", "-a", f"127.0.0.1:{port}",
             "--today", "2026-11-23"], cwd=root, env=env, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None, log.read_text(encoding="utf-8")
            try:
                with urllib.request.urlopen(base, timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)  # waiting for the server to start, not asserting a time
        yield root, base, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def saved(tab: Any, root: Path, relpath: str, text: str) -> None:
    """Save a file as an editor does and wait for the tab's reload after the rebuild."""
    with tab.expect_navigation(wait_until="load", timeout=RELOAD_MS):
        write(root, relpath, text)


def test_a_mistake_is_shown_where_the_editor_looks(browser: Any,
                                                   preview: tuple[Path, str, Path]) -> None:
    root, base, log = preview
    good = (root / FORUM).read_text(encoding="utf-8")
    context = browser.new_context()
    try:
        tab = context.new_page()
        response = tab.goto(base + "news/2026-10-01-forum/")
        assert response is not None and response.status == 200
        assert tab.locator("h1").first.inner_text() == "Форум в Казани"
        assert FORUM not in (tab.locator(".x-problems").all_inner_texts() or [""])[0]

        saved(tab, root, FORUM, good.replace("date: 2026-10-01", "date: 31.11.2026"))
        assert tab.url == base + "news/2026-10-01-forum/"
        panel = tab.locator(".x-problems")
        assert panel.is_visible()
        text = panel.inner_text()
        assert (f"{FORUM}:3: поле «date»: дата «31.11.2026» не существует или записана "
                "неверно; формат ГГГГ-ММ-ДД, например 2026-11-17") in text
        assert "2026-10-01-forum.en.md" not in text  # no cascade into the English file
        assert panel.locator("li").first.inner_text().startswith(f"{FORUM}:3:")  # its own first
        english = context.new_page()
        english.goto(base + "en/news/2026-10-01-forum/")
        assert f"{FORUM}:3:" in english.locator(".x-problems").inner_text()
        english.close()
        # the page itself stays, as it last was
        assert tab.locator("h1").first.inner_text() == "Форум в Казани"
        assert "Подробный рассказ о событии." in tab.locator("article").inner_text()
        terminal = log.read_text(encoding="utf-8")
        assert f"{FORUM}:3: поле «date»: дата «31.11.2026» не существует" in terminal
        assert "404" not in terminal

        saved(tab, root, FORUM, good)
        assert FORUM not in (tab.locator(".x-problems").all_inner_texts() or [""])[0]
        assert tab.locator("h1").first.inner_text() == "Форум в Казани"
        assert "Ошибок больше нет." in log.read_text(encoding="utf-8")
    finally:
        context.close()


def test_a_page_never_good_shows_its_problems_at_its_url(
        browser: Any, preview: tuple[Path, str, Path]) -> None:
    root, base, _ = preview
    new = "content/alpha/news/2026-11-21-visit.ru.md"
    context = browser.new_context()
    try:
        tab = context.new_page()
        missing = tab.goto(base + "news/2026-11-21-visit/")
        assert missing is not None and missing.status == 404
        assert tab.locator("h1").inner_text() == "Страница не найдена / Page not found"
        tab.goto(base)
        saved(tab, root, new, "---\ntitle: Визит: делегация из Минска\ndate: 2026-11-21\n---\n\n"
                              "Текст.\n")
        response = tab.goto(base + "news/2026-11-21-visit/")
        assert response is not None and response.status == 200
        assert tab.locator("h1").first.inner_text() == "Страница с ошибками"
        item = tab.locator(".x-page-problems li").first.inner_text()
        assert item.startswith(f"{new}, строка 2: ошибка в записи свойств (YAML): двоеточие "
                               "внутри значения: заключите значение в кавычки")
        assert "(столбец 13)" in item

        saved(tab, root, new, page({"title": '"Визит: делегация из Минска"',
                                    "date": "2026-11-21"}, "Текст о визите."))
        assert tab.locator("h1").first.inner_text() == "Визит: делегация из Минска"
        assert tab.locator(".x-page-problems").count() == 0
    finally:
        context.close()
