"""The cache files' contents as JSON: written with pydantic's serializer, read back through
pydantic's validation into extrel's own dataclasses and models (``loadcache``)."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import to_json
from typing_extensions import TypedDict

from .languages import REQUIRED
from .model import Entry, EntryFacts, Page
from .problems import Problem
from .schema import MunicipalityMeta
from .sections import SCHEMAS, SUBSECTION_IDS


def dump(value: object) -> bytes:
    """Compact JSON (never a newline outside strings, where JSON escapes it)."""
    return to_json(value, fallback=str)


class _EntryJSON(TypedDict):
    municipality: str
    section: str
    slug: str
    pages: dict[str, Page]
    data: dict[str, dict[str, Any]]


_ENTRIES = TypeAdapter(dict[str, list[_EntryJSON]])
REGISTRY = TypeAdapter(tuple[dict[str, MunicipalityMeta | None], list[Problem]])
FOLDER = TypeAdapter(tuple[dict[str, dict[str, list[str]]], list[Problem], list[Problem],
                           list[EntryFacts], list[str]])
HISTORY = TypeAdapter(dict[str, int])


def dump_entries(entries: dict[str, list[Entry]]) -> bytes:
    return dump({sid: [{"municipality": e.municipality, "section": e.section, "slug": e.slug,
                        "pages": e.pages, "data": e.data} for e in items]
                 for sid, items in entries.items()})


def load_entries(data: bytes) -> dict[str, list[Entry]] | None:
    """The entries of ``dump_entries``, each language's front matter validated again by its
    subsection's schema; None when anything does not validate."""
    try:
        raw = _ENTRIES.validate_json(data)
        if set(raw) != set(SUBSECTION_IDS) or any(
                e["section"] != sid for sid, items in raw.items() for e in items):
            return None
        return {sid: [Entry(e["municipality"], e["section"], e["slug"], e["pages"],
                            {lang: SCHEMAS[e["section"]].model_validate(meta)
                             for lang, meta in e["data"].items()})
                      for e in items]
                for sid, items in raw.items()}
    except (ValidationError, ValueError, KeyError):
        return None


def load_folder(data: bytes) -> tuple[dict[str, dict[str, list[str]]], list[Problem],
                                      list[Problem], list[EntryFacts], list[str]] | None:
    """The rest of a folder's reading (page files, problems, warnings, entry facts, drafts); None
    unless it validates and lists every subsection, each with the same languages (the
    region's when it was read: the loader compares them with the region's now)."""
    try:
        found = FOLDER.validate_json(data)
    except (ValidationError, ValueError):
        return None
    pages = found[0]
    languages = {tuple(by_lang) for by_lang in pages.values()}
    if set(pages) != set(SUBSECTION_IDS) or len(languages) != 1 \
            or not set(REQUIRED) <= set(next(iter(languages))):
        return None
    return found
