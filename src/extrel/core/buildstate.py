"""What the last build left and what the next one must do: the manifest and the plan.

The manifest lives beside the site folder (``site.extrel-manifest.json``): for every section
and for the portal, the fingerprints of the inputs it was built from, in named parts
(``content``, ``dates``, ``freshness``…), so that a plan can say why something is rebuilt.
It is versioned JSON read through a pydantic model: a manifest of another version, a
corrupt one or one written by a build that did not finish (``complete`` false) means
"build everything", never an error.

``plan`` is pure: what is on disk comes in as arguments, the answer is a ``BuildPlan``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

VERSION: Literal[2] = 2
MANIFEST_SUFFIX = ".extrel-manifest.json"

log = logging.getLogger("extrel.build")

Parts = dict[str, str]
"""The fingerprints of one section's (or the portal's) inputs, by part name."""


class Manifest(BaseModel):
    """What the site folder beside this file holds."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[2] = VERSION
    complete: bool = True
    """False while a build is putting its result in place: the site may be the old one or
    the new one, so nothing in it is trusted and the next build builds everything."""
    sections: dict[str, Parts] = Field(default_factory=dict)
    portal: Parts | None = None
    quick: str | None = None
    """The fingerprint of a whole build's inputs, taken without reading a page."""
    summary: dict[str, Any] | None = None
    """What the last full build reported (problems, freshness counts)."""


def manifest_path(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + MANIFEST_SUFFIX)


def load_manifest(site_dir: Path) -> Manifest:
    """The manifest beside ``site_dir``; an empty, incomplete one when there is none that
    this version of extrel can trust."""
    try:
        data = manifest_path(site_dir).read_bytes()
        return Manifest.model_validate_json(data)
    except (OSError, ValidationError, ValueError):
        return Manifest(complete=False)


def save_manifest(site_dir: Path, manifest: Manifest) -> None:
    """Write the manifest atomically (a reader sees the old file or the new one)."""
    path = manifest_path(site_dir)
    tmp = site_dir.with_name(f".{site_dir.name}.manifest-{os.getpid()}")
    tmp.write_text(manifest.model_dump_json(indent=1), encoding="utf-8")
    os.replace(tmp, path)


@dataclass(frozen=True)
class BuildPlan:
    """What a build does: sections to build, kept and dropped, the portal, and why."""

    build: list[str]
    reuse: list[str]
    remove: list[str]
    portal: bool
    reasons: dict[str, str] = field(default_factory=dict)
    """Why each section (by id) or the portal (``portal``) is built or dropped."""

    @property
    def nothing(self) -> bool:
        return not self.build and not self.portal and not self.remove

    def log(self) -> None:
        for key, why in self.reasons.items():
            log.debug("%s: %s", key, why)


def _why(old: Parts | None, new: Parts) -> str | None:
    """None when nothing changed, else which parts did."""
    if old is None:
        return "not built before"
    changed = [k for k in new if old.get(k) != new[k]] + [k for k in old if k not in new]
    return None if not changed else ", ".join(changed) + " changed"


def plan(manifest: Manifest, sections: Mapping[str, Parts], portal: Parts, *,
         current: Collection[str], present: Collection[str], portal_present: bool,
         site_exists: bool) -> BuildPlan:
    """Decide what to build.

    ``sections``: the fingerprints of the sections this build is asked for; ``portal``: the
    portal's; ``current``: every municipality of the region (the others' folders go);
    ``present``: the sections whose ``index.html`` is in the site now; ``portal_present``:
    the portal's ``index.html`` is; ``site_exists``: the site folder is there at all.
    """
    trusted = manifest if manifest.complete and site_exists else Manifest(complete=False)
    reasons: dict[str, str] = {}
    build: list[str] = []
    reuse: list[str] = []
    for mid, parts in sections.items():
        why = _why(trusted.sections.get(mid), parts)
        if why is None and mid not in present:
            why = "missing from the site"
        if why is None:
            reuse.append(mid)
        else:
            build.append(mid)
            reasons[mid] = why
    remove = sorted(k for k in trusted.sections if k not in current and k in present)
    for mid in remove:
        reasons[mid] = "no longer in the registry"
    why = _why(trusted.portal, portal)
    if why is None and not portal_present:
        why = "missing from the site"
    if why is not None:
        reasons["portal"] = why
    return BuildPlan(build, reuse, remove, why is not None, reasons)


def next_manifest(previous: Manifest, sections: Mapping[str, Parts], portal: Parts, *,
                  current: Sequence[str], quick: str | None,
                  summary: dict[str, Any] | None) -> Manifest:
    """The manifest after a build of ``sections`` and the portal: the previous entries of
    municipalities still in the region, updated."""
    base = previous.sections if previous.complete else {}
    kept = {k: v for k, v in base.items() if k in current}
    return Manifest(sections={**kept, **sections}, portal=portal,
                    quick=quick, summary=summary)
