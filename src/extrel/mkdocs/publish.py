"""Putting a build in place: the site folder is the only thing a build writes, and readers
see the old complete site or the new complete one, never a mix or a hole.

- ``check_site_dir`` refuses an output folder that is, holds or lies inside the region's
  sources (the repository root, the docs folder, ``municipalities/``, the theme, ``.git``)
  or that is a non-empty folder no extrel build made (no manifest beside it; with
  ``--portal-only``, a folder of shares put together is accepted: ``merged_shards``).
- ``SiteLock`` serialises builds into one folder (``flock`` on ``<site>.extrel-lock`` beside it):
  a second build waits for the first, and clears what killed builds left behind.
- ``publish`` swaps a complete staging folder with the site in one step: Linux's
  ``renameat2(RENAME_EXCHANGE)``, else two renames whose half-way state the next build
  repairs. The staging folder holds the new parts and hard links to the kept ones
  (``kept_entries``, linked by ``treelinks``), so no page is copied.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import json
import logging
import os
import re
import shutil
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

from ..core.buildstate import Manifest, manifest_path
from ..core.messages import bilingual
from ..core.processes import alive
from . import previoussite
from .treelinks import link_tree

log = logging.getLogger("extrel.build")


class PublishError(Exception):
    """The site cannot be written; the message is in Russian and English."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_site_dir(site_dir: Path, root: Path, sources: Sequence[Path], *,
                   merged: bool = False) -> None:
    """Raise ``PublishError`` unless ``site_dir`` is a folder a build may replace whole.
    ``root``: the region's repository root; ``sources``: its folders that hold content
    (docs folder, ``municipalities/``, theme, ``.git``). All resolved. ``merged``: a folder
    with no manifest beside it is accepted where it holds the shares of a build in shards
    put together (``--portal-only`` after ``--shard``: ``merged_shards``)."""
    if _inside(root, site_dir):
        raise PublishError(bilingual("build.site_dir.holds_repository", site_dir=site_dir))
    for source in sources:
        if _inside(source, site_dir) or _inside(site_dir, source):
            raise PublishError(bilingual("build.site_dir.sources", site_dir=site_dir,
                                         source=source))
    if site_dir.exists() and not site_dir.is_dir():
        raise PublishError(bilingual("build.site_dir.file", site_dir=site_dir))
    if (site_dir.is_dir() and not manifest_path(site_dir).exists() and any(site_dir.iterdir())
            and not (merged and merged_shards(site_dir))):
        raise PublishError(bilingual("build.site_dir.foreign", site_dir=site_dir,
                                     manifest=manifest_path(site_dir).name))


def merged_shards(site_dir: Path) -> bool:
    """Whether ``site_dir`` looks like extrel's shares put together: the portal's home page
    and its freshness data (``freshness.json``: an object with ``as_of`` and
    ``municipalities``), which every share writes the same."""
    try:
        data = json.loads((site_dir / "freshness.json").read_bytes())
    except (OSError, ValueError):
        return False
    return (isinstance(data, dict) and "as_of" in data and "municipalities" in data
            and (site_dir / "index.html").is_file())


def staging_dir(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")


def _old_dir(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")


def _leftovers(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """What builds of ``site_dir`` by dead processes left: (kind, path)."""
    pattern = re.compile(rf"^\.{re.escape(site_dir.name)}\.(building|old|manifest)-(\d+)$")
    try:
        children = list(site_dir.parent.iterdir())
    except OSError:
        return
    for child in children:
        found = pattern.match(child.name)
        if found and int(found[2]) != os.getpid() and not alive(int(found[2])):
            yield found[1], child


def clear_leftovers(site_dir: Path) -> None:
    """Remove killed builds' staging folders and unfinished manifests; put back a site a
    killed build had moved aside (the two-rename swap) and not replaced."""
    for kind, path in sorted(_leftovers(site_dir)):
        if kind == "old" and not site_dir.exists():
            log.warning("restoring %s from %s, left by a build that was stopped", site_dir,
                        path.name)
            os.rename(path, site_dir)
            continue
        log.debug("removing %s, left by a build that was stopped", path)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


@contextlib.contextmanager
def site_lock(site_dir: Path) -> Iterator[None]:
    """Hold the build lock of ``site_dir``; wait, saying so, while another build holds it."""
    path = site_dir.with_name(f"{site_dir.name}.extrel-lock")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            log.warning(bilingual("build.waiting", pid=holder, site_dir=site_dir))
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        clear_leftovers(site_dir)
        yield
    finally:
        os.close(fd)  # releases the lock


def kept_entries(staging: Path, site_dir: Path, *, built: Collection[str], portal: bool,
                 current: Collection[str], remove: Collection[str],
                 skip: Collection[str] = (), keep_others: bool = False) -> list[str]:
    """The top-level entries of ``site_dir`` that complete ``staging`` (which holds, or will
    hold, the ``built`` sections and, with ``portal``, the new portal): the sections of
    ``current`` not rebuilt, and, without ``portal``, the old portal's files (not the
    ``remove``d sections, nor the ``skip``ped entries, which the build makes afterwards, nor
    what ``staging`` already holds). ``keep_others``: every entry the build does not write
    (a folder of shares put together, which may hold files of its owner's)."""
    names = []
    for name in sorted(os.listdir(site_dir)):
        if name in built or name in remove or name in skip or os.path.lexists(staging / name):
            continue
        if portal and name not in current and not keep_others:
            continue  # the old portal's, or a municipality no longer in the registry
        names.append(name)
    return names


def assemble(staging: Path, site_dir: Path, *, built: Collection[str], portal: bool,
             current: Collection[str], remove: Collection[str],
             skip: Collection[str] = (), keep_others: bool = False) -> None:
    """Complete ``staging`` with links to the ``kept_entries`` of ``site_dir``, once the
    build has written its own."""
    for name in kept_entries(staging, site_dir, built=built, portal=portal, current=current,
                             remove=remove, skip=skip, keep_others=keep_others):
        link_tree(site_dir / name, staging / name)


def check_removable(site_dir: Path) -> None:
    """Raise ``PermissionError`` naming the first folder of the old site that this process
    could not empty once the new site is in place (a read-only folder)."""
    for dirpath, _dirnames, _files in os.walk(site_dir):
        if not os.access(dirpath, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), dirpath)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return getattr(libc, "renameat2", None)
    except OSError:
        return None


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot."""
    function = _renameat2()
    if function is None:
        return False
    result = function(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False  # a file system without the exchange
    raise OSError(code, os.strerror(code), str(b))


def publish(staging: Path, site_dir: Path, *, keep: Manifest | None = None) -> None:
    """Put the complete ``staging`` folder in the place of ``site_dir``. The swap is one
    step (or two renames the next build repairs if killed between). The old site is
    deleted, or, with ``keep`` (the manifest it was built from), kept as the start of the
    next build's staging folder (``previoussite``)."""
    if not site_dir.exists():
        os.rename(staging, site_dir)
        return
    if exchange(staging, site_dir):
        _done_with(staging, site_dir, keep)  # now the old site
        return
    swap_by_renames(staging, site_dir, keep=keep)


def _done_with(old: Path, site_dir: Path, keep: Manifest | None) -> None:
    if keep is None:
        shutil.rmtree(old, ignore_errors=True)
    else:
        previoussite.keep(old, site_dir, keep)


def swap_by_renames(staging: Path, site_dir: Path, *, keep: Manifest | None = None) -> None:
    """Where folders cannot be exchanged: the old site aside, the new one in its place. A
    build killed between the two renames leaves ``.<site>.old-PID``, which the next build
    puts back (``clear_leftovers``)."""
    old = _old_dir(site_dir)
    os.rename(site_dir, old)
    os.rename(staging, site_dir)
    _done_with(old, site_dir, keep)
