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
import subprocess
import tempfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

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
    """(language, name) for Russian, English and each other language the registry gives it
    in (``Localized``)."""
    members: tuple[str, ...]

    def name(self, lang: str) -> str:
        """The name in ``lang``; English where it has none (as ``Localized.get``)."""
        names = dict(self.names)
        return names.get(lang) or names[ui_language(lang)]


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
            names = tuple(name.model_dump().items())  # ru, en, then the others given
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
HASHED = {"": ".pf_meta", "fragment": ".pf_fragment", "index": ".pf_index",
          "filter": ".pf_filter"}
"""Pagefind's files named by a hash of their contents, by folder (within an index's folder)
and ending: the language's metadata, each page's fragment, the word and filter index chunks.
Pagefind never writes such a file where one of its name is already there (its own files,
which a hash names, are never rewritten); every other file (its scripts, WebAssembly and
the entry) it writes anew each time."""
META_PREFIX = b"pagefind_dcd"
"""The bytes before Pagefind's CBOR in a decompressed ``.pf_meta`` file."""


def index_region(site_dir: Path, pages: str = PAGES, folder: str = FOLDER, *,
                 reuse: Path | None = None, languages: Collection[str] | None = None) -> None:
    """(Re)write ``site_dir/pagefind/`` from every page under ``site_dir`` (or those the
    glob ``pages`` matches: one language's, ``mkdocs/searchindex.py``).

    Only the pages a resident wants as a result are indexed: the templates mark their
    content with ``data-pagefind-body`` (each entry's page, each section's home, the
    presentation, an editor's portal page), and Pagefind leaves out every page without it
    (the lists, news years, the portal's home and dashboard that repeat the entries'
    titles). Within ``article`` only (a site without any mark, a portal without
    municipalities, is indexed whole, still without the menus, header and footer), and only
    ``index.html`` pages (not ``404.html``).

    ``reuse``: this index in the current site (``languages``: only its files of these). Its
    files named by their contents' hashes (``HASHED``) are first hard-linked into the new
    folder, and Pagefind, which never writes such a file where it is already there, then
    compresses and writes only the files whose contents changed: after an edit of one page,
    a few files, not the thousands of fragments of its language (about half of Pagefind's
    time, and new files cost a file system far more than links). The files the new index
    does not name (the edited page's old fragment, with its old text) are then removed
    (``_drop_unused``). Where any of it fails, the index is made from nothing."""
    out = site_dir / folder
    shutil.rmtree(out, ignore_errors=True)
    if reuse is not None and _reusing(site_dir, pages, folder, reuse, languages):
        return
    shutil.rmtree(out, ignore_errors=True)
    _pagefind(site_dir, pages, ["--output-subdir", folder])
    _sort_languages(out)


def _reusing(site_dir: Path, pages: str, folder: str, reuse: Path,
             languages: Collection[str] | None) -> bool:
    """``index_region`` from ``reuse``'s files; False, where it could not be done so."""
    out = site_dir / folder
    try:
        if not reuse.is_dir():
            return False
        _link_hashed(reuse, out, languages)
        _pagefind(site_dir, pages, ["--output-subdir", folder], quiet=True)
        if not _whole(out):
            return False
        _sort_languages(out)
        _drop_unused(out)
        return True
    except (OSError, ValueError, subprocess.CalledProcessError):
        return False


def _link_hashed(reuse: Path, out: Path, languages: Collection[str] | None) -> None:
    """Hard links in ``out`` to ``reuse``'s regular files named by a hash (``HASHED``), of
    ``languages`` if given; links to elsewhere are never followed."""
    for sub, ending in HASHED.items():
        source = reuse / sub
        if not source.is_dir() or source.is_symlink():
            continue
        target = out / sub
        target.mkdir(parents=True, exist_ok=True)
        with os.scandir(source) as entries:
            for entry in entries:
                if (entry.name.endswith(ending) and entry.is_file(follow_symlinks=False)
                        and (languages is None or language_of_file(entry.name) in languages)):
                    os.link(entry.path, target / entry.name, follow_symlinks=False)


def language_of_file(name: str) -> str | None:
    """The language an index file belongs to (from its name); None for the scripts and
    styles."""
    if name.startswith("pagefind.") and name.endswith(".pf_meta"):
        return name[len("pagefind."):].split("_")[0]
    if name.startswith("wasm.") and name.endswith(".pagefind"):
        return name[len("wasm."):-len(".pagefind")]
    if name.endswith((".pf_fragment", ".pf_index", ".pf_filter")):
        return name.split("_")[0]
    return None


def used_files(index: Path) -> set[str]:
    """The files (paths within ``index``) named by a hash that the index's languages use, as
    their metadata lists them. Raises ValueError where the entry or a metadata file cannot
    be read as Pagefind writes them."""
    import gzip

    import cbor2

    try:
        entry = json.loads((index / ENTRY).read_text(encoding="utf-8"))
        used: set[str] = set()
        for language in entry["languages"].values():
            meta_name = f"pagefind.{language['hash']}{HASHED['']}"
            raw = gzip.decompress((index / meta_name).read_bytes())
            if not raw.startswith(META_PREFIX):
                raise ValueError(f"{meta_name}: not Pagefind's metadata")
            _version, pages, chunks, filters, *_rest = cbor2.loads(raw[len(META_PREFIX):])
            used.add(meta_name)
            used.update(f"fragment/{page[0]}{HASHED['fragment']}" for page in pages)
            used.update(f"index/{chunk[2]}{HASHED['index']}" for chunk in chunks)
            used.update(f"filter/{found[1]}{HASHED['filter']}" for found in filters)
    except (KeyError, IndexError, TypeError, EOFError, cbor2.CBORDecodeError) as exc:
        raise ValueError(f"{index}: {exc!r}") from None
    return used


def _drop_unused(index: Path) -> None:
    """Remove the files named by a hash that the index does not use (linked from the
    current index for pages since changed or gone); ValueError where a file it uses is
    missing."""
    used = used_files(index)
    present: set[str] = set()
    for sub, ending in HASHED.items():
        folder = index / sub
        if not folder.is_dir():
            continue
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = f"{sub}/{entry.name}" if sub else entry.name
                if not entry.name.endswith(ending):
                    continue
                if rel in used:
                    present.add(rel)
                else:
                    os.unlink(entry.path)
    if present != used:
        raise ValueError(f"{index}: missing {sorted(used - present)[:3]}")


def _whole(index: Path) -> bool:
    """Whether Pagefind's output looks complete: its entry file there, no file empty (a write
    cut short by a full file system leaves empty files, and Pagefind still exits with 0)."""
    if not (index / ENTRY).is_file():
        return False
    return all(os.lstat(os.path.join(dirpath, name)).st_size > 0
               for dirpath, _dirs, files in os.walk(index) for name in files)


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
