"""Every page of the demo is valid HTML for the Nu HTML Checker (vnu.jar, the W3C's checker).

``scripts/setup --test`` installs the checker from the npm registry (package ``vnu-jar``, the
checker's own distribution) into .venv/vnu, and a Java runtime from Debian if none is there.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VNU_JAR = Path(os.environ.get(
    "EXTREL_VNU_JAR", REPO / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))



def checker() -> list[str]:
    java = shutil.which("java")
    missing = [what for what, there in (("java", java), (str(VNU_JAR), VNU_JAR.is_file()))
               if not there]
    if missing:
        reason = f"Nu HTML Checker needs {', '.join(missing)}: run scripts/setup --test"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return [str(java), "-Xss1024k", "-jar", str(VNU_JAR)]


def test_every_page_is_valid_html(site_dir: Path) -> None:
    command = checker()
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", "--skip-non-html", str(site_dir)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = []
    for m in report["messages"]:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        where = re.sub(r"^file:/*", "/", m.get("url", "")).removeprefix(f"{site_dir}/")
        errors.append(f"{where}:{m.get('lastLine', '?')}: {m['message']}")
    checked = list(site_dir.rglob("*.html"))
    assert len(checked) > 50
    assert errors == [], f"{len(errors)} errors:\n" + "\n".join(errors[:60])


def test_text_in_the_other_language_says_so(site_dir: Path) -> None:
    """An untranslated item shows Russian words on an English page: its title, summary and
    body carry lang="ru", so that screen readers switch voice (WCAG 3.1.2)."""
    from bs4 import BeautifulSoup

    checked = 0
    for path in site_dir.glob("*/en/**/index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for tag in soup.select(".x-news__item .x-tag"):
            item = tag.find_parent(class_="x-news__item")
            assert item.select_one(".x-news__title")["lang"] == "ru", path
            checked += 1
        if soup.select_one(".x-untranslated"):
            assert soup.select_one("article h1")["lang"] == "ru", path
            assert soup.select_one(".x-body")["lang"] == "ru", path
            checked += 1
    assert checked, "the demo has no untranslated item any more: nothing was checked"
