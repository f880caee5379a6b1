"""Open data: a municipality's partners, events and participation as JSON and CSV, so the
regional office and others can aggregate without scraping. Every language of the region in
one file: ``title_ru``, ``title_en``, and ``title_zh`` where the region adds Chinese."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence
from typing import Any

from . import addresses
from .labels import BABEL_LOCALES
from .languages import STANDARD
from .messages import CATALOGUES, t
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
LOCALIZED = ("title", "directions", "place", "url")
"""The fields given once per language (``title_ru``, ``title_en``, ``title_<code>``...)."""
SOURCES = {s.dataset: s.id for s in SUBSECTIONS if s.dataset}
"""The subsection each data set is made of (``Subsection.dataset``)."""


def _value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def fields(name: str, codes: Sequence[str] = STANDARD.codes) -> list[str]:
    """The columns of a data set for the region's languages: ``FIELDS`` (Russian and English,
    which every region has), each localized field followed by the same in the further
    languages (``title_ru``, ``title_en``, ``title_zh``)."""
    result: list[str] = []
    for field in FIELDS[name]:
        result.append(field)
        base, _, lang = field.rpartition("_")
        if base in LOCALIZED and lang == "en":
            result += [f"{base}_{code}" for code in codes if code not in STANDARD]
    return result


def _row(entry: Entry, codes: Sequence[str]) -> dict[str, Any]:
    ru = entry.meta("ru")
    url = entry_url(entry)
    row: dict[str, Any] = {
        "id": entry.slug,
        "country": getattr(ru, "country", None),
        "type": getattr(ru, "type", None),
        "status": getattr(ru, "status", None),
        "since": getattr(ru, "since", None),
        "expires": getattr(ru, "expires", None),
        "ended": getattr(ru, "ended", None),
        "last_contact": getattr(ru, "last_contact", None),
        "start": getattr(ru, "start", None),
        "end": getattr(ru, "end", None),
        "date": getattr(ru, "date", None),
        "kind": getattr(ru, "kind", None),
        "partner": getattr(ru, "partner", None),
    }
    for lang in codes:
        own = entry.meta(lang) if lang == "ru" or entry.translated(lang) else None
        row[f"title_{lang}"] = own.title if own is not None else None
        row[f"directions_{lang}"] = (
            "; ".join(getattr(own, "directions", []) or []) or None if own is not None else None)
        row[f"place_{lang}"] = getattr(own, "place", None) if own is not None else None
        row[f"url_{lang}"] = addresses.lang_root(lang) + url
    return {k: _value(v) for k, v in row.items()}


def datasets(m: Municipality, codes: Sequence[str] = STANDARD.codes
             ) -> dict[str, list[dict[str, Any]]]:
    """Each data set's rows, with the fields of the languages ``codes`` (the region's)."""
    result = {}
    for name in FIELDS:
        entries = sorted(m.entries[SOURCES[name]], key=lambda e: e.slug)
        keys = fields(name, codes)
        result[name] = [{k: row.get(k) for k in keys}
                        for row in (_row(e, codes) for e in entries)]
    return result


def as_json(m: Municipality, name: str, rows: list[dict[str, Any]]) -> str:
    return json.dumps({"municipality": m.id, "dataset": name, "items": rows},
                      ensure_ascii=False, indent=1) + "\n"


def as_csv(name: str, rows: list[dict[str, Any]], codes: Sequence[str] = STANDARD.codes) -> str:
    """CSV with a header row; formula-like texts neutralized (``spreadsheet.safe_cell``)."""
    keys = fields(name, codes)
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        writer.writerow(["" if row.get(k) is None else row[k] for k in keys])
    return out.getvalue()


def _meaning(name: str, key: str, lang: str) -> str:
    """What a field means, in ``lang`` (one of extrel's own languages)."""
    base, _, code = key.rpartition("_")
    if base in LOCALIZED and code not in STANDARD:
        from babel import Locale

        language = Locale.parse(BABEL_LOCALES.get(lang, lang)).languages.get(code, code)
        return t(f"data.localized_{base}", lang, language=language)
    return t(f"data.{name}.{key}", lang)


def description(m: Municipality, codes: Sequence[str] = STANDARD.codes) -> str:
    """README of the data folder: what each file holds and what each field means, in
    extrel's own languages side by side."""
    lines = [
        " / ".join(t("data.title", lang, name=m.name(lang)) for lang in CATALOGUES),
        "",
        " / ".join(t("data.files", lang) for lang in CATALOGUES),
    ]
    for name in FIELDS:
        lines += ["", f"{name}.json, {name}.csv"]
        lines += [f"  {key}: " + " / ".join(_meaning(name, key, lang) for lang in CATALOGUES)
                  for key in fields(name, codes)]
    return "\n".join(lines) + "\n"
