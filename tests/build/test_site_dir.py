"""The site folder is the only thing a build writes: an output folder over the sources is
refused before anything is written, and no municipality may take a name the portal uses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from regions import commit_all, make_region, write

from extrel.cli import cli
from extrel.core.reserved import ISO_639_1, is_reserved
from extrel.core.sections import SLUG


def run(config: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", "2026-11-23",
                                      "--workers", "1", *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def files(folder: Path) -> dict[str, bytes]:
    """Every file but the caches (a build may write those)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".cache" not in p.parts}


@pytest.mark.parametrize("target", [".", "..", "content", "content/alpha", "municipalities",
                                    "theme", ".git", ".git/objects", "content/_media"])
def test_an_output_folder_over_the_sources_is_refused(tmp_path: Path, target: str) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    write(root, "content/alpha/news/2026-11-21-draft.ru.md",
          "---\ntitle: Черновик\ndate: 2026-11-21\n---\n\nНе в git.\n")
    (root / "content/_media").mkdir()
    before = files(tmp_path)
    code, output = run(config, "--site-dir", str(root / target))
    assert code == 2, output
    assert "сборка" in output and "output folder" in output
    assert files(tmp_path) == before, "a refused build wrote or deleted something"
    assert not list(tmp_path.rglob("*.extrel-*")) and not list(tmp_path.rglob(".*.building-*"))


def test_a_foreign_folder_is_refused_and_an_empty_or_own_one_is_used(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    foreign = tmp_path / "photos"
    write(foreign, "holiday.txt", "keep me")
    code, output = run(config, "--site-dir", str(foreign))
    assert code == 2 and "не пуста" in output and "not empty" in output, output
    assert (foreign / "holiday.txt").read_text(encoding="utf-8") == "keep me"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(config, "--site-dir", str(empty))[0] == 0
    assert (empty / "alpha/index.html").is_file()
    assert run(config, "--site-dir", str(empty))[0] == 0  # its own folder: rebuilt in place
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    assert run(config, "--site-dir", str(file))[0] == 2


@pytest.mark.parametrize("freshness", [None, "[]", '{"as_of": "2026-11-23"}', "not json"])
def test_portal_only_takes_shares_put_together_and_no_other_foreign_folder(
        tmp_path: Path, freshness: str | None) -> None:
    """``--portal-only`` after a build in shares runs on the shares copied together, which have
    no manifest beside them; a folder without extrel's freshness data (or with another
    ``freshness.json``) is still refused."""
    config = make_region(tmp_path / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    foreign = tmp_path / "photos"
    write(foreign, "index.html", "<p>my page</p>")
    if freshness is not None:
        write(foreign, "freshness.json", freshness)
    before = files(foreign)
    code, output = run(config, "--portal-only", "--site-dir", str(foreign))
    assert code == 2 and "не пуста" in output, output
    assert files(foreign) == before
    merged = tmp_path / "merged"
    assert run(config, "--shard", "1/1", "--site-dir", str(merged))[0] == 0
    (tmp_path / "merged.extrel-manifest.json").unlink()  # as a plain copy leaves it
    # what the folder's owner keeps there (a gh-pages work tree, a domain file) is kept
    write(merged, ".git/HEAD", "ref: refs/heads/gh-pages\n")
    write(merged, "CNAME", "vneshsvyazi.region.example\n")
    write(merged, "myapp/index.html", "<p>mine</p>")
    mine = {k: v for k, v in files(merged).items()
            if k.startswith((".git/", "CNAME", "myapp/"))}
    assert run(config, "--portal-only", "--site-dir", str(merged))[0] == 0
    assert (merged / "pagefind" / "pagefind-entry.json").is_file()
    assert (merged / "alpha/index.html").is_file()
    assert {k: v for k, v in files(merged).items()
            if k.startswith((".git/", "CNAME", "myapp/"))} == mine


def test_portal_only_names_the_sections_a_merged_folder_lacks(tmp_path: Path) -> None:
    """A share left out of the copy (a failed CI job): the portal would link to sections
    that are not there. The build stops, names them, and changes nothing."""
    config = make_region(tmp_path / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    merged = tmp_path / "merged"
    assert run(config, "--shard", "1/1", "--site-dir", str(merged))[0] == 0
    (tmp_path / "merged.extrel-manifest.json").unlink()
    shutil.rmtree(merged / "beta")
    before = files(merged)
    code, output = run(config, "--portal-only", "--site-dir", str(merged))
    assert code == 2, output
    assert "нет разделов муниципалитетов: beta" in output and "--shard" in output
    assert files(merged) == before


def test_every_top_level_entry_of_a_real_site_is_reserved(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    assert run(config)[0] == 0
    names = {p.name for p in (root / "site").iterdir()} - {"alpha", "beta"}
    assert {"en", "assets", "search", "freshness", "index.html", "404.html"} <= names
    for name in names:
        stem = name.split(".")[0]
        # an id has no dot: a file name is taken by its stem
        assert is_reserved(stem), name
        assert not SLUG.match(name) or is_reserved(name), name
    assert {"ru", "en", "zh", "kk", "de"} <= ISO_639_1


@pytest.mark.parametrize("mid", ["en", "zh", "freshness", "assets", "search", "404"])
def test_a_reserved_id_is_refused_naming_the_registry_file(tmp_path: Path, mid: str) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    shutil.copy(root / "municipalities/beta.yml", root / f"municipalities/{mid}.yml")
    shutil.copytree(root / "content/beta", root / f"content/{mid}")
    commit_all(root, "2026-11-10T12:00:00+04:00")
    code, output = run(config)
    assert code == 2, output
    assert f"municipalities/{mid}.yml: код «{mid}» занят" in output
    assert f"there is no municipalities/{mid}.yml" not in output
    assert not (root / "site").exists()
