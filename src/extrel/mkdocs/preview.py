"""``extrel serve``'s preview: the problems shown where the editor looks.

MkDocs' own ``serve`` rebuilds on every save and reloads the open tabs; what it does not
know is that a page with a mistake is dropped from the section (its URL would answer a bare
"404 Not Found"). While a preview runs (``SESSION`` is set), the plugin asks this module:

- ``restore``: a page that was good earlier in this session and now has an error stays in
  its section as it last was (its last good text and validated entry), so the editor keeps
  seeing it, with the problem panel on top;
- ``problem_pages``: a page that never was good (or is a draft) gets, at its own URL, a page
  listing its problems (file, line, what, how to fix);
- ``Session.tell``: the problems are printed in the terminal once per rebuild.

``PreviewServer`` is MkDocs' ``LiveReloadServer`` configured for a short wait: the
operating system's file events instead of a half-second poll, and a shorter pause for
the saves to settle. ``serve`` is MkDocs' ``serve`` command with that server.
"""

from __future__ import annotations

import html
import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import watchdog.observers
from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
)

from ..core.messages import bilingual, t
from ..core.problems import Problem
from ..core.sections import BY_ID, INDEX_NAME

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from ..core.model import Entry
    from ..core.snapshot import Snapshot

log = logging.getLogger("mkdocs.commands.serve")

SETTLE_SECONDS = 0.03
"""How long the files must stay still after a change before the rebuild starts (MkDocs'
``build_delay`` is 0.1 s): an editor's save is one write or a write and a rename."""


def not_found(home: str) -> bytes:
    """The preview's 404 page: in Russian and English (the preview's visitor is an editor,
    whatever the page's language), with a link to the section's home."""
    def text(key: str, lang: str) -> str:
        return html.escape(t(key, lang))

    return f"""<!doctype html><html lang="ru"><meta charset="utf-8">
<title>{text("preview.not_found.title", "ru")}</title>
<h1>{html.escape(bilingual("preview.not_found.title"))}</h1>
<p>{text("preview.not_found.text", "ru")}</p>
<p lang="en">{text("preview.not_found.text", "en")}</p>
<p><a href="{html.escape(home)}">{html.escape(bilingual("preview.not_found.home"))}</a></p>
""".encode()


@dataclass
class _Kept:
    entry: Entry
    texts: dict[str, str]
    """The text of each of the entry's files (by path) when it was last good."""


@dataclass
class Session:
    """One ``extrel serve``: what it remembers from one rebuild to the next."""

    tell: Callable[[list[Problem]], None]
    """Prints the problems in the terminal (once per rebuild)."""
    kept: dict[tuple[str, str], _Kept] = field(default_factory=dict)
    restored: dict[str, str] = field(default_factory=dict)
    """Path → last good text of the pages this rebuild shows as they last were."""


SESSION: Session | None = None
"""Set by ``extrel serve`` while it runs; None in every other build."""


def restore(snapshot: Snapshot, municipality: str, root: Path) -> None:
    """Remember this rebuild's good pages; put back, as they last were, those that were good
    earlier and now have errors (not those deleted or renamed)."""
    session = SESSION
    if session is None:
        return
    session.tell(list(snapshot.problems))
    session.restored = {}
    m = snapshot.region.municipalities.get(municipality)
    if m is None:
        return
    broken = {p.file for p in snapshot.problems if p.severity == "error"}
    present = {}
    for entry in m.all_entries():
        key = (entry.section, entry.slug)
        present[key] = entry
        kept = session.kept.get(key)
        if broken.intersection({p.path for p in entry.pages.values()}
                               | (kept.texts.keys() if kept else set())):
            continue  # shown as it last was (below), or as it is when it never was good
        texts = {}
        for page in entry.pages.values():
            try:
                texts[page.path] = (root / page.path).read_text(encoding="utf-8")
            except OSError:
                break
        else:
            session.kept[key] = _Kept(entry, texts)
    for key, kept in session.kept.items():
        paths = list(kept.texts)
        if not broken.intersection(paths) or not all((root / p).is_file() for p in paths):
            continue
        section = m.entries[kept.entry.section]
        if key in present:
            section.remove(present[key])
        section.append(kept.entry)
        session.restored.update(kept.texts)


def restored_text(path: str) -> str | None:
    """The last good text the page at ``path`` is shown with in this rebuild, if any."""
    return SESSION.restored.get(path) if SESSION is not None else None


def panel(problems: list[Problem], info: dict[str, Any], lang: str) -> list[str]:
    """The problem panel's lines: those of the page's own files first."""
    entry = info.get("entry")
    own = {page.path for page in entry.pages.values()} if entry is not None else set()
    own.update(p.file for p in info.get("problems", ()))
    return [p.format(lang) for p in sorted(problems, key=lambda p: p.file not in own)]


def problem_pages(snapshot: Snapshot, content_dir: str, municipality: str,
                  built: set[str]) -> dict[str, list[Problem]]:
    """The problems of each page of the section that has no page of its own in this build,
    by the URL's source name (``news/2026-11-20-visit.md``)."""
    if SESSION is None:
        return {}
    prefix = f"{content_dir.strip('/')}/{municipality}/"
    result: dict[str, list[Problem]] = {}
    for problem in snapshot.problems:
        if not problem.file.startswith(prefix):
            continue
        parts = problem.file[len(prefix):].split("/")
        if len(parts) != 2 or not parts[1].endswith(".md"):
            continue
        section, name = parts
        stem = name[: -len(".md")].rpartition(".")[0]
        sub = BY_ID.get(section)
        if not stem or INDEX_NAME.accepts(stem) != (sub is not None and sub.single):
            continue  # never in place of a subsection's list; a one-page one's is its index
        src_uri = f"{section}/{stem}.md"
        if src_uri not in built:
            result.setdefault(src_uri, []).append(problem)
    return result


CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent,
    DirCreatedEvent, DirDeletedEvent, DirMovedEvent]
"""The file events that are a change: never a file opened or read (the build reads every
page; a rebuild on that would never end)."""


class _ChangeObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False,
                 event_filter: Any = None, follow_symlink: bool = False) -> Any:
        return super().schedule(event_handler, path, recursive=recursive,
                                event_filter=event_filter or CHANGES,
                                follow_symlink=follow_symlink)


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, told of a change by the operating system (inotify)
    rather than by a poll every half second, and rebuilding after a shorter pause."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.observer = _ChangeObserver()
        self.build_delay = SETTLE_SECONDS


def serve(config_file: str, *, open_in_browser: bool, **overrides: Any) -> None:
    """MkDocs' ``serve`` (livereload, a temporary site folder) with ``PreviewServer``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tempfile.mkdtemp(prefix="extrel-serve-")

    def get_config() -> MkDocsConfig:
        return load_config(config_file=config_file, site_dir=site_dir, **overrides)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    mount_path = "/" + mount_path.strip("/") + "/" if mount_path.strip("/") else "/"
    serve_url = f"http://{host}:{port}{mount_path}"
    config.site_url = serve_url

    def builder(config: MkDocsConfig | None = None) -> None:
        log.info("Building documentation...")
        if config is None:
            config = get_config()
            config.site_url = serve_url
        build(config, serve_url=serve_url)

    server: LiveReloadServer = PreviewServer(builder=builder, host=host, port=port,
                                             root=site_dir, mount_path=mount_path)
    server.error_handler = lambda code: not_found(mount_path) if code == 404 else None
    try:
        builder(config)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve(open_in_browser=open_in_browser)
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
