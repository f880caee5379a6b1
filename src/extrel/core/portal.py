"""What the regional portal and the freshness dashboard show (computed, not templated)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import addresses
from .labels import BABEL_LOCALES, long_date, word
from .messages import CATALOGUES, t
from .partnermap import map_view
from .sections import SUBSECTIONS
from .snapshot import Snapshot
from .views import news_items, partner_items


def section_link(mid: str, lang: str, path: str = "") -> str:
    """Link from a portal language root (``site/`` or ``site/<lang>/``) into a section."""
    return addresses.portal_to_section(mid, lang, url=path)


def region_map(snapshot: Snapshot, lang: str) -> dict[str, Any] | None:
    """The whole region's partners on one map (the portal), each row naming its municipality."""
    items = []
    homes = []
    for mid, m in snapshot.region.municipalities.items():
        for item in partner_items(m, lang, snapshot.dates):
            items.append({**item, "url": section_link(mid, lang, item["url"]),
                          "municipality": m.name(lang),
                          "municipality_url": section_link(mid, lang)})
        if m.meta.location:
            homes.append((m.name(lang), m.meta.location))
    return map_view(t("ui.map.region", lang), items, homes, lang)


def counts(snapshot: Snapshot) -> dict[str, int]:
    result = {status: 0 for status in ("fresh", "due", "stale", "missing")}
    for f in snapshot.freshness.values():
        result[f.status] += 1
    return result


def portal_view(snapshot: Snapshot, lang: str) -> dict[str, Any]:
    rows = []
    for mid, m in snapshot.region.municipalities.items():
        fresh = snapshot.freshness[mid]
        news = news_items(m, lang, snapshot.dates, limit=3)
        rows.append(
            {
                "id": mid,
                "name": m.name(lang),
                "kind_text": word(f"kind.{m.meta.kind}", lang),
                "status": fresh.status,
                "status_text": word(f"status.{fresh.status}", lang),
                "links": [
                    {"lang": code, "url": addresses.portal_to_section(mid, lang, code),
                     "text": _version(snapshot, code)}
                    for code in snapshot.region.languages
                ],
                "url": section_link(mid, lang),
                "coat_of_arms": addresses.portal_to_file(
                    mid, lang, addresses.coat_of_arms(m.meta.coat_of_arms))
                if m.meta.coat_of_arms else None,
                "latest_news": [
                    {**item, "url": section_link(mid, lang, item["url"])} for item in news
                ],
            }
        )
    return {
        "municipalities": rows,
        "counts": counts(snapshot),
        "as_of_text": long_date(snapshot.today, lang),
        "map": region_map(snapshot, lang),
    }


def _version(snapshot: Snapshot, code: str) -> str:
    """The name of a link to a section's version in ``code``, in that language."""
    if code in CATALOGUES:
        return t("ui.dashboard.version", code)
    return snapshot.region.languages.name(code)


def days_text(n: int, lang: str) -> str:
    """«1 день», «2 дня», «5 дней», «1 day», «2 days»: the plural rules of the language (CLDR,
    through Babel), for every language a region configures."""
    from babel.dates import format_timedelta

    text = format_timedelta(dt.timedelta(days=abs(n)), threshold=10**9, granularity="day",
                            format="long", locale=BABEL_LOCALES.get(lang, lang))
    return "\u2212" + text if n < 0 else text  # a date after the check date


def _due(lf: Any, section: str, snapshot: Snapshot) -> dt.date | None:
    """``due_by`` of the freshness data; where the data has none yet, last update +
    ``max_age_days`` (PRODUCT.md's definition)."""
    if hasattr(lf, "due_by"):
        due_by: dt.date | None = lf.due_by
        return due_by
    last: dt.date | None = lf.last_updated
    if last is None:
        return None
    return last + dt.timedelta(days=snapshot.options.thresholds()[section].max_age_days)


def dashboard_cell(snapshot: Snapshot, mid: str, section: str, code: str, lf: Any,
                   lang: str) -> dict[str, Any]:
    """One subsection and language of one municipality, as the dashboard shows it."""
    due_by = _due(lf, section, snapshot)
    overdue = None
    if lf.status == "stale" and due_by is not None and due_by < snapshot.today:
        overdue = due_by + dt.timedelta(days=1)
    untranslated = getattr(lf, "untranslated", None)
    unfinished = getattr(lf, "unfinished", None)
    return {
        "section": section,
        "lang": code,
        "status": lf.status,
        "status_text": word(f"status.{lf.status}", lang),
        "updated": lf.last_updated.isoformat() if lf.last_updated else "",
        "updated_text": long_date(lf.last_updated, lang),
        "age_days": lf.age_days,
        "age_text": days_text(lf.age_days, lang) if lf.age_days is not None else "",
        "future": lf.age_days is not None and lf.age_days < 0,
        "due_by": due_by.isoformat() if due_by else "",
        "due_by_text": f"{t('ui.dashboard.due_by', lang)} {long_date(due_by, lang)}" if due_by
        and lf.status in ("fresh", "due") else "",
        "overdue_since": overdue.isoformat() if overdue else "",
        "overdue_since_text": f"{t('ui.dashboard.overdue_since', lang)} {long_date(overdue, lang)}"
        if overdue else "",
        "untranslated": untranslated or 0,
        "untranslated_text": f"{t('ui.dashboard.untranslated', lang)}: {untranslated}"
        if untranslated else "",
        "unfinished": unfinished or 0,
        "unfinished_text": (f"{t('ui.dashboard.unfinished', lang)}: {unfinished}"
                            if unfinished else ""),
        "pages": lf.pages,
        "url": addresses.portal_to_section(mid, lang, code, addresses.section(section)),
    }


def dashboard_view(snapshot: Snapshot, lang: str) -> dict[str, Any]:
    columns = [
        {"id": s.id, "title": s.title_in(lang), "lang": code}
        for s in SUBSECTIONS
        for code in snapshot.region.languages
    ]
    rows = []
    for mid, fresh in snapshot.freshness.items():
        m = snapshot.region.municipalities[mid]
        cells = [dashboard_cell(snapshot, mid, section.id, code, section.languages[code], lang)
                 for section in fresh.sections for code in snapshot.region.languages]
        rows.append(
            {
                "id": mid,
                "name": m.name(lang),
                "status": fresh.status,
                "status_text": word(f"status.{fresh.status}", lang),
                "url": section_link(mid, lang),
                "cells": cells,
                "behind": fresh.status in ("stale", "missing", "due"),
            }
        )
    rows.sort(key=lambda r: (str(r["name"]).casefold(), str(r["id"])))  # the header: by name
    return {
        "columns": columns,
        "sections": [{"id": s.id, "title": s.title_in(lang)} for s in SUBSECTIONS],
        "languages": list(snapshot.region.languages.codes),
        "rows": rows,
        "counts": counts(snapshot),
        "as_of": snapshot.today.isoformat(),
        "as_of_text": long_date(snapshot.today, lang),
        "timezone": snapshot.options.timezone,
    }


def context(snapshot: Snapshot, info: dict[str, Any], lang: str) -> dict[str, Any]:
    kind = info.get("kind", "page")
    data: dict[str, Any] = {"kind": kind}
    if kind == "portal":
        data["view"] = portal_view(snapshot, lang)
    elif kind == "dashboard":
        data["view"] = dashboard_view(snapshot, lang)
    data["updated_text"] = long_date(snapshot.today, lang)
    data["updated"] = snapshot.today.isoformat()
    return data
