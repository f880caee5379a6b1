"""The search index made again from the current one (``regionsearch.index_region``'s
``reuse``): the current index's files named by a hash are hard-linked into the new folder
first, Pagefind writes only the files it does not find there, and the files the new index
does not use are removed. Whatever the current index holds, the result is the index Pagefind
makes from nothing, and the current index is never written to."""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest
from regions import build, commit_all, inodes, make_region, tree

from extrel.core import regionsearch


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = make_region(tmp_path_factory.mktemp("reuse") / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    build(config)
    return config.parent / "site"


@pytest.fixture
def site(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site, its index as ``current`` beside it (the site it replaces)."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, symlinks=True)
    shutil.copytree(copy / regionsearch.FOLDER, tmp_path / "current")
    return copy


def from_nothing(site: Path, tmp_path: Path) -> dict[str, bytes]:
    """The index Pagefind makes of ``site``'s pages without any current one."""
    expected = tmp_path / "expected"
    shutil.copytree(site, expected, symlinks=True)
    regionsearch.index_region(expected)
    return tree(expected / regionsearch.FOLDER)


def edit_page(site: Path) -> str:
    """A changed text in one marked page of the site; its path."""
    page = next(p for p in sorted(site.glob("*/news/*/index.html"))
                if b"data-pagefind-body" in p.read_bytes())
    html = page.read_text(encoding="utf-8")
    marker = "data-pagefind-body>"
    at = html.index(marker) + len(marker)
    page.write_text(html[:at] + "Новый абзац о побратимах. " + html[at:], encoding="utf-8")
    return page.relative_to(site).as_posix()


def test_the_same_pages_give_links_to_every_hashed_file(site: Path, tmp_path: Path) -> None:
    current = tmp_path / "current"
    before = tree(current)
    regionsearch.index_region(site, reuse=current)
    out = site / regionsearch.FOLDER
    assert tree(out) == before, "the same pages: the same index"
    made, kept = inodes(out), inodes(current)
    hashed = {k for k in made if k.endswith(tuple(regionsearch.HASHED.values()))}
    assert len(hashed) > 10
    assert {k for k in made if made[k] == kept[k]} == hashed
    # the scripts and the entry, which Pagefind writes over, are never the current files
    assert made[regionsearch.ENTRY] != kept[regionsearch.ENTRY]
    assert made["pagefind.js"] != kept["pagefind.js"]
    assert tree(current) == before


def test_an_edited_page_gives_the_index_made_from_nothing(site: Path, tmp_path: Path) -> None:
    current = tmp_path / "current"
    before = tree(current)
    edit_page(site)
    expected = from_nothing(site, tmp_path)
    regionsearch.index_region(site, reuse=current)
    made = tree(site / regionsearch.FOLDER)
    assert made == expected
    assert set(before) - set(made), "the edited page's old fragment is gone"
    new_text = "Новый абзац".encode()
    assert [k for k in set(before) - set(made) if k.endswith(".pf_fragment")]
    assert [k for k in set(made) - set(before)
            if k.endswith(".pf_fragment") and new_text in gzip.decompress(made[k])]
    assert tree(current) == before, "the current index is never written to"


def test_a_page_gone_leaves_no_fragment(site: Path, tmp_path: Path) -> None:
    current = tmp_path / "current"
    page = edit_page(site)
    os.unlink(site / page)
    expected = from_nothing(site, tmp_path)
    regionsearch.index_region(site, reuse=current)
    assert tree(site / regionsearch.FOLDER) == expected


def test_a_damaged_current_metadata_gives_the_index_made_from_nothing(
        site: Path, tmp_path: Path) -> None:
    """A current metadata file with the name the new one has but other bytes: Pagefind would
    keep it (it never writes a file already there); it cannot be read, so the index is
    made from nothing."""
    current = tmp_path / "current"
    expected = from_nothing(site, tmp_path)
    for meta in current.glob("pagefind.*.pf_meta"):
        meta.write_bytes(gzip.compress(b"pagefind_dcd" + b"\xff\x00 not cbor"))
    regionsearch.index_region(site, reuse=current)
    assert tree(site / regionsearch.FOLDER) == expected


def test_links_in_the_current_index_are_never_followed(site: Path, tmp_path: Path) -> None:
    """A fragment that is a symbolic link (to a file outside, with the very bytes the new
    index needs), and a folder of word index chunks that is one: the new index has files
    of its own, none of them linked to the outside."""
    current = tmp_path / "current"
    expected = from_nothing(site, tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    fragment = sorted((current / "fragment").iterdir())[0]
    shutil.copyfile(fragment, outside / fragment.name)
    fragment.unlink()
    fragment.symlink_to(outside / fragment.name)
    shutil.move(current / "index", outside / "index")
    (current / "index").symlink_to(outside / "index")
    regionsearch.index_region(site, reuse=current)
    out = site / regionsearch.FOLDER
    assert tree(out) == expected
    assert not any(p.is_symlink() for p in out.rglob("*"))
    theirs = {p.stat().st_ino for p in outside.rglob("*") if p.is_file()}
    assert not theirs & set(inodes(out).values())


def test_a_language_left_out_is_not_linked(site: Path, tmp_path: Path) -> None:
    """``languages``: only the files of those languages are taken from the current index
    (the others are linked by ``mkdocs/searchindex.py`` afterwards)."""
    current = tmp_path / "current"
    from extrel.mkdocs import searchindex

    glob = searchindex.pages_glob(site, ["en"], ["en"])
    assert glob is not None
    regionsearch.index_region(site, glob, reuse=current, languages=["en"])
    out = site / regionsearch.FOLDER
    names = [p.name for p in out.rglob("*") if p.is_file()]
    assert any(n.startswith("en_") for n in names)
    assert not any(n.startswith(("ru_", "pagefind.ru_")) for n in names)
    kept = inodes(current)
    made = inodes(out)
    assert {k for k in made if k.endswith(".pf_fragment") and made[k] == kept.get(k)}
