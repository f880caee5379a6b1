"""``extrel build``: the portal and every municipality's section, each its own MkDocs build.

Sections are built in a pool of processes into a staging folder beside ``site/``; only when
everything has built is the staging folder swapped in, so a failed build leaves the last
good ``site/`` as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import MkDocsException

from .. import __version__
from ..core.freshness import freshness_to_dict
from ..core.loadcache import code_state, folder_fingerprint
from ..core.sections import DEFAULT_LANGUAGE
from . import siteconfig

if TYPE_CHECKING:
    from ..core.snapshot import Snapshot

PACKAGE = Path(__file__).resolve().parent.parent
MANIFEST = ".extrel-manifest.json"
PORTAL_KEY = "/portal"
"""The manifest's key for the portal (not a municipality id: ids have no slash)."""
QUICK_KEY = "/quick"
"""The manifest's key for the fingerprint of a whole build's inputs (``quick_key``)."""
SUMMARY_KEY = "/summary"
"""The manifest's key for what the last full build reported (problems, freshness counts)."""
"""Beside site/: the content hash each section was last built from."""

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


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings of one sub-build, so they can be reported per municipality."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _run(config_file: Path, snapshot: Snapshot, *, role: str, site_dir: Path,
         municipality: str | None = None) -> list[str]:
    """One MkDocs build of the default language (the plugin chains the others)."""
    # imported here: a rebuild with nothing changed never loads MkDocs' build machinery
    from mkdocs.commands.build import build as mkdocs_build

    if municipality:
        name = snapshot.region.municipalities[municipality].name(DEFAULT_LANGUAGE)
    else:
        name = siteconfig.site_names(siteconfig.read_raw(config_file))[DEFAULT_LANGUAGE]
    config = siteconfig.load(
        config_file,
        role=role,
        lang=DEFAULT_LANGUAGE,
        site_name=name,
        municipality=municipality,
        today=snapshot.today.isoformat(),
        site_dir=site_dir,
    )
    config.plugins[siteconfig.PLUGIN].preset = snapshot
    collect = _Collect()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(collect)
    try:
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
        return (f"{where}:{exc.lineno}: ошибка в шаблоне темы: {exc.message}; исправьте шаблон "
                f"/ template error: {exc.message}")
    if isinstance(exc, TemplateError):
        return (f"ошибка в шаблоне темы: {exc.message or type(exc).__name__}; проверьте "
                "шаблоны в папке темы (theme/) / template error")
    return str(exc) or type(exc).__name__


def build_section(config_file: Path, snapshot: Snapshot, municipality: str,
                  site_dir: Path) -> SectionResult:
    """Build one municipality's section (both languages) into ``site_dir``; never raises."""
    started = time.perf_counter()
    try:
        warnings = _run(config_file, snapshot, role="section", site_dir=site_dir,
                        municipality=municipality)
        return SectionResult(municipality, time.perf_counter() - started, warnings)
    except _failures() as exc:
        return SectionResult(municipality, time.perf_counter() - started, [],
                             describe(exc, config_file.parent))


def _hash_tree(digest: hashlib._Hash, folder: Path, base: Path) -> None:
    """Feed a folder's files and their content into ``digest`` (for the theme and extrel)."""
    if not folder.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            path = Path(dirpath) / name
            digest.update(path.relative_to(base).as_posix().encode() + b"\0")
            with open(path, "rb") as fd:
                digest.update(hashlib.file_digest(fd, "sha1").digest())


def _hash_file(digest: hashlib._Hash, path: Path) -> None:
    if path.is_file():
        st = path.stat()
        digest.update(f"{path}:{st.st_size}:{st.st_mtime_ns}".encode())


OUTPUT_LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2",
                    "pillow", "pypdfium2", "babel", "feedgen", "icalendar")
"""Libraries whose versions shape the pages: an upgrade rebuilds every section."""


def _versions() -> str:
    from importlib import metadata

    found = []
    for name in OUTPUT_LIBRARIES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return ";".join(found)


def _custom_dir(config_file: Path) -> Path | None:
    """The region's theme folder (``theme.custom_dir`` of mkdocs.yml), if it names one."""
    theme = siteconfig.read_raw(config_file).get("theme")
    folder = theme.get("custom_dir") if isinstance(theme, dict) else None
    return config_file.parent / folder if folder else None


def shared_hash(config_file: Path) -> str:
    """What every section depends on: the configuration, the theme, extrel itself and the
    versions of the libraries that render the pages."""
    digest = hashlib.sha1(__version__.encode())
    digest.update(_versions().encode())
    digest.update(config_file.read_bytes())
    theme = _custom_dir(config_file)
    if theme:
        _hash_tree(digest, theme, config_file.parent)
    _hash_tree(digest, PACKAGE, PACKAGE)  # extrel's own code and templates
    return digest.hexdigest()


def section_hash(snapshot: Snapshot, municipality: str, shared: str) -> str:
    """Everything one section's pages depend on, so an unchanged section is not rebuilt."""
    m = snapshot.region.municipalities[municipality]
    root = snapshot.root
    digest = hashlib.sha1(shared.encode())
    digest.update(snapshot.today.isoformat().encode())
    digest.update((m.fingerprint or folder_fingerprint(root / m.content_path)).encode())
    _hash_file(digest, root / m.registry_path)
    if m.meta.coat_of_arms:
        _hash_file(digest, root / "municipalities" / m.meta.coat_of_arms)
    files = sorted(p for by_lang in m.page_files.values() for ps in by_lang.values() for p in ps)
    dates = [(p, snapshot.dates[p].isoformat()) for p in files if p in snapshot.dates]
    digest.update(json.dumps(dates).encode())
    return digest.hexdigest()


PORTAL_SUBSECTIONS = ("news", "announcements")
"""The subsections whose entries the portal shows (latest news, the regional feed and
calendar); the others reach it only through freshness."""


def portal_hash(snapshot: Snapshot, shared: str) -> str:
    """What the portal and the dashboard show: freshness and problems, the registry, the
    news and announcements (their front matter and dates, not their text), the portal's own
    pages. An edit to a news item's text alone leaves the portal as it was."""
    root = snapshot.root
    digest = hashlib.sha1(shared.encode())
    digest.update(snapshot.today.isoformat().encode())
    data = freshness_to_dict(snapshot.today, snapshot.options.timezone,
                             list(snapshot.freshness.values()),
                             [p.to_dict() for p in snapshot.problems])
    digest.update(json.dumps(data, sort_keys=True).encode())
    for relpath in snapshot.region.portal_pages:
        _hash_file(digest, root / relpath)
    for mid, m in snapshot.region.municipalities.items():
        digest.update(f"{mid}\0{m.meta.model_dump_json()}".encode())
        for sid in PORTAL_SUBSECTIONS:
            for entry in m.entries[sid]:
                digest.update(f"{sid}/{entry.slug}".encode())
                for lang, meta in entry.data.items():
                    page = entry.pages.get(lang)
                    when = snapshot.dates.get(page.path) if page else None
                    digest.update(f"{lang}:{when}:{meta.model_dump_json()}".encode())
    return digest.hexdigest()


def quick_key(config_file: Path, today: dt.date, site_dir: Path, *,
              allow_shallow: bool) -> str | None:
    """A fingerprint of everything a full build reads, taken without reading a page: extrel
    and the libraries that render, mkdocs.yml, the theme, the sizes and times of every file
    under ``municipalities/`` and ``content/``, the git history's state, the check date and
    the output folder. Equal to the last full build's: nothing can have changed. None when
    the history's state cannot be told; the build then runs as usual."""
    from ..core.gitdates import history_state

    root = config_file.parent
    state = history_state(root, ["content", "municipalities"])
    if state is None:
        return None
    digest = hashlib.sha1(f"{__version__}\0{_versions()}\0{today.isoformat()}\0"
                          f"{allow_shallow}\0{site_dir.resolve()}\0{state}".encode())
    digest.update(config_file.read_bytes())
    digest.update(code_state(PACKAGE).encode())
    theme = _custom_dir(config_file)
    for folder in [root / "municipalities", root / "content", *([theme] if theme else [])]:
        digest.update(folder_fingerprint(folder).encode())
    return digest.hexdigest()


def unchanged_since(site_dir: Path, key: str) -> dict[str, Any] | None:
    """What the last full build reported, if it was made from inputs with this ``quick_key``
    and its output is still in place; else None."""
    manifest = _load_manifest(site_dir)
    summary = manifest.get(SUMMARY_KEY)
    if manifest.get(QUICK_KEY) != key or not isinstance(summary, dict):
        return None
    if not (site_dir / "index.html").is_file():
        return None
    sections = [k for k in manifest if not k.startswith("/")]
    if not all((site_dir / mid / "index.html").is_file() for mid in sections):
        return None
    return summary


def _load_manifest(site_dir: Path) -> dict[str, Any]:
    path = site_dir.with_name(f"{site_dir.name}{MANIFEST}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_manifest(site_dir: Path, manifest: dict[str, Any]) -> None:
    path = site_dir.with_name(f"{site_dir.name}{MANIFEST}")
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


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
) -> BuildResult:
    """Build what changed into a staging folder and put it in place. Raises BuildError;
    ``site_dir`` is then kept as it was.

    The first build swaps the whole staging folder in. Later builds stage only the sections
    (and the portal) whose content hash changed, and, once every one has built, replace their
    folders in ``site_dir`` by renames: unchanged sections are neither copied nor touched.

    ``remember``: the ``quick_key`` of a full build's inputs and what it reported, kept in
    the manifest so that the next build with the same key can answer at once.
    """
    started = time.perf_counter()
    # MkDocs stamps sitemaps with the build date: make it the check date, so that two
    # builds of the same content as of the same day are identical, file for file
    midnight = dt.datetime.combine(snapshot.today, dt.time(), tzinfo=dt.UTC)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(midnight.timestamp())))
    ids = list(snapshot.region.municipalities)
    if portal_only:
        ids = []
    if only:
        ids = [i for i in ids if i in set(only)]
    if shard:
        ids = shard_of(snapshot, ids, *shard)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    previous = site_dir.is_dir()
    manifest = _load_manifest(site_dir) if previous else {}
    shared = shared_hash(config_file)
    hashes = {mid: section_hash(snapshot, mid, shared) for mid in ids}
    hashes[PORTAL_KEY] = portal_hash(snapshot, shared)
    current = set(snapshot.region.municipalities)
    todo = [mid for mid in ids
            if not (manifest.get(mid) == hashes[mid] and (site_dir / mid / "index.html").is_file())]
    reused = [mid for mid in ids if mid not in todo]
    portal = not (manifest.get(PORTAL_KEY) == hashes[PORTAL_KEY]
                  and (site_dir / "index.html").is_file())
    removed = [key for key in manifest if not key.startswith("/") and key not in current
               and (site_dir / key).exists()]
    results = [SectionResult(mid, 0.0, reused=True) for mid in reused]
    portal_warnings: list[str] = []
    notes = {QUICK_KEY: remember[QUICK_KEY], SUMMARY_KEY: remember[SUMMARY_KEY]} \
        if remember and remember.get(QUICK_KEY) else {}
    if previous and not todo and not portal and not removed:
        if notes and any(manifest.get(k) != v for k, v in notes.items()):
            _save_manifest(site_dir, {**manifest, **notes})
        results.sort(key=lambda r: r.municipality)
        return BuildResult(site_dir, results, [], time.perf_counter() - started)
    try:
        staging.mkdir()

        def build_portal() -> list[str]:
            try:
                return _run(config_file, snapshot, role="portal", site_dir=staging)
            except _failures() as exc:
                raise BuildError(f"portal: {describe(exc, config_file.parent)}") from None

        built, portal_warnings = _build_sections(config_file, snapshot, todo, staging, workers,
                                                 progress, build_portal if portal else None)
        failed = [r for r in built if r.error]
        if failed:
            raise BuildError("\n".join(f"{r.municipality}: {r.error}" for r in failed))
        results += built
        if previous:
            _put_in_place(staging, site_dir, sections=todo, portal=portal, keep=current,
                          removed=removed)
        else:
            os.rename(staging, site_dir)
        kept = {k: v for k, v in manifest.items() if k in current}
        _save_manifest(site_dir, {**kept, **{k: v for k, v in hashes.items()
                                             if k in todo or k in reused or k == PORTAL_KEY},
                                  **notes})
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    results.sort(key=lambda r: r.municipality)
    return BuildResult(site_dir, results, portal_warnings, time.perf_counter() - started)


def _put_in_place(staging: Path, site_dir: Path, *, sections: Sequence[str], portal: bool,
                  keep: set[str], removed: Sequence[str]) -> None:
    """Replace the rebuilt folders of ``site_dir`` with their staged copies, by renames.

    ``sections``: the rebuilt sections; ``portal``: whether the portal was rebuilt (then
    everything at the top of ``site_dir`` that is not a section in ``keep`` is the old
    portal's, or a removed municipality's, and goes; otherwise only the ``removed``
    municipalities' folders go). Old copies go to a folder beside
    ``site_dir`` and are deleted last; each rename is atomic, so a reader sees a section or
    the portal either whole and old or whole and new.
    """
    trash = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    trash.mkdir(exist_ok=True)
    try:
        for mid in sections:
            if (site_dir / mid).exists():
                os.rename(site_dir / mid, trash / mid)
            os.rename(staging / mid, site_dir / mid)
        if portal:
            for child in list(site_dir.iterdir()):
                if child.name not in keep:
                    os.rename(child, trash / child.name)
            for child in list(staging.iterdir()):
                os.rename(child, site_dir / child.name)
        else:
            for mid in removed:
                os.rename(site_dir / mid, trash / mid)
        staging.rmdir()
    finally:
        shutil.rmtree(trash, ignore_errors=True)


def _build_sections(config_file: Path, snapshot: Snapshot, ids: Sequence[str], staging: Path,
                    workers: int | None,
                    progress: Callable[[SectionResult, int, int], None] | None,
                    alongside: Callable[[], list[str]] | None = None,
                    ) -> tuple[list[SectionResult], list[str]]:
    """Build ``ids`` in a pool of processes, heaviest first so that no large section is left
    to finish alone. ``alongside``: this process's own work while the pool builds (the
    portal); its result is returned beside the sections'."""
    workers = workers or snapshot.options.workers or os.cpu_count() or 1
    results: list[SectionResult] = []
    if workers == 1 or not ids or (len(ids) == 1 and alongside is None):
        extra = alongside() if alongside else []
        for mid in ids:
            results.append(build_section(config_file, snapshot.only(mid), mid, staging / mid))
            if progress:
                progress(results[-1], len(results), len(ids))
        return results, extra
    weight = {mid: sum(len(files) for by_lang in snapshot.region.municipalities[mid]
                       .page_files.values() for files in by_lang.values()) for mid in ids}
    order = sorted(ids, key=lambda mid: (-weight[mid], mid))
    with ProcessPoolExecutor(max_workers=min(workers, len(ids))) as pool:
        futures = [pool.submit(build_section, config_file, snapshot.only(mid), mid, staging / mid)
                   for mid in order]
        try:
            extra = alongside() if alongside else []
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
        for future in as_completed(futures):
            results.append(future.result())
            if progress:
                progress(results[-1], len(results), len(ids))
    return sorted(results, key=lambda r: r.municipality), extra
