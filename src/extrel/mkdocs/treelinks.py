"""Folder trees copied as hard links, and emptied: a new site shares every unchanged file
with the one before it, so that no page is copied (``publish.assemble``, ``previoussite``,
the search index's unchanged files), and what a build takes out of its staging folder is
deleted beside it (``Emptying``: ``rm -rf`` in a child process).

``link_tree`` does it in this process. ``Linking`` has a child process do it while the
build goes on: GNU ``cp -R -P -l`` (about 10,000 links and 5,000 folders at region size,
mostly the kernel's work, done in C beside the build rather than after it), at the lowest
priority, so that what the build itself does comes first, and killed if the build's
process ends first (util-linux ``setpriv --pdeathsig``): it never writes on into a folder
the next build removes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path


def link_tree(src: Path, dst: Path) -> None:
    """``dst`` as a copy of ``src`` made of hard links (a real copy where links fail).
    A lean walk: folders get the default mode, as MkDocs makes them (copying every folder's
    mode and times, as ``shutil.copytree`` does, doubled the cost)."""
    def link(a: str, b: str) -> None:
        try:
            os.link(a, b, follow_symlinks=False)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM):
                raise
            shutil.copy2(a, b, follow_symlinks=False)

    def walk(a: str, b: str) -> None:
        os.mkdir(b)
        with os.scandir(a) as entries:
            for entry in entries:
                target = os.path.join(b, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, target)
                else:
                    link(entry.path, target)

    if src.is_dir() and not src.is_symlink():
        walk(str(src), str(dst))
    else:
        link(str(src), str(dst))


def remove(path: Path | os.DirEntry[str]) -> None:
    """Delete a file or a folder (a symbolic link itself, never what it points to)."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    else:
        os.unlink(path)


MAX_ARGS = 256 << 10
"""The longest list of names (bytes) given to one ``cp``, well within Linux's limit on a
command line; a longer one (a national portal's thousands of sections) is linked here."""


class Linking:
    """``names`` (entries of the folder ``source``) linked into the folder ``target`` by a
    child process, started at once. Nothing else may write an entry of these names into
    ``target`` meanwhile.

    ``finish`` waits for it and tells whether every entry is there. Where the child could
    not start or did not succeed (no ``cp``, another file system, a full disk), what it left
    is removed and, with ``fallback``, ``link_tree`` links each entry, raising what it
    meets; without, nothing is left and ``finish`` says False. ``stop`` ends the child (a
    failed build)."""

    def __init__(self, source: Path, names: Sequence[str], target: Path, *,
                 fallback: bool = True) -> None:
        self.source, self.names, self.target = source, list(names), target
        self.fallback = fallback
        self.process: subprocess.Popen[bytes] | None = None
        if not self.names or sum(len(os.fsencode(n)) + 1 for n in self.names) > MAX_ARGS:
            return
        # no setpriv, nice or cp here, or too long a command line: None. Ending with the
        # build is what ``core.processes.end_with`` does for the pool's Python processes;
        # a command run here gets it from setpriv, as Popen's preexec_fn is unsafe while
        # the build has threads
        self.process = _child(["setpriv", "--pdeathsig", "KILL", "--", "nice", "-n", "19",
                               "cp", "-R", "-P", "-l", "-t", str(target), "--", *self.names],
                              cwd=source)

    def finish(self) -> bool:
        done = not self.names or (self.process is not None and self.process.wait() == 0)
        self.process = None
        if done:
            return True
        for name in self.names:
            path = self.target / name
            if os.path.lexists(path):
                remove(path)
            if self.fallback:
                link_tree(self.source / name, path)
        return self.fallback

    def stop(self) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()  # cp itself: setpriv and nice replace themselves by it
            self.process.wait()
            self.process = None


class Emptying:
    """A folder being deleted by a child process (``rm -rf``: thousands of files, mostly
    waiting on the disk, while the sections build); ``finish`` waits for it and deletes
    what is left, raising ``OSError`` where it cannot."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # left to finish if the build is killed (what it deletes is a build's leftover)
        self.process = _child(["rm", "-rf", "--", str(folder)])  # None: no rm here

    def finish(self) -> None:
        if self.process is not None:
            self.process.wait()
        if os.path.lexists(self.folder):
            shutil.rmtree(self.folder)


def _child(command: list[str], cwd: Path | None = None) -> subprocess.Popen[bytes] | None:
    """``command`` started as a child process with no input or output; None where it cannot
    start."""
    try:
        return subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return None
