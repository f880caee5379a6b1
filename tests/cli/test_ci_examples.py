"""The ready-made CI pipelines in examples/ci/ are valid YAML, fetch the whole history
(freshness needs it), build in shards and, once the shards are together, make the portal's
search index over all of them (``--portal-only``)."""

from __future__ import annotations

from pathlib import Path

import yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "ci"


def test_github_actions_example() -> None:
    data = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text(encoding="utf-8"))
    build, merge = data["jobs"]["build"]["steps"], data["jobs"]["merge"]["steps"]
    for steps in (build, merge):
        checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
        assert checkout["with"]["fetch-depth"] == 0
    runs = [s["run"] for s in merge if "run" in s]
    assert any("--shard" in s.get("run", "") for s in build)
    merged = next(i for i, run in enumerate(runs) if "cp -a" in run)
    portal = next(i for i, run in enumerate(runs) if "extrel build --portal-only" in run)
    assert merged < portal


def test_gitlab_ci_example() -> None:
    data = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert data["variables"]["GIT_DEPTH"] == 0
    assert any("--shard" in line for line in data["build"]["script"])
    script = data["pages"]["script"]
    merged = next(i for i, line in enumerate(script) if "cp -a" in line)
    portal = next(i for i, line in enumerate(script) if "extrel build --portal-only" in line)
    assert merged < portal
