"""A cache of what reading one municipality's folder found, so that unchanged folders are not
read, parsed and validated again on every check and build.

Reading a page (YAML, the schema, the safety scans of its body and files, the PDF facts of
the presentation) costs about a third of a millisecond; a region of thousands of pages paid
that on every run, even with nothing changed. A municipality's result depends only on its
own folder, the allowed iframe hosts and extrel's code, so the cache keys it on the size and
modification time of every file and folder in it, the way make and ninja decide what to
rebuild (not the change time, which a restored CI cache or a ``git fetch`` into the same
work tree would change for every file). A changed file, a new one, a removed one, a
renamed one, or a touched folder makes a new key, and the folder is read again.

Entries live in ``.cache/extrel/load/<id>.pickle`` beside the site (the same folder as the
image and template caches). They are read with an unpickler that only builds extrel's own
model classes, dates and plain containers, so a tampered cache file cannot run code; a
cache file that cannot be read is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__

_CORE = Path(__file__).resolve().parent


def code_state(folder: Path) -> str:
    """Sizes and times of the files of installed code under ``folder`` (compiled caches left
    out): a change of the code changes it."""
    digest = hashlib.sha1()
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            st = os.stat(os.path.join(dirpath, name))
            digest.update(f"{dirpath}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _code_salt() -> str:
    """extrel's version and its reading code as installed: a change of either drops the cache."""
    return f"{__version__}:{sys.version}:{code_state(_CORE)}"


def folder_fingerprint(folder: Path) -> str:
    """Every entry under ``folder`` (hidden ones too, links not followed) with its kind,
    mode, size and modification time; the folders' own times catch removals."""
    digest = hashlib.sha1()
    stack = [str(folder)]
    base = len(str(folder))
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            st = entry.stat(follow_symlinks=False)
            kind = "l" if entry.is_symlink() else "d" if entry.is_dir(follow_symlinks=False) \
                else "f"
            extra = os.readlink(entry.path) if kind == "l" else ""
            digest.update(
                f"{entry.path[base:]}\0{kind}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_mode}"
                f"\0{extra}\n".encode())
            if kind == "d":
                stack.append(entry.path)
    return digest.hexdigest()


_ALLOWED_MODULES = ("extrel.", "datetime", "pydantic", "pydantic_core", "collections")
_ALLOWED_BUILTINS = frozenset({
    "set", "frozenset", "dict", "list", "tuple", "str", "int", "float", "bool", "bytes",
    "complex", "NoneType", "object",
})


class _SafeUnpickler(pickle.Unpickler):
    """Builds only extrel's classes, dates, pydantic's internals and plain containers."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _ALLOWED_BUILTINS:
            return super().find_class(module, name)
        if module == "copyreg" and name in ("_reconstructor", "__newobj__", "__newobj_ex__"):
            return super().find_class(module, name)
        if module == "extrel" or module.startswith(_ALLOWED_MODULES) or module in (
                "datetime", "collections", "pydantic", "pydantic_core"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in extrel's cache")


def safe_loads(data: bytes) -> Any:
    """Unpickle ``data`` with the same limits as the cache files."""
    return _SafeUnpickler(io.BytesIO(data)).load()


@dataclass
class LoadCache:
    """One folder of cache files; ``salt`` holds what every entry depends on besides its
    folder (extrel's code, the options that change what reading finds)."""

    folder: Path
    salt: str

    @classmethod
    def at(cls, root: Path, *parts: object) -> LoadCache:
        digest = hashlib.sha1(_code_salt().encode())
        for part in parts:
            digest.update(repr(part).encode())
        return cls(root / ".cache" / "extrel" / "load", digest.hexdigest())

    def key(self, *fingerprints: str) -> str:
        return hashlib.sha1("\0".join((self.salt, *fingerprints)).encode()).hexdigest()

    def get(self, name: str, key: str) -> Any | None:
        path = self.folder / f"{name}.pickle"
        try:
            with open(path, "rb") as fd:
                data = fd.read()
            stored_key, value = _SafeUnpickler(io.BytesIO(data)).load()
        except FileNotFoundError:
            return None
        except Exception:  # a truncated, foreign or tampered file: read the folder again
            return None
        return value if stored_key == key else None

    def put(self, name: str, key: str, value: Any) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{name}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fd:
                pickle.dump((key, value), fd, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / f"{name}.pickle")
        except OSError:
            pass  # a read-only checkout still checks, only slower
