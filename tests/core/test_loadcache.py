"""The cache of what each municipality's folder held: reused only while the folder is the same,
and never trusted beyond extrel's own classes."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

from regions import commit_all, git, make_region, page, write

from extrel.core.contentkeys import FolderKeys
from extrel.core.loadcache import LoadCache
from extrel.core.loader import load_region
from extrel.core.options import Options

BROKEN = "content/alpha/news/2026-11-20-broken.ru.md"


def summary(root: Path, **kwargs: object) -> tuple[list[str], dict[str, list[str]]]:
    region = load_region(root, cached=True, **kwargs)  # type: ignore[arg-type]
    problems = [p.format("en") for p in region.problems]
    entries = {
        mid: [f"{e.section}/{e.slug}:{','.join(e.languages())}:{e.meta('ru').title}"
              for e in m.all_entries()]
        for mid, m in region.municipalities.items()
    }
    return problems, entries


def cache_file(root: Path, mid: str) -> Path:
    return root / ".cache" / "extrel" / "load" / f"{mid}.json"


def touch_later(path: Path) -> None:
    """Move the file's modification time on, as an editor's save would."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_a_second_reading_comes_from_the_cache_and_finds_the_same(tmp_path: Path) -> None:
    make_region(tmp_path)
    write(tmp_path, BROKEN, page({"title": "Без даты"}))
    cold = summary(tmp_path)
    assert any("broken.ru.md" in p for p in cold[0])  # a problem, kept with the cached result
    assert cache_file(tmp_path, "alpha").is_file() and cache_file(tmp_path, "beta").is_file()
    # the entry written is the one the next reading asks for
    root = tmp_path.resolve()
    cache = LoadCache.at(root, "content", sorted(Options().allowed_iframe_hosts))
    assert cache is not None
    key = cache.key("alpha", FolderKeys(root, ["content"]).of(root / "content" / "alpha"))
    assert cache.get("alpha", key, 2) is not None
    assert summary(tmp_path) == cold


def test_an_edit_a_new_file_and_a_removal_are_seen(tmp_path: Path) -> None:
    make_region(tmp_path)
    before = summary(tmp_path)
    news = tmp_path / "content/alpha/news/2026-11-05-kutaisi.ru.md"
    news.write_text(news.read_text(encoding="utf-8").replace(
        "Делегация из Кутаиси", "Делегация из Кутаиси прибыла"), encoding="utf-8")
    touch_later(news)
    after_edit = summary(tmp_path)
    assert "news/2026-11-05-kutaisi:ru,en:Делегация из Кутаиси прибыла" in after_edit[1]["alpha"]
    assert after_edit[1]["beta"] == before[1]["beta"]

    write(tmp_path, BROKEN, page({"title": "Без даты"}))
    with_broken = summary(tmp_path)
    assert any("broken.ru.md" in p for p in with_broken[0])

    (tmp_path / BROKEN).unlink()
    assert not any("broken.ru.md" in p for p in summary(tmp_path)[0])

    (tmp_path / "content/alpha/news/photo.jpg").unlink()
    missing = summary(tmp_path)[0]
    assert any("only-russian.ru.md" in p and "photo.jpg" in p for p in missing)


def test_other_iframe_hosts_read_the_folders_again(tmp_path: Path) -> None:
    make_region(tmp_path)
    write(tmp_path, "content/alpha/organizations/uclg.ru.md", page(
        {"title": "ОГМВ Евразия", "since": "2020-01-01"},
        '<iframe src="https://video.example.org/embed/1" title="Видео"></iframe>'))
    refused = summary(tmp_path)[0]
    assert any("uclg.ru.md" in p and "video.example.org" in p for p in refused)
    allowed = summary(tmp_path, allowed_iframe_hosts=["video.example.org"])[0]
    assert not any("uclg.ru.md" in p for p in allowed)


def test_a_damaged_cache_file_is_read_past(tmp_path: Path) -> None:
    make_region(tmp_path)
    cold = summary(tmp_path)
    good = cache_file(tmp_path, "alpha").read_bytes()
    key, rest, entries = good.split(b"\n")
    for damaged in (b"\x80\x05not json", good[: len(good) // 2], key + b"\n" + rest,
                    key + b"\n[1, 2]\n" + entries, key + b"\n" + rest + b"\n{\"news\": 5}",
                    b"wrong key\n" + rest + b"\n" + entries,
                    key + b"\n[{}, [], [], []]\n" + entries, key + b"\n" + rest + b"\n{}"):
        cache_file(tmp_path, "alpha").write_bytes(damaged)
        assert summary(tmp_path) == cold
        assert cache_file(tmp_path, "alpha").read_bytes() == good  # and written again
    # an entry whose front matter no longer validates is read again, not trusted
    data = json.loads(entries)
    data["news"][0]["data"]["ru"]["title"] = ""
    cache_file(tmp_path, "alpha").write_bytes(key + b"\n" + rest + b"\n"
                                              + json.dumps(data).encode())
    assert summary(tmp_path) == cold


class _Exploit:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_cache_file_that_would_run_code_is_refused(tmp_path: Path) -> None:
    make_region(tmp_path)
    cold = summary(tmp_path)
    marker = tmp_path / "pwned"
    key = cache_file(tmp_path, "alpha").read_bytes().split(b"\n")[0]
    # whatever key the reader expects, reading must stop before running anything
    for name in ("alpha", "_registry"):
        cache_file(tmp_path, name).write_bytes(key + b"\n" + pickle.dumps(_Exploit(marker)))
        (cache_file(tmp_path, name).with_suffix(".pickle")).write_bytes(
            pickle.dumps(("key", _Exploit(marker))))
    assert summary(tmp_path) == cold
    assert not marker.exists()
    # and the entry was rewritten with a good one
    assert b"posix" not in cache_file(tmp_path, "alpha").read_bytes()


def test_reading_in_several_processes_finds_the_same_in_the_same_order(tmp_path: Path) -> None:
    make_region(tmp_path)
    write(tmp_path, BROKEN, page({"title": "Без даты"}))
    write(tmp_path, "content/beta/news/2026-08-02-bad.ru.md", page({"date": "2026-08-02"}))
    write(tmp_path, "content/beta/news/2026-08-02-bad.en.md", page({"title": "No date"}))
    serial = load_region(tmp_path, workers=1)
    parallel = load_region(tmp_path, workers=2)
    assert [p.format("en") for p in parallel.problems] == \
        [p.format("en") for p in serial.problems]
    assert len({p.file for p in serial.problems}) >= 2  # problems in both municipalities
    for mid, m in serial.municipalities.items():
        other = parallel.municipalities[mid]
        assert other.page_files == m.page_files
        assert [(e.section, e.slug, e.data) for e in other.all_entries()] == \
            [(e.section, e.slug, e.data) for e in m.all_entries()]
        assert other.file_warnings == m.file_warnings and other.fingerprint == m.fingerprint


def test_a_reading_without_entries_keeps_what_a_check_needs(tmp_path: Path) -> None:
    make_region(tmp_path)
    write(tmp_path, BROKEN, page({"title": "Без даты"}))
    for cached in (False, True, True):  # straight, then filling and reading the cache
        full = load_region(tmp_path, cached=cached)
        light = load_region(tmp_path, cached=cached, entries=False)
        assert [p.format("en") for p in light.problems] == [p.format("en") for p in full.problems]
        for mid, m in full.municipalities.items():
            other = light.municipalities[mid]
            assert other.all_entries() == [] and m.all_entries()
            assert other.page_files == m.page_files and other.file_warnings == m.file_warnings
            assert other.facts == m.facts
            assert [(f.section, f.slug, f.paths) for f in m.facts] == [
                (e.section, e.slug, {k: p.path for k, p in e.pages.items()})
                for e in m.all_entries()]


def _inodes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in sorted(folder.iterdir())}


def test_a_fresh_clone_with_the_cache_restored_is_served_from_it(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    commit_all(root, "2026-11-10T12:00:00+04:00")
    cold = summary(root)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(root), str(clone))
    shutil.copytree(root / ".cache", clone / ".cache")  # as a CI job restores it
    stored = clone / ".cache/extrel/load"
    before = _inodes(stored)
    assert summary(clone) == cold
    assert _inodes(stored) == before, "the clone read its folders again"
    # an edit in the clone's work tree: that folder alone is read again
    news = clone / "content/alpha/news/2026-11-05-kutaisi.ru.md"
    news.write_text(news.read_text(encoding="utf-8").replace(
        "Делегация из Кутаиси", "Делегация из Кутаиси прибыла"), encoding="utf-8")
    edited = summary(clone)
    assert "news/2026-11-05-kutaisi:ru,en:Делегация из Кутаиси прибыла" in edited[1]["alpha"]
    after = _inodes(stored)
    assert after["alpha.json"] != before["alpha.json"]
    assert after["beta.json"] == before["beta.json"]
    assert after["_registry.json"] == before["_registry.json"]


def test_a_cache_that_git_tracks_is_not_used(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    commit_all(root, "2026-11-10T12:00:00+04:00")
    cold = summary(root)
    alpha = cache_file(root, "alpha")
    key, rest, entries = alpha.read_bytes().split(b"\n")
    data = json.loads(entries)
    data["news"][0]["data"]["ru"]["title"] = "ПОДМЕНА"
    forged = key + b"\n" + rest + b"\n" + json.dumps(data).encode()
    alpha.write_bytes(forged)
    git(root, "add", "-f", ".cache")
    git(root, "commit", "-qm", "cache", date="2026-11-11T12:00:00+04:00")
    assert summary(root) == cold
    git(root, "rm", "-rq", "--cached", ".cache")
    git(root, "commit", "-qm", "no cache", date="2026-11-12T12:00:00+04:00")
    alpha.write_bytes(forged)
    # not tracked, the same file is the cache's own: trusted (so the test above can fail)
    assert any("ПОДМЕНА" in e for e in summary(root)[1]["alpha"])
