"""The analysis behind check and build: translation lag and dates in the future."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from regions import commit_all, git, make_region, write

from extrel.core.options import Options
from extrel.core.snapshot import analyse

OPTIONS = Options(timezone="Europe/Ulyanovsk")


def test_translation_older_than_max_age_is_a_warning(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    commit_all(root, "2026-09-01T12:00:00+04:00")
    ru = root / "content/alpha/partners/kutaisi.ru.md"
    ru.write_text(ru.read_text(encoding="utf-8") + "\nНовый абзац.\n", encoding="utf-8")
    git(root, "commit", "-qam", "ru", date="2026-10-03T12:00:00+04:00")  # 32 days later
    snapshot = analyse(root, OPTIONS, dt.date(2026, 10, 5))
    lag = [p for p in snapshot.problems if "перевод отстаёт" in p.ru]
    assert [(p.file, p.severity) for p in lag] == [
        ("content/alpha/partners/kutaisi.en.md", "warning")]
    assert "32" in lag[0].ru
    assert snapshot.ok()


def test_translation_within_max_age_is_fine(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    commit_all(root, "2026-09-01T12:00:00+04:00")
    ru = root / "content/alpha/partners/kutaisi.ru.md"
    ru.write_text(ru.read_text(encoding="utf-8") + "\nНовый абзац.\n", encoding="utf-8")
    git(root, "commit", "-qam", "ru", date="2026-10-02T12:00:00+04:00")  # 31 days later
    snapshot = analyse(root, OPTIONS, dt.date(2026, 10, 5))
    assert not [p for p in snapshot.problems if "перевод отстаёт" in p.ru]


def test_news_dated_in_the_future_is_a_warning(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    write(root, "content/beta/news/2026-12-24-later.ru.md",
          "---\ntitle: Позже\ndate: 2026-12-24\n---\nТекст.\n")  # no text: a draft
    commit_all(root, "2026-11-10T12:00:00+04:00")
    snapshot = analyse(root, OPTIONS, dt.date(2026, 11, 23))
    future = [p for p in snapshot.problems if "ещё не наступила" in p.ru]
    assert [(p.file, p.line) for p in future] == [("content/beta/news/2026-12-24-later.ru.md", 3)]
    assert not any("ещё не наступила" in p.ru and "announcements" in p.file
                   for p in snapshot.problems)  # announcements are about the future


def test_per_subsection_thresholds_from_options(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    commit_all(root, "2026-06-01T12:00:00+04:00")
    options = Options.model_validate({"timezone": "Europe/Ulyanovsk", "freshness": {
        "sections": {"plan": {"max_age_days": 366}, "presentation": {"max_age_days": 366}}}})
    snapshot = analyse(root, options, dt.date(2026, 11, 23))
    statuses = {s.id: s.status for s in snapshot.freshness["alpha"].sections}
    assert statuses["plan"] == "fresh" and statuses["presentation"] == "fresh"
    assert statuses["news"] == "stale"
