"""``extrel build``: the portal and every municipality's section, each its own MkDocs build.

The executor of a build: ``inputs`` fingerprints what each part reads, ``core.buildstate``
plans what to build against the manifest, the sections are built here in a pool of
processes into a staging folder beside ``site/``, and ``publish`` swaps the complete result
in under a lock. A failed build leaves the last good ``site/`` as it was.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import MkDocsException

from ..core import regionsearch
from ..core.buildstate import (
    BuildPlan,
    Manifest,
    load_manifest,
    manifest_path,
    next_manifest,
    plan,
    save_manifest,
)
from ..core.languages import DEFAULT_LANGUAGE
from ..core.messages import bilingual
from ..core.processes import end_with
from . import inputs, previoussite, publish, searchindex, siteconfig
from .inputs import quick_key
from .treelinks import Linking

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from ..core.options import Options
    from ..core.snapshot import Snapshot

__all__ = ["BuildError", "BuildResult", "SectionResult", "build_region", "quick_key",
           "shard_of", "started_workers", "unchanged_since", "worker_count"]

QUICK_KEY = "quick"
"""``remember``'s key for the fingerprint of a whole build's inputs (``quick_key``)."""
SUMMARY_KEY = "summary"
"""``remember``'s key for what the last full build reported (problems, freshness counts)."""

log = logging.getLogger(__name__)


class BuildError(Exception):
    """A sub-build failed; the message names the municipality and MkDocs' reason."""


@dataclass
class SectionResult:
    municipality: str
    seconds: float
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    reused: bool = False
    """True when the section was unchanged and the previous build's copy was kept."""


@dataclass
class BuildResult:
    site_dir: Path
    sections: list[SectionResult]
    portal_warnings: list[str]
    seconds: float
    reasons: dict[str, str] = field(default_factory=dict)
    """Why each section (by id) or the portal (``portal``) was built or removed."""


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings of one sub-build, so they can be reported per municipality."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _run(config_file: Path, snapshot: Snapshot, *, role: str, site_dir: Path,
         municipality: str | None = None, lang: str = DEFAULT_LANGUAGE,
         chain: bool = True) -> list[str]:
    """One MkDocs build of ``lang``; of the default language, the plugin chains the others
    unless ``chain`` is False."""
    # imported here: a rebuild with nothing changed never loads MkDocs' build machinery
    from mkdocs.commands.build import build as mkdocs_build

    if municipality:
        name = snapshot.region.municipalities[municipality].name(lang)
    else:
        name = siteconfig.project(config_file).site_name(lang)
    config = siteconfig.load(
        config_file,
        role=role,
        lang=lang,
        site_name=name,
        municipality=municipality,
        today=snapshot.today.isoformat(),
        site_dir=site_dir,
    )
    plugin = config.plugins[siteconfig.PLUGIN]
    plugin.preset = snapshot
    plugin.chain = chain
    collect = _Collect()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(collect)
    try:
        # MkDocs stamps sitemaps with the build date: the check date, for this build only
        # (set here, in the process that builds: a pool's may have been started before)
        with siteconfig.source_date_epoch(snapshot.today):
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
    finally:
        mkdocs_logger.removeHandler(collect)
    return collect.messages


def _failures() -> tuple[type[BaseException], ...]:
    """What a sub-build may raise on bad input: a broken theme template, a file it cannot
    write (Jinja is imported only when something is built). Not ``KeyError`` or
    ``ValueError``: on validated content those are extrel's own bugs (exit 3)."""
    from jinja2 import TemplateError

    return (MkDocsException, TemplateError, OSError)


def describe(exc: BaseException, root: Path) -> str:
    """One line for the editor or the regional staff: where (file:line), and what."""
    from jinja2 import TemplateError, TemplateSyntaxError

    if isinstance(exc, TemplateSyntaxError):
        where = exc.filename or exc.name or "?"
        try:
            where = Path(where).resolve().relative_to(root).as_posix()
        except ValueError:
            pass
        return f"{where}:{exc.lineno}: " + bilingual("build.template_syntax", message=exc.message)
    if isinstance(exc, TemplateError):
        return bilingual("build.template_error", message=exc.message or type(exc).__name__)
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    return str(exc) or type(exc).__name__


def describe_os_error(exc: OSError) -> str:
    """A file the build could not write or read, told in Russian and English."""
    where = exc.filename or "?"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{where}: " + bilingual("build.no_space")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{where}: " + bilingual("build.no_permission")
    return f"{where}: {exc.strerror or exc}"


def build_section(config_file: Path, snapshot: Snapshot, municipality: str,
                  site_dir: Path, part: str | None = None) -> SectionResult:
    """Build one municipality's section into ``site_dir``: every language, or with ``part``
    one of them alone (the default one without its chain of the others; another one into a
    folder of its own: ``_part_dir``); never raises."""
    started = time.perf_counter()
    try:
        warnings = _run(config_file, snapshot, role="section", site_dir=site_dir,
                        municipality=municipality, lang=part or DEFAULT_LANGUAGE,
                        chain=part is None)
        return SectionResult(municipality, time.perf_counter() - started, warnings)
    except _failures() as exc:
        return SectionResult(municipality, time.perf_counter() - started, [],
                             describe(exc, config_file.parent))


def unchanged_since(site_dir: Path, key: str) -> dict[str, Any] | None:
    """What the last full build reported, if it was made from inputs with this ``quick_key``
    and its output is still in place; else None."""
    manifest = load_manifest(site_dir)
    if not manifest.complete or manifest.quick != key or manifest.summary is None:
        return None
    if not (site_dir / "index.html").is_file():
        return None
    if not all((site_dir / mid / "index.html").is_file() for mid in manifest.sections):
        return None
    return manifest.summary


def shard_of(snapshot: Snapshot, ids: Sequence[str], k: int, n: int) -> list[str]:
    """A deterministic, balanced share: greedy by page count, heaviest first, ties by id."""
    weights = {
        mid: sum(len(files) for by_lang in snapshot.region.municipalities[mid].page_files.values()
                 for files in by_lang.values())
        for mid in ids
    }
    loads = [0] * n
    shares: list[list[str]] = [[] for _ in range(n)]
    for mid in sorted(ids, key=lambda i: (-weights[i], i)):
        target = min(range(n), key=lambda s: (loads[s], s))
        loads[target] += weights[mid] + 1
        shares[target].append(mid)
    return sorted(shares[k - 1])


def worker_count(workers: int | None, options: Options) -> int:
    """How many processes a build uses: ``--workers``, else the region's ``workers``
    option, else one per processor."""
    return workers or options.workers or os.cpu_count() or 1


def early_workers(count: int, languages: int) -> int:
    """How many of a build's ``count`` processes ``started_workers`` starts before the plan
    is known: enough for an edit (the portal and one section's ``languages`` side by side),
    never one per processor of a large machine for it; a build that needs more (a cold one)
    starts a full pool then (``_build_sections``)."""
    return min(count, 1 + languages)


@contextlib.contextmanager
def started_workers(count: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of ``count`` processes for ``build_region``'s ``pool``, started now, before the
    region is read (``early_workers`` says how many): while this process reads it, each of
    them imports what a section's build uses (``_worker``: MkDocs' build, the plugins), a
    quarter of a section's build after an edit, no longer waited for once the sections are
    given to them. None (a build in this process) for one process. Shut down after the
    block."""
    if count <= 1:
        yield None
        return
    pool = _pool(count, warm=True)
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


def _pool(count: int, *, warm: bool) -> ProcessPoolExecutor:
    """``count`` processes (``_worker``), forked now (every one at the first task), whatever
    Python's default way of starting them. Ctrl-C is the build's to handle, not theirs: it
    is held back (blocked) while they are forked, so that they start with it blocked and
    ignore it before they let it in; an interrupt meanwhile reaches this process
    afterwards."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # not for a quick build

    pool = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker, initargs=(os.getpid(), warm))
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool.submit(int)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return pool


def _worker(parent: int, warm: bool) -> None:
    """A pool process's start: it ends with the build's process (``processes.end_with``: a
    build killed leaves no process of its pool behind, idle or writing into a folder the
    next build removes); an interrupt (Ctrl-C) it ignores (``_pool``). ``warm``: it
    imports what a section's build uses (best effort: a failure here is met again, and
    told, by the build itself)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # then let in: one held back is dropped
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    end_with(parent)
    if not warm:
        return
    with contextlib.suppress(Exception):
        import mkdocs.commands.build  # noqa: F401
        import mkdocs.config.defaults  # noqa: F401
        from material.plugins.search import plugin as _search  # noqa: F401

        from . import plugin as _plugin  # noqa: F401


def build_region(
    config_file: Path,
    snapshot: Snapshot,
    site_dir: Path,
    *,
    only: Sequence[str] | None = None,
    shard: tuple[int, int] | None = None,
    workers: int | None = None,
    progress: Callable[[SectionResult, int, int], None] | None = None,
    portal_only: bool = False,
    remember: dict[str, Any] | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> BuildResult:
    """Build what changed and put the complete new site in place of the old one. Raises
    BuildError; ``site_dir`` is then kept as it was.

    The plan (``core.buildstate.plan``) compares each section's and the portal's input
    fingerprints with the manifest's; only what changed is built, into a staging folder
    beside ``site_dir``, which then gets hard links to the kept parts of the old site and is
    swapped in whole (``publish``). One build at a time writes a site folder (a lock).

    ``remember``: the ``quick_key`` of a full build's inputs and what it reported, kept in
    the manifest so that the next build with the same key can answer at once. ``pool``:
    processes for the sections (``started_workers``), else a pool is started here; shut
    down once the sections are built.
    """
    started = time.perf_counter()
    root = config_file.parent.resolve()
    site_dir = site_dir.resolve()
    theme = inputs.custom_dir(config_file)
    sources = [root / snapshot.region.content_dir, root / "municipalities", root / ".git",
               *([theme.resolve()] if theme else [])]
    try:
        publish.check_site_dir(site_dir, root, sources, merged=portal_only)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        with publish.site_lock(site_dir):
            return _build_locked(config_file, snapshot, site_dir, started, only=only,
                                 shard=shard, workers=workers, progress=progress,
                                 portal_only=portal_only, remember=remember, pool=pool)
    except publish.PublishError as exc:
        raise BuildError(str(exc)) from None
    except OSError as exc:
        raise BuildError(describe_os_error(exc)) from None


def _build_locked(config_file: Path, snapshot: Snapshot, site_dir: Path, started: float, *,
                  only: Sequence[str] | None, shard: tuple[int, int] | None,
                  workers: int | None, progress: Callable[[SectionResult, int, int], None] | None,
                  portal_only: bool, remember: dict[str, Any] | None,
                  pool: ProcessPoolExecutor | None) -> BuildResult:
    ids = [] if portal_only else list(snapshot.region.municipalities)
    if only:
        ids = [i for i in ids if i in set(only)]
    if shard:
        ids = shard_of(snapshot, ids, *shard)
    # shares of a build in shards copied together (no manifest beside them, check_site_dir
    # let them through for --portal-only): every section must be there, and whatever else
    # the folder holds is kept (never a foreign folder's files deleted)
    merged = (portal_only and site_dir.is_dir()
              and not manifest_path(site_dir).exists() and any(site_dir.iterdir()))
    if merged:
        missing = [mid for mid in snapshot.region.municipalities
                   if not (site_dir / mid / "index.html").is_file()]
        if missing:
            raise BuildError(bilingual("build.merged.missing", site_dir=site_dir,
                                       ids=", ".join(missing)))
    manifest = load_manifest(site_dir)
    common = inputs.shared(config_file)
    sections = {mid: inputs.section_parts(snapshot, mid, common) for mid in ids}
    portal_parts = inputs.portal_parts(snapshot, common)
    current = list(snapshot.region.municipalities)
    exists = site_dir.is_dir()
    todo = plan(manifest, sections, portal_parts, current=current, site_exists=exists,
                present={p.parent.name for p in site_dir.glob("*/index.html")} if exists
                else set(),
                portal_present=(site_dir / "index.html").is_file())
    todo.log()
    quick = remember.get(QUICK_KEY) if remember else None
    summary = remember.get(SUMMARY_KEY) if remember and quick else None
    after = next_manifest(manifest, sections, portal_parts, current=current,
                          quick=quick or None, summary=summary)
    results = [SectionResult(mid, 0.0, reused=True) for mid in todo.reuse]
    if exists and todo.nothing:
        if quick and (manifest.quick, manifest.summary) != (quick, summary):
            save_manifest(site_dir, after)
        return BuildResult(site_dir, sorted(results, key=lambda r: r.municipality), [],
                           time.perf_counter() - started, todo.reasons)
    staging = publish.staging_dir(site_dir)
    # the search index is made over the whole assembled site (a shard's is made over the
    # shards together: regionsearch.index_site over them), never kept from another site
    remade = [] if shard else [regionsearch.FOLDER]
    trusted = exists and manifest.complete
    emptying = None
    linking: Linking | None = None
    preparing: Linking | None = None
    try:
        if trusted:  # start from the site before this one: only what changed is redone
            held = previoussite.claim(site_dir, staging)
            if held is not None:
                emptying = previoussite.prune(
                    staging, site_dir, held=held, current_site=manifest, built=todo.build,
                    portal=todo.portal, current=current, remove_ids=todo.remove,
                    derived=[regionsearch.FOLDER])
        else:
            previoussite.discard(site_dir)
            staging.mkdir()

        # the current site's kept parts are linked in by a child process meanwhile (not
        # beside a folder of shares, where the portal's build decides what is kept)
        linking = (Linking(site_dir, publish.kept_entries(
            staging, site_dir, built=todo.build, portal=todo.portal, current=current,
            remove=todo.remove, skip=remade), staging)
            if exists and not merged else None)
        # the old site must be removable once replaced: walked while the sections build
        built, portal_warnings, unremovable = _build_sections(
            config_file, snapshot, todo.build, staging, workers, progress,
            todo.portal,
            meanwhile=(lambda: publish.check_removable(site_dir)) if exists else None,
            pool=pool)
        if pool is not None:  # its processes' memory is not held while the index is made
            pool.shutdown()
        if emptying is not None:  # gone before anything reads the whole staging folder
            emptying.finish()
        failed = [r for r in built if r.error]
        if failed:
            raise BuildError("\n".join(f"{r.municipality}: {r.error}" for r in failed))
        if unremovable is not None:
            raise unremovable
        results += built
        if linking is not None:
            linking.finish()
        elif exists:
            publish.assemble(staging, site_dir, built=todo.build, portal=todo.portal,
                             current=current, remove=todo.remove, skip=remade,
                             keep_others=merged)
        # nothing to start the next build from: the new site copied while its index is made
        preparing = (previoussite.prepare(site_dir, staging, derived=remade)
                     if not trusted and remade and not merged else None)
        search_groups = regionsearch.groups(snapshot.region)
        if remade and exists:  # only the languages (or groups) whose pages changed
            searchindex.update(staging, site_dir, _changed_entries(staging, site_dir, todo,
                                                                   current),
                               list(snapshot.region.languages), search_groups, current)
        elif remade:
            regionsearch.index_site(staging, search_groups, current)
        # until the swap is done the manifest trusts nothing: a build killed in between
        # leaves the old site or the new one, and the next build builds everything
        save_manifest(site_dir, Manifest(complete=False))
        publish.publish(staging, site_dir, keep=manifest if trusted else None)
        save_manifest(site_dir, after)
        if preparing is not None:
            previoussite.prepared(preparing, site_dir, after)
    except BaseException:
        if emptying is not None:  # its child waited for, before the folder goes
            with contextlib.suppress(OSError):
                emptying.finish()
        if linking is not None:
            linking.stop()
        if preparing is not None:
            previoussite.abandon(preparing, site_dir)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    results.sort(key=lambda r: r.municipality)
    return BuildResult(site_dir, results, portal_warnings, time.perf_counter() - started,
                       todo.reasons)


def _changed_entries(staging: Path, site_dir: Path, todo: BuildPlan,
                     current: Sequence[str]) -> list[str]:
    """The top-level entries of the new site that may differ from the current site's: the
    sections built and dropped, and, when the portal was built, its files and folders."""
    names = [*todo.build, *todo.remove]
    if todo.portal:
        sections = {*current, *todo.remove}
        names += sorted(name for name in {*os.listdir(staging), *os.listdir(site_dir)}
                        if name not in sections and not name.startswith(".")
                        and name != regionsearch.FOLDER)
    return names


def build_portal(config_file: Path, snapshot: Snapshot, staging: Path) -> list[str]:
    """Build the portal (and publish the web editor, if asked) into ``staging``, in this
    process or a pool's; its warnings. Raises BuildError."""
    # into a folder of its own: MkDocs empties its output folder first, which must not be
    # the one the sections are being built into at the same time
    portal = staging / ".portal"
    from ..editor import admin  # only a build of the portal publishes the editor

    try:
        warnings = (_run(config_file, snapshot, role="portal", site_dir=portal)
                    + admin.publish_region(portal, snapshot))  # the editor, if asked
    except _failures() as exc:
        raise BuildError(f"portal: {describe(exc, config_file.parent)}") from None
    for child in portal.iterdir():
        os.rename(child, staging / child.name)
    portal.rmdir()
    return warnings


def _build_sections(config_file: Path, snapshot: Snapshot, ids: Sequence[str], staging: Path,
                    workers: int | None,
                    progress: Callable[[SectionResult, int, int], None] | None,
                    portal: bool = False, *,
                    meanwhile: Callable[[], None] | None = None,
                    pool: ProcessPoolExecutor | None = None,
                    ) -> tuple[list[SectionResult], list[str], BaseException | None]:
    """Build ``ids`` in a pool of processes, heaviest first so that no large section is left
    to finish alone, and, with ``portal``, the portal (its warnings are returned second).
    ``pool``: processes already started (``started_workers``), which build the portal too;
    else a pool is started here for the sections (unless one process does all: one
    process, or one section and no portal) while this process builds the portal.
    ``meanwhile``: work that waits on the disk more than on the processor (a walk of the
    old site), in a thread once the pool's processes are started (a fork while another
    thread runs may copy a held lock); what it raised is returned third.

    Fewer sections (and portal) than processes, as after an edit: each section's languages
    are built side by side (``_part_dir``, ``_joined``), not one after the other."""
    workers = worker_count(workers, snapshot.options)
    results: list[SectionResult] = []
    others = snapshot.region.languages.others
    split = bool(others and ids) and workers > 1 and len(ids) + portal < workers
    if pool is None and not split and (workers == 1 or not ids or (len(ids) == 1
                                                                   and not portal)):
        with _in_thread(meanwhile) as raised:
            extra = build_portal(config_file, snapshot, staging) if portal else []
            for mid in ids:
                results.append(build_section(config_file, snapshot.only(mid), mid,
                                             staging / mid))
                if progress:
                    progress(results[-1], len(results), len(ids))
        return results, extra, raised()
    weight = {mid: sum(len(files) for by_lang in snapshot.region.municipalities[mid]
                       .page_files.values() for files in by_lang.values()) for mid in ids}
    order = sorted(ids, key=lambda mid: (-weight[mid], mid))
    parts: list[tuple[str, str | None]] = (
        [(mid, part) for mid in order for part in (DEFAULT_LANGUAGE, *others)] if split
        else [(mid, None) for mid in order])
    from concurrent.futures import (  # not for a quick build
        Future,
        as_completed,
        wait,
    )

    early = early_workers(workers, 1 + len(others))
    if pool is not None and workers > early and len(parts) + portal > early:
        pool.shutdown()  # too few for this build (a cold one): every processor's then
        pool = None
    done: dict[str, dict[str | None, SectionResult]] = {}
    extra: list[str] = []
    with (contextlib.nullcontext(pool) if pool is not None
          else _pool(min(workers, len(parts)), warm=False)) as processes:
        futures: dict[Future[Any], tuple[str, str | None]] = {}

        def submit_portal() -> None:
            futures[processes.submit(build_portal, config_file, snapshot, staging)] = ("", "")

        # the portal first, a cold build's largest part; last where every part gets a
        # process at once (an edit), as it takes longer to hand over (the whole region)
        at_once = len(parts) < workers
        if portal and pool is not None and not at_once:
            submit_portal()
        futures.update({processes.submit(build_section, config_file, snapshot.only(mid), mid,
                                         _part_dir(staging, mid, part), part): (mid, part)
                        for mid, part in parts})
        if portal and pool is not None and at_once:
            submit_portal()
        with _in_thread(meanwhile) as raised:
            try:
                if portal and pool is None:
                    extra = build_portal(config_file, snapshot, staging)
                for future in as_completed(futures):
                    mid, part = futures[future]
                    if not mid:
                        extra = future.result()
                        continue
                    done.setdefault(mid, {})[part] = future.result()
                    if len(done[mid]) < (1 + len(others) if split else 1):
                        continue
                    results.append(_joined(staging, mid, done[mid], others))
                    if progress:
                        progress(results[-1], len(results), len(ids))
            except BaseException:
                for future in futures:  # those not started; the others are waited for
                    future.cancel()
                wait(futures)
                raise
    return sorted(results, key=lambda r: r.municipality), extra, raised()


def _part_dir(staging: Path, mid: str, part: str | None) -> Path:
    """Where a section (``part`` None), or one language of it, is built: another language
    than the default one beside the section's folder (the default language's build empties
    its folder first), moved into it once both are built (``_joined``)."""
    if part is None or part == DEFAULT_LANGUAGE:
        return staging / mid
    return staging / f".{mid}.{part}"


def _joined(staging: Path, mid: str, parts: dict[str | None, SectionResult],
            others: Sequence[str]) -> SectionResult:
    """One section's result from its languages' (each language's folder moved into the
    section's, where all were built), warnings in the order a chained build tells them."""
    if None in parts:
        return parts[None]
    ordered = [parts[lang] for lang in (DEFAULT_LANGUAGE, *others)]
    failed = [r.error for r in ordered if r.error]
    if not failed:
        for lang in others:
            os.rename(_part_dir(staging, mid, lang), staging / mid / lang)
    return SectionResult(mid, max(r.seconds for r in ordered),
                         [w for r in ordered for w in r.warnings],
                         failed[0] if failed else None)


@contextlib.contextmanager
def _in_thread(work: Callable[[], None] | None,
               ) -> Iterator[Callable[[], BaseException | None]]:
    """Run ``work`` in a thread for the block, which gets a function that tells (after the
    block) what ``work`` raised. The thread is always waited for."""
    failure: list[BaseException] = []
    if work is None:
        yield lambda: None
        return

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            failure.append(exc)

    def raised() -> BaseException | None:
        return failure[0] if failure else None

    thread = threading.Thread(target=run, name="extrel-meanwhile", daemon=True)
    thread.start()
    try:
        yield raised
    finally:
        thread.join()
