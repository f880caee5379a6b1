"""A cache file a commit brings never runs code and never reaches the site: the load, registry
and git-walk caches, the manifest and Jinja's compiled templates."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from jinja2.bccache import bc_magic
from regions import commit_all, git, make_region, tree

from extrel.cli import cli


class _Exploit:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def build(config: Path, *extra: str) -> str:
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", "2026-11-23",
                                      "--workers", "1", *extra])
    assert result.exit_code == 0, result.output
    return result.output


def bytecode(marker: Path, name: str, filename: Path) -> tuple[str, bytes]:
    """A file of Jinja's FileSystemBytecodeCache that would run code when a template is
    loaded through a cache in that folder."""
    key = hashlib.sha1(f"{name}|{filename}".encode()).hexdigest()
    code = compile(f"import os\nos.system('touch {marker}')\n", "x", "exec")
    source = filename.read_text(encoding="utf-8")
    checksum = hashlib.sha1(source.encode()).hexdigest()
    return f"__jinja2_{key}.cache", bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code)


@pytest.fixture(autouse=True)
def _own_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def test_crafted_caches_of_every_kind_never_run_and_never_publish(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config)
    marker = tmp_path / "pwned"
    load = root / ".cache/extrel/load"
    # every cache file the build wrote, tampered with under its own (valid) key
    for path in load.glob("*.json"):
        key = path.read_bytes().split(b"\n")[0]
        path.write_bytes(key + b"\n" + pickle.dumps(_Exploit(marker)))
        path.with_suffix(".pickle").write_bytes(pickle.dumps(("key", _Exploit(marker))))
    registry = load / "_registry.json"
    key = registry.read_bytes().split(b"\n")[0]
    registry.write_bytes(key + b"\n" + json.dumps(
        [{"alpha": {"name": {"ru": "ВЗЛОМ", "en": "HACKED"}, "kind": "district"}}, []]).encode())
    jinja = root / ".cache/extrel/jinja"
    jinja.mkdir(parents=True)
    for name in ("main.html", "base.html"):
        filename = (root / "theme" / name)
        if filename.is_file():
            file, data = bytecode(marker, name, filename.resolve())
            (jinja / file).write_bytes(data)
    # a manifest of another kind, and one that claims more than it may
    manifest = root / "site.extrel-manifest.json"
    manifest.write_text(json.dumps({"version": 2, "complete": True, "sections": {},
                                    "__class__": "os.system"}), encoding="utf-8")
    # all of it brought by a commit
    git(root, "add", "-f", ".cache", "site.extrel-manifest.json")
    git(root, "commit", "-qm", "caches", date="2026-11-11T12:00:00+04:00")
    shutil.rmtree(root / "site")
    output = build(config)
    assert not marker.exists(), "a cache file ran code"
    assert "HACKED" not in output
    site = tree(root / "site")
    assert not any(b"HACKED" in data or "ВЗЛОМ".encode() in data for data in site.values())
    # the same site as a build of a clone that has no caches at all
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(root), str(clone))
    shutil.rmtree(clone / ".cache")
    (clone / "site.extrel-manifest.json").unlink()
    build(clone / "mkdocs.yml")
    assert tree(clone / "site") == site
    assert not marker.exists()


@pytest.mark.parametrize("content", [
    '{"/portal": "abc", "alpha": "def", "beta": "0"}',  # the manifest of extrel 0.x
    '{"version": 99, "sections": {}}', "not json", "", '{"version": 2, "sections": 5}'])
def test_a_manifest_of_another_version_or_corrupt_builds_everything(tmp_path: Path,
                                                                   content: str) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config)
    (root / "site.extrel-manifest.json").write_text(content, encoding="utf-8")
    assert "(собрано 2, без изменений 0)" in build(config)
    assert "(собрано 0, без изменений 2)" in build(config)
    assert json.loads((root / "site.extrel-manifest.json").read_text("utf-8"))["version"] == 2
