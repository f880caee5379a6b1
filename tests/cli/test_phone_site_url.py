"""``site_url`` missing from mkdocs.yml (issue 16 item 5): the feeds' and calendars' links are
relative, and ``extrel check`` and ``extrel build`` say so once, in Russian, naming mkdocs.yml,
its line and the fix, as a warning that leaves the exit code as the content makes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from regions import commit_all, make_region

from extrel.cli import cli

TODAY = "2026-11-23"
WARNING = "mkdocs.yml:1: не задан адрес сайта site_url"
FIX = "site_url: https://"


@pytest.fixture
def region(tmp_path: Path) -> Path:
    config = make_region(tmp_path / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    return config


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_check_warns_once_in_russian_with_the_file_line_and_fix(region: Path) -> None:
    result = invoke("check", "-f", str(region), "--today", TODAY)
    assert result.exit_code == 1, result.output  # beta's subsections are missing: as before
    lines = [line for line in result.stderr.splitlines() if "site_url" in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(WARNING), lines[0]
    assert "mkdocs.yml" in lines[0][len("mkdocs.yml:1:"):] and FIX in lines[0]
    assert "RSS" in lines[0] and "ICS" in lines[0]
    assert lines[0].endswith("[предупреждение]")
    assert "site_url" not in result.stdout  # the report itself is unchanged


def test_the_warning_points_at_site_name_and_is_english_when_asked(region: Path) -> None:
    text = region.read_text(encoding="utf-8")
    region.write_text("# the demo region\n\n" + text, encoding="utf-8")
    result = invoke("check", "-f", str(region), "--today", TODAY, "--lang", "en")
    [line] = [line for line in result.stderr.splitlines() if "site_url" in line]
    assert line.startswith("mkdocs.yml:3: site_url, the address of the site, is not set"), line
    assert FIX in line and line.endswith("[warning]")


def test_json_keeps_its_problems_and_carries_the_warning_apart(region: Path) -> None:
    result = invoke("check", "-f", str(region), "--today", TODAY, "--format", "json")
    data = json.loads(result.stdout)
    assert not [p for p in data["problems"] if "site_url" in p["message"]]
    [warning] = data["warnings"]
    assert (warning["file"], warning["line"], warning["severity"]) == ("mkdocs.yml", 1, "warning")
    assert FIX in warning["message"]
    assert result.exit_code == 1


@pytest.mark.parametrize("value", ["https://vneshsvyazi.example.org/",
                                   "!ENV [SITE_URL, 'https://x.example/']"])
def test_no_warning_when_site_url_is_set(region: Path, value: str) -> None:
    region.write_text(f"site_url: {value}\n" + region.read_text(encoding="utf-8"),
                      encoding="utf-8")
    result = invoke("check", "-f", str(region), "--today", TODAY, "--format", "json")
    assert "site_url" not in result.output
    assert "warnings" not in json.loads(result.stdout)


def test_an_empty_site_url_is_missing_and_named_by_its_own_line(region: Path) -> None:
    region.write_text(region.read_text(encoding="utf-8") + "site_url: ''\n", encoding="utf-8")
    result = invoke("check", "-f", str(region), "--today", TODAY)
    [line] = [line for line in result.stderr.splitlines() if "site_url" in line]
    last = len(region.read_text(encoding="utf-8").splitlines())
    assert line.startswith(f"mkdocs.yml:{last}: не задан адрес сайта site_url"), line


def test_build_warns_once_and_still_builds(region: Path, tmp_path: Path) -> None:
    args = ["build", "-f", str(region), "--today", TODAY, "--workers", "1",
            "--site-dir", str(tmp_path / "site"), "--no-progress"]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "site_url" in line] == [
        line for line in result.stderr.splitlines() if line.startswith(WARNING)]
    assert sum(line.startswith(WARNING) for line in result.stderr.splitlines()) == 1
    # the feed's links are indeed relative: what the warning is about
    feed = (tmp_path / "site/alpha/feed.xml").read_text(encoding="utf-8")
    assert "<item>" in feed and "<link>https://" not in feed
    # the build's freshness.json carries it as `check --format json` does
    data = json.loads((tmp_path / "site/freshness.json").read_text(encoding="utf-8"))
    assert [w["line"] for w in data["warnings"]] == [1]
    # a build with nothing changed answers from its record, and says it again
    again = invoke(*args)
    assert sum(line.startswith(WARNING) for line in again.stderr.splitlines()) == 1
