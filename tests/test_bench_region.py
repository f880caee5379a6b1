"""The benchmark's synthetic region, at a tiny size, is content that ``extrel check`` accepts.

No timings here: the benchmark itself (``scripts/bench``) is run by hand, never in CI.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from extrel.cli import cli

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "bench_region.py"


def _bench_region():
    spec = importlib.util.spec_from_file_location("bench_region", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_region", module)
    spec.loader.exec_module(module)
    return module


def test_tiny_region_passes_extrel_check(tmp_path: Path) -> None:
    bench_region = _bench_region()
    size = replace(bench_region.SIZES["small"], name="tiny", municipalities=2, months=3,
                   news=4, partners=2, announcements=1, participation=1, stale_every=2)
    root = tmp_path / "region"
    info = bench_region.generate(root, size)

    assert info.municipalities == ["inza", "baryshsky"]
    # a real history with the given dates (a commit per news item and per monthly update),
    # in the order of time, and a clean work tree
    log = subprocess.run(["git", "log", "--reverse", "--format=%cI %aI"], cwd=root,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(log) == info.commits > 3 + 4
    committed = [line.split()[0] for line in log]
    assert all(line.split()[0] == line.split()[1] for line in log)
    assert committed == sorted(committed)
    assert committed[0] == "2026-09-01T09:00:00+04:00"
    assert committed[-1].startswith("2026-11-20T")
    assert subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True,
                          text=True, check=True).stdout == ""
    pages = list(bench_region.iter_pages(root))
    assert len(pages) == info.page_files
    assert any("/news/" in p and p.endswith(".en.md") for p in pages)

    result = CliRunner().invoke(cli, [
        "check", "-f", str(root / "mkdocs.yml"), "--today", bench_region.TODAY.isoformat(),
        "--format", "json", "--lang", "en"])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert data["problems"] == []
    assert [m["id"] for m in data["municipalities"]] == ["baryshsky", "inza"]
    by_id = {m["id"]: m for m in data["municipalities"]}
    news = {m: next(s for s in by_id[m]["sections"] if s["id"] == "news") for m in by_id}
    # inza published this month; baryshsky stopped two months before the end
    assert news["inza"]["languages"]["en"]["status"] == "fresh"
    assert news["inza"]["languages"]["ru"]["last_updated"] >= "2026-11-01"
    assert news["baryshsky"]["status"] == "stale"
    for section in by_id["inza"]["sections"]:  # every subsection filled, in both languages
        for lang in ("ru", "en"):
            assert section["languages"][lang]["status"] != "missing", section


def test_cli_writes_a_region(tmp_path: Path) -> None:
    bench_region = _bench_region()
    assert bench_region.main(["--size", "small", "--municipalities", "1",
                              str(tmp_path / "r")]) == 0
    assert (tmp_path / "r" / "mkdocs.yml").is_file()
    assert (tmp_path / "r" / "municipalities" / "inza.yml").is_file()
