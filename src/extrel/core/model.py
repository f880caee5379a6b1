"""The content model: municipalities, their pages and the entries the pages make up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .languages import DEFAULT_LANGUAGE, STANDARD, Languages
from .problems import Problem
from .schema import MunicipalityMeta
from .sections import BY_ID, SUBSECTION_IDS


@dataclass(slots=True)
class Page:
    """One Markdown file: one language of one entry."""

    path: str
    """Relative to the repository root, forward slashes."""
    municipality: str
    section: str
    slug: str
    lang: str
    meta: dict[str, Any]
    """The front matter as the editor wrote it (not yet merged with the Russian file); once
    the page is validated, only ``pages.RAW_FIELDS_KEPT`` remain (the rest is in
    ``Entry.data``)."""
    lines: dict[str, int]
    body_line: int = 1
    """Where the Markdown after the front matter starts (the body itself is not kept: MkDocs
    reads it again when it builds, and a national check would hold gigabytes of text)."""


@dataclass(slots=True)
class Entry:
    """A page in all its languages: ``news/2026-11-05-kutaisi.ru.md`` and ``.en.md`` together."""

    municipality: str
    section: str
    slug: str
    pages: dict[str, Page] = field(default_factory=dict)
    data: dict[str, BaseModel] = field(default_factory=dict)
    """Validated front matter per language, language-independent fields taken from Russian."""

    def languages(self) -> list[str]:
        """The languages written, Russian first, the others in the order they were read."""
        return sorted(self.data, key=lambda lang: lang != DEFAULT_LANGUAGE)

    def source_language(self, lang: str) -> str | None:
        """Language whose text is shown in ``lang``: itself, else Russian, else the first
        one written."""
        if lang in self.data:
            return lang
        written = self.languages()
        return written[0] if written else None

    def meta(self, lang: str) -> Any:
        source = self.source_language(lang)
        return self.data[source] if source else None

    def translated(self, lang: str) -> bool:
        return lang in self.data

    @property
    def date(self) -> dt.date | None:
        """The entry's own date: its subsection's ``date_field`` (news, participation: date;
        announcements: start; plan: 1 January of its year); None for the others."""
        meta = self.meta(DEFAULT_LANGUAGE)
        return BY_ID[self.section].date_of(meta) if meta is not None else None


@dataclass(slots=True)
class EntryFacts:
    """What a check needs of an entry without its front matter: where its files are and its
    own date (for the translation-lag and future-date warnings)."""

    section: str
    slug: str
    paths: dict[str, str]
    """Page file per language, relative to the root."""
    date: dt.date | None
    date_line: int | None
    """Line of ``date`` in the Russian file, if it has one."""

    @classmethod
    def of(cls, entry: Entry) -> EntryFacts:
        base = entry.pages.get(DEFAULT_LANGUAGE)
        return cls(entry.section, entry.slug, {lang: p.path for lang, p in entry.pages.items()},
                   entry.date, base.lines.get("date") if base else None)


@dataclass
class Municipality:
    id: str
    meta: MunicipalityMeta
    registry_path: str
    content_path: str
    entries: dict[str, list[Entry]] = field(
        default_factory=lambda: {sid: [] for sid in SUBSECTION_IDS}
    )
    page_files: dict[str, dict[str, list[str]]] = field(
        default_factory=lambda: {sid: {} for sid in SUBSECTION_IDS}
    )
    """Every ``*.L.md`` file of each subsection and language, valid or not (for freshness);
    the loader gives each subsection every language of the region, the default first."""
    facts: list[EntryFacts] = field(default_factory=list)
    """``EntryFacts`` of every entry; present even when the entries were not loaded (a check
    reads only these)."""
    fingerprint: str = ""
    """The sizes and times of everything in the folder when it was read (``loadcache``)."""
    drafts: list[str] = field(default_factory=list)
    """Pages still holding what ``extrel new`` wrote (``scaffold.draft_lines``): neither in
    ``page_files`` nor among the entries."""
    file_warnings: list[Problem] = field(default_factory=list)
    """Warnings about the folder's files found while reading it (the presentation's PDFs)."""

    def name(self, lang: str) -> str:
        """The name in ``lang``: the registry's, in Russian, English and any other language
        it gives (English where it gives none: ``Localized.get``)."""
        return self.meta.name.get(lang)

    def all_entries(self) -> list[Entry]:
        return [e for sid in SUBSECTION_IDS for e in self.entries[sid]]


@dataclass
class Region:
    root: Path
    content_dir: str
    municipalities: dict[str, Municipality]
    portal_pages: list[str]
    problems: list[Problem]
    languages: Languages = STANDARD
    """The region's languages (the i18n block of mkdocs.yml), Russian first."""

    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)
