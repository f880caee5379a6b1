"""Everything a check or a build needs to know about a region, computed once."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import coverage
from .freshness import MunicipalityFreshness, municipality_freshness, translation_lag
from .gitdates import last_updates
from .languages import DEFAULT_LANGUAGE, STANDARD, Languages
from .loadcache import LoadCache
from .loader import load_region
from .model import Region
from .options import Options
from .problems import Problem
from .sections import BY_ID


@dataclass
class Snapshot:
    root: Path
    options: Options
    today: dt.date
    region: Region
    dates: dict[str, dt.date]
    """Last update of every page file, by path relative to the root."""
    freshness: dict[str, MunicipalityFreshness]
    problems: list[Problem] = field(default_factory=list)

    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def only(self, municipality: str) -> Snapshot:
        """The part of the snapshot one section's build needs (cheap to send to a worker)."""
        m = self.region.municipalities[municipality]
        paths = {p for by_lang in m.page_files.values() for files in by_lang.values()
                 for p in files}
        region = Region(self.region.root, self.region.content_dir, {municipality: m}, [], [],
                        self.region.languages)
        return Snapshot(
            self.root,
            self.options,
            self.today,
            region,
            {p: d for p, d in self.dates.items() if p in paths},
            {municipality: self.freshness[municipality]},
            [],
        )

    def behind(self) -> list[str]:
        return [mid for mid, f in self.freshness.items() if f.status in ("stale", "missing")]


def analyse(
    root: Path,
    options: Options,
    today: dt.date,
    *,
    only: Iterable[str] | None = None,
    allow_shallow: bool = False,
    content_dir: str = "content",
    config_problems: Iterable[Problem] = (),
    cached: bool = True,
    workers: int | None = None,
    entries: bool = True,
    languages: Languages = STANDARD,
) -> Snapshot:
    """Load the content, date every page and rate every subsection as of ``today``.

    Raises ``gitdates.ShallowCloneError`` for a shallow clone unless ``allow_shallow``.
    ``cached``: reuse what unchanged municipality folders held last time (see ``loadcache``).
    ``workers``: processes reading the folders (default: the ``workers`` option, else one per
    core). ``entries``: load the entries' front matter (a freshness check does without).
    ``languages``: the region's (``project.Project.languages``). Commands call this through
    ``Project.analyse``.
    """
    root = root.resolve()
    region = load_region(root, content_dir, only,
                         allowed_iframe_hosts=options.allowed_iframe_hosts, cached=cached,
                         workers=workers or options.workers or os.cpu_count() or 1,
                         entries=entries, languages=languages)
    paths = [
        p
        for m in region.municipalities.values()
        for by_lang in m.page_files.values()
        for files in by_lang.values()
        for p in files
    ] + region.portal_pages
    dates = last_updates(root, paths, options.zone(), allow_shallow=allow_shallow,
                         cache=LoadCache.at(root, "git") if cached else None)
    thresholds = options.thresholds()
    freshness = {}
    for mid, m in region.municipalities.items():
        page_dates = {
            sid: {lang: [dates[p] for p in files if p in dates] for lang, files in by_lang.items()}
            for sid, by_lang in m.page_files.items()
        }
        freshness[mid] = municipality_freshness(mid, page_dates, today, thresholds,
                                                languages.codes)
    rules = coverage.rate(region, freshness, dates, today,
                          options.freshness.plan_grace_days, languages.codes)
    problems = [*config_problems, *region.problems, *_warnings(region, dates, today, options),
                *rules]
    return Snapshot(root, options, today, region, dates, freshness, problems)


def _warnings(
    region: Region, dates: dict[str, dt.date], today: dt.date, options: Options
) -> list[Problem]:
    """Translation lag and dates in the future: reported, never a reason to stop."""
    found = []
    thresholds = options.thresholds()
    for m in region.municipalities.values():
        for entry in m.facts:
            base = entry.paths.get(DEFAULT_LANGUAGE)
            for lang, path in entry.paths.items():
                if base is None or lang == DEFAULT_LANGUAGE:
                    continue
                lag = translation_lag(dates.get(base), dates.get(path), thresholds[entry.section])
                if lag is not None:
                    found.append(
                        Problem(path, None, "problem.translation.lag",
                                {"lag": lag, "base": base}, severity="warning")
                    )
            if BY_ID[entry.section].dated and not BY_ID[entry.section].upcoming:
                when = entry.date
                if when is not None and when > today and base is not None:
                    found.append(
                        Problem(base, entry.date_line, "problem.date.in_future",
                                {"date": when.isoformat()}, severity="warning")
                    )
    for m in region.municipalities.values():
        found += m.file_warnings
    return found
