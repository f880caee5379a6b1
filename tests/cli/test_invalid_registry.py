"""A registry entry with a mistake still makes a municipality for regional staff: the check's
table, JSON and CSV list it (named as validly as the entry allows), a reminder run says its
coordinator has no usable address, and the build refuses it, the problem told with its line.

Before, such a municipality vanished from the check's table and its totals, and its
coordinator silently got no reminder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from regions import commit_all, make_region

from extrel.cli import cli
from extrel.core import municipalities
from extrel.core.schema import MunicipalityMeta

TODAY = "2026-11-23"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def region(tmp_path: Path) -> Path:
    config = make_region(tmp_path / "r")
    (config.parent / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    return config


def break_beta(config: Path, old: str, new: str) -> None:
    path = config.parent / "municipalities/beta.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    commit_all(config.parent, "2026-11-11T12:00:00+04:00", "a mistake in beta's entry")


def listed(config: Path) -> dict[str, dict[str, object]]:
    code, out, err = run("check", "-f", str(config), "--today", TODAY, "--format", "json")
    assert code == 2, err
    return {m["id"]: m for m in json.loads(out)["municipalities"]}


def test_an_unknown_field_keeps_the_municipality_with_its_names(region: Path) -> None:
    break_beta(region, "website:", "websit:")
    found = listed(region)
    assert list(found) == ["alpha", "beta"]
    assert found["beta"]["name"] == {"ru": "Бетинский район", "en": "Beta District"}
    assert found["beta"]["status"] == "missing"  # only one news item, from August
    code, out, err = run("check", "-f", str(region), "--today", TODAY)
    assert code == 2
    assert "municipalities/beta.yml:8: неизвестное поле «websit»" in err
    assert "Бетинский район [beta]: нет материалов" in out
    code, out, _ = run("check", "-f", str(region), "--today", TODAY, "--format", "csv")
    assert code == 2
    assert sum(line.startswith("beta,") for line in out.splitlines()) == 14  # 7 × 2 languages


def test_an_invalid_name_or_broken_yaml_shows_the_id(region: Path) -> None:
    break_beta(region, "name: {ru: Бетинский район,", "name: {ru: '',")
    assert listed(region)["beta"]["name"] == {"ru": "beta", "en": "beta"}
    (region.parent / "municipalities/beta.yml").write_text("name: [\n", encoding="utf-8")
    commit_all(region.parent, "2026-11-12T12:00:00+04:00")
    found = listed(region)
    assert found["beta"]["name"] == {"ru": "beta", "en": "beta"}
    assert found["beta"]["status"] == "missing"


def test_the_build_still_refuses_it(region: Path) -> None:
    break_beta(region, "kind: district", "kind: county")
    code, _, err = run("build", "-f", str(region), "--today", TODAY, "--no-progress")
    assert code == 2
    assert "municipalities/beta.yml:2" in err
    assert not (region.parent / "site").exists()


def test_a_reminder_run_names_the_coordinator_it_cannot_reach(region: Path,
                                                               tmp_path: Path) -> None:
    break_beta(region, "email: beta@example.org", "email: beta@@example")
    out_dir = tmp_path / "mail"
    code, out, err = run("remind", "-f", str(region), "--today", TODAY, "--from",
                         "region@example.org", "--dry-run", str(out_dir))
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["alpha.eml", "beta.eml"]
    assert "beta (coordinator.email в municipalities/beta.yml)" in err


def test_what_an_invalid_entry_says_validly_is_kept() -> None:
    meta = municipalities.readable("inza", {
        "name": {"ru": "Инзенский район", "en": "Inza District"},
        "kind": "county",  # not one of the kinds
        "coordinator": {"name": {"ru": "Анна", "en": "Anna"}, "email": "a@example.org"},
        "website": "javascript:alert(1)",
        "websit": "https://example.org/",
        "coat_of_arms": "../../../etc/passwd",
    }, ("ru", "en"))
    assert isinstance(meta, MunicipalityMeta)
    assert meta.name.get("en") == "Inza District"
    assert meta.kind == "district"
    assert meta.coordinator is not None and meta.coordinator.email == "a@example.org"
    assert meta.website is None
    assert meta.coat_of_arms is None  # its file is checked only for a valid entry
    nothing = municipalities.readable("inza", {"name": "Инза", "kind": 5}, ("ru", "en"))
    assert (nothing.name.get("ru"), nothing.coordinator) == ("inza", None)
