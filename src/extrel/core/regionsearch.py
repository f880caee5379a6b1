"""The portal's search: every page of the region, indexed by Pagefind after the build.

Pagefind (PyPI ``pagefind[bin]``, a Rust binary in a registry package) reads the built HTML,
makes one index per page language (``<html lang>``, with its stemmer: «делегации» finds
«делегация») split in fragments, and writes them with its scripts to ``pagefind/`` in the
site's root. A query on the portal fetches the index's entry, the language's metadata and
WebAssembly once, and then only the fragments of its words and of the pages shown; no
whole-region index is loaded. The sections keep their own small Material (lunr) indexes.

Pagefind's metadata lists every page of a language (about 6 bytes a page, fetched before the
first result), so one index stays light up to about 2,000 municipalities
(``bench/results-search-national.md``). A portal of thousands (a national one) names a
``group`` in each registry entry (a federal subject, say): each group then gets an index of its
own in ``pagefind/<group id>/``, with the portal's own pages, and the visitor picks the group
the search looks in (``groups``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import processes
from .languages import ui_language
from .messages import t
from .problems import Problem

if TYPE_CHECKING:
    from .model import Municipality, Region

FOLDER = "pagefind"
GLOB_SAFE = re.compile(r"^[^*?\[\]{}!,\\]+$")
"""A folder name a glob takes as it is (no pattern characters): municipality ids, subsections,
languages, an editor's portal page named in Cyrillic or with spaces."""
GROUPS = "groups.json"
"""In ``pagefind/`` of a site with groups: each group's id and municipalities (what the next
build compares to know which groups' indexes it can keep)."""


@dataclass(frozen=True)
class Group:
    """Municipalities whose registry entries name the same ``group``, searched together."""

    id: str
    """``g`` and the start of the SHA-1 of the Russian name: the index's folder."""
    names: tuple[tuple[str, str], ...]
    """(language, name) for Russian and English (``Localized``)."""
    members: tuple[str, ...]

    def name(self, lang: str) -> str:
        return dict(self.names)[ui_language(lang)]


GROUP_LIMIT = 2000
"""Municipalities in one index (the whole portal's, or a group's) above which its first search
fetches more than about half a megabyte (``bench/results-search-national.md``): ``check``
warns and suggests groups."""


def groups(region: Region) -> list[Group]:
    """The search groups of the region, by their Russian names; none where no registry entry
    names a group (one index for the whole portal). Municipalities without a group, beside
    others with one, are searched as "other municipalities"."""
    return groups_of(region.municipalities)


def size_warnings(municipalities: Mapping[str, Municipality]) -> list[Problem]:
    """A warning for the portal's index, or each group's, that holds more than GROUP_LIMIT
    municipalities: how to split it."""
    found = groups_of(municipalities)
    if not found:
        if len(municipalities) <= GROUP_LIMIT:
            return []
        return [Problem("municipalities", None, "problem.search.too_large",
                        {"count": len(municipalities), "limit": GROUP_LIMIT, "lb": "{", "rb": "}"},
                        severity="warning")]
    told = [Problem("municipalities", None, "problem.search.group_too_large",
                    {"count": len(g.members), "limit": GROUP_LIMIT,
                     "group": {"ru": g.name("ru"), "en": g.name("en")}}, severity="warning")
            for g in found if len(g.members) > GROUP_LIMIT]
    return told + _name_warnings(municipalities)


def _name_warnings(municipalities: Mapping[str, Municipality]) -> list[Problem]:
    """One group written with two English names (the first would be shown), or two groups
    with one English name (an English visitor could not tell them apart): which files, and
    the names."""
    english: dict[str, dict[str, list[str]]] = {}  # Russian name → English name → ids
    russian: dict[str, set[str]] = {}  # English name → Russian names
    for mid, m in sorted(municipalities.items()):
        name = getattr(m.meta, "group", None)
        if name is not None:
            english.setdefault(name.ru, {}).setdefault(name.en, []).append(mid)
            russian.setdefault(name.en, set()).add(name.ru)
    found = []
    for ru, by_en in english.items():
        if len(by_en) > 1:
            first = min(ids[0] for ids in by_en.values())
            found.append(Problem(f"municipalities/{first}.yml", None,
                                 "problem.search.group_two_names",
                                 {"group": ru, "names": "; ".join(
                                     f"{en} ({', '.join(ids)})" for en, ids in by_en.items())},
                                 severity="warning"))
    for en, names in russian.items():
        if len(names) > 1:
            first = min(english[ru][en][0] for ru in names)
            found.append(Problem(f"municipalities/{first}.yml", None,
                                 "problem.search.group_same_english",
                                 {"name": en, "groups": ", ".join(f"«{ru}»" for ru in
                                                                  sorted(names))},
                                 severity="warning"))
    return found


def groups_of(municipalities: Mapping[str, Municipality]) -> list[Group]:
    """``groups`` of these municipalities."""
    named = {mid: getattr(m.meta, "group", None) for mid, m in municipalities.items()}
    if not any(named.values()):
        return []
    by_name: dict[str, tuple[tuple[tuple[str, str], ...], list[str]]] = {}
    for mid, name in named.items():
        if name is None:
            names = (("ru", t("ui.search.group_other", "ru")),
                     ("en", t("ui.search.group_other", "en")))
        else:
            names = (("ru", name.ru), ("en", name.en))
        by_name.setdefault(names[0][1], (names, []))[1].append(mid)
    other = t("ui.search.group_other", "ru")
    order = sorted(by_name, key=lambda ru: (ru == other, ru.casefold()))
    return [Group("g" + hashlib.sha1(ru.encode("utf-8")).hexdigest()[:10], by_name[ru][0],
                  tuple(sorted(by_name[ru][1]))) for ru in order]


def group_glob(site_dir: Path, group: Group, municipalities: Collection[str]) -> str:
    """A glob of the pages of ``group``'s index: its municipalities' and the portal's own
    (every page outside a municipality's folder). Municipality ids are slugs; a portal page
    whose folder name holds a glob's pattern characters (``{``, ``*``, ...: an editor may name
    a file so) is left out of the groups' indexes, never matched as a pattern."""
    folders = [top.name for top in sorted(os.scandir(site_dir), key=lambda e: e.name)
               if top.is_dir() and top.name not in municipalities and top.name != FOLDER
               and GLOB_SAFE.match(top.name)]
    folders += [mid for mid in group.members if GLOB_SAFE.match(mid)]
    if not folders:
        return PAGES_ROOT
    return "{" + f"{PAGES_ROOT},{_alternatives(sorted(set(folders)))}/**/{PAGES_ROOT}" + "}"


def _alternatives(names: list[str]) -> str:
    """``{a,b,...}`` for the sorted ``names``, their common beginnings written once
    (``{novo{spasskoe,ulyanovsk}}``): Pagefind's glob compiler refuses a few thousand long
    names listed one by one (and an empty alternative, so a name that begins another is
    written whole: ``{inza,inza-town}`` → ``{inza,inza-town}``, not ``inza{,-town}``)."""
    def tree(group: list[str]) -> list[str]:
        if len(group) == 1:
            return group
        prefix = os.path.commonprefix(group)
        branches: dict[str, list[str]] = {}
        whole = False
        for name in group:
            rest = name[len(prefix):]
            if rest:
                branches.setdefault(rest[0], []).append(rest)
            else:
                whole = True
        globs = []
        for branch in branches.values():
            inner = tree(branch)
            globs.append(inner[0] if len(inner) == 1 else "{" + ",".join(inner) + "}")
        joined = globs[0] if len(globs) == 1 else "{" + ",".join(globs) + "}"
        return ([prefix] if whole else []) + [prefix + joined]

    return "{" + ",".join(tree(names)) + "}"


def index_site(site_dir: Path, all_groups: Sequence[Group],
               municipalities: Collection[str]) -> None:
    """The whole site's search: one index, or one per group."""
    if not all_groups:
        index_region(site_dir)
        return
    shutil.rmtree(site_dir / FOLDER, ignore_errors=True)
    index_groups(site_dir, all_groups, all_groups, municipalities)


def index_groups(site_dir: Path, only: Sequence[Group], all_groups: Sequence[Group],
                 municipalities: Collection[str], *, reuse: Path | None = None) -> None:
    """(Re)write the indexes of the groups ``only`` in ``site_dir/pagefind/<id>/``, and the
    list of ``all_groups``. ``reuse``: the current site's ``pagefind/`` (``index_region``)."""
    out = site_dir / FOLDER
    out.mkdir(exist_ok=True)
    for group in only:
        index_region(site_dir, group_glob(site_dir, group, municipalities),
                     f"{FOLDER}/{group.id}", reuse=reuse / group.id if reuse else None)
    (out / GROUPS).write_text(json.dumps(
        {g.id: list(g.members) for g in all_groups}, ensure_ascii=False, sort_keys=True),
        encoding="utf-8")


PAGES_ROOT = "index.html"
PAGES = "**/index.html"
ENTRY = "pagefind-entry.json"
"""Pagefind's entry file: the index's languages (rewritten after Pagefind, never shared)."""
SCRATCH = Path("/dev/shm")
"""Where Pagefind writes an index that the current site mostly has already (memory, where
the machine has this folder): see ``index_region``'s ``reuse``."""
SCRATCH_PREFIX = "extrel-pagefind-"
"""The start of a build's folder in ``SCRATCH``: then its process id, so that the next build
removes what a build that was stopped left there."""
SCRATCH_SPARE = 16 * 1024 * 1024
"""Room that must stay free in ``SCRATCH`` beyond twice the current index, before and after
Pagefind runs there (a file system that fills up leaves Pagefind's files cut short, and
Pagefind does not say so)."""


def index_region(site_dir: Path, pages: str = PAGES, folder: str = FOLDER, *,
                 reuse: Path | None = None) -> None:
    """(Re)write ``site_dir/pagefind/`` from every page under ``site_dir`` (or those the
    glob ``pages`` matches: one language's, ``mkdocs/searchindex.py``).

    Only the pages a resident wants as a result are indexed: the templates mark their
    content with ``data-pagefind-body`` (each entry's page, each section's home, the
    presentation, an editor's portal page), and Pagefind leaves out every page without it
    (the lists, news years, the portal's home and dashboard that repeat the entries'
    titles). Within ``article`` only (a site without any mark, a portal without
    municipalities, is indexed whole, still without the menus, header and footer), and only
    ``index.html`` pages (not ``404.html``).

    ``reuse``: this index in the current site. Pagefind then writes into memory
    (``SCRATCH``), and each file the current index has with the same name and bytes becomes a
    hard link to it (``_settle``): after an edit of one page, the few files that changed are
    written, not the thousands of fragments of its language, whose names are their contents'
    hashes. New files cost a file system far more than links (ext4 about 0.3 ms each, more
    just after a build deleted as many). Where memory is missing, too small or fills up (a
    container's ``/dev/shm``), Pagefind writes into the site as without ``reuse``."""
    out = site_dir / folder
    shutil.rmtree(out, ignore_errors=True)
    if reuse is not None and _in_memory(site_dir, pages, out, reuse):
        return
    _pagefind(site_dir, pages, ["--output-subdir", folder])
    _sort_languages(out)


def _in_memory(site_dir: Path, pages: str, out: Path, reuse: Path) -> bool:
    """``index_region`` by way of ``SCRATCH``; False, with nothing at ``out``, where it could
    not be done there."""
    try:
        if not reuse.is_dir() or not _room(_size(reuse)):
            return False
        _clear_stopped()
        with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-",
                                         dir=SCRATCH) as tmp:
            made = Path(tmp, "index")
            _pagefind(site_dir, pages, ["--output-path", str(made)], quiet=True)
            if not _room(0) or not _whole(made):
                return False
            _sort_languages(made)
            _settle(made, out, reuse)
        return True
    except (OSError, ValueError, subprocess.CalledProcessError):
        shutil.rmtree(out, ignore_errors=True)  # what was settled of it, if anything
        return False


def _room(need: int) -> bool:
    """Whether ``SCRATCH`` is there for this process, with ``2 * need`` bytes and
    ``SCRATCH_SPARE`` free."""
    if not SCRATCH.is_dir() or not os.access(SCRATCH, os.W_OK | os.X_OK):
        return False
    free = os.statvfs(SCRATCH)
    return free.f_bavail * free.f_frsize >= 2 * need + SCRATCH_SPARE


def _size(folder: Path) -> int:
    return sum(os.lstat(os.path.join(dirpath, name)).st_size
               for dirpath, _dirs, files in os.walk(folder) for name in files)


def _whole(index: Path) -> bool:
    """Whether Pagefind's output looks complete: its entry file there, no file empty (a write
    cut short by a full file system leaves empty files, and Pagefind still exits with 0)."""
    if not (index / ENTRY).is_file():
        return False
    return all(os.lstat(os.path.join(dirpath, name)).st_size > 0
               for dirpath, _dirs, files in os.walk(index) for name in files)


def _clear_stopped() -> None:
    """Remove this user's folders in ``SCRATCH`` that builds since stopped left there."""
    pattern = re.compile(rf"^{re.escape(SCRATCH_PREFIX)}(\d+)-")
    for entry in os.scandir(SCRATCH):
        found = pattern.match(entry.name)
        if (found and int(found[1]) != os.getpid() and not processes.alive(int(found[1]))
                and entry.is_dir(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_uid == os.getuid()):
            shutil.rmtree(entry.path, ignore_errors=True)


def _pagefind(site_dir: Path, pages: str, output: list[str], *, quiet: bool = False) -> None:
    """Run Pagefind over the pages of ``site_dir`` the glob ``pages`` matches (``quiet``: its
    errors not shown, for an attempt that is made again if it fails)."""
    from pagefind_bin import get_executable  # the binary the registry package ships

    # the glob goes in Pagefind's configuration file, not on its command line: a group's
    # glob names each of its municipalities, beyond the length one argument may have
    with tempfile.TemporaryDirectory(prefix="extrel-pagefind-config-") as config:
        Path(config, "pagefind.json").write_text(json.dumps({"glob": pages}), encoding="utf-8")
        subprocess.run(
            [str(get_executable()), "--site", str(site_dir.resolve()), *output,
             "--root-selector", "article", "--quiet"],
            check=True, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL if quiet else None, cwd=config,
        )


def _sort_languages(index: Path) -> None:
    """The languages in a fixed order: the same pages give the same files, build after
    build."""
    entry = index / ENTRY
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                     encoding="utf-8")


def _settle(made: Path, out: Path, reuse: Path) -> None:
    """Put the index ``made`` at ``out``: each file as a hard link to ``reuse``'s file of the
    same path where their bytes are the same, else as a copy. The entry file is always a
    copy: the build rewrites it (``mkdocs/searchindex.py``), which must never reach a file of
    the current site."""
    for dirpath, _dirs, files in os.walk(made):
        rel = os.path.relpath(dirpath, made)
        target = out / rel
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            new, old = Path(dirpath, name), reuse / rel / name
            if name != ENTRY and _same_file(new, old):
                try:
                    os.link(old, target / name, follow_symlinks=False)
                    continue
                except OSError:  # another file system, a link limit: a copy
                    pass
            shutil.copyfile(new, target / name)


def _same_file(new: Path, old: Path) -> bool:
    """Whether ``old`` is a regular file (not a link to one elsewhere) with ``new``'s bytes."""
    try:
        found = os.lstat(old)
        if not stat.S_ISREG(found.st_mode) or found.st_size != new.stat().st_size:
            return False
        return new.read_bytes() == old.read_bytes()
    except OSError:
        return False
