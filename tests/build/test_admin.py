"""``extrel build`` publishes the web editor at site/admin/ when mkdocs.yml asks for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from regions import make_region

from extrel.cli import cli
from extrel.editor import admin

EDITOR = """\
      editor:
        backend: forgejo
        repo: region/site
        base_url: https://git.region.example
        app_id: 0f1e2d3c-client
"""


def _build(config: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", "2026-11-23",
                                      "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.output


def test_build_publishes_the_editor_only_when_configured(tmp_path: Path) -> None:
    try:
        admin.require_cms()
    except admin.MissingCMS as exc:
        pytest.skip(f"vendored Decap CMS missing (scripts/setup --test): {exc}")
    config = make_region(tmp_path / "r")
    _build(config)
    assert not (config.parent / "site/admin").exists()

    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      timezone: Europe/Ulyanovsk\n",
                                   "      timezone: Europe/Ulyanovsk\n" + EDITOR),
                      encoding="utf-8")
    _build(config)
    site = config.parent / "site"
    page = (site / "admin/index.html").read_text(encoding="utf-8")
    assert "connect-src 'self' blob: data: https://git.region.example;" in page
    payload = json.loads((site / "admin/extrel.json").read_text(encoding="utf-8"))
    backend = payload["config"]["backend"]
    assert backend["name"] == "forgejo" and backend["repo"] == "region/site"
    names = {c["name"] for c in payload["config"]["collections"]}
    assert {"alpha-news", "beta-partners"} <= names
    assert (site / "admin/decap-cms.js").is_file() and (site / "index.html").is_file()
    _build(config)  # nothing changed: the editor stays with the portal it came with
    assert (site / "admin/index.html").read_text(encoding="utf-8") == page
