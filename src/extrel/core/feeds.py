"""Subscriptions: the news feed (RSS 2.0) and the events calendar (iCalendar) of a municipality.

Both are computed from the content model and returned as bytes; writing them to
``<id>/feed.xml``, ``<id>/en/feed.xml``, ``<id>/events.ics`` and ``<id>/en/events.ics`` is
the build's job. Neither reads the clock: the output depends only on the content and the
arguments, so two builds of the same content give the same bytes.

Untranslated entries are kept in the English feed and calendar with their Russian text, as
the English section shows them too, and carry their own language (``dc:language`` on an RSS
item, ``LANGUAGE=ru`` on an event's SUMMARY and LOCATION) and a visible note after the title
(``labels.written_in``: "(in Russian)"), so that readers, and people, can tell.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from feedgen.ext.base import BaseExtension  # type: ignore[import-untyped]
from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from . import addresses
from .labels import written_in
from .languages import ui_language
from .messages import t
from .model import Entry, Municipality
from .sections import CALENDAR, DEFAULT_LANGUAGE, FEED
from .views import entry_url

PAST_EVENTS_DAYS = 0
"""Ended events leave ``events.ics`` the day after they end: it holds upcoming events only
("upcoming" means upcoming); the ended ones are in ``events-archive.ics``."""

PRODID = "-//extrel//External relations sections//EN"


def _midnight(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=tz)


def _newest_first(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date or dt.date.min, e.slug), reverse=True)


def _note(entry: Entry, lang: str) -> str:
    """" (in Russian)" after the title of an entry shown in ``lang`` untranslated; else ""."""
    source = entry.source_language(lang)
    if entry.translated(lang) or source is None:
        return ""
    return " " + written_in(source, lang)


_root = addresses.absolute_root


def _portal_link(m: Municipality, lang: str, entry: Entry) -> str:
    """From the ``lang`` portal root to the entry's page (``inza/news/<slug>/``,
    ``../inza/en/news/<slug>/``)."""
    return addresses.portal_to_section(m.id, lang, url=entry_url(entry))


# --- news feed ---------------------------------------------------------------------------------


class _NoBuildDate(BaseExtension):
    """Removes ``lastBuildDate``, which feedgen sets from the clock unless told otherwise.

    Used only for a feed without items, which has no date of its own to give.
    """

    def extend_rss(self, rss_feed: Any) -> Any:
        for element in rss_feed.findall("channel/lastBuildDate"):
            element.getparent().remove(element)
        return rss_feed


def news_feed(
    m: Municipality,
    lang: str,
    *,
    tz: ZoneInfo,
    site_url: str | None,
    feed_url_path: str,
    title: str,
    limit: int = 50,
) -> bytes:
    """RSS 2.0 of the municipality's news in ``lang``, newest first, at most ``limit`` items.

    ``site_url`` is the absolute URL of this language's section root, ending with ``/``
    (``https://example.org/inza/en/``); links are then ``site_url + entry_url(entry)``.
    A missing final ``/`` is added. Without ``site_url`` the links are relative to that root
    (``news/<slug>/``): the feed sits at the root, so a reader that resolves links against
    the feed's own address finds the pages, but RSS 2.0 expects absolute links and many
    readers do not resolve relative ones, so a published site should give ``site_url``.

    ``feed_url_path`` is the feed's path relative to the same root (``feed.xml``); it makes
    the ``atom:link rel="self"`` (absolute with ``site_url``, relative without).

    Item: ``title``; ``link``; ``guid`` (not a permalink) = the page's path under the site
    root, ``inza/news/<slug>/`` or ``inza/en/news/<slug>/``, which stays the same when the
    site moves to another host, so readers do not show every item again; ``pubDate`` = the
    news ``date`` at midnight in ``tz``; ``description`` = ``summary`` (omitted without one);
    ``dc:language`` = the language the item is written in. Untranslated news are kept in the
    English feed in Russian, marked ``dc:language`` ``ru``.

    The channel's ``lastBuildDate`` is the newest item's ``pubDate`` (none for an empty feed).
    """
    base = _root(site_url)
    news = _newest_first(m.entries[FEED.id])[: max(limit, 0)]
    items = [(m, entry, f"{base}{entry_url(entry)}", "") for entry in news]
    description = f"{FEED.title_in(lang)} — {m.name(lang)}"
    return _rss(items, lang, tz=tz, base=base, feed_url_path=feed_url_path, title=title,
                description=description)


def region_feed(
    municipalities: Sequence[Municipality],
    lang: str,
    *,
    tz: ZoneInfo,
    site_url: str | None,
    feed_url_path: str,
    title: str,
    limit: int = 100,
) -> bytes:
    """RSS 2.0 of every municipality's news in ``lang``, newest first: the regional feed.

    ``site_url`` is the absolute URL of the portal's language root (``https://example.org/``
    or ``…/en/``); item titles start with the municipality's name; links lead into the
    sections (``inza/news/<slug>/`` from the Russian root, ``../inza/en/news/<slug>/`` from
    the English one, made absolute with ``site_url``).
    """
    base = _root(site_url)
    pairs = [(m, e) for m in municipalities for e in m.entries[FEED.id]]
    pairs.sort(key=lambda p: (p[1].date or dt.date.min, p[0].id, p[1].slug), reverse=True)
    items = [(m, e, f"{base}{_portal_link(m, lang, e)}", f"{m.name(lang)}: ")
             for m, e in pairs[: max(limit, 0)]]
    return _rss(items, lang, tz=tz, base=base, feed_url_path=feed_url_path, title=title,
                description=title, home="")


def _rss(
    items: Sequence[tuple[Municipality, Entry, str, str]],
    lang: str,
    *,
    tz: ZoneInfo,
    base: str,
    feed_url_path: str,
    title: str,
    description: str,
    home: str = "news/",
) -> bytes:
    """The feed of (municipality, entry, link, title prefix) items, in the order given."""
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.title(title)
    # feedgen takes the channel's <link> from the last link given: the news page, not the feed
    fg.link(href=f"{base}{feed_url_path}", rel="self")
    fg.link(href=f"{base}{home}" or "./", rel="alternate")
    fg.description(description)
    fg.language(lang)
    fg.generator("extrel")
    fg.docs("https://www.rssboard.org/rss-specification")

    for m, entry, link, prefix in items:
        meta = entry.meta(lang)
        item = fg.add_entry(order="append")
        item.title(prefix + meta.title + _note(entry, lang))
        item.link(href=link)
        item.guid(addresses.site_path(m.id, lang, entry_url(entry)), permalink=False)
        item.pubDate(_midnight(meta.date, tz))
        if meta.summary:
            item.description(meta.summary)
        item.dc.dc_language(entry.source_language(lang))

    if items:
        fg.lastBuildDate(_midnight(items[0][1].meta(lang).date, tz))
    else:
        fg.register_extension("extrel_no_build_date", _NoBuildDate, None, atom=False, rss=True)
    result: bytes = fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return result


# --- events calendar ---------------------------------------------------------------------------


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _local(value: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """A naive datetime is wall-clock time in the site's zone; an aware one is converted."""
    return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)


def event_uid(m: Municipality, entry: Entry) -> str:
    """``<municipality>-<slug>@extrel``: the same in every build and in both languages."""
    return f"{m.id}-{entry.slug}@extrel"


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _as_written(entry: Entry, name: str) -> dt.date | dt.datetime | None:
    """``start`` or ``end`` of an announcement, a date when the editor wrote no time.

    ``AnnouncementMeta`` reads ``2026-12-01`` as ``datetime(2026, 12, 1, 0, 0)`` (the loader
    keeps dates as text and pydantic's union takes the first type that accepts it), which
    would turn every all-day event into one at midnight; the file's own text decides here.
    """
    value = getattr(entry.meta(DEFAULT_LANGUAGE), name)
    if isinstance(value, dt.datetime):
        source = entry.source_language(DEFAULT_LANGUAGE)
        page = entry.pages.get(source) if source else None
        raw = page.meta.get(name) if page else None
        if isinstance(raw, dt.date) or (isinstance(raw, str) and _DATE_ONLY.fullmatch(raw.strip())):
            return value.date()
    return value


def _event_times(
    start: dt.date | dt.datetime, end: dt.date | dt.datetime | None, tz: ZoneInfo
) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    """DTSTART and DTEND; the type of ``start`` decides whether the event is all-day.

    - date start: an all-day event; DTEND (exclusive) is the day after the last day (``end``,
      or the start day when there is no end; the time of a timed ``end`` is dropped);
    - datetime start: a timed event in ``tz``; DTEND is ``end``, or midnight after ``end``
      when ``end`` is a date (the event runs to the end of that day), or absent without
      ``end`` (RFC 5545: the event then ends when it starts).
    """
    if not isinstance(start, dt.datetime):
        last = _as_date(end) if end is not None else start
        return start, last + dt.timedelta(days=1)
    begin = _local(start, tz)
    if end is None:
        return begin, None
    if isinstance(end, dt.datetime):
        return begin, _local(end, tz)
    return begin, _midnight(end + dt.timedelta(days=1), tz)


def _sort_key(entry: Entry, tz: ZoneInfo) -> tuple[dt.datetime, str]:
    start = _as_written(entry, "start")
    assert start is not None
    moment = _local(start, tz) if isinstance(start, dt.datetime) else _midnight(start, tz)
    return moment, entry.slug


def events_calendar(
    m: Municipality,
    lang: str,
    *,
    tz: ZoneInfo,
    site_url: str | None,
    today: dt.date,
    past_days: int | None = PAST_EVENTS_DAYS,
    archive: bool = False,
) -> bytes:
    """iCalendar (RFC 5545) of the municipality's announcements in ``lang``.

    ``archive``: every event that ended before ``today`` instead (``past_days`` aside).

    Which events: every upcoming one and those that ended less than ``past_days`` days
    before ``today`` (``None``: all of them). Subscribed clients drop what leaves the file,
    so recent history stays a year; older events remain on the announcements page.

    Each VEVENT: UID ``<municipality>-<slug>@extrel`` (stable across builds and languages);
    DTSTAMP = ``today`` at midnight in ``tz``, in UTC — the build knows only the day its
    information is current as of, and this keeps rebuilds on the same day byte-identical;
    DTSTART/DTEND as in :func:`_event_times` (all-day ``VALUE=DATE`` events for date-only
    entries, timed ones with ``TZID`` and a VTIMEZONE component for ``tz``); SUMMARY = title
    and LOCATION = place, both with ``LANGUAGE`` (Russian for untranslated entries); URL =
    ``site_url + entry_url(entry)`` when ``site_url`` is given (absolute URLs only: a
    relative URL would mean nothing to a calendar client). The calendar's X-WR-CALNAME is
    the municipality's name.
    """
    base = _root(site_url)
    events = [(m, e, f"{base}{entry_url(e)}" if site_url else None, "")
              for e in m.entries[CALENDAR.id]]
    return _ics(events, lang, tz=tz, today=today, past_days=past_days, name=m.name(lang),
                archive=archive)


def region_calendar(
    municipalities: Sequence[Municipality],
    lang: str,
    *,
    tz: ZoneInfo,
    site_url: str | None,
    today: dt.date,
    name: str,
    past_days: int | None = PAST_EVENTS_DAYS,
    archive: bool = False,
) -> bytes:
    """The regional calendar: every municipality's announcements, each event's SUMMARY
    prefixed with the municipality's name; ``site_url`` is the portal's language root."""
    base = _root(site_url)
    events = [(m, e, f"{base}{_portal_link(m, lang, e)}" if site_url else None,
               f"{m.name(lang)}: ")
              for m in municipalities for e in m.entries[CALENDAR.id]]
    return _ics(events, lang, tz=tz, today=today, past_days=past_days, name=name,
                archive=archive)


def _description(title: str, place: str | None, url: str | None, lang: str) -> str:
    """DESCRIPTION: what calendar clients show when the event is opened — the title, the
    place and, with ``site_url``, the page's address."""
    more = t("feed.details", ui_language(lang), url=url) if url else ""
    lines = [title, place or "", more]
    return "\n".join(line for line in lines if line)


def _ics(
    events: Sequence[tuple[Municipality, Entry, str | None, str]],
    lang: str,
    *,
    tz: ZoneInfo,
    today: dt.date,
    past_days: int | None,
    name: str,
    archive: bool = False,
) -> bytes:
    """The calendar of (municipality, announcement, URL, title prefix) events: upcoming
    ones (and the recently ended within ``past_days``), or with ``archive`` every ended one."""
    stamp = _midnight(today, tz).astimezone(dt.UTC)
    since = None if past_days is None or archive else today - dt.timedelta(days=past_days)

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", t("feed.archive_name", ui_language(lang), name=name) if archive
            else name)
    cal.add("x-wr-caldesc", CALENDAR.title_in(lang))

    timed_days: list[dt.date] = []
    ordered = sorted(events, key=lambda ev: (_sort_key(ev[1], tz), ev[0].id))
    for m, entry, url, prefix in ordered:
        meta = entry.meta(lang)
        written_start, written_end = _as_written(entry, "start"), _as_written(entry, "end")
        assert written_start is not None
        start, end = _event_times(written_start, written_end, tz)
        last_day = _as_date(written_end if written_end is not None else written_start)
        if (since is not None and last_day < since) or (archive and last_day >= today):
            continue
        language = {"LANGUAGE": entry.source_language(lang) or lang}

        event = icalendar.Event()
        event.add("uid", event_uid(m, entry))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        if end is not None:
            event.add("dtend", end)
        summary = prefix + meta.title + _note(entry, lang)
        event.add("summary", summary, parameters=language)
        event.add("description", _description(summary, meta.place, url, lang),
                  parameters=language)
        if meta.place:
            event.add("location", meta.place, parameters=language)
        if url:
            event.add("url", url)
        cal.add_component(event)
        if isinstance(start, dt.datetime):
            timed_days += [start.date(), last_day]

    if timed_days:
        # VTIMEZONE observances for the years the timed events fall in, not 1970-2038.
        cal.add_missing_timezones(
            first_date=dt.date(min(timed_days).year, 1, 1),
            last_date=dt.date(max(timed_days).year + 1, 12, 31),
        )
    result: bytes = cal.to_ical()
    return result
