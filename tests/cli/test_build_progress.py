"""``extrel build --progress``: each section's line and the slowest section, worded whole in
the user's language (seconds are «с» in Russian, "s" in English)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from regions import commit_all, make_region

from extrel.cli import cli


@pytest.fixture
def region(tmp_path: Path) -> Path:
    config = make_region(tmp_path / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    return config


def test_the_progress_lines_are_the_catalogues_in_each_language(region: Path) -> None:
    base = ["build", "-f", str(region), "--today", "2026-11-23", "--workers", "1",
            "--progress"]
    ru = CliRunner().invoke(cli, base, catch_exceptions=False)
    assert ru.exit_code == 0, ru.output
    assert re.search(r"^\[1/\d+\] \S+: \d+\.\d с \(прошло \d+ с\)$", ru.stderr, re.M), ru.stderr
    assert re.search(r"\(дольше всех: \S+, \d+\.\d с\)", ru.stdout), ru.stdout
    assert not re.search(r"\d s\b", ru.output), ru.output
    en = CliRunner().invoke(cli, [*base, "--lang", "en", "--site-dir",
                                  str(region.parent / "site-en")], catch_exceptions=False)
    assert en.exit_code == 0, en.output
    assert re.search(r"^\[1/\d+\] \S+: \d+\.\d s \(\d+ s elapsed\)$", en.stderr, re.M), en.stderr
    assert re.search(r"\(slowest: \S+, \d+\.\d s\)", en.stdout), en.stdout
    assert "прошло" not in en.output and "дольше" not in en.output
