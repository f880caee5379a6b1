"""Open data: a municipality's partners, events and participation as JSON and CSV, so the
regional office and others can aggregate without scraping. Both languages in one file."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

from . import addresses
from .model import Entry, Municipality
from .sections import SUBSECTIONS
from .spreadsheet import csv_writer
from .views import entry_url

FIELDS: dict[str, list[tuple[str, str, str]]] = {
    "partners": [
        ("id", "код партнёра (имя файла)", "partner id (the file name)"),
        ("title_ru", "название по-русски", "name in Russian"),
        ("title_en", "название по-английски", "name in English"),
        ("country", "страна, ISO 3166-1 alpha-2", "country, ISO 3166-1 alpha-2"),
        ("type", "twin — побратим, partner — партнёр, agreement — соглашение",
         "twin, partner or agreement"),
        ("status", "active, paused, planned, ended", "active, paused, planned, ended"),
        ("since", "с какой даты, ГГГГ-ММ-ДД", "since, YYYY-MM-DD"),
        ("expires", "соглашение действует до, ГГГГ-ММ-ДД", "the agreement expires, YYYY-MM-DD"),
        ("ended", "соглашение прекращено, ГГГГ-ММ-ДД", "the agreement ended, YYYY-MM-DD"),
        ("last_contact", "последний контакт, ГГГГ-ММ-ДД", "last contact, YYYY-MM-DD"),
        ("directions_ru", "направления через «; »", "areas in Russian, joined by '; '"),
        ("directions_en", "направления по-английски", "areas in English"),
        ("url_ru", "страница на сайте (путь от корня раздела)", "page (path from the section)"),
        ("url_en", "английская страница", "English page"),
    ],
    "events": [
        ("id", "код события (имя файла)", "event id (the file name)"),
        ("title_ru", "название по-русски", "title in Russian"),
        ("title_en", "название по-английски", "title in English"),
        ("start", "начало, ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ", "start, date or date-time"),
        ("end", "окончание", "end"),
        ("place_ru", "место по-русски", "place in Russian"),
        ("place_en", "место по-английски", "place in English"),
        ("kind", "вид мероприятия (см. PRODUCT.md)", "activity kind"),
        ("partner", "код партнёра", "partner id"),
        ("url_ru", "страница на сайте", "page"),
        ("url_en", "английская страница", "English page"),
    ],
    "participation": [
        ("id", "код записи (имя файла)", "entry id (the file name)"),
        ("title_ru", "название по-русски", "title in Russian"),
        ("title_en", "название по-английски", "title in English"),
        ("date", "дата, ГГГГ-ММ-ДД", "date, YYYY-MM-DD"),
        ("place_ru", "место по-русски", "place in Russian"),
        ("place_en", "место по-английски", "place in English"),
        ("country", "страна, ISO 3166-1 alpha-2", "country"),
        ("kind", "вид мероприятия", "activity kind"),
        ("url_ru", "страница на сайте", "page"),
        ("url_en", "английская страница", "English page"),
    ],
}
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
        keys = [f[0] for f in fields]
        result[name] = [{k: _row(e)[k] for k in keys} for e in entries]
    return result


def as_json(m: Municipality, name: str, rows: list[dict[str, Any]]) -> str:
    return json.dumps({"municipality": m.id, "dataset": name, "items": rows},
                      ensure_ascii=False, indent=1) + "\n"


def as_csv(name: str, rows: list[dict[str, Any]]) -> str:
    """CSV with a header row; formula-like texts neutralized (``spreadsheet.safe_cell``)."""
    keys = [f[0] for f in FIELDS[name]]
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        writer.writerow(["" if row.get(k) is None else row[k] for k in keys])
    return out.getvalue()


def description(m: Municipality) -> str:
    """README of the data folder: what each file holds and what each field means."""
    lines = [
        f"Открытые данные: {m.name('ru')} / Open data: {m.name('en')}",
        "",
        "Файлы в кодировке UTF-8; CSV с заголовком, разделитель — запятая. Пути в url_* — от "
        "папки раздела. / UTF-8 files; CSV with a header row, comma-separated; url_* paths are "
        "relative to the section's folder.",
    ]
    for name, fields in FIELDS.items():
        lines += ["", f"{name}.json, {name}.csv"]
        lines += [f"  {key}: {ru} / {en}" for key, ru, en in fields]
    return "\n".join(lines) + "\n"
