"""The search index made again by way of memory (``regionsearch.index_region``'s ``reuse``):
Pagefind writes into ``SCRATCH``, the files the current index has byte for byte become hard
links to them, and where memory is missing, small or fills up (Pagefind then leaves files
cut short and still exits with 0) the index is written into the site as before. What a
build that was stopped left in memory, the next one removes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from regions import build, commit_all, inodes, make_region, memory_disk, tree

from extrel.core import regionsearch


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = make_region(tmp_path_factory.mktemp("scratch") / "r")
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


@pytest.fixture
def small_memory(tmp_path: Path) -> Iterator[Path]:
    """A 256 KB file system in memory: less than the region's index."""
    with memory_disk(tmp_path / "shm", "256k") as folder:
        yield folder


def files(index: Path) -> dict[str, int]:
    return {p.relative_to(index).as_posix(): p.stat().st_size
            for p in index.rglob("*") if p.is_file()}


def test_the_files_it_shares_are_links_and_its_entry_a_copy(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "memory"
    scratch.mkdir()
    monkeypatch.setattr(regionsearch, "SCRATCH", scratch)
    current = tmp_path / "current"
    regionsearch.index_region(site, reuse=current)
    out = site / regionsearch.FOLDER
    assert tree(out) == tree(current), "the same pages: the same index"
    made, kept = inodes(out), inodes(current)
    entry = regionsearch.ENTRY
    # every file is the current one, but the entry file the build rewrites
    assert {k for k in made if made[k] == kept[k]} == set(made) - {entry}
    assert made[entry] != kept[entry]
    assert os.listdir(scratch) == []


def test_a_link_in_the_current_index_is_never_followed(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A symbolic link in the current index, to a file outside the site with the very bytes
    the new index has, gives a copy in the new index, not a hard link to that file."""
    scratch = tmp_path / "memory"
    scratch.mkdir()
    monkeypatch.setattr(regionsearch, "SCRATCH", scratch)
    current = tmp_path / "current"
    outside = tmp_path / "outside.js"
    shutil.copyfile(current / "pagefind.js", outside)
    (current / "pagefind.js").unlink()
    (current / "pagefind.js").symlink_to(outside)
    regionsearch.index_region(site, reuse=current)
    made = site / regionsearch.FOLDER / "pagefind.js"
    assert not made.is_symlink() and made.read_bytes() == outside.read_bytes()
    assert made.stat().st_ino != outside.stat().st_ino


def test_a_memory_that_fills_up_gives_the_index_written_into_the_site(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Room for twice the current index (a tiny one: the region has grown since) but not for
    the new one: Pagefind fills the memory. At some sizes it fails, at others it exits with
    0 and leaves files empty or cut short; each way the index is written into the site,
    whole. Memories of 30 % to 98 % of the index, so that it fills at every stage."""
    monkeypatch.setattr(regionsearch, "SCRATCH_SPARE", 4096)
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    (tiny / "pagefind.js").write_text("x", encoding="utf-8")
    expected = tmp_path / "expected"
    shutil.copytree(site, expected, symlinks=True)
    regionsearch.index_region(expected)  # without memory
    whole = tree(expected / regionsearch.FOLDER)
    size_kb = sum(len(data) for data in whole.values()) // 1024
    for share in range(30, 100, 4):
        with memory_disk(tmp_path / f"shm{share}", f"{size_kb * share // 100}k") as folder:
            monkeypatch.setattr(regionsearch, "SCRATCH", folder)
            regionsearch.index_region(site, reuse=tiny)
            assert tree(site / regionsearch.FOLDER) == whole, f"{share} %"
            assert os.listdir(folder) == []


def test_a_memory_smaller_than_the_index_leaves_it_to_the_site(
        site: Path, tmp_path: Path, small_memory: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regionsearch, "SCRATCH", small_memory)
    marker = small_memory / "untouched"
    marker.write_text("x", encoding="utf-8")
    regionsearch.index_region(site, reuse=tmp_path / "current")
    assert tree(site / regionsearch.FOLDER) == tree(tmp_path / "current")
    assert os.listdir(small_memory) == ["untouched"]


def test_what_a_stopped_build_left_in_memory_is_removed(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "memory"
    scratch.mkdir()
    monkeypatch.setattr(regionsearch, "SCRATCH", scratch)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead = int(gone.stdout)
    left = scratch / f"{regionsearch.SCRATCH_PREFIX}{dead}-abc123"
    (left / "index" / "fragment").mkdir(parents=True)
    (left / "index" / "fragment" / "ru_1.pf_fragment").write_bytes(b"x" * 1000)
    running = scratch / f"{regionsearch.SCRATCH_PREFIX}{os.getppid()}-def456"
    running.mkdir()
    other = scratch / "someone-else"
    other.mkdir()
    regionsearch.index_region(site, reuse=tmp_path / "current")
    assert sorted(os.listdir(scratch)) == sorted([running.name, other.name])
