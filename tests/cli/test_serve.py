"""extrel serve: a live preview that rebuilds on save and shows problems instead of dying."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from regions import commit_all, make_region, write


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, until: str, timeout: float = 60.0) -> str:
    """The page's text once it contains ``until`` (the server rebuilds in the background)."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = response.read().decode("utf-8")
            if until in text:
                return text
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never contained {until!r}; last text: {text[:500]}")


def test_serve_previews_both_languages_and_shows_problems(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    port = free_port()
    env = dict(os.environ, EXTREL_LANG="ru")
    server = subprocess.Popen(
        [sys.executable, "-m", "extrel", "serve", "alpha", "-a", f"127.0.0.1:{port}",
         "--today", "2026-11-23"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        assert "Альфинский район" in fetch(base, "x-cards")
        assert "Alpha District" in fetch(base + "en/", "x-cards")
        write(root, "content/alpha/news/2026-11-20-typo.ru.md",
              "---\ntitle: Опечатка\ndate: 2026-11-31\n---\n")
        page = fetch(base, "2026-11-20-typo.ru.md")
        assert "2026-11-20-typo.ru.md:3" in page
        assert "2026-11-31" in page
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_previews_a_section_whose_registry_entry_has_a_mistake(tmp_path: Path) -> None:
    """The editor fixing the entry sees the section, named as the entry validly says, with
    the mistake on the page."""
    config = make_region(tmp_path / "r")
    root = config.parent
    entry = root / "municipalities/alpha.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("website:", "websit:"),
                     encoding="utf-8")
    commit_all(root, "2026-11-10T12:00:00+04:00")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "extrel", "serve", "alpha", "-a", f"127.0.0.1:{port}",
         "--today", "2026-11-23"],
        cwd=root, env=dict(os.environ, EXTREL_LANG="ru"), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = fetch(f"http://127.0.0.1:{port}/", "x-cards")
        assert "Альфинский район" in page
        assert "municipalities/alpha.yml:8" in page and "websit" in page
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_previews_every_language(tmp_path: Path) -> None:
    from regions import make_zh_region

    config = make_zh_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "extrel", "serve", "alpha", "-a", f"127.0.0.1:{port}"],
        cwd=root, env=dict(os.environ, EXTREL_LANG="ru"), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        page = fetch(base + "zh/", "x-cards")
        assert "库塔伊西代表团来访" in page
        assert 'hreflang="ru"' in page and 'hreflang="en"' in page
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_the_missing_page_is_worded_by_the_catalogue_in_both_languages() -> None:
    """The preview's 404 page: Russian and English from the catalogue, the link home
    escaped."""
    from extrel.core.messages import t
    from extrel.mkdocs.preview import not_found

    page = not_found('/inza/"x"/').decode("utf-8")
    assert f"<h1>{t('preview.not_found.title', 'ru')} / {t('preview.not_found.title', 'en')}" \
           "</h1>" in page
    assert t("preview.not_found.text", "ru") in page
    assert f'<p lang="en">{t("preview.not_found.text", "en")}</p>' in page
    assert '<a href="/inza/&quot;x&quot;/">' in page
    assert t("preview.not_found.home", "en") in page
