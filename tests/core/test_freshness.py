"""Freshness statuses and their JSON form: dates in, findings out."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from extrel.core.freshness import (
    LanguageFreshness,
    MunicipalityFreshness,
    SectionFreshness,
    Thresholds,
    freshness_to_dict,
    municipality_freshness,
    status_for,
    translation_lag,
    worst,
)
from extrel.core.languages import REQUIRED as LANGUAGES
from extrel.core.sections import SUBSECTION_IDS

TODAY = date(2026, 11, 23)
DEFAULT = Thresholds()


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


# --- status_for --------------------------------------------------------------


@pytest.mark.parametrize(
    ("last_updated", "expected"),
    [
        (None, "missing"),
        (TODAY, "fresh"),
        (TODAY + timedelta(days=3), "fresh"),  # clock skew: a date after the check date
        (days_ago(1), "fresh"),
        (days_ago(24), "fresh"),  # 31 - 7 = 24: the last fresh day
        (days_ago(25), "due"),  # first day of the warning window
        (days_ago(31), "due"),  # the last day within max_age_days
        (days_ago(32), "stale"),
        (days_ago(400), "stale"),
        (date(2026, 10, 30), "fresh"),  # 24 days before Nov 23
        (date(2026, 10, 29), "due"),  # 25 days
        (date(2026, 10, 23), "due"),  # 31 days
        (date(2026, 10, 22), "stale"),  # 32 days
    ],
)
def test_status_with_default_thresholds(last_updated: date | None, expected: str) -> None:
    assert status_for(last_updated, TODAY, DEFAULT) == expected


@pytest.mark.parametrize(
    ("age", "th", "expected"),
    [
        (300, Thresholds(max_age_days=365, warn_days=30), "fresh"),
        (335, Thresholds(max_age_days=365, warn_days=30), "fresh"),
        (336, Thresholds(max_age_days=365, warn_days=30), "due"),
        (365, Thresholds(max_age_days=365, warn_days=30), "due"),
        (366, Thresholds(max_age_days=365, warn_days=30), "stale"),
        (31, Thresholds(max_age_days=31, warn_days=0), "fresh"),  # no warning window
        (32, Thresholds(max_age_days=31, warn_days=0), "stale"),
        (0, Thresholds(max_age_days=0, warn_days=0), "fresh"),
        (1, Thresholds(max_age_days=0, warn_days=0), "stale"),
    ],
)
def test_status_with_other_thresholds(age: int, th: Thresholds, expected: str) -> None:
    assert status_for(days_ago(age), TODAY, th) == expected


def test_status_across_a_leap_day() -> None:
    # 2028-02-29 exists: Jan 29 -> Mar 1 is 32 days.
    assert status_for(date(2028, 1, 29), date(2028, 3, 1), DEFAULT) == "stale"
    assert status_for(date(2028, 1, 30), date(2028, 3, 1), DEFAULT) == "due"


@pytest.mark.parametrize(
    "kwargs", [{"max_age_days": -1}, {"warn_days": -1}, {"max_age_days": 3.5}, {"warn_days": True}]
)
def test_thresholds_reject_nonsense(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Thresholds(**kwargs)  # type: ignore[arg-type]


# --- worst -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], "fresh"),
        (["fresh"], "fresh"),
        (["fresh", "due"], "due"),
        (["due", "stale", "fresh"], "stale"),
        (["stale", "missing"], "missing"),
        (["fresh", "missing", "due"], "missing"),
        (iter(["due", "due"]), "due"),
    ],
)
def test_worst(statuses: list[str], expected: str) -> None:
    assert worst(statuses) == expected


def test_worst_rejects_unknown_status() -> None:
    with pytest.raises(ValueError, match="old"):
        worst(["fresh", "old"])


# --- municipality_freshness --------------------------------------------------


def test_every_subsection_and_language_even_without_pages() -> None:
    m = municipality_freshness("inza", {}, TODAY, DEFAULT)
    assert m.id == "inza"
    assert m.status == "missing"
    assert [s.id for s in m.sections] == list(SUBSECTION_IDS)
    assert [s.id for s in m.sections] == [
        "news",
        "partners",
        "plan",
        "announcements",
        "organizations",
        "participation",
        "presentation",
    ]
    for s in m.sections:
        assert s.status == "missing"
        assert list(s.languages) == list(LANGUAGES) == ["ru", "en"]
        for lf in s.languages.values():
            assert lf == LanguageFreshness("missing", None, None, 0)


def all_fresh(n_days: int = 1) -> dict[str, dict[str, list[date]]]:
    return {sid: {lang: [days_ago(n_days)] for lang in LANGUAGES} for sid in SUBSECTION_IDS}


def test_language_takes_the_latest_page() -> None:
    dates = all_fresh()
    dates["news"]["ru"] = [days_ago(40), days_ago(3), days_ago(90)]
    m = municipality_freshness("inza", dates, TODAY, DEFAULT)
    news = m.sections[0]
    assert news.languages["ru"] == LanguageFreshness("fresh", days_ago(3), 3, 3,
                                                     due_by=days_ago(3) + timedelta(days=31))
    assert m.status == "fresh"


def test_worst_over_languages_and_subsections() -> None:
    dates = all_fresh()
    dates["plan"]["en"] = [days_ago(28)]  # due
    dates["partners"]["en"] = [days_ago(32)]  # stale
    m = municipality_freshness("inza", dates, TODAY, DEFAULT)
    by_id = {s.id: s for s in m.sections}
    assert by_id["plan"].status == "due"
    assert by_id["plan"].languages["ru"].status == "fresh"
    assert by_id["partners"].status == "stale"
    assert by_id["news"].status == "fresh"
    assert m.status == "stale"

    dates["presentation"] = {"ru": [days_ago(1)]}  # no English page
    m = municipality_freshness("inza", dates, TODAY, DEFAULT)
    presentation = m.sections[-1]
    assert presentation.languages["en"] == LanguageFreshness("missing", None, None, 0)
    assert presentation.status == "missing"
    assert m.status == "missing"


def test_per_subsection_thresholds_override_the_defaults() -> None:
    dates = all_fresh()
    dates["presentation"] = {lang: [days_ago(200)] for lang in LANGUAGES}
    dates["news"] = {lang: [days_ago(12)] for lang in LANGUAGES}
    thresholds = {
        "presentation": Thresholds(max_age_days=365),
        "news": Thresholds(max_age_days=14, warn_days=3),
    }
    m = municipality_freshness("inza", dates, TODAY, thresholds)
    by_id = {s.id: s for s in m.sections}
    assert by_id["presentation"].status == "fresh"
    assert by_id["news"].status == "due"  # 14 - 3 < 12 <= 14
    assert by_id["plan"].status == "fresh"  # not overridden: 31/7

    # Without the override the same presentation is stale.
    assert municipality_freshness("inza", dates, TODAY, DEFAULT).sections[-1].status == "stale"


def test_one_thresholds_for_all_subsections() -> None:
    m = municipality_freshness("inza", all_fresh(10), TODAY, Thresholds(max_age_days=9))
    assert {s.status for s in m.sections} == {"stale"}


@pytest.mark.parametrize(
    ("dates", "thresholds"),
    [
        ({"newz": {"ru": [TODAY]}}, DEFAULT),
        ({"news": {"de": [TODAY]}}, DEFAULT),
        ({}, {"presentations": Thresholds()}),
    ],
)
def test_unknown_keys_are_an_error(dates, thresholds) -> None:
    with pytest.raises(ValueError, match="unknown keys"):
        municipality_freshness("inza", dates, TODAY, thresholds)


# --- freshness_to_dict -------------------------------------------------------


def test_json_shape_of_product_md() -> None:
    dates = {"news": {"ru": [date(2026, 11, 5)] * 12, "en": [date(2026, 11, 6)] * 12}}
    m = municipality_freshness("inza", dates, TODAY, DEFAULT)
    problems = [
        {
            "file": "content/inza/news/2026-11-05-kutaisi.en.md",
            "line": 3,
            "severity": "error",
            "message": "...",
        }
    ]
    data = freshness_to_dict(TODAY, "Europe/Ulyanovsk", [m], problems)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data  # plain JSON types

    assert list(data) == ["as_of", "timezone", "municipalities", "problems"]
    assert data["as_of"] == "2026-11-23"
    assert data["timezone"] == "Europe/Ulyanovsk"
    assert data["problems"] == problems
    [inza] = data["municipalities"]
    assert list(inza) == ["id", "name", "status", "sections"]
    assert inza["id"] == "inza"
    assert inza["status"] == "missing"
    assert [s["id"] for s in inza["sections"]] == list(SUBSECTION_IDS)
    assert inza["sections"][0] == {
        "id": "news",
        "status": "fresh",
        "languages": {
            "ru": {"status": "fresh", "last_updated": "2026-11-05", "age_days": 18, "pages": 12,
                   "due_by": "2026-12-06", "unfinished": 0},
            "en": {"status": "fresh", "last_updated": "2026-11-06", "age_days": 17, "pages": 12,
                   "due_by": "2026-12-07", "unfinished": 0},
        },
    }
    assert inza["sections"][1] == {
        "id": "partners",
        "status": "missing",
        "languages": {
            "ru": {"status": "missing", "last_updated": None, "age_days": None, "pages": 0,
                   "due_by": None, "unfinished": 0},
            "en": {"status": "missing", "last_updated": None, "age_days": None, "pages": 0,
                   "due_by": None, "unfinished": 0},
        },
    }
    assert '"last_updated": null' in json.dumps(data)


def test_json_of_no_municipalities() -> None:
    assert freshness_to_dict(TODAY, "Europe/Moscow", [], []) == {
        "as_of": "2026-11-23",
        "timezone": "Europe/Moscow",
        "municipalities": [],
        "problems": [],
    }


def test_json_from_hand_made_dataclasses() -> None:
    lf = LanguageFreshness("stale", date(2026, 1, 1), 326, 1)
    m = MunicipalityFreshness(
        "sura", "stale", [SectionFreshness("plan", "stale", {"ru": lf, "en": lf})]
    )
    data = freshness_to_dict(TODAY, "Europe/Moscow", [m], [])
    assert data["municipalities"][0]["sections"][0]["languages"]["en"] == {
        "status": "stale",
        "last_updated": "2026-01-01",
        "age_days": 326,
        "pages": 1,
        "due_by": None,
        "unfinished": 0,
    }


# --- translation_lag ---------------------------------------------------------


@pytest.mark.parametrize(
    ("ru", "en", "expected"),
    [
        (date(2026, 11, 20), date(2026, 10, 20), None),  # 31 days: not beyond max
        (date(2026, 11, 20), date(2026, 10, 19), 32),
        (date(2026, 10, 19), date(2026, 11, 20), None),  # English newer
        (date(2026, 11, 20), date(2026, 11, 20), None),
        (None, date(2026, 1, 1), None),
        (date(2026, 11, 20), None, None),
    ],
)
def test_translation_lag(ru: date | None, en: date | None, expected: int | None) -> None:
    assert translation_lag(ru, en, DEFAULT) == expected


def test_translation_lag_uses_the_subsection_threshold() -> None:
    assert (
        translation_lag(date(2026, 11, 1), date(2026, 1, 1), Thresholds(max_age_days=365)) is None
    )
    assert translation_lag(date(2026, 11, 1), date(2026, 1, 1), Thresholds(max_age_days=30)) == 304
