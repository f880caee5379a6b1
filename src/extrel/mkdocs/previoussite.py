"""The site a build replaced, kept beside the site folder as the start of the next
staging folder, so that a small change costs work in proportion to the change.

A build swaps a complete staging folder with the site (``publish``). The site it replaces
is a complete build too, whose files are mostly the same files (hard links) as the new
one's. Instead of deleting it, ``keep`` puts it at ``<site>.extrel-previous`` with the
manifest it was built from inside (``.extrel-previous.json``). The next build claims it
as its staging folder (``claim``: one rename) and deletes from it what the new site must not
take from there (``prune``): what it rebuilds, what it drops, the search index, and what
changed between that site and the current one. What stays is, file for file, the current
site's (same inputs, same output); ``publish.assemble`` links the rest from the current
site as before. An edit of one page so costs the links and deletions of one section, not
of the whole site (about 12,000 links at region size, and as many deletions after the
swap).

A build that replaces no site (the first into its folder, or one that could not trust the
site there) has none to keep: it keeps a copy of its own new site instead (``prepare``),
made of links by a child process while the search index is made, so that the first edit
after it costs what the later ones do (linking a whole site costs some 5,000 new folders at
region size).

Nothing here weakens the swap: the staging folder is still completed before one exchange,
and a build killed at any moment leaves the old site or the new one. A killed build has
renamed the previous site into its staging folder, which the next build clears as any
leftover (and then links the whole site again, once).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection
from pathlib import Path

from pydantic import ValidationError

from ..core.buildstate import Manifest
from .treelinks import Emptying, Linking, remove

SUFFIX = ".extrel-previous"
TRASH = ".extrel-trash"
"""Inside the staging folder while a child process deletes it: what ``prune`` took out."""
MARKER = ".extrel-previous.json"
"""Inside the kept site: the manifest it was built from. Read and removed by ``claim``, so it
never reaches a published site."""


def folder(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + SUFFIX)


def discard(site_dir: Path) -> None:
    """Forget the previous site (the current one cannot be trusted to compare with it)."""
    kept = folder(site_dir)
    if os.path.lexists(kept):
        remove(kept)


def claim(site_dir: Path, staging: Path) -> Manifest | None:
    """Make the previous site the (new) ``staging`` folder; return the manifest it was built
    from. None, and an empty ``staging``, where there is none to trust."""
    kept = folder(site_dir)
    if not kept.is_dir() or kept.is_symlink():
        discard(site_dir)
        staging.mkdir()
        return None
    os.rename(kept, staging)
    marker = staging / MARKER
    try:
        held: Manifest | None = Manifest.model_validate_json(marker.read_bytes())
    except (OSError, ValidationError, ValueError):
        held = None
    if os.path.lexists(marker):
        os.unlink(marker)
    if held is None or not held.complete:
        shutil.rmtree(staging)
        staging.mkdir()
        return None
    return held


def prune(staging: Path, site_dir: Path, *, held: Manifest, current_site: Manifest,
          built: Collection[str], portal: bool, current: Collection[str],
          remove_ids: Collection[str], derived: Collection[str]) -> Emptying | None:
    """Take out of ``staging`` (the claimed previous site, built from ``held``) every entry
    that the new site does not take from the current one (``site_dir``, built from
    ``current_site``) or that differs there: moved into a folder that a child process
    empties while the build goes on (``Emptying``), None where nothing was taken out.
    ``built``: the sections this build makes; ``portal``: it makes the portal;
    ``current``: the region's municipalities; ``remove_ids``: sections it drops;
    ``derived``: entries made from the whole site (the search index), never kept."""
    present = set(os.listdir(site_dir))
    sections = set(current) | set(current_site.sections) | set(held.sections)
    with os.scandir(staging) as entries:
        children = list(entries)
    for child in children:
        name = child.name
        wanted = (name in present and name not in built and name not in remove_ids
                  and name not in derived and not (portal and name not in current))
        if wanted:
            if name in sections:
                same = (held.sections.get(name) is not None
                        and held.sections.get(name) == current_site.sections.get(name))
            else:  # the portal's own files and folders
                same = held.portal is not None and held.portal == current_site.portal
            if same:
                continue
        trash = staging / TRASH
        if not trash.exists():
            trash.mkdir()
        os.rename(child.path, trash / name)
    return Emptying(staging / TRASH) if (staging / TRASH).exists() else None


ROOM = (512 << 20, 50_000)
"""Free bytes and inodes the site's file system must have for ``prepare`` to start: the
copy's folders take room (about 20 MB and 5,000 inodes at region size), and must never be
what leaves the build itself without."""


def prepare(site_dir: Path, staging: Path, *, derived: Collection[str]) -> Linking | None:
    """Where a build has no previous site to start from (the first into ``site_dir``, or
    one that could not trust what was there): a copy of its new site (``staging``, complete
    but for the ``derived`` entries, made afterwards), made of links by a child process
    while the search index is made, to be kept as the previous site once the new one is in
    place (``prepared``). The next build, an edit, so starts from it instead of linking the
    whole site. None where the file system is short of room."""
    discard(site_dir)
    try:
        free = os.statvfs(site_dir.parent)
    except OSError:
        return None
    if free.f_bavail * free.f_frsize < ROOM[0] or (free.f_files and free.f_favail < ROOM[1]):
        return None
    kept = folder(site_dir)
    try:
        kept.mkdir()
    except OSError:
        return None
    names = sorted(n for n in os.listdir(staging) if n not in derived and n != TRASH)
    return Linking(staging, names, kept, fallback=False)


def prepared(copy: Linking, site_dir: Path, manifest: Manifest) -> None:
    """The copy ``prepare`` began, kept as the previous site of the site now in place
    (built from ``manifest``); removed where it is not whole."""
    try:
        if copy.finish():
            (folder(site_dir) / MARKER).write_text(manifest.model_dump_json(),
                                                   encoding="utf-8")
            return
    except OSError:
        pass
    abandon(copy, site_dir)


def abandon(copy: Linking, site_dir: Path) -> None:
    """Stop the copy ``prepare`` began, and remove it (a failed build)."""
    copy.stop()
    try:
        discard(site_dir)
    except OSError:
        shutil.rmtree(folder(site_dir), ignore_errors=True)


def keep(old: Path, site_dir: Path, manifest: Manifest) -> None:
    """Keep ``old`` (the site just replaced, built from ``manifest``) as the previous site;
    delete it where it cannot be kept (the new site is in place either way)."""
    try:
        (old / MARKER).write_text(manifest.model_dump_json(), encoding="utf-8")
        discard(site_dir)
        os.rename(old, folder(site_dir))
    except OSError:
        shutil.rmtree(old, ignore_errors=True)
