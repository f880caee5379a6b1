"""Entries and municipalities for core tests, built in memory (no files written): the front
matter goes through the subsection's own schema (``sections.BY_ID[sid].schema``), so an entry
made here is what the loader would have made of valid files.

    make_entry("news", date=dt.date(2026, 11, 5), title={"ru": "Визит", "en": "Visit"})
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from extrel.core.languages import DEFAULT_LANGUAGE
from extrel.core.model import Entry, Municipality, Page
from extrel.core.schema import LANG_FIELDS, MunicipalityMeta
from extrel.core.sections import BY_ID

WHEN = dt.date(2026, 11, 5)


def make_entry(section: str, slug: str = "visit", *, municipality: str = "alpha",
               title: dict[str, str] | None = None, **fields: Any) -> Entry:
    """An entry of ``section`` in the languages of ``title`` (Russian and English by default).

    A field given as ``{lang: value}`` for a language-dependent field (``LANG_FIELDS``) is
    written per language; every other field is the Russian file's, shared by the others. The
    slug becomes the file name by the subsection's rule (its date: the ``date_field``)."""
    sub = BY_ID[section]
    title = title or {"ru": "Визит", "en": "Visit"}
    if sub.date_field == "year":
        fields.setdefault("year", WHEN.year)
    elif sub.date_field is not None:
        fields.setdefault(sub.date_field, WHEN)
    shared = {k: v for k, v in fields.items() if not (k in LANG_FIELDS and isinstance(v, dict))}
    metas = {lang: {**shared, **{k: v[lang] for k, v in fields.items()
                                 if k in LANG_FIELDS and isinstance(v, dict) and lang in v},
                    "title": text}
             for lang, text in title.items()}
    data = {lang: sub.schema.model_validate(meta) for lang, meta in metas.items()}
    base = data.get(DEFAULT_LANGUAGE) or next(iter(data.values()))
    stem = sub.name.make(sub.date_of(base) or WHEN, slug)
    entry = Entry(municipality, section, stem, data=data)
    for lang, meta in metas.items():
        written = meta if lang == DEFAULT_LANGUAGE else {
            k: v for k, v in meta.items() if k not in shared}
        entry.pages[lang] = Page(f"content/{municipality}/{section}/{stem}.{lang}.md",
                                 municipality, section, stem, lang, written,
                                 {k: i + 2 for i, k in enumerate(meta)})
    return entry


def make_municipality(mid: str = "alpha", *entries: Entry,
                      name: dict[str, str] | None = None) -> Municipality:
    """A municipality holding ``entries`` (each in its subsection's list)."""
    meta = MunicipalityMeta.model_validate(
        {"name": name or {"ru": "Альфа", "en": "Alpha"}, "kind": "district"})
    m = Municipality(mid, meta, f"municipalities/{mid}.yml", f"content/{mid}")
    for entry in entries:
        m.entries[entry.section].append(entry)
        for lang, page in entry.pages.items():
            m.page_files[entry.section].setdefault(lang, []).append(page.path)
    return m
