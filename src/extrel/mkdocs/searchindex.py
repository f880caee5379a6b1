"""The portal's search index (``core.regionsearch``, Pagefind) made again only for the
languages whose pages changed.

Pagefind makes one index per page language, in files named by it (``fragment/ru_….pf_fragment``,
``index/ru_….pf_index``, ``pagefind.ru_….pf_meta``, ``wasm.ru.pagefind``), and the entry file
lists the languages. Indexing the pages of one language alone gives byte for byte the files
that language gets when every page is indexed. So after an edit of a Russian page only the
Russian pages are indexed again (Pagefind's ``--glob`` names them), the other languages'
files are linked from the current site, and the entry file lists both. Where the
current site has no index to take from, or every language changed, the whole site is
indexed as before.

A page counts as changed only where what Pagefind reads of it changed: the elements marked
``data-pagefind-body`` (the templates mark an entry's title, facts and text, a section home's
header). A new freshness table on the portal, a list or an "updated" line changes pages but
not the index, so an edit of a Russian page indexes the Russian pages alone. Where no page of
the region carries the mark (a portal without municipalities), Pagefind reads every page's
article, and any change counts.

A portal with search groups (``regionsearch.groups``) has an index per group instead: after
an edit, only the groups of the municipalities whose indexed pages changed are indexed again
(every group where the portal's own pages changed, or its municipalities did), the others'
folders are linked from the current site.

A page's language is where it lives: ``<lang>/…`` and ``<section>/<lang>/…`` for the other
languages, the rest in the default one (``core.addresses``). A partial index that finds a
language it was not asked for is thrown away for a whole one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Sequence
from pathlib import Path

from ..core import regionsearch
from ..core.languages import DEFAULT_LANGUAGE
from ..core.regionsearch import ENTRY, GLOB_SAFE, Group
from .treelinks import link_tree

PAGE = "index.html"


def _pages(folder: Path) -> dict[str, os.stat_result]:
    """Every ``index.html`` under ``folder`` by its path relative to it."""
    found: dict[str, os.stat_result] = {}
    for dirpath, _dirs, files in os.walk(folder):
        if PAGE in files:
            path = os.path.join(dirpath, PAGE)
            found[os.path.relpath(path, folder)] = os.stat(path)
    return found


def language_of(rel: str, others: Collection[str]) -> str:
    """The language of the page at ``rel`` (relative to the site's root)."""
    parts = rel.split("/")
    if parts[0] in others:
        return parts[0]
    if len(parts) > 2 and parts[1] in others:
        return parts[1]
    return DEFAULT_LANGUAGE


MARK = b"data-pagefind-body"


def marked(site: Path, others: Collection[str]) -> bool:
    """Whether the site's pages carry Pagefind's mark (then Pagefind reads the marked elements
    of the marked pages only): a section home has it."""
    with os.scandir(site) as entries:
        for top in entries:
            if top.is_dir() and top.name not in others and top.name != regionsearch.FOLDER:
                try:
                    if MARK in Path(top.path, PAGE).read_bytes():
                        return True
                except OSError:
                    continue
    return False


def _indexed(html: bytes) -> list[bytes]:
    """The elements of a page that Pagefind reads (those marked ``data-pagefind-body``)."""
    if MARK not in html:
        return []
    from lxml import etree
    from lxml import html as lxml_html

    doc = lxml_html.document_fromstring(html)
    return [etree.tostring(e) for e in doc.xpath("//*[@data-pagefind-body]")]


def changed_languages(staging: Path, site_dir: Path, names: Collection[str],
                      others: Collection[str]) -> set[str]:
    """The languages of the pages whose indexed content differs between the new site
    (``staging``) and the current one (``site_dir``) in the top-level entries ``names`` (the
    rest are the same files: hard links)."""
    bodies_only = marked(staging, others)
    changed: set[str] = set()
    for name in names:
        new, old = staging / name, site_dir / name
        if name == PAGE:
            pairs = {PAGE: (new, old)}
        else:
            pairs = {}
            mine = _pages(new) if new.is_dir() else {}
            theirs = _pages(old) if old.is_dir() else {}
            for rel in mine.keys() | theirs.keys():
                pairs[f"{name}/{rel}"] = (new / rel, old / rel)
        for rel, (a, b) in pairs.items():
            lang = language_of(rel, others)
            if lang not in changed and not _same_for_index(a, b, bodies_only):
                changed.add(lang)
    return changed


def _same_for_index(a: Path, b: Path, bodies_only: bool) -> bool:
    """Whether Pagefind reads the same of the pages ``a`` and ``b`` (the same file, the same
    bytes, or, where ``bodies_only``, the same marked elements; a page missing on one side
    is the same only where the other side's is not indexed either)."""
    try:
        sa, sb = a.stat(), b.stat()
        if (sa.st_ino, sa.st_dev) == (sb.st_ino, sb.st_dev):
            return True
        new, old = a.read_bytes(), b.read_bytes()
    except FileNotFoundError:
        if not bodies_only:
            return not a.exists() and not b.exists()
        present = a if a.exists() else b
        return not present.exists() or MARK not in present.read_bytes()
    if new == old:
        return True
    return bodies_only and _indexed(new) == _indexed(old)


def pages_glob(site: Path, languages: Collection[str], others: Collection[str]) -> str | None:
    """A glob of the ``index.html`` pages of ``languages`` in ``site`` (where they live:
    ``language_of``); None where a folder name cannot be written into one."""
    alternatives: list[str] = []
    for code in languages:
        if code != DEFAULT_LANGUAGE:
            alternatives += [f"{code}/**/{PAGE}", f"*/{code}/**/{PAGE}"]
            continue
        alternatives.append(PAGE)
        for top in sorted(os.scandir(site), key=lambda e: e.name):
            if not top.is_dir() or top.name in others or top.name == regionsearch.FOLDER:
                continue
            alternatives.append(f"{top.name}/{PAGE}")
            alternatives += [f"{top.name}/{sub.name}/**/{PAGE}"
                             for sub in sorted(os.scandir(top.path), key=lambda e: e.name)
                             if sub.is_dir() and sub.name not in others]
    names = {part for alt in alternatives for part in alt.split("/")} - {"*", "**", PAGE}
    if not all(GLOB_SAFE.match(name) for name in names):
        return None
    return "{" + ",".join(alternatives) + "}"


def update(staging: Path, site_dir: Path, names: Collection[str],
           languages: Collection[str], groups: Sequence[Group] = (),
           municipalities: Collection[str] = ()) -> None:
    """Write ``staging``'s search index: for the languages whose pages changed in the
    top-level entries ``names``, from its pages; for the others, the current site's files.
    ``languages``: every language of the region, the default first; ``groups``: the
    region's search groups (``municipalities`` its ids), if it has any."""
    others = [code for code in languages if code != DEFAULT_LANGUAGE]
    if groups:
        _update_groups(staging, site_dir, names, others, groups, municipalities)
        return
    current = site_dir / regionsearch.FOLDER
    try:
        entry = json.loads((current / ENTRY).read_text(encoding="utf-8"))
        indexed = set(entry["languages"])
    except (OSError, ValueError, KeyError, TypeError):
        indexed = set()
    changed = changed_languages(staging, site_dir, names, others)
    if not changed <= indexed or changed >= set(languages) or not indexed:
        regionsearch.index_region(staging, reuse=current)
        return
    out = staging / regionsearch.FOLDER
    if not changed:
        link_tree(current, out)
        return
    glob = pages_glob(staging, changed, others)
    if glob is None:
        regionsearch.index_region(staging, reuse=current)
        return
    regionsearch.index_region(staging, glob, reuse=current, languages=changed)
    fresh = json.loads((out / ENTRY).read_text(encoding="utf-8"))
    if not set(fresh["languages"]) <= changed:  # a page not where its language lives
        regionsearch.index_region(staging, reuse=current)
        return
    kept = [code for code in indexed if code not in changed]
    _link_languages(current, out, kept)
    fresh["languages"] = dict(sorted({**{code: entry["languages"][code] for code in kept},
                                      **fresh["languages"]}.items()))
    (out / ENTRY).write_text(json.dumps(fresh, ensure_ascii=False, separators=(",", ":")),
                             encoding="utf-8")


def _link_languages(current: Path, out: Path, languages: Collection[str]) -> None:
    """Hard links to the current index's files of ``languages``."""
    for dirpath, _dirs, files in os.walk(current):
        rel = os.path.relpath(dirpath, current)
        target = out if rel == "." else out / rel
        target.mkdir(exist_ok=True)
        for name in files:
            if regionsearch.language_of_file(name) in languages:
                os.link(os.path.join(dirpath, name), target / name)


def _update_groups(staging: Path, site_dir: Path, names: Collection[str],
                   others: Collection[str], groups: Sequence[Group],
                   municipalities: Collection[str]) -> None:
    """``update`` for a portal with search groups: the changed groups indexed again, the
    others linked from the current site."""
    current = site_dir / regionsearch.FOLDER
    try:
        before = json.loads((current / regionsearch.GROUPS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        before = None
    if not isinstance(before, dict):
        regionsearch.index_site(staging, groups, municipalities)
        return
    group_of = {mid: g.id for g in groups for mid in g.members}
    changed: set[str] = set()
    portal = False
    for name in names:
        if not changed_languages(staging, site_dir, [name], others):
            continue
        if name in group_of:
            changed.add(group_of[name])
        elif name in municipalities or any(name in ids for ids in before.values()):
            changed.update(gid for gid, ids in before.items() if name in ids)
        else:  # the portal's own pages are in every group's index
            portal = True
    redo = [g for g in groups if portal or g.id in changed or before.get(g.id) != list(g.members)
            or not (current / g.id / ENTRY).is_file()]
    out = staging / regionsearch.FOLDER
    out.mkdir(exist_ok=True)
    for group in groups:
        if group not in redo:
            link_tree(current / group.id, out / group.id)
    regionsearch.index_groups(staging, redo, groups, municipalities, reuse=current)
