"""Reading a site repository: ``municipalities/*.yml`` and ``content/<id>/<subsection>/``.

The region as a whole here (which folders, from the cache or read, in how many processes);
the registry in ``municipalities``, one municipality's folder in ``pages``, an entry's
validation in ``entries``.

Never stops at the first mistake: every problem is collected into ``Region.problems``
and the valid rest is still loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from . import cachecodec, regionsearch
from .contentkeys import FolderKeys
from .languages import STANDARD, Languages
from .loadcache import LoadCache
from .model import Entry, EntryFacts, Municipality, Region
from .municipalities import readable, registry_cached
from .options import Options
from .pages import Folder, check_portal_page, read_folder
from .problems import Problem
from .safety import Checks
from .sections import SLUG, SUBSECTION_IDS

log = logging.getLogger(__name__)


def load_region(
    root: Path,
    content_dir: str = "content",
    only: Iterable[str] | None = None,
    allowed_iframe_hosts: Iterable[str] | None = None,
    *,
    cached: bool = False,
    workers: int = 1,
    entries: bool = True,
    languages: Languages = STANDARD,
) -> Region:
    """Read the whole region. ``allowed_iframe_hosts``: hosts whose ``<iframe>`` pages may
    embed (the option of the same name; by default the option's default). ``cached``: keep
    what each municipality's folder held in ``.cache/extrel/load`` and reuse it while the
    folder is unchanged. ``workers``: processes that read the municipalities' folders.
    ``entries``: build the entries (their validated front matter); without them each
    municipality has only its page files, problems, warnings and ``EntryFacts``, all a
    freshness check needs, in a fraction of the time and memory. ``languages``: the region's
    (a page ``*.L.md`` of another language is an error)."""
    root = root.resolve()
    problems: list[Problem] = []
    hosts = tuple(Options().allowed_iframe_hosts if allowed_iframe_hosts is None
                  else allowed_iframe_hosts)
    langs = languages.codes
    cache = LoadCache.at(root, content_dir, sorted(hosts)) if cached else None
    keys = FolderKeys(root, [content_dir, "municipalities"])
    run = Checks(root, hosts, problems)
    wanted = set(only) if only else None
    registry = registry_cached(run, wanted, cache, keys, langs)
    content = root / content_dir
    municipalities: dict[str, Municipality] = {}
    folders = _read_folders(root, hosts, content, wanted, cache, workers, entries, keys, langs)
    portal_pages: list[str] = []
    if content.is_dir():
        for child in sorted(content.iterdir()):
            name = child.name
            if name.startswith("."):
                continue
            if name.startswith("_") or child.is_file():
                # the portal publishes these files as they are: the same checks as a section's
                if run.links_out(child, content):
                    continue
                if child.is_dir() and not child.is_symlink():
                    run.walk(child)  # its pages are not published
                elif name.endswith(".md"):
                    if not name.startswith("_"):
                        portal_pages.append(run.rel(child))
                        check_portal_page(run, content, child)
                else:
                    run.check_file(child, [])
                continue
            if child.is_symlink():
                problems.append(Problem(run.rel(child), None,
                                        "problem.municipality.folder_symlink"))
                continue
            if wanted is not None and name not in wanted:
                continue
            if not SLUG.match(name):
                problems.append(Problem(run.rel(child), None,
                                        "problem.municipality.folder_name", {"name": name}))
                continue
            meta = registry.get(name)
            if meta is None and name not in registry:
                problems.append(Problem(run.rel(child), None,
                                        "problem.municipality.no_registry", {"name": name}))
            m = Municipality(
                id=name,
                # without an entry the pages are still read, for their own problems
                meta=meta or readable(name, {}, langs),
                registry_path=f"municipalities/{name}.yml",
                content_path=run.rel(child),
            )
            m.fingerprint, (read, m.page_files, found, m.file_warnings, m.facts,
                            m.drafts) = folders[name]
            if entries and read is not None:
                m.entries = read
            problems.extend(found)
            if meta is not None:
                municipalities[name] = m
    for mid, meta in registry.items():
        if meta is not None and mid not in municipalities:
            municipalities[mid] = Municipality(
                id=mid,
                meta=meta,
                registry_path=f"municipalities/{mid}.yml",
                content_path=f"{content_dir}/{mid}",
            )
    municipalities = dict(sorted(municipalities.items()))
    problems.extend(regionsearch.size_warnings(municipalities))
    return Region(root, content_dir, municipalities, portal_pages, told_once(problems),
                  languages)


def told_once(problems: list[Problem]) -> list[Problem]:
    """``problems`` without repeats: two checks that find the same mistake (the strict YAML
    reading and the schema both refuse ``date: 2026-13-45``) say the same sentence about the
    same line, and an editor reads it once."""
    seen: set[tuple[str, int | None, str, str]] = set()
    once = []
    for problem in problems:
        said = (problem.file, problem.line, problem.severity,
                problem.message("ru"))
        if said not in seen:
            seen.add(said)
            once.append(problem)
    return once


Read = tuple[dict[str, list[Entry]] | None, dict[str, dict[str, list[str]]], list[Problem],
             list[Problem], list[EntryFacts], list[str]]
"""A ``Folder`` with its entries built (None when they were not asked for)."""


def _from_cache(cache: LoadCache, name: str, key: str, entries: bool) -> Read | None:
    """What the cache holds for one folder, validated; None if anything does not validate."""
    stored = cache.get(name, key, 2)
    rest = cachecodec.load_folder(stored[0]) if stored else None
    if stored is None or rest is None:
        return None
    read = cachecodec.load_entries(stored[1]) if entries else None
    if entries and read is None:
        return None
    return (read, *rest)


def _built(folder: Folder, entries: bool) -> Read:
    if not entries:
        return (None, *folder[1:])
    read = cachecodec.load_entries(folder[0])
    assert read is not None, "the entries just read do not validate again"
    return (read, *folder[1:])


def _read_folders(root: Path, hosts: tuple[str, ...], content: Path, wanted: set[str] | None,
                  cache: LoadCache | None, workers: int, entries: bool,
                  keys: FolderKeys, langs: tuple[str, ...] = STANDARD.codes
                  ) -> dict[str, tuple[str, Read]]:
    """Every municipality folder's fingerprint and reading: from the cache while the folder
    is unchanged, else read, in a pool of ``workers`` processes when there are several.
    Without ``entries`` their JSON is dropped as soon as it is cached."""
    if not content.is_dir():
        return {}
    names = [c.name for c in sorted(content.iterdir())
             if c.is_dir() and not c.is_symlink() and not c.name.startswith(("_", "."))
             and (wanted is None or c.name in wanted) and SLUG.match(c.name)]
    result: dict[str, tuple[str, Read]] = {}
    todo: list[tuple[str, str, str]] = []
    for name in names:
        fingerprint = keys.of(content / name)
        key = cache.key(name, fingerprint) if cache else ""
        found = _from_cache(cache, name, key, entries) if cache else None
        if found is not None and tuple(found[1][SUBSECTION_IDS[0]]) != langs:
            found = None  # read with other languages (the i18n block changed)
        if found is not None:
            result[name] = (fingerprint, found)
        else:
            todo.append((name, fingerprint, key))

    def keep(read: Iterable[Folder]) -> None:
        for (name, fingerprint, key), folder in zip(todo, read, strict=True):
            if cache:
                cache.put(name, key, cachecodec.dump(folder[1:]), folder[0])
            result[name] = (fingerprint, _built(folder, entries))

    jobs = [(root, hosts, content / name, name, langs) for name, _, _ in todo]
    if workers > 1 and len(todo) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(workers, len(todo))) as pool:
            keep(pool.map(read_folder, *zip(*jobs, strict=True), chunksize=4))
    else:
        keep(read_folder(*job) for job in jobs)
    return result
