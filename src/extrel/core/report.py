"""Activity reports for the regional office: the year's counts and the month's listing.

The yearly report counts **distinct activities** per activity ``kind``. An activity is told
in up to three subsections: announced beforehand (``announcements``, by ``start``),
reported afterwards (``news``, by ``date``) and recorded as attended (``participation``,
by ``date``). Counting every entry would count such an event two or three times, so
entries are merged into one activity by this rule:

* only entries with a ``kind`` are activities (the field exists for these counts); dated
  entries of the year without one are counted apart as ``unclassified``, so that staff can
  ask editors to classify them;
* an entry is attributed to the year of its own date (news and participation: ``date``;
  announcements: ``start``), and entries are merged only within one year;
* two entries of **different** subsections are the same activity when they have the same
  ``kind``, their days meet (an announcement covers ``start`` to ``end``, the others one
  day) and their partners do not contradict each other (equal, or at least one not given:
  participation has no ``partner`` field);
* two entries of the **same** subsection are always separate activities (two news items of
  one day about two conferences are two conferences).

Entries are taken in order of date, then subsection (news, announcements, participation),
then file name, and each joins the first activity it matches, so the result is deterministic.

Every function takes the year (and month) as parameters: nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .model import Entry, Municipality, Region
from .sections import ACTIVITY_KINDS, SUBSECTION_IDS
from .views import entry_url

ACTIVITY_SECTIONS: tuple[str, ...] = ("news", "announcements", "participation")
"""Subsections whose entries are activities, in the order they are merged."""

PUBLISHED_SECTIONS: tuple[str, ...] = tuple(s for s in SUBSECTION_IDS if s != "presentation")
"""Subsections counted in ``published``; the presentation has no date, so it is left out."""

MONTHLY_SECTIONS: tuple[str, ...] = ACTIVITY_SECTIONS


def _day(value: dt.date | dt.datetime | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def own_date(entry: Entry) -> dt.date | None:
    """The date by which an entry is counted as published; None for the presentation.

    news, participation: ``date``; announcements: ``start``; plan: 1 January of ``year``;
    partners, organizations: ``since`` (None when not given).
    """
    meta = entry.meta("ru")
    if entry.section in ("news", "participation"):
        return _day(meta.date)
    if entry.section == "announcements":
        return _day(meta.start)
    if entry.section == "plan":
        return dt.date(meta.year, 1, 1)
    if entry.section in ("partners", "organizations"):
        return _day(meta.since)
    return None


# --- yearly ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One dated entry with a kind, as it takes part in de-duplication."""

    section: str
    slug: str
    kind: str
    first: dt.date
    last: dt.date
    partner: str | None

    def meets(self, other: Record) -> bool:
        return self.first <= other.last and other.first <= self.last


@dataclass
class Activity:
    """One distinct activity and the entries that tell about it."""

    kind: str
    records: list[Record] = field(default_factory=list)

    @property
    def partner(self) -> str | None:
        return next((r.partner for r in self.records if r.partner), None)

    @property
    def date(self) -> dt.date:
        return min(r.first for r in self.records)

    def accepts(self, record: Record) -> bool:
        if record.kind != self.kind:
            return False
        if any(r.section == record.section for r in self.records):
            return False
        if record.partner and self.partner and record.partner != self.partner:
            return False
        return all(record.meets(r) for r in self.records)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "date": self.date.isoformat(),
            "partner": self.partner,
            "entries": [f"{r.section}/{r.slug}" for r in self.records],
        }


def _record(entry: Entry) -> Record | None:
    meta = entry.meta("ru")
    first = own_date(entry)
    if first is None or meta.kind is None:
        return None
    last = first
    if entry.section == "announcements" and meta.end is not None:
        last = _day(meta.end) or first
    return Record(entry.section, entry.slug, meta.kind, first, last, getattr(meta, "partner", None))


def distinct_activities(entries: list[Entry]) -> list[Activity]:
    """Merge entries (with a kind) into distinct activities by the rule in the module docstring."""
    records = [r for r in (_record(e) for e in entries) if r is not None]
    records.sort(key=lambda r: (r.first, ACTIVITY_SECTIONS.index(r.section), r.slug))
    activities: list[Activity] = []
    for record in records:
        home = next((a for a in activities if a.accepts(record)), None)
        if home is None:
            home = Activity(record.kind)
            activities.append(home)
        home.records.append(record)
    return activities


@dataclass(frozen=True)
class NewPartner:
    id: str
    title_ru: str
    title_en: str
    country: str
    since: dt.date

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": {"ru": self.title_ru, "en": self.title_en},
            "country": self.country,
            "since": self.since.isoformat(),
        }


@dataclass
class YearlyRow:
    id: str
    name_ru: str
    name_en: str
    activities: dict[str, int]
    """Distinct activities per kind: every kind of ``ACTIVITY_KINDS``, in that order."""
    unclassified: int
    """Dated entries of the year in news, announcements, participation without a ``kind``."""
    new_partners: list[NewPartner]
    published: dict[str, int]
    """Entries dated in the year, per subsection of ``PUBLISHED_SECTIONS``."""
    details: list[Activity] = field(default_factory=list)

    @property
    def activities_total(self) -> int:
        return sum(self.activities.values())

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_ru

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": {"ru": self.name_ru, "en": self.name_en},
            "activities": dict(self.activities),
            "activities_total": self.activities_total,
            "unclassified": self.unclassified,
            "new_partners": [p.to_dict() for p in self.new_partners],
            "published": dict(self.published),
            "details": [a.to_dict() for a in self.details],
        }


@dataclass
class YearlyTotals:
    activities: dict[str, int]
    activities_total: int
    unclassified: int
    new_partners: int
    published: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "activities": dict(self.activities),
            "activities_total": self.activities_total,
            "unclassified": self.unclassified,
            "new_partners": self.new_partners,
            "published": dict(self.published),
        }


@dataclass
class YearlyReport:
    year: int
    municipalities: list[YearlyRow]

    @property
    def totals(self) -> YearlyTotals:
        rows = self.municipalities
        return YearlyTotals(
            activities={k: sum(r.activities[k] for r in rows) for k in ACTIVITY_KINDS},
            activities_total=sum(r.activities_total for r in rows),
            unclassified=sum(r.unclassified for r in rows),
            new_partners=sum(len(r.new_partners) for r in rows),
            published={s: sum(r.published[s] for r in rows) for s in PUBLISHED_SECTIONS},
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "kinds": list(ACTIVITY_KINDS),
            "municipalities": [r.to_dict() for r in self.municipalities],
            "totals": self.totals.to_dict(),
        }


def _in_year(entry: Entry, year: int) -> bool:
    day = own_date(entry)
    return day is not None and day.year == year


def yearly_row(m: Municipality, year: int) -> YearlyRow:
    dated = [e for s in ACTIVITY_SECTIONS for e in m.entries[s] if _in_year(e, year)]
    details = distinct_activities(dated)
    activities = dict.fromkeys(ACTIVITY_KINDS, 0)
    for activity in details:
        activities[activity.kind] += 1
    new_partners = []
    for entry in m.entries["partners"]:
        meta = entry.meta("ru")
        if meta.since is not None and meta.since.year == year:
            title_en = entry.meta("en").title
            new_partners.append(NewPartner(entry.slug, meta.title, title_en, meta.country,
                                           meta.since))
    new_partners.sort(key=lambda p: (p.since, p.id))
    return YearlyRow(
        id=m.id,
        name_ru=m.name("ru"),
        name_en=m.name("en"),
        activities=activities,
        unclassified=sum(1 for e in dated if e.meta("ru").kind is None),
        new_partners=new_partners,
        published={s: sum(1 for e in m.entries[s] if _in_year(e, year))
                   for s in PUBLISHED_SECTIONS},
        details=details,
    )


def yearly_report(region: Region, year: int) -> YearlyReport:
    """The year's distinct activities, new partners and publications of every municipality."""
    return YearlyReport(year, [yearly_row(m, year) for m in region.municipalities.values()])


# --- monthly ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthlyItem:
    section: str
    slug: str
    date: dt.date
    title_ru: str
    title_en: str
    translated: bool
    """False when there is no English file and ``title_en`` is the Russian title."""
    kind: str | None
    link_ru: str
    link_en: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_ru

    def link(self, lang: str) -> str:
        return self.link_en if lang == "en" else self.link_ru

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "slug": self.slug,
            "date": self.date.isoformat(),
            "title": {"ru": self.title_ru, "en": self.title_en},
            "translated": self.translated,
            "kind": self.kind,
            "link": {"ru": self.link_ru, "en": self.link_en},
        }


@dataclass
class MonthlyRow:
    id: str
    name_ru: str
    name_en: str
    items: list[MonthlyItem]

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_ru

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": {"ru": self.name_ru, "en": self.name_en},
            "items": [i.to_dict() for i in self.items],
        }


@dataclass
class MonthlyReport:
    year: int
    month: int
    municipalities: list[MonthlyRow]

    @property
    def items_total(self) -> int:
        return sum(len(r.items) for r in self.municipalities)

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "month": self.month,
            "municipalities": [r.to_dict() for r in self.municipalities],
            "items_total": self.items_total,
        }


def monthly_item(m: Municipality, entry: Entry) -> MonthlyItem:
    day = own_date(entry)
    assert day is not None
    url = entry_url(entry)
    return MonthlyItem(
        section=entry.section,
        slug=entry.slug,
        date=day,
        title_ru=entry.meta("ru").title,
        title_en=entry.meta("en").title,
        translated=entry.translated("en"),
        kind=entry.meta("ru").kind,
        link_ru=f"{m.id}/{url}",
        link_en=f"{m.id}/en/{url}",
    )


def monthly_report(region: Region, year: int, month: int) -> MonthlyReport:
    """News, announcements starting and participation of one month, per municipality.

    Every municipality is listed, those with nothing in the month with no items.
    Links are relative to the site root: ``<id>/<entry url>`` and ``<id>/en/<entry url>``.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    rows = []
    for m in region.municipalities.values():
        items = [
            monthly_item(m, e)
            for s in MONTHLY_SECTIONS
            for e in m.entries[s]
            if (d := own_date(e)) is not None and (d.year, d.month) == (year, month)
        ]
        items.sort(key=lambda i: (i.date, MONTHLY_SECTIONS.index(i.section), i.slug))
        rows.append(MonthlyRow(m.id, m.name("ru"), m.name("en"), items))
    return MonthlyReport(year, month, rows)
