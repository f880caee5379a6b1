"""Reminder messages built from the freshness data (no server: see tests/cli/test_remind.py),
and the dashboard's plurals."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from extrel.core.portal import days_text
from extrel.core.remind import Contact, email, fill_due_by, reminders
from extrel.core.sections import SUBSECTION_IDS


def entry(status: str = "fresh", last: str | None = "2026-11-20", **extra: Any) -> dict[str, Any]:
    return {"status": status, "last_updated": last, "age_days": 3 if last else None,
            "pages": 1 if last else 0, **extra}


def municipality(mid: str, **overrides: dict[str, Any]) -> dict[str, Any]:
    """Every subsection fresh in ru, en and zh, but for ``overrides`` ("<section>.<lang>")."""
    sections = []
    for sid in SUBSECTION_IDS:
        languages = {code: overrides.get(f"{sid}_{code}", entry()) for code in ("ru", "en", "zh")}
        sections.append({"id": sid, "status": "fresh", "languages": languages})
    return {"id": mid, "status": "fresh", "sections": sections}


CONTACTS = {mid: Contact(f"Район {mid}", f"{mid}@example.org", "Анна") for mid in "abcde"}


def data(*municipalities: dict[str, Any]) -> dict[str, Any]:
    return {"as_of": "2026-11-23", "timezone": "Europe/Ulyanovsk",
            "municipalities": list(municipalities), "problems": []}


def test_only_municipalities_behind_get_a_message() -> None:
    result = reminders(data(
        municipality("a"),
        municipality("b", news_en=entry("stale", "2026-09-01", due_by="2026-10-02")),
        municipality("c", plan_zh=entry("missing", None)),
        municipality("d", news_en=entry(untranslated=2)),
        municipality("e", partners_ru=entry(unfinished=1)),
    ), CONTACTS)
    assert [r.municipality for r in result] == ["b", "c", "d", "e"]
    assert [r.to for r in result] == ["b@example.org", "c@example.org", "d@example.org",
                                      "e@example.org"]
    b, c, d, e = (r.body for r in result)
    assert ("Новости в области развития внешних связей, английский: просрочено; последнее "
            "обновление 1 сентября 2026\u202fг.; срок был до 2 октября 2026\u202fг. "
            "включительно") in b.split("В порядке:")[0]
    # any configured language, named in Russian by Babel
    assert "План развития внешних связей на календарный год, китайский: нет материалов" in c
    assert "английский: обновлено вовремя" in d.split("В порядке:")[0]
    assert "без перевода: 2" in d
    assert "не закончено (заготовки extrel new): 1" in e
    assert "Сводная таблица" not in b  # no site_url


def test_the_message_is_utf8_russian_with_the_dashboard_link() -> None:
    [reminder] = reminders(data(municipality("c", plan_ru=entry("due", "2026-10-28"))),
                           CONTACTS, site_url="https://vs.example/region/")
    msg = email(reminder, "vs@region.example",
                dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC))
    assert msg["Subject"] == ("Внешние связи: Район c — раздел нужно обновить (проверка на "
                              "23 ноября 2026\u202fг.)")
    assert msg["Auto-Submitted"] == "auto-generated"
    body = msg.get_content()
    assert body.startswith("Здравствуйте, Анна!")
    assert "Сводная таблица по всем муниципалитетам: https://vs.example/region/freshness/" in body


def test_fill_due_by_keeps_what_the_data_has() -> None:
    d = data(municipality("a", news_ru=entry(due_by="2026-12-31"),
                          plan_en=entry("missing", None)))
    fill_due_by(d, dict.fromkeys(SUBSECTION_IDS, 31))
    sections = {s["id"]: s["languages"] for s in d["municipalities"][0]["sections"]}
    assert sections["news"]["ru"]["due_by"] == "2026-12-31"
    assert sections["news"]["en"]["due_by"] == "2026-12-21"
    assert sections["plan"]["en"]["due_by"] is None


@pytest.mark.parametrize(("n", "lang", "text"), [
    (1, "ru", "1 день"), (2, "ru", "2 дня"), (5, "ru", "5 дней"), (21, "ru", "21 день"),
    (83, "ru", "83 дня"), (111, "ru", "111 дней"),
    (1, "en", "1 day"), (2, "en", "2 days"), (0, "en", "0 days"),
    (1, "de", "1 Tag"), (2, "de", "2 Tage"),
    (2, "kk", "2 күн"), (5, "be", "5 сутак"), (2, "zh", "2天"), (-3, "ru", "\u22123 дня"),
])
def test_days_follow_the_languages_plural_rules(n: int, lang: str, text: str) -> None:
    assert days_text(n, lang) == text


def test_dashboard_cell_shows_due_by_overdue_since_and_counts() -> None:
    """With the fields PRODUCT.md names (due_by, untranslated, unfinished) in the data."""
    from types import SimpleNamespace

    from extrel.core.portal import dashboard_cell

    snapshot: Any = SimpleNamespace(today=dt.date(2026, 11, 23))
    stale = SimpleNamespace(status="stale", last_updated=dt.date(2026, 9, 1), age_days=83,
                            pages=3, due_by=dt.date(2026, 10, 2), untranslated=2, unfinished=1)
    c = dashboard_cell(snapshot, "inza", "news", "en", stale, "ru")
    assert c["overdue_since"] == "2026-10-03"
    assert c["overdue_since_text"] == "просрочено с 3 октября 2026\u202fг."
    assert c["due_by_text"] == ""  # past: the overdue date says it
    assert c["age_text"] == "83 дня"
    assert (c["untranslated_text"], c["unfinished_text"]) == ("без перевода: 2",
                                                              "не закончено: 1")
    due = SimpleNamespace(status="due", last_updated=dt.date(2026, 10, 28), age_days=26,
                          pages=1, due_by=dt.date(2026, 11, 28))
    c = dashboard_cell(snapshot, "inza", "plan", "en", due, "en")
    assert (c["overdue_since"], c["due_by_text"]) == ("", "due by 28 November 2026")
    assert (c["untranslated"], c["unfinished"], c["untranslated_text"]) == (0, 0, "")
    assert c["url"] == "../inza/en/plan/"
    assert c["future"] is False
    ahead = SimpleNamespace(status="fresh", last_updated=dt.date(2026, 11, 25), age_days=-2,
                            pages=1, due_by=dt.date(2026, 12, 26))
    c = dashboard_cell(snapshot, "inza", "news", "ru", ahead, "ru")
    assert c["future"] is True and c["age_text"] == "\u22122 дня"
