"""The content-type registry: the seven subsections the regional standard requires, in the
standard's order, each ONE record holding everything that differs between them (in the manner
of Pelican's content classes): its titles, front-matter schema, file-name rule, date fields,
list view and templates, and the flags the checks and reports read.

Adding or changing a subsection touches this file only; other modules read the record
(``BY_ID[section].date_field``, ``sub.activity``...) and never compare subsection names. The
languages are the region's: ``languages``; the addresses are in ``addresses``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import schema
from .languages import DEFAULT_LANGUAGE as DEFAULT_LANGUAGE  # where the loader and views look
from .languages import ui_language
from .messages import t, worded
from .schema import ACTIVITY_KINDS as ACTIVITY_KINDS  # noqa: F401  # read here by the reports

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Municipality ids and file-name slugs: lowercase latin letters, digits, single hyphens."""
DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class NameRule:
    """How the files of a subsection are named (without ``.<lang>.md``)."""

    key: str
    """The rule as editors read it: a key of the message catalogue (``YYYY-MM-DD-slug``)."""
    pattern: re.Pattern[str]
    make: Callable[[dt.date, str], str]
    """The stem ``extrel new`` writes for a page dated ``when`` with ``slug``."""
    dated: bool = False
    """The stem starts with a real date (``YYYY-MM-DD-``)."""

    @property
    def words(self) -> dict[str, str]:
        """The rule in each language of the catalogue."""
        return worded(self.key)

    def worded(self) -> dict[str, str]:
        return self.words

    def accepts(self, stem: str) -> bool:
        match = self.pattern.match(stem)
        if not match:
            return False
        if self.dated:
            try:
                dt.date.fromisoformat(match.group(1))
            except ValueError:
                return False
        return True

    def date(self, stem: str) -> dt.date:
        """The date a dated stem starts with (the stem was accepted)."""
        return dt.date.fromisoformat(stem[:10])


DATED_NAME = NameRule("section.name.dated", DATED,
                      lambda when, slug: f"{when.isoformat()}-{slug}", dated=True)
PARTNER_NAME = NameRule("section.name.partner", SLUG,
                        lambda when, slug: slug)
SLUG_NAME = NameRule("section.name.slug", SLUG, lambda when, slug: slug)
YEAR_NAME = NameRule("section.name.year", YEAR, lambda when, slug: str(when.year))
INDEX_NAME = NameRule("section.name.index", re.compile(r"^index$"),
                      lambda when, slug: "index")


def day_of(value: Any) -> dt.date | None:
    """A front-matter date as a day: a datetime's date, a year's 1 January."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, int) and not isinstance(value, bool):
        return dt.date(value, 1, 1)
    return value if isinstance(value, dt.date) else None


@dataclass(frozen=True)
class Subsection:
    id: str
    title_key: str
    """The standard's title: a key of the message catalogue (``section.<id>.title``)."""
    schema: type[schema.BaseModel]
    """Its front matter (``core/schema.py``)."""
    name: NameRule
    scaffold: str
    """The function of ``core/scaffold.py`` writing a new page's fields (``extrel new``)."""
    view: str | None
    """The function of ``core/views.py`` computing its list page (``(m, lang, today, dates)``);
    None for a subsection without a list."""
    date_field: str | None
    """The field dating an entry (ordering, the file name's date, the future-date check);
    ``year`` counts as its 1 January."""
    report_date_field: str | None = None
    """The field by which the reports count an entry as published (else ``date_field``)."""
    end_field: str | None = None
    """The field where a span of days ends (an activity lasting several days)."""
    activity: bool = False
    """Its entries are activities (with a ``kind``) the reports count and de-duplicate."""
    upcoming: bool = False
    """Its entries may be dated in the future (announcements), and are split into upcoming
    and past."""
    yearly: bool = False
    """One page per calendar year, named by the year, expected early in the year (the plan)."""
    single: bool = False
    """One page, ``index``, at the subsection's root; its files may be its whole content
    (the presentation). Not counted among the publications of the reports."""
    feed: bool = False
    """The RSS feed (the site's and the portal's) is made of its entries."""
    calendar: bool = False
    """The iCalendar file (the site's and the portal's) is made of its entries."""
    agreements: bool = False
    """Its entries are agreements (``since``, ``ended``, ``expires``) the yearly report counts
    as concluded, lapsed and new partners (the partners)."""
    documents: bool = False
    """Its entries list files (``files``): documents checked, PDF thumbnails, videos."""
    dataset: str | None = None
    """The name of its open-data set (``data/<dataset>.json``, ``core/opendata.py``), if it
    has one."""
    item_view: str | None = None
    """A function of ``core/views.py`` formatting one entry directly (``(entry, lang,
    dates)``); else an entry's page shows its item of the list view."""
    list_template: str = "extrel/list.html"
    item_template: str = "extrel/item.html"

    @property
    def dated(self) -> bool:
        """True when file names start with YYYY-MM-DD."""
        return self.name.dated

    @property
    def published(self) -> bool:
        """Counted among the publications of the yearly report."""
        return not self.single

    @property
    def portal(self) -> bool:
        """The portal shows its entries (latest news, the regional feed and calendar)."""
        return self.feed or self.calendar

    @property
    def list_partial(self) -> str | None:
        """The template of its list (``templates/extrel/lists/<id>.html``), None without a
        list view."""
        return f"extrel/lists/{self.id}.html" if self.view else None

    @property
    def facts_partial(self) -> str | None:
        """The template of an entry's facts (``templates/extrel/facts/<id>.html``), None for
        a single-page subsection (its page is ``item_template``)."""
        return None if self.single else f"extrel/facts/{self.id}.html"

    @property
    def title(self) -> dict[str, str]:
        """The standard's title in each language of the catalogue."""
        return worded(self.title_key)

    def title_in(self, lang: str) -> str:
        """The standard's title in ``lang`` (in English for a language extrel has no words
        for)."""
        return t(self.title_key, ui_language(lang))

    def date_of(self, meta: Any) -> dt.date | None:
        """The entry's own date, from its validated front matter (None when it has none)."""
        return day_of(getattr(meta, self.date_field)) if self.date_field else None

    def report_date_of(self, meta: Any) -> dt.date | None:
        field = self.report_date_field or self.date_field
        return day_of(getattr(meta, field, None)) if field else None

    def end_of(self, meta: Any) -> dt.date | None:
        return day_of(getattr(meta, self.end_field, None)) if self.end_field else None


SUBSECTIONS: tuple[Subsection, ...] = (
    Subsection(
        "news", "section.news.title",
        schema=schema.NewsMeta, name=DATED_NAME, scaffold="news_fields",
        view="news_view", item_view="news_item",
        date_field="date", activity=True, feed=True,
    ),
    Subsection(
        "partners", "section.partners.title",
        schema=schema.PartnerMeta, name=PARTNER_NAME, scaffold="partners_fields",
        view="partners_view",
        date_field=None, report_date_field="since", agreements=True, dataset="partners",
    ),
    Subsection(
        "plan", "section.plan.title",
        schema=schema.PlanMeta, name=YEAR_NAME, scaffold="plan_fields",
        view="plan_view",
        date_field="year", yearly=True,
    ),
    Subsection(
        "announcements", "section.announcements.title",
        schema=schema.AnnouncementMeta, name=DATED_NAME, scaffold="announcements_fields",
        view="announcements_view",
        date_field="start", end_field="end", activity=True, upcoming=True, calendar=True,
        dataset="events",
    ),
    Subsection(
        "organizations", "section.organizations.title",
        schema=schema.OrganizationMeta, name=SLUG_NAME, scaffold="organizations_fields",
        view="organizations_view",
        date_field=None, report_date_field="since",
    ),
    Subsection(
        "participation", "section.participation.title",
        schema=schema.ParticipationMeta, name=DATED_NAME, scaffold="participation_fields",
        view="participation_view",
        date_field="date", activity=True, dataset="participation",
    ),
    Subsection(
        "presentation", "section.presentation.title",
        schema=schema.PresentationMeta, name=INDEX_NAME, scaffold="presentation_fields",
        view=None, item_template="extrel/presentation.html",
        date_field=None, single=True, documents=True,
    ),
)

SUBSECTION_IDS: tuple[str, ...] = tuple(s.id for s in SUBSECTIONS)
BY_ID: dict[str, Subsection] = {s.id: s for s in SUBSECTIONS}
SCHEMAS: dict[str, type[schema.BaseModel]] = {s.id: s.schema for s in SUBSECTIONS}
ACTIVITY_SECTIONS: tuple[str, ...] = tuple(s.id for s in SUBSECTIONS if s.activity)
"""Subsections whose entries are activities, in the order they are merged."""
PUBLISHED_SECTIONS: tuple[str, ...] = tuple(s.id for s in SUBSECTIONS if s.published)
"""Subsections whose entries the yearly report counts as publications."""
PORTAL_SUBSECTIONS: tuple[str, ...] = tuple(s.id for s in SUBSECTIONS if s.portal)
"""The subsections whose entries the portal shows (latest news, the regional feed and
calendar); the others reach it only through freshness."""


FEED: Subsection = next(s for s in SUBSECTIONS if s.feed)
"""The subsection the RSS feeds are made of (the home page's latest items too)."""
CALENDAR: Subsection = next(s for s in SUBSECTIONS if s.calendar)
"""The subsection the calendars are made of."""
AGREEMENTS: Subsection = next(s for s in SUBSECTIONS if s.agreements)
"""The subsection of agreements with partners (the yearly report's new partners)."""
DOCUMENTS: tuple[Subsection, ...] = tuple(s for s in SUBSECTIONS if s.documents)
"""The subsections whose entries list files (the presentation)."""
YEARLY: tuple[Subsection, ...] = tuple(s for s in SUBSECTIONS if s.yearly)
"""The subsections expected once a calendar year (the plan)."""


STATUSES: tuple[str, ...] = ("missing", "stale", "due", "fresh")
"""Freshness statuses, worst first."""
