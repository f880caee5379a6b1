"""The freshness rules beyond the dates, on real git repositories with backdated commits:
the year's plan, a commit dated after the check date, due_by and the registry name."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from regions import commit_all, make_region, page, write

from extrel.cli import cli


def check(config: Path, today: str, *more: str) -> tuple[int, dict]:
    result = CliRunner().invoke(cli, ["check", "-f", str(config), "--today", today,
                                      "--format", "json", "--only", "alpha", *more],
                                catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout)


def plan(data: dict) -> dict:
    return data["municipalities"][0]["sections"][2]["languages"]


@pytest.fixture
def region(tmp_path: Path) -> Path:
    """alpha's plans for 2025 and 2026, committed in January 2027: recent by their dates."""
    config = make_region(tmp_path / "r")
    commit_all(config.parent, "2026-10-01T12:00:00+04:00")
    root = config.parent
    write(root, "content/alpha/plan/2026.ru.md", page(
        {"title": "План на 2026 год", "year": 2026}, "Уточнённый план."))
    commit_all(root, "2027-01-25T12:00:00+04:00", "the plan, revised late")
    return config


@pytest.mark.parametrize(
    ("today", "status", "warned"),
    [("2027-01-31", "fresh", False), ("2027-02-01", "stale", True),
     ("2027-06-01", "stale", True)],
)
def test_no_plan_for_the_year_is_stale_after_the_grace(region: Path, today: str, status: str,
                                                        warned: bool) -> None:
    code, data = check(region, today)
    assert plan(data)["ru"]["status"] == status
    assert plan(data)["ru"]["last_updated"] == "2027-01-25"
    assert plan(data)["ru"]["due_by"] == "2027-01-31"
    named = [p for p in data["problems"] if p["message"].startswith("нет плана на 2027 год")]
    assert bool(named) == warned
    if warned:
        assert code == 1
        assert named[0]["file"] == "content/alpha/plan/2027.ru.md"
        assert "content/alpha/plan/2027.en.md" in named[0]["message"]
        assert "extrel new plan -m alpha" in named[0]["message"]


def test_the_years_plan_makes_it_fresh_again(region: Path) -> None:
    root = region.parent
    write(root, "content/alpha/plan/2027.ru.md", page(
        {"title": "План на 2027 год", "year": 2027}, "Январь: визит в Кутаиси."))
    write(root, "content/alpha/plan/2027.en.md", page(
        {"title": "Plan for 2027"}, "January: a visit to Kutaisi."))
    commit_all(root, "2027-02-03T12:00:00+04:00", "the plan for 2027")
    code, data = check(region, "2027-02-05")
    assert plan(data)["ru"]["status"] == plan(data)["en"]["status"] == "fresh"
    assert plan(data)["ru"]["due_by"] == "2027-03-06"
    assert not [p for p in data["problems"] if "нет плана" in p["message"]]


def test_plan_grace_days_is_an_option(region: Path) -> None:
    text = region.read_text(encoding="utf-8").replace(
        "timezone: Europe/Ulyanovsk", "timezone: Europe/Ulyanovsk\n      freshness:\n"
        "        plan_grace_days: 60")
    region.write_text(text, encoding="utf-8")
    _, data = check(region, "2027-02-01")
    assert plan(data)["ru"]["status"] == "fresh"
    assert plan(data)["ru"]["due_by"] == "2027-02-25"  # the last update + 31 days
    _, data = check(region, "2027-03-02")
    assert plan(data)["ru"]["status"] == "stale"


def test_a_commit_dated_after_the_check_date_is_reported(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-10-01T12:00:00+04:00")
    write(root, "content/alpha/news/2026-10-20-visit.ru.md", page(
        {"title": "Визит", "date": "2026-10-20"}, "Текст."))
    commit_all(root, "2027-03-01T12:00:00+04:00", "made with the clock a few months ahead")
    code, data = check(root / "mkdocs.yml", "2026-11-23")
    [warning] = [p for p in data["problems"] if "позже даты проверки" in p["message"]]
    assert warning["file"] == "content/alpha/news/2026-10-20-visit.ru.md"
    assert warning["severity"] == "warning"
    assert "датировано 2027-03-01, позже даты проверки 2026-11-23" in warning["message"]
    news = data["municipalities"][0]["sections"][0]["languages"]["ru"]
    assert news["last_updated"] == "2027-03-01" and news["age_days"] == -98
    assert data["municipalities"][0]["name"] == {"ru": "Альфинский район",
                                                 "en": "Alpha District"}
    text = CliRunner().invoke(cli, ["check", "-f", str(root / "mkdocs.yml"), "--today",
                                    "2026-11-23", "--only", "alpha"]).stdout
    news_row = next(line for line in text.splitlines() if line.strip().startswith("news"))
    assert "ru: обновлено вовремя (2027-03-01, -98 дн.; срок 2027-04-01; дата позже даты " \
        "проверки!)" in click.unstyle(news_row)
