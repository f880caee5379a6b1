"""Where extrel keeps what it can compute again: the only module that names these folders.

- ``cache_dir(root, kind)``: ``<root>/.cache/extrel/<kind>``, beside the region (the load,
  git, image and thumbnail caches). Nothing read from there is ever run: the files are JSON
  or images, checked on reading, and a file that fails the check is ignored and rebuilt.
- ``user_cache_dir(kind)``: ``$XDG_CACHE_HOME/extrel/<kind>`` (``~/.cache/extrel/<kind>``),
  outside every repository, for what a commit must never be able to supply (Jinja's
  compiled templates are Python code objects) and what depends on the installation alone
  (Material's stylesheets as extrel prunes them).
"""

from __future__ import annotations

import os
from pathlib import Path

KINDS = frozenset({"load", "images", "thumbs", "jinja", "css"})
TOP = ".cache"
"""The region's cache folder, relative to its root (gitignored; a ``.cache/`` that git
tracks is not trusted: ``loadcache.tracked_by_git``)."""


def cache_dir(root: Path, kind: str) -> Path:
    """The region's cache folder of one kind (not created)."""
    if kind not in KINDS:
        raise ValueError(f"unknown cache kind {kind!r}")
    return root / TOP / "extrel" / kind


def user_cache_dir(kind: str, *parts: str) -> Path:
    """The user's cache folder of one kind, outside any repository (not created)."""
    if kind not in KINDS:
        raise ValueError(f"unknown cache kind {kind!r}")
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "extrel" / kind / Path(*parts)
