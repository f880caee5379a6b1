"""A cache of what reading one municipality's folder found, so that unchanged folders are not
read, parsed and validated again on every check and build.

Reading a page (YAML, the schema, the safety scans of its body and files, the PDF facts of
the presentation) costs about a third of a millisecond; a region of thousands of pages paid
that on every run, even with nothing changed. A municipality's result depends only on its
own folder, the allowed iframe hosts and extrel's code, so the cache keys it on the folder's
content (``contentkeys``: git's blob ids, hashes of edited files) and extrel's version and
code: a fresh clone with a restored ``.cache/`` is served from it.

Entries live in ``.cache/extrel/load/<name>.json`` (``cachedir``): the key on the first line,
then JSON documents one per line, read back through pydantic models and dataclasses. Nothing
in them can run code; a file that is truncated, foreign or does not validate is ignored and
rewritten. A ``.cache/`` that git tracks (a commit could have brought it) is not used at all.
"""

from __future__ import annotations

import functools
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import TypeAdapter, ValidationError

from .. import __version__
from .cachedir import TOP, cache_dir
from .fingerprint import Fingerprint
from .messages import bilingual

_CORE = Path(__file__).resolve().parent
T = TypeVar("T")
log = logging.getLogger("extrel.cache")


@functools.cache
def _code_salt() -> str:
    """extrel's version and its reading code as installed: a change of either drops the cache."""
    code = Fingerprint().tree(_CORE, skip=("__pycache__",)).hexdigest()
    return f"{__version__}:{sys.version}:{code}"


def tracked_by_git(root: Path) -> bool:
    """True when git tracks a file under ``root/.cache`` (then nothing there is trusted)."""
    if not (root / ".git").exists():
        return False  # outside git, no commit can bring anything
    env = {k: v for k, v in os.environ.items()
           if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
    try:
        done = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--", TOP],
                              capture_output=True, env=env, check=False)
    except OSError:
        return False
    if done.returncode == 0 and done.stdout:
        log.warning(bilingual("log.cache_tracked"))
        return True
    return False


def decode(adapter: TypeAdapter[T], data: bytes) -> T | None:
    """``data`` validated by ``adapter``; None for anything that does not validate."""
    try:
        return adapter.validate_json(data)
    except (ValidationError, ValueError):
        return None


@dataclass
class LoadCache:
    """One folder of cache files; ``salt`` holds what every entry depends on besides its
    folder (extrel's code, the options that change what reading finds)."""

    folder: Path
    salt: str

    @classmethod
    def at(cls, root: Path, *parts: object) -> LoadCache | None:
        """The region's load cache, or None when git tracks ``.cache/``."""
        if tracked_by_git(root):
            return None
        return cls(cache_dir(root, "load"), Fingerprint(_code_salt(), *parts).hexdigest())

    def key(self, *fingerprints: str) -> str:
        return Fingerprint(self.salt, *fingerprints).hexdigest()

    def get(self, name: str, key: str, parts: int) -> list[bytes] | None:
        """The ``parts`` JSON documents stored under ``name`` with this key, else None."""
        try:
            with open(self.folder / f"{name}.json", "rb") as fd:
                lines = fd.read().split(b"\n")
        except OSError:
            return None
        if len(lines) != parts + 1 or lines[0] != key.encode():
            return None
        return lines[1:]

    def put(self, name: str, key: str, *documents: bytes) -> None:
        """Store compact JSON documents (no newline in any) under ``name``."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{name}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fd:
                fd.write(b"\n".join((key.encode(), *documents)))
            os.replace(tmp, self.folder / f"{name}.json")
        except OSError:
            pass  # a read-only checkout still checks, only slower
