"""Activity reports for the regional office: the year's counts and the month's listing.

The yearly report counts **distinct activities** per activity ``kind``, merged by the rule
of ``extrel.core.activities``.

The yearly report is drawn up **as of** a check date: an entry counts once its own date has
come (``date <= as_of``), so a conference announced for 5 December is not counted on
24 November. The same holds for partners: an agreement is concluded on its ``since`` and
lapses on its ``ended`` (or, failing that, ``expires``) date, once that date has come.
Every number comes with the items behind it (``YearlyRow.items``).

Every function takes the year (and month, and the check date) as parameters: nothing here
reads the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import addresses
from .activities import ACTIVITY_SECTIONS, Activity, as_day, distinct_activities, own_date
from .model import Entry, Municipality, Region
from .sections import ACTIVITY_KINDS, AGREEMENTS, DEFAULT_LANGUAGE
from .sections import PUBLISHED_SECTIONS as PUBLISHED_SECTIONS  # counted in ``published``
from .views import entry_url

MONTHLY_SECTIONS: tuple[str, ...] = ACTIVITY_SECTIONS


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


@dataclass(frozen=True)
class ReportItem:
    """One entry behind a number: which page, of what date, with which title."""

    section: str
    id: str
    date: dt.date
    titles: dict[str, str]
    """Title per language written; ``title(lang)`` falls back to the Russian one."""
    link: str
    """The Russian page, from the site root: ``<id>/<subsection>/<page>/``."""

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles[DEFAULT_LANGUAGE]

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, "id": self.id, "date": self.date.isoformat(),
                "title": dict(self.titles), "link": self.link}


@dataclass(frozen=True)
class AgreementItem:
    """A partner's agreement concluded (``since``) or lapsed (``ended``/``expires``)."""

    id: str
    titles: dict[str, str]
    date: dt.date
    field: str
    """The front-matter field the date comes from: since, ended or expires."""
    link: str

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles[DEFAULT_LANGUAGE]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": dict(self.titles), "date": self.date.isoformat(),
                "field": self.field, "link": self.link}


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
    items: dict[str, Any] = field(default_factory=dict)
    """The items behind every number (``yearly_row`` fills it; see ``items_dict``)."""
    concluded: list[AgreementItem] = field(default_factory=list)
    lapsed: list[AgreementItem] = field(default_factory=list)

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
            "items": self.items_dict(),
            "agreements": {"concluded": [a.to_dict() for a in self.concluded],
                           "lapsed": [a.to_dict() for a in self.lapsed]},
        }

    def items_dict(self) -> dict[str, Any]:
        """JSON of ``items``: per activity kind the activities with their entries, the
        unclassified entries, the new partners and per subsection the published entries."""
        it = self.items
        return {
            "activities": {
                kind: [{**a.to_dict(), "entries": [i.to_dict() for i in entries]}
                       for a, entries in it.get("activities", {}).get(kind, [])]
                for kind in ACTIVITY_KINDS
            },
            "unclassified": [i.to_dict() for i in it.get("unclassified", [])],
            "new_partners": [i.to_dict() for i in it.get("new_partners", [])],
            "published": {s: [i.to_dict() for i in it.get("published", {}).get(s, [])]
                          for s in PUBLISHED_SECTIONS},
        }


@dataclass
class YearlyTotals:
    activities: dict[str, int]
    activities_total: int
    unclassified: int
    new_partners: int
    published: dict[str, int]
    concluded: int = 0
    lapsed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "activities": dict(self.activities),
            "activities_total": self.activities_total,
            "unclassified": self.unclassified,
            "new_partners": self.new_partners,
            "published": dict(self.published),
            "agreements": {"concluded": self.concluded, "lapsed": self.lapsed},
        }


@dataclass
class YearlyReport:
    year: int
    municipalities: list[YearlyRow]
    as_of: dt.date | None = None
    """The check date; None is read as the year's last day (everything of the year)."""

    @property
    def as_of_date(self) -> dt.date:
        return self.as_of or dt.date(self.year, 12, 31)

    @property
    def totals(self) -> YearlyTotals:
        rows = self.municipalities
        return YearlyTotals(
            activities={k: sum(r.activities[k] for r in rows) for k in ACTIVITY_KINDS},
            activities_total=sum(r.activities_total for r in rows),
            unclassified=sum(r.unclassified for r in rows),
            new_partners=sum(len(r.new_partners) for r in rows),
            published={s: sum(r.published[s] for r in rows) for s in PUBLISHED_SECTIONS},
            concluded=sum(len(r.concluded) for r in rows),
            lapsed=sum(len(r.lapsed) for r in rows),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of_date.isoformat(),
            "year": self.year,
            "kinds": list(ACTIVITY_KINDS),
            "municipalities": [r.to_dict() for r in self.municipalities],
            "totals": self.totals.to_dict(),
        }


def _counted(day: dt.date | None, year: int, as_of: dt.date) -> bool:
    """A date of ``year`` that has come by ``as_of``."""
    return day is not None and day.year == year and day <= as_of


def _in_year(entry: Entry, year: int, as_of: dt.date) -> bool:
    return _counted(own_date(entry), year, as_of)


def _titles(entry: Entry) -> dict[str, str]:
    """The title in each language the entry is written in (Russian first)."""
    return {lang: entry.meta(lang).title for lang in entry.languages()}


def report_item(m: Municipality, entry: Entry) -> ReportItem:
    day = own_date(entry)
    assert day is not None
    return ReportItem(entry.section, entry.slug, day, _titles(entry),
                      addresses.site_path(m.id, DEFAULT_LANGUAGE, entry_url(entry)))


def agreements(m: Municipality, year: int, as_of: dt.date
               ) -> tuple[list[AgreementItem], list[AgreementItem]]:
    """Partners whose agreement was concluded (``since``) and lapsed (``ended``, else
    ``expires``) in ``year`` by ``as_of``, each list in order of date."""
    concluded, lapsed = [], []
    for entry in m.entries[AGREEMENTS.id]:
        meta = entry.meta("ru")
        link = addresses.site_path(m.id, DEFAULT_LANGUAGE, entry_url(entry))
        since = as_day(meta.since)
        if _counted(since, year, as_of):
            assert since is not None
            concluded.append(AgreementItem(entry.slug, _titles(entry), since, "since", link))
        for name in ("ended", "expires"):
            end = as_day(getattr(meta, name, None))
            if end is not None:
                if _counted(end, year, as_of):
                    lapsed.append(AgreementItem(entry.slug, _titles(entry), end, name, link))
                break  # an agreement that ended lapsed then, whatever it would have expired
    return sorted(concluded, key=lambda a: (a.date, a.id)), sorted(lapsed, key=lambda a: (
        a.date, a.id))


def yearly_row(m: Municipality, year: int, as_of: dt.date | None = None) -> YearlyRow:
    """One municipality's counts of ``year`` as of ``as_of`` (default: the year's last day)."""
    as_of = as_of or dt.date(year, 12, 31)
    dated = [e for s in ACTIVITY_SECTIONS for e in m.entries[s] if _in_year(e, year, as_of)]
    details = distinct_activities(dated)
    by_key = {(e.section, e.slug): report_item(m, e) for e in dated}
    activities = dict.fromkeys(ACTIVITY_KINDS, 0)
    per_kind: dict[str, list[tuple[Activity, list[ReportItem]]]] = {}
    for activity in details:
        activities[activity.kind] += 1
        per_kind.setdefault(activity.kind, []).append(
            (activity, [by_key[k] for k in activity.keys()]))
    new_partners, partner_items = [], []
    for entry in m.entries[AGREEMENTS.id]:
        meta = entry.meta("ru")
        if _counted(meta.since, year, as_of):
            new_partners.append(NewPartner(entry.slug, meta.title, entry.meta("en").title,
                                           meta.country, meta.since))
            partner_items.append(report_item(m, entry))
    new_partners.sort(key=lambda p: (p.since, p.id))
    partner_items.sort(key=lambda i: (i.date, i.id))
    published = {s: sorted((report_item(m, e) for e in m.entries[s] if _in_year(e, year, as_of)),
                           key=lambda i: (i.date, i.id))
                 for s in PUBLISHED_SECTIONS}
    unclassified = sorted((by_key[(e.section, e.slug)] for e in dated
                           if e.meta("ru").kind is None),
                          key=lambda i: (i.date, ACTIVITY_SECTIONS.index(i.section), i.id))
    concluded, lapsed = agreements(m, year, as_of)
    return YearlyRow(
        id=m.id,
        name_ru=m.name("ru"),
        name_en=m.name("en"),
        activities=activities,
        unclassified=len(unclassified),
        new_partners=new_partners,
        published={s: len(items) for s, items in published.items()},
        details=details,
        items={"activities": per_kind, "unclassified": unclassified,
               "new_partners": partner_items, "published": published},
        concluded=concluded,
        lapsed=lapsed,
    )


def yearly_report(region: Region, year: int, as_of: dt.date | None = None) -> YearlyReport:
    """The year's distinct activities, new partners, publications and agreements of every
    municipality, counting only what has happened by ``as_of`` (the check date; None: the
    whole year)."""
    return YearlyReport(year, [yearly_row(m, year, as_of)
                               for m in region.municipalities.values()], as_of)


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
        link_ru=addresses.site_path(m.id, DEFAULT_LANGUAGE, url),
        link_en=addresses.site_path(m.id, "en", url),
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
