"""What the generated pages show, computed without MkDocs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from regions import make_region, page, write

from extrel.core import views
from extrel.core.loader import load_region
from extrel.core.model import Municipality

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def alpha(tmp_path: Path) -> Municipality:
    root = tmp_path / "r"
    make_region(root)
    return load_region(root).municipalities["alpha"]


def test_news_newest_first_with_localized_dates(alpha: Municipality) -> None:
    items = views.news_view(alpha, "ru", TODAY, {})["items"]
    assert [i["date"] for i in items] == ["2026-11-10", "2026-11-05", "2026-10-01", "2026-09-12"]
    assert items[1]["date_text"] == "5 ноября 2026\u202fг."
    en = views.news_view(alpha, "en", TODAY, {})["items"]
    assert en[1]["date_text"] == "5 November 2026"
    assert en[0]["translated"] is False and en[0]["title"] == "Только по-русски"


def test_news_archive_by_year_once_there_are_many(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    for i in range(25):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=20 * i)
        write(root, f"content/beta/news/{day.isoformat()}-n{i}.ru.md",
              page({"title": f"Новость {i}", "date": day.isoformat()}))
    beta = load_region(root).municipalities["beta"]
    view = views.news_view(beta, "ru", TODAY, {})
    assert len(view["items"]) == views.NEWS_PER_PAGE
    assert view["total"] == 26
    assert [a["year"] for a in view["archive"]] == [2026, 2025]
    assert views.news_years(beta) == [2026, 2025]
    year = views.news_year_view(beta, "ru", 2025, {})
    assert all(i["date"].startswith("2025-") for i in year["items"])
    assert sum(a["count"] for a in view["archive"]) == 26


@pytest.mark.parametrize("today, upcoming", [
    (dt.date(2026, 5, 31), ["2026-06-01", "2026-12-05"]),
    (dt.date(2026, 6, 1), ["2026-06-01", "2026-12-05"]),  # on its day an event is upcoming
    (dt.date(2026, 6, 2), ["2026-12-05"]),
])
def test_announcements_split_at_today(alpha: Municipality, today: dt.date,
                                      upcoming: list[str]) -> None:
    view = views.announcements_view(alpha, "en", today, {})
    assert [i["start"] for i in view["upcoming"]] == upcoming
    assert len(view["upcoming"]) + len(view["past"]) == 2


def test_plan_current_year_first(alpha: Municipality) -> None:
    items = views.plan_view(alpha, "ru", dt.date(2025, 3, 1), {})["items"]
    assert [(i["year"], i["current"]) for i in items] == [(2025, True), (2026, False)]
    items = views.plan_view(alpha, "ru", dt.date(2026, 3, 1), {})["items"]
    assert [i["year"] for i in items] == [2026, 2025]


def test_partner_status_and_country_in_words(alpha: Municipality) -> None:
    item = views.partners_view(alpha, "en", TODAY, {})["items"][0]
    assert (item["status_text"], item["type_text"], item["country_text"]) == (
        "active", "twin town", "Georgia")
    assert item["directions"] == ["culture", "education"]


def test_item_view_is_the_listed_item(alpha: Municipality) -> None:
    entry = alpha.entries["participation"][0]
    item = views.item_view(alpha, entry, "en", dt.date(2026, 11, 23), {})
    assert item["title"] == "Expo in Tashkent" and item["country_text"] == "Uzbekistan"


def test_updated_dates_come_from_the_shown_file(alpha: Municipality) -> None:
    entry = next(e for e in alpha.entries["news"] if e.slug.endswith("only-russian"))
    dates = {entry.pages["ru"].path: dt.date(2026, 11, 11)}
    assert views.entry_updated(entry, "en", dates) == dt.date(2026, 11, 11)  # the fallback
    assert views.subsection_updated(alpha, "news", "en", dates) == dt.date(2026, 11, 11)


def test_event_times_name_the_zone_and_do_not_repeat_the_day() -> None:
    import datetime as dt
    from zoneinfo import ZoneInfo

    from extrel.core.eventtime import event_span

    zone = ZoneInfo("Europe/Ulyanovsk")
    start = dt.datetime(2026, 12, 5, 10, tzinfo=zone)
    end = dt.datetime(2026, 12, 5, 13, tzinfo=zone)
    assert event_span(start, end, zone, "en") == \
        "5 December 2026, 10:00–13:00 (UTC+4, Ulyanovsk time)"
    assert event_span(start, end, zone, "ru") == \
        "5 декабря 2026\u202fг., 10:00–13:00 (UTC+4, Ульяновск)"
    two_days = event_span(start, dt.datetime(2026, 12, 6, 13, tzinfo=zone), zone, "en")
    assert two_days.startswith("5 December 2026, 10:00 — 6 December 2026, 13:00")
    assert two_days.endswith("(UTC+4, Ulyanovsk time)")
    assert event_span(dt.date(2026, 12, 5), None, zone, "en") == "5 December 2026"
