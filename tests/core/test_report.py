"""Yearly and monthly activity reports, from small regions written into tmp_path."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from extrel.core.loader import load_region
from extrel.core.model import Entry, Region
from extrel.core.report import (
    PUBLISHED_SECTIONS,
    MonthlyReport,
    YearlyReport,
    YearlyRow,
    distinct_activities,
    monthly_report,
    yearly_report,
)
from extrel.core.sections import ACTIVITY_KINDS, SCHEMAS

MUNICIPALITIES = {
    "inza": ("Инзенский район", "Inza District"),
    "barysh": ("Барышский район", "Barysh District"),
    "sura": ("Сурский район", "Sura District"),
}


def write(root: Path, relpath: str, fields: dict[str, object]) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    front = "\n".join(f"{key}: {value}" for key, value in fields.items())
    path.write_text(f"---\n{front}\n---\n\nТекст.\n", encoding="utf-8")


def entry(root: Path, mid: str, relpath: str, ru: dict[str, object],
          en_title: str | None = None) -> None:
    """``content/<mid>/<relpath>.ru.md`` and, given an English title, the ``.en.md`` beside it."""
    write(root, f"content/{mid}/{relpath}.ru.md", ru)
    if en_title is not None:
        write(root, f"content/{mid}/{relpath}.en.md", {"title": en_title})


def build(root: Path) -> Region:
    for mid, (ru, en) in MUNICIPALITIES.items():
        (root / "municipalities").mkdir(parents=True, exist_ok=True)
        (root / f"municipalities/{mid}.yml").write_text(
            f"name: {{ru: {ru}, en: {en}}}\nkind: district\n", encoding="utf-8")

    def news(mid: str, day: str, slug: str, title: str, en: str | None = None,
             **extra: object) -> None:
        entry(root, mid, f"news/{day}-{slug}", {"title": title, "date": day, **extra}, en)

    def ann(mid: str, day: str, slug: str, title: str, en: str | None = None,
            start: str | None = None, **extra: object) -> None:
        entry(root, mid, f"announcements/{day}-{slug}",
              {"title": title, "start": start or day, **extra}, en)

    def part(mid: str, day: str, slug: str, title: str, en: str | None = None,
             **extra: object) -> None:
        entry(root, mid, f"participation/{day}-{slug}", {"title": title, "date": day, **extra},
              en)

    # inza --------------------------------------------------------------------------------
    # A: an announcement (two days) and the news of its second day: one Friendship Day
    ann("inza", "2026-05-10", "friendship", "Анонс Дня дружбы", "Friendship Day ahead",
        end="2026-05-11", kind="friendship-day", partner="kutaisi")
    news("inza", "2026-05-11", "friendship", "День дружбы", "Friendship Day",
         kind="friendship-day", partner="kutaisi")
    # B: participation (no partner field) and news of the same day: one trade mission
    part("inza", "2026-09-20", "expo", "Выставка в Ташкенте", "Expo in Tashkent",
         kind="trade-mission", country="UZ")
    news("inza", "2026-09-20", "expo", "Мы на выставке в Ташкенте", "At the Tashkent expo",
         kind="trade-mission", partner="tashkent")
    # C: same kind and day, different partners: two delegations
    news("inza", "2026-06-15", "minsk", "Делегация из Минска", "Delegation from Minsk",
         kind="delegation-in-russia", partner="minsk")
    ann("inza", "2026-06-15", "grodno", "Ждём гостей из Гродно", "Guests from Grodno",
        kind="delegation-in-russia", partner="grodno")
    # D: same day and partner, different kinds: separate
    news("inza", "2026-07-01", "kutaisi", "Конференция с Кутаиси", "Conference with Kutaisi",
         kind="conference", partner="kutaisi")
    ann("inza", "2026-07-01", "kutaisi", "Деловой визит в Кутаиси", "Business visit",
        kind="business-visit", partner="kutaisi")
    # E: two entries of one subsection, same day and kind: two conferences
    part("inza", "2026-10-03", "kazan", "Конференция в Казани", "Conference in Kazan",
         kind="conference")
    part("inza", "2026-10-03", "astana", "Конференция в Астане", "Conference in Astana",
         kind="conference")
    # F: news the day after a one-day announcement: the days do not meet, two presentations
    ann("inza", "2026-03-01", "presentation", "Презентация района", "District presentation",
        kind="presentation")
    news("inza", "2026-03-02", "presentation", "Прошла презентация", "The presentation",
         kind="presentation")
    # year boundaries
    news("inza", "2025-12-31", "youth", "Обмен 2025", "Exchange 2025", kind="youth-exchange")
    news("inza", "2026-01-01", "youth", "Обмен 2026", "Exchange 2026", kind="youth-exchange")
    part("inza", "2026-12-31", "aid", "Гуманитарная акция", "Humanitarian action",
         kind="humanitarian-action")
    news("inza", "2027-01-01", "aid", "Акция 2027", "Action 2027", kind="humanitarian-action")
    news("inza", "2026-01-20", "minsk", "Новый партнёр — Минск", "Minsk is a new partner",
         kind="new-partner", partner="minsk")
    news("inza", "2026-04-04", "spring", "Весенние новости", "Spring news")  # no kind
    ann("inza", "2026-11-05", "evening", "Вечер дружбы", "Friendship evening",
        start="2026-11-05T18:00", kind="other")
    partner = {"country": "BY", "type": "partner", "status": "active"}
    entry(root, "inza", "partners/kutaisi", {"title": "Кутаиси", "country": "GE",
          "type": "twin", "status": "active", "since": "2019-05-01"}, "Kutaisi")
    entry(root, "inza", "partners/minsk", {"title": "Минск", **partner, "since": "2026-01-01"},
          "Minsk")
    entry(root, "inza", "partners/grodno", {"title": "Гродно", **partner, "since": "2025-12-31"})
    entry(root, "inza", "partners/tashkent", {"title": "Ташкент", "country": "UZ",
          "type": "agreement", "status": "planned"}, "Tashkent")
    entry(root, "inza", "plan/2025", {"title": "План 2025", "year": 2025}, "Plan 2025")
    entry(root, "inza", "plan/2026", {"title": "План 2026", "year": 2026}, "Plan 2026")
    entry(root, "inza", "organizations/uclg", {"title": "ОГМВ", "since": "2026-02-01"}, "UCLG")
    entry(root, "inza", "organizations/unesco", {"title": "ЮНЕСКО"}, "UNESCO")
    entry(root, "inza", "presentation/index", {"title": "О районе"}, "About")

    # barysh ------------------------------------------------------------------------------
    part("barysh", "2026-11-12", "forum", "Форум в Минске", kind="conference")  # Russian only
    news("barysh", "2026-11-30", "results", "Итоги месяца", "Results of the month")  # no kind
    ann("barysh", "2026-12-01", "forum", "Форум в декабре", "December forum",
        kind="conference")
    news("barysh", "2026-10-31", "autumn", "Осенняя встреча", "Autumn meeting", kind="other")
    # sura: registry entry only

    region = load_region(root)
    assert region.problems == []
    return region


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Region:
    return build(tmp_path_factory.mktemp("region"))


def row(report: YearlyReport, mid: str) -> YearlyRow:
    return next(r for r in report.municipalities if r.id == mid)


def zeros(**counts: int) -> dict[str, int]:
    result = dict.fromkeys(ACTIVITY_KINDS, 0)
    for key, value in counts.items():
        result[key.replace("_", "-")] = value
    return result


# --- yearly ----------------------------------------------------------------------------------


def test_counts_per_kind_across_the_three_dated_subsections(region: Region) -> None:
    inza = row(yearly_report(region, 2026), "inza")
    assert inza.activities == zeros(
        presentation=2,
        delegation_in_russia=2,
        friendship_day=1,
        business_visit=1,
        trade_mission=1,
        conference=3,
        humanitarian_action=1,
        youth_exchange=1,
        new_partner=1,
        other=1,
    )
    assert list(inza.activities) == list(ACTIVITY_KINDS)
    assert inza.activities_total == 14
    assert inza.unclassified == 1


def test_every_municipality_is_listed_with_all_kinds(region: Region) -> None:
    report = yearly_report(region, 2026)
    assert [r.id for r in report.municipalities] == ["barysh", "inza", "sura"]
    assert (row(report, "sura").name_ru, row(report, "sura").name_en) == (
        "Сурский район", "Sura District")
    assert row(report, "sura").activities == zeros()
    assert row(report, "sura").published == dict.fromkeys(PUBLISHED_SECTIONS, 0)
    barysh = row(report, "barysh")
    assert barysh.activities == zeros(conference=2, other=1)
    assert barysh.unclassified == 1


@pytest.mark.parametrize(
    ("year", "youth", "humanitarian"),
    [(2025, 1, 0), (2026, 1, 1), (2027, 0, 1)],
)
def test_year_boundaries(region: Region, year: int, youth: int, humanitarian: int) -> None:
    inza = row(yearly_report(region, year), "inza")
    assert inza.activities["youth-exchange"] == youth
    assert inza.activities["humanitarian-action"] == humanitarian


def test_deduplication_merges_across_subsections_only(region: Region) -> None:
    activities = row(yearly_report(region, 2026), "inza").details
    details = {(a.kind, a.date.isoformat()): a for a in activities}
    friendship = details[("friendship-day", "2026-05-10")]
    assert [f"{r.section}/{r.slug}" for r in friendship.records] == [
        "announcements/2026-05-10-friendship", "news/2026-05-11-friendship"]
    assert friendship.partner == "kutaisi"
    trade = details[("trade-mission", "2026-09-20")]
    assert sorted(r.section for r in trade.records) == ["news", "participation"]
    assert trade.partner == "tashkent"
    # different partners, kinds, subsection or days: nothing else was merged
    assert len(activities) == 14
    assert sorted(len(a.records) for a in activities) == [1] * 12 + [2, 2]
    conferences = [[r.slug for r in a.records] for a in activities if a.kind == "conference"]
    assert conferences == [["2026-07-01-kutaisi"], ["2026-10-03-astana"], ["2026-10-03-kazan"]]


def test_new_partners_by_since(region: Region) -> None:
    partners = row(yearly_report(region, 2026), "inza").new_partners
    assert [(p.id, p.title_ru, p.title_en, p.country, p.since) for p in partners] == [
        ("minsk", "Минск", "Minsk", "BY", dt.date(2026, 1, 1))]
    older = row(yearly_report(region, 2025), "inza").new_partners
    assert [(p.id, p.title_en) for p in older] == [("grodno", "Гродно")]  # Russian fallback
    assert row(yearly_report(region, 2019), "inza").new_partners[0].id == "kutaisi"


def test_published_per_subsection(region: Region) -> None:
    report = yearly_report(region, 2026)
    assert row(report, "inza").published == {
        "news": 8, "partners": 1, "plan": 1, "announcements": 5, "organizations": 1,
        "participation": 4,
    }
    assert "presentation" not in row(report, "inza").published
    assert row(yearly_report(region, 2025), "inza").published == {
        "news": 1, "partners": 1, "plan": 1, "announcements": 0, "organizations": 0,
        "participation": 0,
    }


def test_region_totals(region: Region) -> None:
    totals = yearly_report(region, 2026).totals
    assert totals.activities["conference"] == 5
    assert totals.activities["other"] == 2
    assert totals.activities_total == 17
    assert totals.unclassified == 2
    assert totals.new_partners == 1
    assert totals.published["news"] == 10
    assert totals.published["participation"] == 5


def test_yearly_to_dict(region: Region) -> None:
    data = yearly_report(region, 2026).to_dict()
    assert list(data) == ["as_of", "year", "kinds", "municipalities", "totals"]
    assert data["as_of"] == "2026-12-31"  # no check date given: the whole year
    assert data["year"] == 2026
    assert data["kinds"] == list(ACTIVITY_KINDS)
    inza = data["municipalities"][1]
    assert list(inza) == ["id", "name", "activities", "activities_total", "unclassified",
                          "new_partners", "published", "details", "items", "agreements"]
    assert inza["name"] == {"ru": "Инзенский район", "en": "Inza District"}
    assert inza["new_partners"] == [{"id": "minsk", "title": {"ru": "Минск", "en": "Minsk"},
                                     "country": "BY", "since": "2026-01-01"}]
    assert {"kind": "friendship-day", "date": "2026-05-10", "partner": "kutaisi",
            "entries": ["announcements/2026-05-10-friendship", "news/2026-05-11-friendship"]
            } in inza["details"]
    assert data["totals"]["activities_total"] == 17
    json.dumps(data)  # only JSON types


# --- monthly ---------------------------------------------------------------------------------


def test_monthly_listing_with_english_fallback(region: Region) -> None:
    report = monthly_report(region, 2026, 11)
    assert isinstance(report, MonthlyReport)
    by_id = {r.id: r for r in report.municipalities}
    assert list(by_id) == ["barysh", "inza", "sura"]
    forum, results = by_id["barysh"].items
    assert (forum.section, forum.date, forum.kind) == ("participation", dt.date(2026, 11, 12),
                                                      "conference")
    assert (forum.title_ru, forum.title_en, forum.translated) == (
        "Форум в Минске", "Форум в Минске", False)
    assert forum.link_ru == "barysh/participation/2026-11-12-forum/"
    assert forum.link_en == "barysh/en/participation/2026-11-12-forum/"
    assert (results.section, results.title_en, results.translated, results.kind) == (
        "news", "Results of the month", True, None)
    (evening,) = by_id["inza"].items
    assert (evening.section, evening.date, evening.title_en) == (
        "announcements", dt.date(2026, 11, 5), "Friendship evening")
    assert by_id["sura"].items == []
    assert report.items_total == 3


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2026, 12, {"barysh": ["announcements/2026-12-01-forum"],
                    "inza": ["participation/2026-12-31-aid"]}),
        (2027, 1, {"inza": ["news/2027-01-01-aid"]}),
        (2025, 12, {"inza": ["news/2025-12-31-youth"]}),
        (2026, 1, {"inza": ["news/2026-01-01-youth", "news/2026-01-20-minsk"]}),
        (2026, 5, {"inza": ["announcements/2026-05-10-friendship",
                            "news/2026-05-11-friendship"]}),
        (2026, 2, {}),
    ],
)
def test_monthly_boundaries(region: Region, year: int, month: int,
                            expected: dict[str, list[str]]) -> None:
    report = monthly_report(region, year, month)
    found = {r.id: [f"{i.section}/{i.slug}" for i in r.items]
             for r in report.municipalities if r.items}
    assert found == expected


def test_monthly_to_dict(region: Region) -> None:
    data = monthly_report(region, 2026, 11).to_dict()
    assert list(data) == ["year", "month", "municipalities", "items_total"]
    assert (data["year"], data["month"], data["items_total"]) == (2026, 11, 3)
    barysh = data["municipalities"][0]
    assert barysh["name"] == {"ru": "Барышский район", "en": "Barysh District"}
    assert barysh["items"][0] == {
        "section": "participation",
        "slug": "2026-11-12-forum",
        "date": "2026-11-12",
        "title": {"ru": "Форум в Минске", "en": "Форум в Минске"},
        "translated": False,
        "kind": "conference",
        "link": {"ru": "barysh/participation/2026-11-12-forum/",
                 "en": "barysh/en/participation/2026-11-12-forum/"},
    }
    assert data["municipalities"][1]["items"][0]["date"] == "2026-11-05"
    assert data["municipalities"][2]["items"] == []


@pytest.mark.parametrize("month", [0, 13])
def test_monthly_rejects_impossible_month(region: Region, month: int) -> None:
    with pytest.raises(ValueError, match="month"):
        monthly_report(region, 2026, month)


def test_empty_region(tmp_path: Path) -> None:
    region = load_region(tmp_path)
    report = yearly_report(region, 2026)
    assert report.municipalities == []
    assert report.totals.activities == zeros()
    assert monthly_report(region, 2026, 1).items_total == 0


# --- the de-duplication rule on in-memory entries ------------------------------------------


def _entry(section: str, day: str, kind: str | None, partner: str | None = None,
           end: str | None = None, slug: str = "x") -> Entry:
    fields: dict[str, object] = {"title": "Событие", "kind": kind}
    if section == "announcements":
        fields.update(start=day, end=end, partner=partner)
    elif section == "news":
        fields.update(date=day, partner=partner)
    else:
        fields.update(date=day)
    meta = SCHEMAS[section].model_validate(fields)
    return Entry("inza", section, f"{day}-{slug}", data={"ru": meta})


@pytest.mark.parametrize(
    ("entries", "groups"),
    [
        # same kind, day and partner in two subsections: one
        ([("news", "2026-05-10", "conference", "kutaisi"),
          ("announcements", "2026-05-10", "conference", "kutaisi")], [2]),
        # one partner not given: one
        ([("news", "2026-05-10", "conference", "kutaisi"),
          ("participation", "2026-05-10", "conference", None)], [2]),
        # partners differ: two
        ([("news", "2026-05-10", "conference", "kutaisi"),
          ("announcements", "2026-05-10", "conference", "minsk")], [1, 1]),
        # kinds differ: two
        ([("news", "2026-05-10", "conference", None),
          ("participation", "2026-05-10", "other", None)], [1, 1]),
        # news within the announced days: one; the day after the end: two
        ([("announcements", "2026-05-10", "conference", None, "2026-05-12"),
          ("news", "2026-05-12", "conference", None)], [2]),
        ([("announcements", "2026-05-10", "conference", None, "2026-05-12"),
          ("news", "2026-05-13", "conference", None)], [1, 1]),
        # all three subsections: one
        ([("participation", "2026-05-10", "conference", None),
          ("news", "2026-05-10", "conference", "kutaisi"),
          ("announcements", "2026-05-10", "conference", None)], [3]),
        # no kind: not an activity
        ([("news", "2026-05-10", None, None)], []),
    ],
)
def test_distinct_activities_rule(entries: list[tuple[Any, ...]], groups: list[int]) -> None:
    built = [_entry(*spec, slug=f"e{i}") for i, spec in enumerate(entries)]
    assert sorted(len(a.records) for a in distinct_activities(built)) == groups


def test_same_subsection_never_merges() -> None:
    built = [_entry("news", "2026-05-10", "conference", "kutaisi", slug=s) for s in "ab"]
    built.append(_entry("announcements", "2026-05-10", "conference", "kutaisi"))
    activities = distinct_activities(built)
    assert [[f"{r.section}/{r.slug}" for r in a.records] for a in activities] == [
        ["news/2026-05-10-a", "announcements/2026-05-10-x"], ["news/2026-05-10-b"]]
