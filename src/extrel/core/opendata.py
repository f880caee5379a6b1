"""Open data: a municipality's partners, events and participation as JSON and CSV, so the
regional office and others can aggregate without scraping. Both languages in one file."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

from . import addresses
from .messages import t
from .model import Entry, Municipality
from .sections import SUBSECTIONS
from .spreadsheet import csv_writer
from .views import entry_url

FIELDS: dict[str, tuple[str, ...]] = {
    "partners": (
        "id", "title_ru", "title_en", "country", "type", "status", "since", "expires", "ended",
        "last_contact", "directions_ru", "directions_en", "url_ru", "url_en"),
    "events": (
        "id", "title_ru", "title_en", "start", "end", "place_ru", "place_en", "kind", "partner",
        "url_ru", "url_en"),
    "participation": (
        "id", "title_ru", "title_en", "date", "place_ru", "place_en", "country", "kind", "url_ru",
        "url_en"),
}
"""The fields of each data set; each field's meaning is the catalogue's ``data.<set>.<field>``."""
BOTH = ("ru", "en")
"""The README is written in Russian and English, side by side."""
SOURCES = {s.dataset: s.id for s in SUBSECTIONS if s.dataset}
"""The subsection each data set is made of (``Subsection.dataset``)."""


def _value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _row(entry: Entry) -> dict[str, Any]:
    ru, en = entry.meta("ru"), entry.meta("en")
    url = entry_url(entry)
    row: dict[str, Any] = {
        "id": entry.slug,
        "title_ru": ru.title,
        "title_en": en.title if entry.translated("en") else None,
        "url_ru": url,
        "url_en": addresses.lang_root("en") + url,
    }
    getters: dict[str, Callable[[], Any]] = {
        "country": lambda: getattr(ru, "country", None),
        "type": lambda: getattr(ru, "type", None),
        "status": lambda: getattr(ru, "status", None),
        "since": lambda: getattr(ru, "since", None),
        "expires": lambda: getattr(ru, "expires", None),
        "ended": lambda: getattr(ru, "ended", None),
        "last_contact": lambda: getattr(ru, "last_contact", None),
        "directions_ru": lambda: "; ".join(getattr(ru, "directions", []) or []) or None,
        "directions_en": lambda: "; ".join(getattr(en, "directions", []) or []) or None,
        "start": lambda: getattr(ru, "start", None),
        "end": lambda: getattr(ru, "end", None),
        "date": lambda: getattr(ru, "date", None),
        "place_ru": lambda: getattr(ru, "place", None),
        "place_en": lambda: getattr(en, "place", None) if entry.translated("en") else None,
        "kind": lambda: getattr(ru, "kind", None),
        "partner": lambda: getattr(ru, "partner", None),
    }
    for name, get in getters.items():
        row[name] = _value(get())
    return row


def datasets(m: Municipality) -> dict[str, list[dict[str, Any]]]:
    result = {}
    for name, fields in FIELDS.items():
        entries = sorted(m.entries[SOURCES[name]], key=lambda e: e.slug)
        keys = list(fields)
        result[name] = [{k: _row(e)[k] for k in keys} for e in entries]
    return result


def as_json(m: Municipality, name: str, rows: list[dict[str, Any]]) -> str:
    return json.dumps({"municipality": m.id, "dataset": name, "items": rows},
                      ensure_ascii=False, indent=1) + "\n"


def as_csv(name: str, rows: list[dict[str, Any]]) -> str:
    """CSV with a header row; formula-like texts neutralized (``spreadsheet.safe_cell``)."""
    keys = list(FIELDS[name])
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        writer.writerow(["" if row.get(k) is None else row[k] for k in keys])
    return out.getvalue()


def description(m: Municipality) -> str:
    """README of the data folder: what each file holds and what each field means."""
    lines = [
        " / ".join(t("data.title", lang, name=m.name(lang)) for lang in BOTH),
        "",
        " / ".join(t("data.files", lang) for lang in BOTH),
    ]
    for name, fields in FIELDS.items():
        lines += ["", f"{name}.json, {name}.csv"]
        lines += [f"  {key}: " + " / ".join(t(f"data.{name}.{key}", lang) for lang in BOTH)
                  for key in fields]
    return "\n".join(lines) + "\n"
