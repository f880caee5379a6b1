"""One way to fingerprint what a build or a cache depends on: values, files and folders.

Every key extrel keeps (a section's inputs, the quick "nothing changed" key, the load and git
caches) is a ``Fingerprint``: a SHA-1 over the parts fed to it, each part framed so that two
different sequences of parts never feed the same bytes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path


class Fingerprint:
    """A running hash; ``add`` values, ``file``/``tree`` contents or ``stats``."""

    def __init__(self, *values: object) -> None:
        self._digest = hashlib.sha1()
        self.add(*values)

    def add(self, *values: object) -> Fingerprint:
        """Strings and bytes as they are, anything else by ``repr``."""
        for value in values:
            data = value if isinstance(value, bytes) else (
                value if isinstance(value, str) else repr(value)).encode()
            self._digest.update(len(data).to_bytes(8, "little"))
            self._digest.update(data)
        return self

    def file(self, path: Path, *, content: bool = True) -> Fingerprint:
        """A file's content (or, with ``content=False``, its size and modification time);
        a missing file counts as such."""
        try:
            if content:
                with open(path, "rb") as fd:
                    return self.add(str(path), hashlib.file_digest(fd, "sha1").digest())
            st = path.stat()
        except FileNotFoundError:
            return self.add(str(path), "-")
        return self.add(str(path), st.st_size, st.st_mtime_ns)

    def tree(self, folder: Path, *, content: bool = False,
             skip: Iterable[str] = ()) -> Fingerprint:
        """Every entry under ``folder`` in name order (hidden ones too, links not followed),
        by path relative to it: with ``content``, each file's bytes; else each entry's kind,
        mode, size and modification time (the folders' own times catch removals), the way
        make and ninja decide what to rebuild. Folders named in ``skip`` are left out."""
        skipped = set(skip)
        base = len(str(folder))
        stack = [str(folder)]
        while stack:
            current = stack.pop()
            try:
                entries = sorted(os.scandir(current), key=lambda e: e.name)
            except OSError:
                continue
            for entry in reversed(entries):
                if entry.is_dir(follow_symlinks=False) and entry.name not in skipped:
                    stack.append(entry.path)
            for entry in entries:
                if entry.name in skipped:
                    continue
                st = entry.stat(follow_symlinks=False)
                link = entry.is_symlink()
                kind = "l" if link else "d" if entry.is_dir(follow_symlinks=False) else "f"
                name = entry.path[base:]
                if content and kind == "f":
                    with open(entry.path, "rb") as fd:
                        self.add(name, hashlib.file_digest(fd, "sha1").digest())
                elif content:
                    self.add(name, kind, os.readlink(entry.path) if link else "")
                else:
                    self.add(name, kind, st.st_size, st.st_mtime_ns, st.st_mode,
                             os.readlink(entry.path) if link else "")
        return self

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def fingerprint(*values: object) -> str:
    """The fingerprint of a few values."""
    return Fingerprint(*values).hexdigest()
