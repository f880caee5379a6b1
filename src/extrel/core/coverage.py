"""What the pages' dates alone do not tell: items without a translation, drafts, the year's
plan, and dates after the check date (PRODUCT.md, "Freshness").

`apply` completes a `MunicipalityFreshness` that `freshness.municipality_freshness` made
from the dates; `warnings` tells editors what is missing or suspicious. Pure: paths and
dates in, findings out; "today" is a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .freshness import MISSING, STALE, MunicipalityFreshness, worst
from .messages import t
from .problems import Problem
from .sections import BY_ID, DEFAULT_LANGUAGE, YEARLY

if TYPE_CHECKING:
    from .model import Region

PageFiles = Mapping[str, Mapping[str, Sequence[str]]]
"""Page files (paths relative to the root) by subsection id, then language."""


def page_name(path: str) -> tuple[str, str, str]:
    """(subsection, stem, language) of ``content/<id>/<subsection>/<stem>.<lang>.md``."""
    folder, _, name = path.rpartition("/")
    stem, _, lang = name.removesuffix(".md").rpartition(".")
    return folder.rpartition("/")[2], stem, lang


def plan_deadline(year: int, grace_days: int) -> date:
    """The last day on which a municipality may still be without its plan for ``year``: from
    ``grace_days`` after 1 January the plan subsection is stale without it."""
    return date(year, 1, 1) + timedelta(days=grace_days - 1)


def _stems(files: Iterable[str]) -> set[str]:
    return {page_name(p)[1] for p in files}


def apply(
    m: MunicipalityFreshness,
    page_files: PageFiles,
    drafts: Iterable[str],
    today: date,
    plan_grace_days: int,
    default_language: str = DEFAULT_LANGUAGE,
) -> MunicipalityFreshness:
    """Complete ``m`` (in place, and returned) with the rules beyond the dates:

    - ``untranslated``: for every language but ``default_language``, the items of the
      subsection that have a page in the default language and none in that one;
    - ``unfinished``: the drafts of the subsection in that language;
    - the year's plan: after `plan_deadline` a language's ``plan`` subsection without a
      plan for ``today``'s year is ``stale`` whatever its dates; until then (and after) its
      ``due_by`` is no later than that deadline. ``missing`` stays ``missing``, and
      ``due_by`` stays null there.

    Statuses of subsections and of the municipality are the worst of their parts again.
    """
    by_section = {s.id: s for s in m.sections}
    for path in drafts:
        sid, _, lang = page_name(path)
        section = by_section.get(sid)
        if section is not None and lang in section.languages:
            section.languages[lang].unfinished += 1
    deadline = plan_deadline(today.year, plan_grace_days)
    for section in m.sections:
        files = page_files.get(section.id, {})
        stems = {lang: _stems(files.get(lang, ())) for lang in section.languages}
        base = stems.get(default_language, set())
        for lang, lf in section.languages.items():
            if lang != default_language:
                lf.untranslated = len(base - stems[lang])
            if BY_ID[section.id].yearly and str(today.year) not in stems[lang]:
                if lf.due_by is not None:
                    lf.due_by = min(lf.due_by, deadline)
                if today > deadline and lf.status != MISSING:
                    lf.status = STALE
        section.status = worst(lf.status for lf in section.languages.values())
    m.status = worst(s.status for s in m.sections)
    return m


def missing_plan(
    municipality: str,
    content_path: str,
    page_files: PageFiles,
    today: date,
    plan_grace_days: int,
    languages: Sequence[str],
) -> list[Problem]:
    """A warning naming the plan files for ``today``'s year that should exist by now."""
    year = today.year
    if today <= plan_deadline(year, plan_grace_days):
        return []
    found: list[Problem] = []
    for sub in YEARLY:
        found += _missing_year(sub.id, municipality, content_path, page_files, year, languages)
    return found


def _missing_year(sid: str, municipality: str, content_path: str, page_files: PageFiles,
                  year: int, languages: Sequence[str]) -> list[Problem]:
    files = page_files.get(sid, {})
    absent = [lang for lang in languages if str(year) not in _stems(files.get(lang, ()))]
    if not absent:
        return []
    paths = [f"{content_path}/{sid}/{year}.{lang}.md" for lang in absent]
    listed = ", ".join(paths)
    if absent[0] == languages[0]:
        command = t("problem.plan.new_command", "ru", municipality=municipality, year=year)
    else:
        command = ""
    return [
        Problem(paths[0], None, "problem.plan.missing",
                {"year": year, "listed": listed, "command": command}, severity="warning")
    ]


def future_updates(dates: Mapping[str, date], today: date) -> list[Problem]:
    """A warning for every page whose last update is after the check date: a committer's
    clock set ahead, or a rewritten history; such a date must not pass for fresh."""
    return [
        Problem(
            path,
            None,
            "problem.date.future_update",
            {"when": when.isoformat(), "today": today.isoformat(), "path": path},
            severity="warning",
        )
        for path, when in sorted(dates.items())
        if when > today
    ]


def rate(
    region: Region,
    freshness: Mapping[str, MunicipalityFreshness],
    dates: Mapping[str, date],
    today: date,
    plan_grace_days: int,
    languages: Sequence[str],
) -> list[Problem]:
    """Apply the rules to every municipality's freshness (names included) and return the
    warnings they give: missing plans, dates after the check date."""
    found = []
    for mid, f in freshness.items():
        m = region.municipalities[mid]
        f.name = {lang: m.name(lang) for lang in languages}
        apply(f, m.page_files, m.drafts, today, plan_grace_days, languages[0])
        found += missing_plan(mid, m.content_path, m.page_files, today, plan_grace_days,
                              languages)
    return found + future_updates(dates, today)
