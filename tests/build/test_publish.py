"""Always the old complete site or the new complete one: real `extrel build` processes killed
at random moments, started two at a time, and run by a user who may not write the site."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from regions import commit_all, git, make_region, memory_disk, tree

SRC = Path(__file__).resolve().parents[2] / "src"
NEWS = "content/beta/news/2026-08-01-hello.ru.md"


def command(config: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "extrel", "build", "-f", str(config), "--today", "2026-11-23",
            "--no-progress", *extra]


def environment() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")


def edit(root: Path, n: int, *, commit: bool = True) -> None:
    """A new version of beta's news item (its section and the portal's freshness change)."""
    page = root / NEWS
    page.write_text(f"---\ntitle: Привет {n}\ndate: 2026-08-01\n---\n\nВерсия {n}.\n",
                    encoding="utf-8")
    if commit:
        git(root, "commit", "-qam", f"edit {n}", date=f"2026-11-{11 + n % 10:02d}T10:00:00+04:00")


def assert_complete(site: Path) -> None:
    """Every part of a build is there and the manifest agrees with it."""
    for part in ("index.html", "en/index.html", "freshness/index.html", "search",
                 "alpha/index.html", "alpha/en/index.html", "beta/index.html",
                 "beta/en/index.html"):
        assert (site / part).exists(), f"{part} missing"
    manifest = json.loads(site.with_name("site.extrel-manifest.json").read_text("utf-8"))
    assert manifest["version"] == 2
    if manifest["complete"]:
        assert sorted(manifest["sections"]) == ["alpha", "beta"]
        assert manifest["portal"] is not None


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob(".site.*"))


def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_site(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    site = root / "site"
    commit_all(root, "2026-11-10T12:00:00+04:00")
    rng = random.Random(13)
    built, kills = False, 0
    for n in range(22):
        edit(root, n)
        process = subprocess.Popen(command(config, "--workers", "1"), env=environment(),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # a kill early, during the build, or around the swap at its end
        delay = rng.uniform(0.1, 3.0)
        try:
            code = process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            code = process.wait()
            kills += 1
        assert code in (0, -signal.SIGKILL), code
        built = built or code == 0 or site.exists()
        if site.exists():
            assert_complete(site)
        else:
            assert not built, "the site vanished after a build had succeeded"
    assert kills, "no build was killed"
    # the next build clears what the killed ones left and ends with the latest content
    final = subprocess.run(command(config), env=environment(), capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert leftovers(root) == []
    assert_complete(site)
    assert "Версия 21." in (site / "beta/news/2026-08-01-hello/index.html").read_text("utf-8")
    fresh = subprocess.run(command(config, "--site-dir", str(tmp_path / "fresh")),
                           env=environment(), capture_output=True, text=True)
    assert fresh.returncode == 0, fresh.stderr
    assert tree(site) == tree(tmp_path / "fresh")


def test_two_builds_started_together_never_interleave(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    site = root / "site"
    commit_all(root, "2026-11-10T12:00:00+04:00")
    for n in range(6):
        if n:
            edit(root, n)
        runs = [subprocess.Popen(command(config), env=environment(), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        outputs = [p.communicate() for p in runs]
        outcomes = [(p.returncode, out, err) for p, (out, err) in zip(runs, outputs,
                                                                      strict=True)]
        for code, _out, err in outcomes:
            assert code in (0, 2), err
            assert "Traceback" not in err
        assert any(code == 0 for code, _, _ in outcomes), outcomes
        assert_complete(site)
        assert leftovers(root) == []
        page = (site / "beta/news/2026-08-01-hello/index.html").read_text("utf-8")
        assert (f"Версия {n}." in page) if n else ("Привет" in page)


def test_a_site_moved_aside_by_a_killed_build_is_put_back(tmp_path: Path) -> None:
    """Where the system cannot exchange two folders, a build swaps by two renames; killed
    between them, it leaves the old site beside its place, which the next build restores."""
    from extrel.mkdocs import publish

    site = tmp_path / "site"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    old = tmp_path / f".site.old-{dead.pid}"
    (old / "alpha").mkdir(parents=True)
    (old / "alpha/index.html").write_text("old", encoding="utf-8")
    staging = tmp_path / f".site.building-{dead.pid}"
    (staging / "beta").mkdir(parents=True)
    unfinished = tmp_path / f".site.manifest-{dead.pid}"
    unfinished.write_text("{", encoding="utf-8")
    mine = tmp_path / f".site.building-{os.getpid()}"  # a live process's: kept
    mine.mkdir()
    with publish.site_lock(site):
        pass
    assert (site / "alpha/index.html").read_text(encoding="utf-8") == "old"
    assert not old.exists() and not staging.exists() and not unfinished.exists()
    assert mine.is_dir()


def test_both_swaps_put_the_new_site_in_place_whole(tmp_path: Path) -> None:
    from extrel.mkdocs import publish

    site = tmp_path / "site"
    for swap in (publish.publish, publish.swap_by_renames):
        (site / "alpha").mkdir(parents=True, exist_ok=True)
        (site / "alpha/index.html").write_text("old", encoding="utf-8")
        staging = publish.staging_dir(site)
        (staging / "alpha").mkdir(parents=True)
        (staging / "alpha/index.html").write_text("new", encoding="utf-8")
        (staging / "index.html").write_text("portal", encoding="utf-8")
        swap(staging, site)
        assert tree(site) == {"alpha/index.html": b"new", "index.html": b"portal"}
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
        shutil.rmtree(site)
    if sys.platform == "linux":  # renameat2(RENAME_EXCHANGE): ext4, tmpfs, btrfs, xfs...
        (tmp_path / "a").mkdir()
        (tmp_path / "a/x").write_text("x", encoding="utf-8")
        (tmp_path / "b").mkdir()
        assert publish.exchange(tmp_path / "a", tmp_path / "b")
        assert (tmp_path / "b/x").is_file() and not any((tmp_path / "a").iterdir())


# --- a user who may not write ------------------------------------------------------------


def _python_for_nobody() -> str | None:
    """An interpreter the unprivileged user may run (the venv's may live under /root)."""
    candidates = [sys.executable, f"/usr/bin/python{sys.version_info[0]}.{sys.version_info[1]}"]
    for candidate in candidates:
        probe = subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                                candidate, "-c", "print(1)"], capture_output=True)
        if probe.returncode == 0:
            return candidate
    return None


@pytest.fixture
def nobody_region() -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root to run the build as another user")
    python = _python_for_nobody()
    if python is None:
        pytest.skip("no Python the unprivileged user can run")
    probe = subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                            python, "-c", "import extrel.cli, mkdocs"],
                           capture_output=True, env=_nobody_env(), cwd="/")
    if probe.returncode != 0:
        pytest.skip("the unprivileged user cannot read this checkout or its packages (a "
                    "private folder, as mktemp makes)")
    folder = Path(tempfile.mkdtemp(prefix="extrel-nobody-"))
    folder.chmod(0o755)
    try:
        config = make_region(folder / "r")
        commit_all(config.parent, "2026-11-10T12:00:00+04:00")
        subprocess.run(["chown", "-R", "nobody:nogroup", str(folder)], check=True)
        yield config
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(folder)], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def _nobody_env() -> dict[str, str]:
    site_packages = next(p for p in sys.path if p.endswith("site-packages"))
    return {"PATH": os.environ["PATH"], "PYTHONPATH": f"{SRC}{os.pathsep}{site_packages}",
            "HOME": "/nonexistent", "LANG": "C.UTF-8"}


def as_nobody(config: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    python = _python_for_nobody()
    assert python
    args = command(config, *extra)[1:]
    return subprocess.run(
        ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", python, *args],
        capture_output=True, text=True, cwd=config.parent, env=_nobody_env())


def test_a_read_only_folder_in_the_site_stops_the_build_and_keeps_the_old_site(
        nobody_region: Path) -> None:
    config = nobody_region
    root = config.parent
    site = root / "site"
    first = as_nobody(config)
    assert first.returncode == 0, first.stderr
    before = tree(site)
    (site / "search").chmod(0o555)
    page = root / NEWS
    page.write_text(page.read_text("utf-8").replace("Привет", "Привет снова"), "utf-8")
    again = as_nobody(config)
    assert again.returncode == 2, again.stdout + again.stderr
    output = again.stdout + again.stderr
    assert "Traceback" not in output
    assert "нет прав" in output and "no permission" in output and "search" in output
    assert tree(site) == before
    assert leftovers(root) == []
    # the read-only output folder's parent: nothing can be staged beside it
    (site / "search").chmod(0o755)
    root.chmod(0o555)
    try:
        third = as_nobody(config)
    finally:
        root.chmod(0o755)
    assert third.returncode == 2, third.stdout + third.stderr
    assert "Traceback" not in third.stdout + third.stderr
    assert "no permission" in third.stdout + third.stderr
    assert tree(site) == before


def test_a_read_only_folder_is_found_while_the_portal_and_a_section_build_together(
        nobody_region: Path) -> None:
    """A new news page rebuilds its section (in a worker process) and the portal (in this
    one) while the old site is walked in a thread: the read-only folder is still told, and
    the old site kept."""
    config = nobody_region
    root = config.parent
    site = root / "site"
    assert as_nobody(config).returncode == 0
    before = tree(site)
    (site / "alpha").chmod(0o555)
    added = root / "content/beta/news/2026-11-01-second.ru.md"
    added.write_text("---\ntitle: Вторая новость\ndate: 2026-11-01\n---\n\nТекст.\n", "utf-8")
    added.with_name("2026-11-01-second.en.md").write_text(
        "---\ntitle: Second news\ndate: 2026-11-01\n---\n\nText.\n", "utf-8")
    subprocess.run(["chown", "nobody:nogroup", str(added),
                    str(added.with_name("2026-11-01-second.en.md"))], check=True)
    again = as_nobody(config, "--workers", "2")
    output = again.stdout + again.stderr
    assert again.returncode == 2, output
    assert "Traceback" not in output
    assert "нет прав" in output and "no permission" in output and "alpha" in output
    assert tree(site) == before
    assert leftovers(root) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 24 MB file system of its own (tmpfs), to fill up."""
    with memory_disk(tmp_path / "disk", "24m") as folder:
        yield folder


def test_a_full_disk_stops_the_build_and_keeps_the_old_site(tmp_path: Path,
                                                            small_disk: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    site = small_disk / "site"
    first = subprocess.run(command(config, "--site-dir", str(site)), env=environment(),
                           capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = tree(site)
    free = os.statvfs(small_disk)
    filler = small_disk / "filler"
    with open(filler, "wb") as fd:  # leave 64 KB: less than a section's pages
        fd.write(b"\0" * (free.f_bavail * free.f_frsize - 64 * 1024))
    edit(root, 7)
    full = subprocess.run(command(config, "--site-dir", str(site)), env=environment(),
                          capture_output=True, text=True)
    output = full.stdout + full.stderr
    assert full.returncode == 2, output
    assert "Traceback" not in output
    assert "нет места" in output and "no space left" in output, output
    assert tree(site) == before
    assert sorted(p.name for p in small_disk.iterdir()) == [
        "filler", "site", "site.extrel-lock", "site.extrel-manifest.json"]
    filler.unlink()
    again = subprocess.run(command(config, "--site-dir", str(site)), env=environment(),
                           capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "Версия 7." in (site / "beta/news/2026-08-01-hello/index.html").read_text("utf-8")
