"""The content-type registry: every subsection is one record holding all that differs between
subsections, and what the record names exists."""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path

import pytest
from factories import make_entry, make_municipality
from pydantic import BaseModel

from extrel.core import activities, addresses, scaffold, views
from extrel.core.sections import (
    ACTIVITY_SECTIONS,
    BY_ID,
    CALENDAR,
    FEED,
    PUBLISHED_SECTIONS,
    SUBSECTION_IDS,
    SUBSECTIONS,
    Subsection,
)

TEMPLATES = Path(views.__file__).resolve().parent.parent / "templates"
TODAY = dt.date(2026, 11, 20)


def test_the_seven_subsections_in_the_standards_order() -> None:
    assert SUBSECTION_IDS == ("news", "partners", "plan", "announcements", "organizations",
                              "participation", "presentation")


@pytest.mark.parametrize("sub", SUBSECTIONS, ids=SUBSECTION_IDS)
def test_every_record_has_every_attribute(sub: Subsection) -> None:
    assert set(sub.title) == {"ru", "en"} and all(sub.title.values())
    assert issubclass(sub.schema, BaseModel) and "title" in sub.schema.model_fields
    assert set(sub.name.words) == {"ru", "en"}
    assert callable(getattr(scaffold, sub.scaffold))
    if sub.view is not None:
        view = getattr(views, sub.view)
        assert list(inspect.signature(view).parameters) == ["m", "lang", "today", "dates"]
    if sub.item_view is not None:
        assert callable(getattr(views, sub.item_view))
    for field in (sub.date_field, sub.report_date_field, sub.end_field):
        assert field is None or field in sub.schema.model_fields
    for template in (sub.item_template, sub.list_template, sub.list_partial, sub.facts_partial):
        assert template is None or (TEMPLATES / template).is_file(), template
    assert sub.dated == sub.name.dated
    assert sub.dated <= (sub.date_field is not None)  # a date in the name is a field's too


def test_flags_select_the_subsections_the_standard_names() -> None:
    assert ACTIVITY_SECTIONS == ("news", "announcements", "participation")
    assert PUBLISHED_SECTIONS == SUBSECTION_IDS[:-1]
    assert (FEED.id, CALENDAR.id) == ("news", "announcements")
    assert [s.id for s in SUBSECTIONS if s.yearly] == ["plan"]
    assert [s.id for s in SUBSECTIONS if s.single] == ["presentation"]
    assert [s.id for s in SUBSECTIONS if s.upcoming] == ["announcements"]
    assert [s.id for s in SUBSECTIONS if s.agreements] == ["partners"]


# the file names of PRODUCT.md's table, and what breaks each rule
@pytest.mark.parametrize("sid, good, bad", [
    ("news", ["2026-11-05-kutaisi", "2026-02-28-a-b-1"],
     ["2026-02-30-x", "2026-11-05", "kutaisi", "2026-11-05-Kutaisi", "2026-11-05-a--b",
      "26-11-05-x"]),
    ("announcements", ["2026-12-01-forum"], ["2026-13-01-forum", "forum"]),
    ("participation", ["2025-06-15-expo"], ["2025-06-15_expo", "2025-06-15-"]),
    ("partners", ["kutaisi", "zhetysu-2"], ["Kutaisi", "kutaisi_", "-kutaisi", "кутаиси"]),
    ("organizations", ["unesco"], ["UNESCO", "un esco"]),
    ("plan", ["2026"], ["26", "2026-plan", "plan"]),
    ("presentation", ["index"], ["presentation", "index2", "Index"]),
])
def test_file_name_rules(sid: str, good: list[str], bad: list[str]) -> None:
    rule = BY_ID[sid].name
    assert all(rule.accepts(stem) for stem in good), good
    assert not any(rule.accepts(stem) for stem in bad), [s for s in bad if rule.accepts(s)]


@pytest.mark.parametrize("sid, stem", [
    ("news", "2026-11-05-visit"), ("announcements", "2026-11-05-visit"),
    ("participation", "2026-11-05-visit"), ("partners", "visit"), ("organizations", "visit"),
    ("plan", "2026"), ("presentation", "index"),
])
def test_the_name_extrel_new_writes_passes_the_rule(sid: str, stem: str) -> None:
    rule = BY_ID[sid].name
    assert rule.make(dt.date(2026, 11, 5), "visit") == stem
    assert rule.accepts(stem)


def test_factory_entries_are_dated_by_their_records_field() -> None:
    news = make_entry("news", date=dt.date(2026, 11, 5), title={"ru": "Визит", "en": "Visit"})
    assert news.slug == "2026-11-05-visit" and news.date == dt.date(2026, 11, 5)
    assert news.meta("en").title == "Visit" and news.meta("en").date == dt.date(2026, 11, 5)
    event = make_entry("announcements", "forum", start="2026-12-01T10:00",
                       end=dt.date(2026, 12, 3), kind="conference")
    assert event.slug == "2026-12-01-forum" and event.date == dt.date(2026, 12, 1)
    assert activities.own_date(event) == dt.date(2026, 12, 1)
    assert BY_ID["announcements"].end_of(event.meta("ru")) == dt.date(2026, 12, 3)
    plan = make_entry("plan", year=2025)
    assert plan.slug == "2025" and plan.date == dt.date(2025, 1, 1)
    partner = make_entry("partners", "kutaisi", country="GE", type="twin", status="active",
                         since=dt.date(2019, 5, 1))
    assert partner.date is None and activities.own_date(partner) == dt.date(2019, 5, 1)
    assert make_entry("presentation", "index").date is None


def test_list_and_item_views_dispatch_through_the_record() -> None:
    older = make_entry("participation", "expo", date=dt.date(2026, 3, 1),
                       place={"ru": "Казань", "en": "Kazan"})
    newer = make_entry("participation", "forum", date=dt.date(2026, 9, 1))
    m = make_municipality("alpha", older, newer)
    view = views.list_view(m, "participation", "en", TODAY, {})
    assert [i["url"] for i in view["items"]] == ["participation/2026-09-01-forum/",
                                                 "participation/2026-03-01-expo/"]
    assert view["items"][1]["place"] == "Kazan"
    assert views.item_view(m, older, "ru", TODAY, {})["place"] == "Казань"
    assert views.list_view(m, "presentation", "en", TODAY, {}) == {}


def test_activities_merge_by_the_records_flags() -> None:
    told = make_entry("news", "forum", date=dt.date(2026, 12, 2), kind="conference")
    announced = make_entry("announcements", "forum", start=dt.date(2026, 12, 1),
                           end=dt.date(2026, 12, 3), kind="conference")
    merged = activities.distinct_activities([told, announced])
    assert [a.keys() for a in merged] == [[("announcements", "2026-12-01-forum"),
                                           ("news", "2026-12-02-forum")]]


def test_scaffold_of_every_subsection_names_its_file_by_the_rule() -> None:
    for sub in SUBSECTIONS:
        page = scaffold.new_page(sub.id, "Визит", "Visit", dt.date(2026, 11, 5))
        assert sub.name.accepts(page.stem), (sub.id, page.stem)
        assert addresses.item(sub.id, page.stem).startswith(f"{sub.id}/")
