"""Rebuilds: unchanged sections are kept, edited ones rebuilt, and the result equals a
fresh build file for file; shards together equal the whole."""

from __future__ import annotations

import filecmp
import logging
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from regions import build, commit_all, git, image, inodes, make_region, tree

from extrel.cli import cli


def test_rebuild_skips_unchanged_sections_and_matches_a_fresh_build(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    site = root / "site"
    commit_all(root, "2026-11-10T12:00:00+04:00")
    assert "(собрано 2, без изменений 0)" in build(config)
    first = inodes(site)
    assert "(собрано 0, без изменений 2)" in build(config)
    assert inodes(site) == first  # nothing changed: not one file rewritten or moved
    page = root / "content/beta/news/2026-08-01-hello.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Hello", "Hello again"),
                    encoding="utf-8")
    git(root, "commit", "-qam", "edit", date="2026-11-20T10:00:00+04:00")
    assert "(собрано 1, без изменений 1)" in build(config)
    html = (site / "beta/en/news/2026-08-01-hello/index.html").read_text(encoding="utf-8")
    assert "Hello again" in html
    after = inodes(site)
    # the untouched section stayed where it was; the edited one and the portal are new files
    assert {k: v for k, v in after.items() if k.startswith("alpha/")} == \
        {k: v for k, v in first.items() if k.startswith("alpha/")}
    assert after["beta/en/news/2026-08-01-hello/index.html"] != \
        first["beta/en/news/2026-08-01-hello/index.html"]
    assert after["freshness/index.html"] != first["freshness/index.html"]
    fresh = tmp_path / "fresh"
    build(config, "--site-dir", str(fresh))
    assert tree(site) == tree(fresh)
    assert not list(tmp_path.glob("r/.site.*")), "staging or old copies left behind"


def test_a_removed_municipality_leaves_the_site(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config)
    git(root, "rm", "-rq", "content/beta", "municipalities/beta.yml", "municipalities/beta.png")
    git(root, "commit", "-qm", "beta leaves", date="2026-11-20T10:00:00+04:00")
    assert "(собрано 0, без изменений 1)" in build(config)
    assert not (root / "site/beta").exists()
    fresh = tmp_path / "fresh"
    build(config, "--site-dir", str(fresh))
    assert tree(root / "site") == tree(fresh)


def test_three_shards_together_equal_one_build(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    for mid in ("gamma", "delta"):
        (root / f"municipalities/{mid}.yml").write_text(
            (root / "municipalities/beta.yml").read_text(encoding="utf-8")
            .replace("beta", mid), encoding="utf-8")
        (root / f"municipalities/{mid}.png").write_bytes(
            (root / "municipalities/beta.png").read_bytes())
    commit_all(root, "2026-11-10T12:00:00+04:00")
    whole = tmp_path / "whole"
    build(config, "--site-dir", str(whole))
    union = tmp_path / "union"
    union.mkdir()
    for k in (1, 2, 3):
        part = tmp_path / f"shard{k}"
        build(config, "--shard", f"{k}/3", "--site-dir", str(part))
        for path in part.rglob("*"):
            target = union / path.relative_to(part)
            if path.is_dir():
                target.mkdir(exist_ok=True)
            elif target.exists():
                assert filecmp.cmp(path, target, shallow=False), target
            else:
                os.link(path, target)
    # the portal's search index covers the whole region: made once the shards are together,
    # by the step the CI examples run after the merge
    assert not (union / "pagefind").exists()
    build(config, "--portal-only", "--site-dir", str(union))
    assert tree(union) == tree(whole)
    assert sorted(p.name for p in whole.iterdir() if p.is_dir()) == [
        "alpha", "assets", "beta", "delta", "en", "freshness", "gamma", "pagefind", "search"]


def test_a_broken_theme_template_is_named_and_the_last_site_kept(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config)
    before = inodes(root / "site")
    (root / "theme/main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}{{ oops( }}{% endblock %}\n',
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", "2026-11-23",
                                      "--workers", "1"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "theme/main.html:2: ошибка в шаблоне темы" in result.output
    assert "прежняя сборка не изменена" in result.output
    assert inodes(root / "site") == before
    assert not list(tmp_path.glob("r/.site.*")), "staging left behind"


def test_a_build_with_nothing_changed_answers_without_reading_a_page(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    args = ["build", "-f", str(config), "--today", "2026-11-23", "--workers", "1"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert "[предупреждение]" in first.output  # the presentation's PDF is no real PDF
    loaded = root / ".cache/extrel/load"
    shutil.rmtree(loaded)
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert not loaded.exists(), "the pages were read again"
    # the same report: every warning, the counts, every section unchanged
    def report(output: str) -> list[str]:
        return [line for line in output.splitlines() if not line.startswith("Разделов")]
    assert report(again.output) == report(first.output)
    assert "(собрано 0, без изменений 2)" in again.output
    # the strict exit code comes from the same counts (beta's plan and more are missing)
    strict = CliRunner().invoke(cli, [*args, "--fail-on-stale"])
    assert strict.exit_code == 1 and not loaded.exists()

    # a touched file, a new check date or a missing section: the pages are read again
    photo = root / "content/alpha/news/photo.jpg"
    os.utime(photo, ns=(photo.stat().st_atime_ns, photo.stat().st_mtime_ns + 10**9))
    touched = CliRunner().invoke(cli, args)
    assert touched.exit_code == 0 and loaded.is_dir()
    # the sections are keyed by content (git's blob ids): a touched file rebuilds nothing,
    # a changed one its section
    assert "(собрано 0, без изменений 2)" in touched.output
    image(photo, (120, 80), "darkgreen")
    changed = CliRunner().invoke(cli, args)
    assert changed.exit_code == 0
    assert "(собрано 1, без изменений 1)" in changed.output
    shutil.rmtree(loaded)
    later = CliRunner().invoke(cli, [*args[:-4], "--today", "2026-11-24", "--workers", "1"])
    assert later.exit_code == 0 and loaded.is_dir()
    shutil.rmtree(loaded)
    shutil.rmtree(root / "site/beta")
    rebuilt = CliRunner().invoke(cli, [*args[:-4], "--today", "2026-11-24", "--workers", "1"])
    assert "(собрано 1, без изменений 1)" in rebuilt.output
    assert (root / "site/beta/index.html").is_file()


def test_each_rebuild_says_why(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    caplog.set_level(logging.DEBUG, logger="extrel.build")
    build(config)
    first = [r.getMessage() for r in caplog.records if r.name == "extrel.build"]
    assert "alpha: not built before" in first and "portal: not built before" in first
    caplog.clear()
    page = root / "content/beta/news/2026-08-01-hello.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Hello", "Hello again"),
                    encoding="utf-8")
    git(root, "commit", "-qam", "edit", date="2026-11-20T10:00:00+04:00")
    build(config)
    reasons = [r.getMessage() for r in caplog.records if r.name == "extrel.build"]
    assert "beta: content, dates changed" in reasons
    assert "portal: freshness, news and announcements changed" in reasons
    assert not any(m.startswith("alpha:") for m in reasons)
