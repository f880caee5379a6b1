"""The processes of a build: a pool started before the region is read (``started_workers``),
which builds the portal beside the sections; the current site's kept parts linked in by a
child process meanwhile (``treelinks.Linking``); and, after a build with no previous site,
a copy of the new one kept for the next build to start from (``previoussite.prepare``)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from regions import build, commit_all, git, inodes, make_region, tree, write

from extrel.cli import cli
from extrel.core import regionsearch
from extrel.mkdocs import builder, previoussite
from extrel.mkdocs.treelinks import Linking

NEWS = "content/beta/news/2026-08-01-hello.ru.md"


def edited(root: Path, words: str, day: int) -> None:
    page = root / NEWS
    page.write_text(page.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")
    git(root, "commit", "-qam", f"edit {day}", date=f"2026-11-{day:02d}T10:00:00+04:00")


def leftovers(root: Path) -> list[str]:
    """What builds left beside the site: staging folders, old sites."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site."))


def test_a_pool_started_early_builds_the_portal_and_the_same_site(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config, "--workers", "2")
    # the first edit of the day: beta's section and the portal (its freshness table), each
    # in a process of the pool started before the region was read
    edited(root, "Второй абзац.", 12)
    out = build(config, "--workers", "2")
    assert "(собрано 1, без изменений 1)" in out
    fresh = tmp_path / "fresh"
    build(config, "--site-dir", str(fresh))  # one process, no pool
    assert tree(root / "site") == tree(fresh)
    # the compressed sitemaps carry the check date, though the processes were started
    # before the build set it for itself
    stamp = int(dt.datetime(2026, 11, 23, tzinfo=dt.UTC).timestamp())
    for sitemap in ("beta/sitemap.xml.gz", "sitemap.xml.gz"):
        header = (root / "site" / sitemap).read_bytes()[:8]
        assert int.from_bytes(header[4:8], "little") == stamp, sitemap
    assert leftovers(root) == []


def test_the_portal_failing_in_a_pool_process_leaves_the_site(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config, "--workers", "2")
    before = tree(root / "site")
    # a template only the portal uses, broken
    write(root, "theme/extrel/dashboard.html", "{% if %}\n")
    edited(root, "Второй абзац.", 12)
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", "2026-11-23",
                                      "--workers", "2"])
    assert result.exit_code == 2, result.output
    assert "portal:" in result.output and "Traceback" not in result.output
    assert tree(root / "site") == before
    assert leftovers(root) == []
    # mended, the next build starts from what is there and equals a fresh one
    (root / "theme/extrel/dashboard.html").unlink()
    build(config, "--workers", "2")
    fresh = tmp_path / "fresh"
    build(config, "--site-dir", str(fresh))
    assert tree(root / "site") == tree(fresh)


def test_started_workers_for_one_process_is_none() -> None:
    with builder.started_workers(1) as pool:
        assert pool is None


def sample(folder: Path) -> Path:
    (folder / "a/b").mkdir(parents=True)
    (folder / "a/b/index.html").write_text("<p>a</p>", encoding="utf-8")
    (folder / "top.txt").write_text("top", encoding="utf-8")
    (folder / "-dash").mkdir()  # a name an option parser would take for an option
    (folder / "-dash/x").write_text("x", encoding="utf-8")
    os.symlink("/etc/passwd", folder / "link")
    return folder


def same_files(a: Path, b: Path, names: list[str]) -> None:
    """Every file under ``names`` of ``b`` is ``a``'s (the same inode); a symbolic link is
    the link itself."""
    for name in names:
        for path in [a / name, *((a / name).rglob("*") if (a / name).is_dir() else [])]:
            copy = b / path.relative_to(a)
            if path.is_symlink():
                assert copy.is_symlink() and os.readlink(copy) == os.readlink(path)
            elif path.is_file():
                assert copy.stat().st_ino == path.stat().st_ino
            else:
                assert copy.is_dir() and not copy.is_symlink()


def test_linking_links_in_a_child_process(tmp_path: Path) -> None:
    source, target = sample(tmp_path / "s"), tmp_path / "t"
    target.mkdir()
    names = ["a", "top.txt", "-dash", "link"]
    linking = Linking(source, names, target)
    assert linking.process is not None
    assert linking.finish()
    same_files(source, target, names)
    assert not (target / "link").resolve().is_relative_to(target)  # not followed, kept


@pytest.mark.parametrize("fallback", [True, False])
def test_linking_without_cp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            fallback: bool) -> None:
    source, target = sample(tmp_path / "s"), tmp_path / "t"
    target.mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))  # no setpriv, nice or cp
    linking = Linking(source, ["a", "top.txt", "link"], target, fallback=fallback)
    assert linking.process is None
    assert linking.finish() is fallback
    if fallback:  # linked in this process instead
        same_files(source, target, ["a", "top.txt", "link"])
    else:
        assert list(target.iterdir()) == []


def test_linking_that_fails_half_way_leaves_nothing_half_done(tmp_path: Path) -> None:
    source, target = sample(tmp_path / "s"), tmp_path / "t"
    target.mkdir()
    (target / "top.txt").write_text("in the way", encoding="utf-8")  # cp cannot link it
    linking = Linking(source, ["a", "top.txt"], target, fallback=False)
    assert not linking.finish()
    assert list(target.iterdir()) == []


def test_stopping_linking_ends_its_copy(tmp_path: Path) -> None:
    source, target = tmp_path / "s", tmp_path / "t"
    for i in range(300):
        (source / f"d{i}/e/f").mkdir(parents=True)
        (source / f"d{i}/e/f/index.html").write_text("x", encoding="utf-8")
    target.mkdir()
    linking = Linking(source, sorted(os.listdir(source)), target)
    process = linking.process
    assert process is not None
    linking.stop()
    assert process.returncode is not None and linking.process is None
    before = sorted(p.name for p in target.iterdir())
    shutil.rmtree(target)  # nothing writes there any more
    assert not target.exists() and len(before) <= 300


def test_a_first_build_keeps_no_copy_where_room_is_short(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        ) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    monkeypatch.setattr(previoussite, "ROOM", (1 << 62, 0))  # more than any disk has
    build(config)
    assert not previoussite.folder(root / "site").exists()
    # the first edit then links the current site's files in, as the copy would have
    first = inodes(root / "site")
    edited(root, "Второй абзац.", 12)
    build(config)
    now = inodes(root / "site")
    assert {k: v for k, v in now.items() if k.startswith("alpha/")} == \
        {k: v for k, v in first.items() if k.startswith("alpha/")}
    fresh = tmp_path / "fresh"
    build(config, "--site-dir", str(fresh))
    assert tree(root / "site") == tree(fresh)


def test_a_copy_left_unfinished_is_not_started_from(tmp_path: Path) -> None:
    """A build killed while it copied its site leaves the copy without its manifest: the
    next build does not trust it, and equals a fresh build."""
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config)
    kept = previoussite.folder(root / "site")
    (kept / previoussite.MARKER).unlink()
    (kept / "alpha/index.html").unlink()  # cut short
    (kept / regionsearch.FOLDER).mkdir()
    edited(root, "Второй абзац.", 12)
    build(config)
    fresh = tmp_path / "fresh"
    build(config, "--site-dir", str(fresh))
    assert tree(root / "site") == tree(fresh)


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        if f"\nPPid:\t{pid}\n" in status:
            found.append(int(entry))
    return found


def test_a_killed_build_leaves_no_process_of_its_pool(tmp_path: Path) -> None:
    build_process, pool = build_with_pool(tmp_path)
    build_process.kill()
    build_process.wait()
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in pool) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in pool if running(pid)], "the killed build's pool still runs"


def running(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        return "State:\tZ" not in status.read_text(errors="replace")
    except OSError:
        return False


def build_with_pool(tmp_path: Path, **popen: Any) -> tuple[subprocess.Popen[Any], list[int]]:
    """``extrel build --workers 2`` of a new region, in a process of its own, once the
    processes of its pool are seen."""
    config = make_region(tmp_path / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    popen.setdefault("stdout", subprocess.DEVNULL)
    popen.setdefault("stderr", subprocess.DEVNULL)
    build_process = subprocess.Popen(
        [sys.executable, "-c", "from extrel.cli import main; main()", "build", "-f",
         str(config), "--today", "2026-11-23", "--workers", "2", "--no-progress"],
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)), **popen)
    deadline = time.monotonic() + 60
    pool: list[int] = []
    while len(pool) < 2 and time.monotonic() < deadline and build_process.poll() is None:
        pool = children(build_process.pid)
        time.sleep(0.005)
    assert len(pool) >= 2, "the pool's processes were not seen"
    return build_process, pool


def test_linking_ends_with_the_build(tmp_path: Path) -> None:
    """A build killed while its child links leaves no ``cp`` writing on."""
    source, target = sample(tmp_path / "s"), tmp_path / "t"
    target.mkdir()
    slow = tmp_path / "bin"
    slow.mkdir()
    (slow / "cp").write_text("#!/bin/sh\nexec sleep 60\n", encoding="utf-8")
    (slow / "cp").chmod(0o755)
    script = ("import sys, time\nfrom pathlib import Path\n"
              "from extrel.mkdocs.treelinks import Linking\n"
              f"linking = Linking(Path({str(source)!r}), ['a'], Path({str(target)!r}))\n"
              "print(linking.process.pid, flush=True)\ntime.sleep(60)\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path),
               PATH=f"{slow}{os.pathsep}{os.environ['PATH']}")
    parent = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE,
                              text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    deadline = time.monotonic() + 10
    while "sleep" not in Path(f"/proc/{child}/cmdline").read_text(errors="replace"):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    parent.kill()
    parent.wait()
    parent.stdout.close()
    deadline = time.monotonic() + 10
    while running(child) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not running(child)


def test_an_interrupted_build_stops_quietly(tmp_path: Path) -> None:
    """Ctrl-C (an interrupt to the terminal's whole process group) while the region is read
    or built: no traceback from the pool's processes, none of them left."""
    build_process, pool = build_with_pool(tmp_path, stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, text=True,
                                          start_new_session=True)
    os.killpg(build_process.pid, signal.SIGINT)
    out, err = build_process.communicate(timeout=60)
    assert build_process.returncode != 0
    assert "Traceback" not in out + err and "KeyboardInterrupt" not in out + err, err
    assert not [pid for pid in pool if running(pid)]
    root = tmp_path / "r"
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site.building")]


def test_the_early_pool_is_what_an_edit_needs() -> None:
    assert builder.early_workers(64, 2) == 3  # the portal, a section's two languages
    assert builder.early_workers(2, 3) == 2
