"""Content fingerprints of the region's folders, so that a cache survives a fresh clone.

Sizes and modification times change with every checkout, so a CI job on a fresh clone with
a restored ``.cache/`` found nothing in it. Git already knows what every tracked file holds:
one ``git ls-files -s`` gives the blob id of each file in the index, and one ``git status``
names the files that differ from it (edited, untracked, ignored), which are hashed here.
Outside a git work tree, or if git fails, a folder's fingerprint is its files' sizes and
times (``Fingerprint.tree``), as make and ninja decide.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from .fingerprint import Fingerprint


def _git(root: Path, *args: str) -> bytes | None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, env=env,
                              check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


class FolderKeys:
    """The content fingerprint of any folder under the given top-level folders of ``root``."""

    def __init__(self, root: Path, tops: Sequence[str]) -> None:
        self.root = root
        self.files: dict[str, str] | None = None
        self._sorted: list[str] = []
        self._loose: list[str] = []
        """Ignored folders git reports whole: fingerprinted by their files' times."""
        if not (root / ".git").exists():
            return
        toplevel = _git(root, "rev-parse", "--show-prefix")
        if toplevel is None or toplevel.strip():
            return  # the region is not the top of its repository: keep it simple
        index = _git(root, "ls-files", "-s", "-z", "--", *tops)
        status = _git(root, "status", "--porcelain", "-z", "--untracked-files=all",
                      "--ignored=matching", "--no-renames", "--", *tops)
        if index is None or status is None:
            return
        files: dict[str, str] = {}
        for record in index.split(b"\0"):
            if record:
                info, _, name = record.partition(b"\t")
                mode, blob, _stage = info.split(b" ")
                files[os.fsdecode(name)] = f"g:{mode.decode()}:{blob.decode()}"
        for entry in status.split(b"\0"):
            if len(entry) < 4:
                continue
            path = os.fsdecode(entry[3:])
            if path.endswith("/"):
                self._loose.append(path)
                continue
            full = root / path
            if full.is_symlink():
                files[path] = "l:" + os.readlink(full)
            elif full.is_file():
                with open(full, "rb") as fd:
                    files[path] = "w:" + hashlib.file_digest(fd, "sha1").hexdigest()
            else:
                files.pop(path, None)  # deleted in the work tree
        self.files = files
        self._sorted = sorted(files)

    def of(self, folder: Path) -> str:
        """The fingerprint of ``folder``: its files' paths (relative to it) and contents."""
        rel = os.path.relpath(folder, self.root).replace(os.sep, "/")
        prefix = rel + "/"
        if self.files is None or rel.startswith("..") or any(
                loose.startswith(prefix) or prefix.startswith(loose) for loose in self._loose):
            return Fingerprint("stat").tree(folder).hexdigest()
        found = Fingerprint("content")
        start = bisect.bisect_left(self._sorted, prefix)
        for path in self._sorted[start:]:
            if not path.startswith(prefix):
                break
            found.add(path[len(prefix):], self.files[path])
        return found.hexdigest()
