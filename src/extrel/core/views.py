"""What each generated page shows, computed from the content model (templates only render it).

URLs are relative to the root of one language's build of a section (``site/<id>/`` or
``site/<id>/en/``) and end with ``/``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from . import addresses
from .eventtime import event_span
from .freshness import MunicipalityFreshness
from .labels import country_name, file_size, long_date, word, written_in
from .languages import STANDARD, Languages
from .model import Entry, Municipality
from .partnermap import map_view
from .sections import BY_ID, DEFAULT_LANGUAGE, FEED, SUBSECTIONS

NEWS_PER_PAGE = 20
"""News on the subsection's first page; older ones are in the yearly archive."""

PARTNER_ORDER = ("active", "planned", "paused", "ended")

PageDates = Mapping[str, dt.date]


def entry_url(entry: Entry) -> str:
    return addresses.item(entry.section, entry.slug)


def asset_url(entry: Entry, value: str) -> str:
    """URL of a file named in front matter, relative to the language root."""
    return addresses.asset(entry.section, value)


def entry_updated(entry: Entry, lang: str, dates: PageDates) -> dt.date | None:
    """Last update of the file shown in ``lang`` (the fallback's file when untranslated)."""
    source = entry.source_language(lang)
    page = entry.pages.get(source) if source else None
    return dates.get(page.path) if page else None


def latest(*values: dt.date | None) -> dt.date | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _base(entry: Entry, lang: str, dates: PageDates) -> dict[str, Any]:
    meta = entry.meta(lang)
    updated = entry_updated(entry, lang, dates)
    source = entry.source_language(lang)
    translated = entry.translated(lang)
    return {
        "title": meta.title,
        "url": entry_url(entry),
        "translated": translated,
        "source_lang": source,
        # an untranslated item: its words are marked with their language, visibly too
        "lang_attr": None if translated else source,
        "lang_note": "" if translated or source is None else written_in(source, lang),
        "updated": updated.isoformat() if updated else None,
        "updated_text": long_date(updated, lang),
    }


def news_item(entry: Entry, lang: str, dates: PageDates) -> dict[str, Any]:
    meta = entry.meta(lang)
    item = _base(entry, lang, dates)
    item.update(
        date=meta.date.isoformat(),
        date_text=long_date(meta.date, lang),
        summary=meta.summary or "",
        image=asset_url(entry, meta.image) if meta.image else None,
        image_alt=meta.image_alt or "",
        kind=meta.kind,
        kind_text=word(f"activity.{meta.kind}", lang) if meta.kind else "",
        tags=list(meta.tags),
    )
    return item


def news_items(m: Municipality, lang: str, dates: PageDates,
               limit: int | None = None) -> list[dict[str, Any]]:
    """The municipality's news, newest first; only the first ``limit`` are formatted."""
    entries = sorted(m.entries[FEED.id], key=lambda e: (e.date or dt.date.min, e.slug),
                     reverse=True)
    return [news_item(e, lang, dates) for e in entries[:limit]]


def news_view(m: Municipality, lang: str, today: dt.date, dates: PageDates) -> dict[str, Any]:
    items = news_items(m, lang, dates)
    years: dict[int, int] = {}
    for item in items:
        year = int(item["date"][:4])
        years[year] = years.get(year, 0) + 1
    return {
        "items": items[:NEWS_PER_PAGE],
        "total": len(items),
        "archive": [
            {"year": y, "count": n, "url": addresses.archive(FEED.id, y)}
            for y, n in sorted(years.items(), reverse=True)
        ]
        if len(items) > NEWS_PER_PAGE
        else [],
    }


def news_years(m: Municipality) -> list[int]:
    if len(m.entries[FEED.id]) <= NEWS_PER_PAGE:
        return []
    return sorted({e.date.year for e in m.entries[FEED.id] if e.date}, reverse=True)


def news_year_view(m: Municipality, lang: str, year: int, dates: PageDates) -> dict[str, Any]:
    items = [i for i in news_items(m, lang, dates) if i["date"].startswith(f"{year}-")]
    return {"year": year, "items": items}


def partners_view(m: Municipality, lang: str, today: dt.date,
                  dates: PageDates) -> dict[str, Any]:
    items = partner_items(m, lang, dates)
    homes = [(m.name(lang), m.meta.location)] if m.meta.location else []
    return {"items": items, "map": map_view(m.name(lang), items, homes, lang)}


def partner_items(m: Municipality, lang: str, dates: PageDates) -> list[dict[str, Any]]:
    """The partners page's rows, in its order (the portal's region map takes them without
    drawing each municipality's own map)."""
    items = []
    for entry in m.entries["partners"]:
        meta = entry.meta(lang)
        item = _base(entry, lang, dates)
        item.update(
            country=meta.country,
            country_text=country_name(meta.country, lang),
            type=meta.type,
            type_text=word(f"type.{meta.type}", lang),
            status=meta.status,
            status_text=word(f"partner.{meta.status}", lang),
            since=meta.since.isoformat() if meta.since else None,
            since_text=long_date(meta.since, lang),
            directions=list(meta.directions),
            last_contact_text=long_date(meta.last_contact, lang),
            agreement=asset_url(entry, meta.agreement) if meta.agreement else None,
            location=list(meta.location) if meta.location else None,
        )
        items.append(item)
    items.sort(key=lambda i: (PARTNER_ORDER.index(i["status"]), i["title"]))
    return items


def plan_view(m: Municipality, lang: str, today: dt.date, dates: PageDates) -> dict[str, Any]:
    items = []
    for entry in m.entries["plan"]:
        meta = entry.meta(lang)
        item = _base(entry, lang, dates)
        item.update(
            year=meta.year,
            current=meta.year == today.year,
            approved_text=long_date(meta.approved, lang),
        )
        items.append(item)
    items.sort(key=lambda i: (not i["current"], -i["year"]))
    return {"items": items, "current_year": today.year}


def _event_day(value: dt.date | dt.datetime | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def announcements_view(
    m: Municipality, lang: str, today: dt.date, dates: PageDates
) -> dict[str, Any]:
    """Upcoming and past events; :func:`with_zone` adds each one's ``when_text``."""

    upcoming: list[dict[str, Any]] = []
    past: list[dict[str, Any]] = []
    for entry in m.entries["announcements"]:
        meta = entry.meta(lang)
        item = _base(entry, lang, dates)
        start, end = meta.start, meta.end
        item.update(
            start=start.isoformat(),
            start_text=long_date(start, lang),
            end_text=long_date(end, lang) if end else "",
            place=meta.place or "",
            kind_text=word(f"activity.{meta.kind}", lang) if meta.kind else "",
            span=(start, end),
        )
        last_day = _event_day(end) or _event_day(start)
        assert last_day is not None
        (upcoming if last_day >= today else past).append(item)
    upcoming.sort(key=lambda i: i["start"])
    past.sort(key=lambda i: i["start"], reverse=True)
    return {"upcoming": upcoming, "past": past}


def organizations_view(m: Municipality, lang: str, today: dt.date,
                       dates: PageDates) -> dict[str, Any]:
    items = []
    for entry in m.entries["organizations"]:
        meta = entry.meta(lang)
        item = _base(entry, lang, dates)
        item.update(
            country_text=country_name(meta.country, lang),
            since_text=long_date(meta.since, lang),
            link=meta.url or "",
        )
        items.append(item)
    items.sort(key=lambda i: i["title"])
    return {"items": items}


def participation_view(m: Municipality, lang: str, today: dt.date,
                       dates: PageDates) -> dict[str, Any]:
    items = []
    for entry in m.entries["participation"]:
        meta = entry.meta(lang)
        item = _base(entry, lang, dates)
        item.update(
            date=meta.date.isoformat(),
            date_text=long_date(meta.date, lang),
            place=meta.place or "",
            country_text=country_name(meta.country, lang),
            kind_text=word(f"activity.{meta.kind}", lang) if meta.kind else "",
        )
        items.append(item)
    items.sort(key=lambda i: i["date"], reverse=True)
    return {"items": items}


def presentation_files(root: Path, entry: Entry, lang: str) -> list[dict[str, Any]]:
    meta = entry.meta(lang)
    folder = (root / entry.pages[entry.source_language(lang) or DEFAULT_LANGUAGE].path).parent
    result = []
    for item in meta.files:
        if item.file.startswith(("https://", "http://")):
            host = urlsplit(item.file).hostname or ""
            result.append({"title": item.title, "kind": item.kind,
                           "kind_text": word(f"file.{item.kind}", lang), "format": host,
                           "size_text": "", "url": item.file, "embed": item.file, "host": host})
            continue
        path = folder / item.file
        size = path.stat().st_size if path.is_file() else 0
        result.append(
            {
                "title": item.title,
                "kind": item.kind,
                "kind_text": word(f"file.{item.kind}", lang),
                "format": PurePosixPath(item.file).suffix.lstrip(".").upper(),
                "size_text": file_size(size, lang),
                "url": asset_url(entry, item.file),
            }
        )
    return result


def subsection_summary(
    m: Municipality, lang: str, freshness: MunicipalityFreshness | None,
    languages: Languages = STANDARD,
) -> list[dict[str, Any]]:
    by_id = {s.id: s for s in freshness.sections} if freshness else {}
    rows = []
    for sub in SUBSECTIONS:
        entries = m.entries[sub.id]
        row: dict[str, Any] = {
            "id": sub.id,
            "title": sub.title_in(lang),
            "url": addresses.section(sub.id),
            "count": len(entries),
        }
        fresh = by_id.get(sub.id)
        if fresh is not None:
            row["status"] = fresh.status
            row["status_text"] = word(f"status.{fresh.status}", lang)
            row["languages"] = [
                {
                    "lang": code,
                    "name": languages.name(code),
                    "status": lf.status,
                    "status_text": word(f"status.{lf.status}", lang),
                    "updated_text": long_date(lf.last_updated, lang),
                    "age_days": lf.age_days,
                }
                for code, lf in fresh.languages.items()
            ]
        rows.append(row)
    return rows


def home_view(
    m: Municipality,
    lang: str,
    freshness: MunicipalityFreshness | None,
    dates: PageDates,
    coat_of_arms_url: str | None,
    languages: Languages = STANDARD,
) -> dict[str, Any]:
    meta = m.meta
    coordinator = None
    if meta.coordinator:
        coordinator = {
            "name": meta.coordinator.name.get(lang),
            "email": meta.coordinator.email,
            "phone": meta.coordinator.phone,
        }
    return {
        "name": m.name(lang),
        "kind_text": word(f"kind.{meta.kind}", lang),
        "coat_of_arms": coat_of_arms_url,
        "coordinator": coordinator,
        "website": meta.website,
        "subsections": subsection_summary(m, lang, freshness, languages),
        "status": freshness.status if freshness else None,
        "status_text": word(f"status.{freshness.status}", lang) if freshness else "",
        "latest_news": news_items(m, lang, dates)[:3],
    }


def subsection_updated(
    m: Municipality, section: str, lang: str, dates: PageDates
) -> dt.date | None:
    """Latest update among the files shown in ``lang`` in a subsection."""
    return latest(*(entry_updated(e, lang, dates) for e in m.entries[section]))


def title_of(section: str, lang: str) -> str:
    return BY_ID[section].title_in(lang)


def list_view(
    m: Municipality, section: str, lang: str, today: dt.date, dates: PageDates,
    tz: ZoneInfo | None = None,
) -> dict[str, Any]:
    """The data of a subsection's page."""
    view = BY_ID[section].view
    if view is None:
        return {}
    result: dict[str, Any] = globals()[view](m, lang, today, dates)
    if tz is not None:
        with_zone(result, tz, lang)
    return result


def with_zone(view: dict[str, Any], tz: ZoneInfo, lang: str) -> None:
    """Each event of an announcements view gets ``when_text``: its dates and times with the
    region's zone named, for visitors from elsewhere (other views are left alone)."""
    for item in [*view.get("upcoming", ()), *view.get("past", ())]:
        if "span" in item:
            start, end = item["span"]
            item["when_text"] = event_span(start, end, tz, lang)


def item_view(
    m: Municipality, entry: Entry, lang: str, today: dt.date, dates: PageDates,
    view: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The facts of one entry's own page: the same item its subsection's list shows.

    ``view`` is that list when the caller already has it (a build renders every item page of
    a subsection, and computing the list for each would be quadratic)."""
    own = BY_ID[entry.section].item_view
    if own is not None:
        result: dict[str, Any] = globals()[own](entry, lang, dates)
        return result
    if view is None:
        view = list_view(m, entry.section, lang, today, dates)
    items = [*view.get("items", []), *view.get("upcoming", []), *view.get("past", [])]
    url = entry_url(entry)
    return next((i for i in items if i["url"] == url), {})
