"""The kinds of page the browser tests open: one of each, in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from extrel.core.sections import SUBSECTIONS

MUNICIPALITY = "inza"
"""The demo municipality whose pages stand for every kind of section page (it has all seven)."""

LANGS = {"ru": "", "en": "en/"}

BUDGET = pytest.StashKey[list[str]]()
"""Lines of the cold-load budget test, printed at the end of the run (conftest)."""

KIND_NAMES = [f"{kind}-{lang}" for lang in LANGS for kind in (
    "portal", "dashboard", "home", *(s.id for s in SUBSECTIONS), "news-item")]


@dataclass(frozen=True)
class PageKind:
    name: str
    path: str
    lang: str


def news_item(site: Path, prefix: str) -> str:
    """The newest news item of the demo municipality (slugs change with the content)."""
    items = sorted(p.name for p in (site / prefix / "news").iterdir()
                   if p.is_dir() and p.name[:4].isdigit() and len(p.name) > 4)
    assert items, f"no news item in {prefix}news/"
    return f"{prefix}news/{items[-1]}/"


def page_kinds(site: Path) -> dict[str, PageKind]:
    """Portal, dashboard, section home, each subsection and a news item, in both languages."""
    kinds = []
    for lang, root in LANGS.items():
        prefix = f"{MUNICIPALITY}/{root}"
        kinds.append(PageKind(f"portal-{lang}", root, lang))
        kinds.append(PageKind(f"dashboard-{lang}", f"{root}freshness/", lang))
        kinds.append(PageKind(f"home-{lang}", prefix, lang))
        kinds += [PageKind(f"{s.id}-{lang}", f"{prefix}{s.id}/", lang) for s in SUBSECTIONS]
        kinds.append(PageKind(f"news-item-{lang}", news_item(site, prefix), lang))
    return {k.name: k for k in kinds}
