"""What a sub-build writes beside its pages (``on_post_build``): the portal's freshness table
(JSON, CSV, XLSX) and its region-wide feed and calendars, each section's feed, calendars and
open data, and the one-line freshness summary."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from ..core import addresses, feeds, freshtable, opendata
from ..core import portal as portal_views
from ..core.freshness import freshness_to_dict
from ..core.siteurl import json_keys as site_url_warnings
from ..core.snapshot import Snapshot

ARCHIVE = "events-archive.ics"
"""Beside the calendar of upcoming events: the ended ones."""


def freshness_files(snapshot: Snapshot, site_dir: Path, config_file: Path) -> None:
    """``freshness.json`` and the same table for spreadsheets, linked from the dashboard."""
    data = freshness_to_dict(
        snapshot.today,
        snapshot.options.timezone,
        list(snapshot.freshness.values()),
        [p.to_dict() for p in snapshot.problems],
    )
    data.update(site_url_warnings(config_file))  # as `check` gives it
    out = site_dir / addresses.freshness_file("json")
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    out.with_suffix(".csv").write_text(freshtable.as_csv(data), encoding="utf-8")
    freshtable.as_xlsx(data, out.with_suffix(".xlsx"))


def open_data(snapshot: Snapshot, municipality: str, site_dir: Path) -> None:
    """``data/``: partners, events and participation as JSON and CSV, every language."""
    m = snapshot.region.municipalities[municipality]
    codes = snapshot.region.languages.codes
    folder = site_dir / addresses.DATA
    folder.mkdir(exist_ok=True)
    for name, rows in opendata.datasets(m, codes).items():
        (folder / f"{name}.json").write_text(opendata.as_json(m, name, rows), encoding="utf-8")
        (folder / f"{name}.csv").write_text(opendata.as_csv(name, rows, codes),
                                             encoding="utf-8")
    (folder / "README.txt").write_text(opendata.description(m, codes), encoding="utf-8")


def regional_subscriptions(snapshot: Snapshot, lang: str, site_dir: Path,
                           site_url: str | None, name: str) -> None:
    """The portal's feed of every municipality's news and calendar of every event."""
    municipalities = list(snapshot.region.municipalities.values())
    zone = snapshot.options.zone()
    (site_dir / addresses.FEED).write_bytes(feeds.region_feed(
        municipalities, lang, tz=zone, site_url=site_url, feed_url_path=addresses.FEED,
        title=name))
    for file, archive in ((addresses.CALENDAR, False), (ARCHIVE, True)):
        (site_dir / file).write_bytes(feeds.region_calendar(
            municipalities, lang, tz=zone, site_url=site_url, today=snapshot.today, name=name,
            archive=archive))


def subscriptions(snapshot: Snapshot, municipality: str, lang: str, site_dir: Path,
                  site_url: str | None, title: str) -> None:
    """A section's news feed and events calendar in ``lang``, beside its home page."""
    m = snapshot.region.municipalities[municipality]
    zone = snapshot.options.zone()
    (site_dir / addresses.FEED).write_bytes(feeds.news_feed(
        m, lang, tz=zone, site_url=site_url, feed_url_path=addresses.FEED, title=title))
    for file, archive in ((addresses.CALENDAR, False), (ARCHIVE, True)):
        (site_dir / file).write_bytes(feeds.events_calendar(
            m, lang, tz=zone, site_url=site_url, today=snapshot.today, archive=archive))


def summary(snapshot: Snapshot) -> tuple[int, str]:
    """The one-line freshness summary and its log level: the ``stale_log_level`` option
    when something is stale or missing (``warning`` makes ``mkdocs build --strict`` fail
    on it), ``info`` otherwise."""
    counts = portal_views.counts(snapshot)
    text = ", ".join(f"{status} {n}" for status, n in counts.items())
    behind = counts["stale"] or counts["missing"]
    level = snapshot.options.stale_log_level if behind else "info"
    return (logging.getLevelName(level.upper()),
            f"freshness as of {snapshot.today.isoformat()}: {text}")
