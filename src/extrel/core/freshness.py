"""Freshness of each municipality's section: statuses, ages, their JSON form.

The rules are those of PRODUCT.md, "Freshness".  Everything here is pure: the
dates come from `extrel.core.gitdates` (or anywhere else) and "today" is a
parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from extrel.core.languages import REQUIRED
from extrel.core.sections import STATUSES, SUBSECTION_IDS

MISSING, STALE, DUE, FRESH = STATUSES
_RANK = {status: rank for rank, status in enumerate(STATUSES)}


@dataclass(frozen=True)
class Thresholds:
    """How old content may get: `stale` beyond `max_age_days`, `due` in its last `warn_days`."""

    max_age_days: int = 31
    warn_days: int = 7

    def __post_init__(self) -> None:
        for name in ("max_age_days", "warn_days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be a non-negative integer, got {value!r}")


def status_for(last_updated: date | None, today: date, th: Thresholds) -> str:
    """Status of content last updated on `last_updated` (None: no content), seen on `today`.

    `missing` when None; `stale` when older than `th.max_age_days`; `due` in
    the last `th.warn_days` before that; otherwise (including a date after
    `today`) `fresh`.
    """
    if last_updated is None:
        return MISSING
    age = (today - last_updated).days
    if age > th.max_age_days:
        return STALE
    if age > th.max_age_days - th.warn_days:
        return DUE
    return FRESH


def worst(statuses: Iterable[str]) -> str:
    """The worst of `statuses` (order of `sections.STATUSES`); `fresh` when there are none."""
    result = FRESH
    for status in statuses:
        if status not in _RANK:
            raise ValueError(f"unknown freshness status {status!r}; expected one of {STATUSES}")
        if _RANK[status] < _RANK[result]:
            result = status
    return result


@dataclass
class LanguageFreshness:
    status: str
    last_updated: date | None
    """The latest last update of the subsection's pages in this language."""
    age_days: int | None
    """Check date minus `last_updated`, in days (negative for a date after it)."""
    pages: int
    due_by: date | None = None
    """The last day on which the next update is still on time: `last_updated` +
    `max_age_days` (earlier for a plan without the year's plan; see `coverage`)."""
    untranslated: int | None = None
    """Items of the default language without a page in this one (None for the default)."""
    unfinished: int = 0
    """Drafts: pages still holding what ``extrel new`` wrote, not counted in `pages`."""


@dataclass
class SectionFreshness:
    id: str
    status: str
    """The worst over `languages`."""
    languages: dict[str, LanguageFreshness]
    """Every language of the region, in its order (Russian first)."""


@dataclass
class MunicipalityFreshness:
    id: str
    status: str
    """The worst over `sections`."""
    sections: list[SectionFreshness]
    """Every subsection of `sections.SUBSECTIONS`, in that order."""
    name: dict[str, str] = field(default_factory=dict)
    """The municipality's name by language (the registry's)."""


def language_freshness(dates: Sequence[date], today: date, th: Thresholds) -> LanguageFreshness:
    """Freshness of one subsection in one language, from the last-update dates of its pages."""
    last = max(dates) if dates else None
    return LanguageFreshness(
        status=status_for(last, today, th),
        last_updated=last,
        age_days=None if last is None else (today - last).days,
        pages=len(dates),
        due_by=None if last is None else last + timedelta(days=th.max_age_days),
    )


def municipality_freshness(
    municipality_id: str,
    page_dates: Mapping[str, Mapping[str, Sequence[date]]],
    today: date,
    thresholds: Mapping[str, Thresholds] | Thresholds,
    languages: Sequence[str] = REQUIRED,
) -> MunicipalityFreshness:
    """Freshness of one municipality's section.

    `page_dates` maps a subsection id, then a language, to the last-update
    dates of its pages (one per page); absent keys mean no pages.
    `thresholds` is one `Thresholds` for all subsections, or a mapping by
    subsection id (subsections it leaves out get the defaults).
    `languages`: the region's languages, Russian first (default: Russian and English).

    The result always lists all seven subsections, in the standard's order,
    each with every language.  Unknown subsection ids or languages, in
    `page_dates` or `thresholds`, raise `ValueError`: the caller must not
    lose pages silently.
    """
    _check_keys("page_dates", page_dates, SUBSECTION_IDS)
    for sid, by_lang in page_dates.items():
        _check_keys(f"page_dates[{sid!r}]", by_lang, languages)
    if isinstance(thresholds, Thresholds):
        per_section: Mapping[str, Thresholds] = {}
        default = thresholds
    else:
        _check_keys("thresholds", thresholds, SUBSECTION_IDS)
        per_section, default = thresholds, Thresholds()

    sections: list[SectionFreshness] = []
    for sid in SUBSECTION_IDS:
        th = per_section.get(sid, default)
        by_lang = page_dates.get(sid, {})
        rated = {
            lang: language_freshness(by_lang.get(lang, ()), today, th) for lang in languages
        }
        sections.append(
            SectionFreshness(
                id=sid,
                status=worst(lf.status for lf in rated.values()),
                languages=rated,
            )
        )
    return MunicipalityFreshness(
        id=municipality_id,
        status=worst(s.status for s in sections),
        sections=sections,
    )


def _check_keys(what: str, mapping: Mapping[str, Any], allowed: Sequence[str]) -> None:
    unknown = [k for k in mapping if k not in allowed]
    if unknown:
        raise ValueError(f"{what}: unknown keys {unknown}; expected some of {list(allowed)}")


def freshness_to_dict(
    as_of: date,
    timezone: str,
    municipalities: Sequence[MunicipalityFreshness],
    problems: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The JSON object of `extrel check --format json` (PRODUCT.md, "Commands").

    Dates become "YYYY-MM-DD"; `last_updated`, `age_days` and `due_by` are None
    (null) where the status is `missing`; `untranslated` is given for every language but
    the default one; `problems` are passed through as given.
    """
    return {
        "as_of": as_of.isoformat(),
        "timezone": timezone,
        "municipalities": [
            {
                "id": m.id,
                "name": dict(m.name),
                "status": m.status,
                "sections": [
                    {
                        "id": s.id,
                        "status": s.status,
                        "languages": {
                            lang: _language_dict(lf) for lang, lf in s.languages.items()
                        },
                    }
                    for s in m.sections
                ],
            }
            for m in municipalities
        ],
        "problems": [dict(p) for p in problems],
    }


def _language_dict(lf: LanguageFreshness) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "status": lf.status,
        "last_updated": None if lf.last_updated is None else lf.last_updated.isoformat(),
        "age_days": lf.age_days,
        "pages": lf.pages,
        "due_by": None if lf.due_by is None else lf.due_by.isoformat(),
    }
    if lf.untranslated is not None:
        entry["untranslated"] = lf.untranslated
    entry["unfinished"] = lf.unfinished
    return entry


def translation_lag(ru: date | None, en: date | None, th: Thresholds) -> int | None:
    """Days by which `en` is older than `ru`, when that exceeds `th.max_age_days`; else None.

    None as well when either language has no date (that is `missing`, not a lag).
    """
    if ru is None or en is None:
        return None
    lag = (ru - en).days
    return lag if lag > th.max_age_days else None
