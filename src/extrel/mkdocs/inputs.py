"""The fingerprints of what each part of a build reads: the inputs of the build plan.

A section depends on what every section shares (mkdocs.yml, the theme, extrel's code and the
libraries that render the pages), the check date, its own folder and registry entry, its
coat of arms and its pages' dates; the portal on the freshness and problems, the registry,
the news and announcements (their front matter and dates, not their text) and its own
pages. Each is a set of named parts (``core.buildstate.Parts``), so that the plan can say
which one changed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..core.buildstate import Parts
from ..core.fingerprint import Fingerprint
from . import siteconfig

if TYPE_CHECKING:
    from ..core.snapshot import Snapshot

PACKAGE = Path(__file__).resolve().parent.parent

OUTPUT_LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2",
                    "pillow", "pypdfium2", "babel", "feedgen", "icalendar")
"""Libraries whose versions shape the pages: an upgrade rebuilds every section."""



def _versions() -> str:
    from importlib import metadata

    found = []
    for name in OUTPUT_LIBRARIES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return ";".join(found)


def custom_dir(config_file: Path) -> Path | None:
    """The region's theme folder (``theme.custom_dir`` of mkdocs.yml), if it names one."""
    theme = siteconfig.read_raw(config_file).get("theme")
    folder = theme.get("custom_dir") if isinstance(theme, dict) else None
    return config_file.parent / folder if folder else None


def shared(config_file: Path) -> str:
    """What every section depends on: the configuration, the theme, extrel itself and the
    versions of the libraries that render the pages."""
    found = Fingerprint(__version__, _versions()).file(config_file)
    theme = custom_dir(config_file)
    if theme:
        found.tree(theme, content=True)
    return found.tree(PACKAGE, content=True, skip=("__pycache__",)).hexdigest()


def section_parts(snapshot: Snapshot, municipality: str, common: str) -> Parts:
    """Everything one section's pages depend on, so an unchanged section is not rebuilt."""
    m = snapshot.region.municipalities[municipality]
    root = snapshot.root
    registry = Fingerprint().file(root / m.registry_path)
    if m.meta.coat_of_arms:
        registry.file(root / "municipalities" / m.meta.coat_of_arms)
    files = sorted(p for by_lang in m.page_files.values() for ps in by_lang.values() for p in ps)
    content = m.fingerprint or Fingerprint().tree(root / m.content_path).hexdigest()
    return {
        "code and theme": common,
        "check date": snapshot.today.isoformat(),
        "content": Fingerprint(content).hexdigest(),
        "registry entry": registry.hexdigest(),
        "dates": Fingerprint(*(f"{p}={snapshot.dates[p].isoformat()}" for p in files
                               if p in snapshot.dates)).hexdigest(),
    }


def portal_parts(snapshot: Snapshot, common: str) -> Parts:
    """What the portal and the dashboard show. An edit to a news item's text alone leaves
    the portal as it was."""
    # imported here: ``quick_key`` (a rebuild with nothing changed) reads none of them
    from ..core.freshness import freshness_to_dict
    from ..core.sections import PORTAL_SUBSECTIONS

    root = snapshot.root
    data = freshness_to_dict(snapshot.today, snapshot.options.timezone,
                             list(snapshot.freshness.values()),
                             [p.to_dict() for p in snapshot.problems])
    pages = Fingerprint()
    for relpath in snapshot.region.portal_pages:
        pages.file(root / relpath)
    registry, news = Fingerprint(), Fingerprint()
    for mid, m in snapshot.region.municipalities.items():
        registry.add(mid, m.meta.model_dump_json())
        for sid in PORTAL_SUBSECTIONS:
            for entry in m.entries[sid]:
                news.add(mid, sid, entry.slug)
                for lang, meta in entry.data.items():
                    page = entry.pages.get(lang)
                    when = snapshot.dates.get(page.path) if page else None
                    news.add(lang, str(when), meta.model_dump_json())
    return {
        "code and theme": common,
        "check date": snapshot.today.isoformat(),
        "freshness": Fingerprint(json.dumps(data, sort_keys=True)).hexdigest(),
        "registry": registry.hexdigest(),
        "news and announcements": news.hexdigest(),
        "portal pages": pages.hexdigest(),
    }


def quick_key(config_file: Path, today: dt.date, site_dir: Path, *,
              allow_shallow: bool) -> str | None:
    """A fingerprint of everything a full build reads, taken without reading a page: extrel
    and the libraries that render, mkdocs.yml, the theme, the sizes and times of every file
    under ``municipalities/`` and ``content/``, the git history's state, the check date and
    the output folder. Equal to the last full build's: nothing can have changed. None when
    the history's state cannot be told; the build then runs as usual."""
    from ..core.gitdates import history_state

    root = config_file.parent
    docs = siteconfig.project(config_file).docs_dir
    state = history_state(root, [docs, "municipalities"])
    if state is None:
        return None
    found = Fingerprint(__version__, _versions(), today.isoformat(), allow_shallow,
                        str(site_dir.resolve()), state).file(config_file)
    found.tree(PACKAGE, skip=("__pycache__",))
    theme = custom_dir(config_file)
    for folder in [root / "municipalities", root / docs, *([theme] if theme else [])]:
        found.add(str(folder)).tree(folder)
    return found.hexdigest()
