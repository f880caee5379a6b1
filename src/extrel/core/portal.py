"""What the regional portal and the freshness dashboard show (computed, not templated)."""

from __future__ import annotations

from typing import Any

from .labels import long_date, word
from .sections import DEFAULT_LANGUAGE, LANGUAGES, SUBSECTIONS
from .snapshot import Snapshot
from .views import news_items


def section_link(mid: str, lang: str, path: str = "") -> str:
    """Link from a portal language root (``site/`` or ``site/<lang>/``) into a section."""
    up = "" if lang == DEFAULT_LANGUAGE else "../"
    inner = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return f"{up}{mid}/{inner}{path}"


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
                    {"lang": code, "url": section_link(mid, lang) if code == lang
                     else _other(mid, lang, code)}
                    for code in LANGUAGES
                ],
                "url": section_link(mid, lang),
                "coat_of_arms": _root_link(mid, lang, "assets/coat-of-arms.png")
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
    }


def _root_link(mid: str, lang: str, path: str) -> str:
    """Link from the ``lang`` portal to a file of the default-language section."""
    up = "" if lang == DEFAULT_LANGUAGE else "../"
    return f"{up}{mid}/{path}"


def _other(mid: str, lang: str, target: str) -> str:
    """Link from the ``lang`` portal to the ``target``-language section of a municipality."""
    up = "" if lang == DEFAULT_LANGUAGE else "../"
    inner = "" if target == DEFAULT_LANGUAGE else f"{target}/"
    return f"{up}{mid}/{inner}"


def dashboard_view(snapshot: Snapshot, lang: str) -> dict[str, Any]:
    columns = [
        {"id": s.id, "title": s.title[lang], "lang": code}
        for s in SUBSECTIONS
        for code in LANGUAGES
    ]
    rows = []
    for mid, fresh in snapshot.freshness.items():
        m = snapshot.region.municipalities[mid]
        cells = []
        for section in fresh.sections:
            for code in LANGUAGES:
                lf = section.languages[code]
                cells.append(
                    {
                        "section": section.id,
                        "lang": code,
                        "status": lf.status,
                        "status_text": word(f"status.{lf.status}", lang),
                        "updated": lf.last_updated.isoformat() if lf.last_updated else "",
                        "updated_text": long_date(lf.last_updated, lang),
                        "age_days": lf.age_days,
                        "pages": lf.pages,
                        "url": _other(mid, lang, code) + f"{section.id}/",
                    }
                )
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
    return {
        "columns": columns,
        "sections": [{"id": s.id, "title": s.title[lang]} for s in SUBSECTIONS],
        "languages": list(LANGUAGES),
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
