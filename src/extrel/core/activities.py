"""Distinct activities: the merging rule behind the yearly counts.

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
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .model import Entry
from .sections import ACTIVITY_SECTIONS as ACTIVITY_SECTIONS
from .sections import BY_ID, day_of


def as_day(value: dt.date | dt.datetime | None) -> dt.date | None:
    return day_of(value)


def own_date(entry: Entry) -> dt.date | None:
    """The date by which an entry is counted as published; None for the presentation.

    news, participation: ``date``; announcements: ``start``; plan: 1 January of ``year``;
    partners, organizations: ``since`` (None when not given): the subsection's
    ``report_date_field``, else its ``date_field``.
    """
    return BY_ID[entry.section].report_date_of(entry.meta("ru"))


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

    def keys(self) -> list[tuple[str, str]]:
        """(subsection, slug) of the entries that tell about it."""
        return [(r.section, r.slug) for r in self.records]


def _record(entry: Entry) -> Record | None:
    meta = entry.meta("ru")
    first = own_date(entry)
    if first is None or meta.kind is None:
        return None
    last = BY_ID[entry.section].end_of(meta) or first
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
