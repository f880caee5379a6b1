"""No traceback, ever: every mistake in the content is a problem with file and line (exit 2);
a failure of extrel itself exits 3 with one line naming where the details were written;
``--debug`` prints them. Real processes, real files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from regions import REPO, make_region, write

from extrel.cli import cli

NEWS = "content/alpha/news/2026-11-20-visit.ru.md"
TODAY = "2026-11-23"


def extrel(*args: str, cwd: Path | None = None, code: str | None = None,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in its own process (``code``: Python run first, in that process)."""
    prelude = (code or "") + "\nfrom extrel.cli import main\nmain()\n"
    return subprocess.run(
        [sys.executable, "-c", prelude, *args], cwd=cwd, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src"), "EXTREL_LANG": "ru", **(env or {})},
        timeout=300, check=False)


@pytest.fixture
def region(tmp_path: Path) -> Path:
    return make_region(tmp_path / "r")


SCALARS = {
    "0x_": ("year: 0x_", 4), "0b_": ("year: 0b_", 4), "int-tag": ("year: !!int abc", 4),
    "bool-tag": ("summary: !!bool maybe", 4), "timestamp": ("date: !!timestamp 2026-02-30", 3),
    "huge-int": ("summary: " + "9" * 4400, 4), "binary": ("title: !!binary PGI+", 2),
    "deep": ("tags: " + "[" * 300 + "]" * 300, 4),
}


@pytest.mark.parametrize("name", list(SCALARS))
def test_yaml_that_crashed_is_a_problem_with_its_line(region: Path, name: str) -> None:
    line, where = SCALARS[name]
    fields = {"title": "Визит", "date": "2026-11-20"}
    key = line.split(":")[0]
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items() if k != key)
    lines = text.splitlines()
    lines.insert(where - 1, line)
    write(region.parent, NEWS, "\n".join(lines) + "\n---\n\nТекст.\n")
    done = extrel("check", "-f", str(region), "--today", TODAY)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert f"{NEWS}:{where}: ошибка в записи свойств (YAML)" in done.stderr, done.stderr


@pytest.mark.parametrize(("args", "words"), [
    (["check", "--today", "9999-12-31"], "дата должна быть между"),
    (["check", "--today", "0001-01-01"], "дата должна быть между"),
    (["build", "--shard", "1/" + "9" * 5000], "нужен формат K/N"),
    (["build", "--shard", "1/99999999999999999999"], "нужен формат K/N"),
    (["build", "--shard", "3/2"], "нужен формат K/N"),
])
def test_arguments_beyond_what_arithmetic_allows_are_usage_errors(
        region: Path, args: list[str], words: str) -> None:
    done = extrel(*args, "-f", str(region))
    assert done.returncode == 2, done.stderr
    assert words in done.stderr and "Traceback" not in done.stderr


FAULT = ("import extrel.core.freshness as f\n"
         "def broken(*a, **k):\n    raise KeyError('a bug in a view')\n"
         "f.freshness_to_dict = broken\n")


def test_a_bug_of_extrel_exits_3_with_one_line_and_a_crash_file(region: Path,
                                                                tmp_path: Path) -> None:
    crashes = tmp_path / "tmp"
    crashes.mkdir()
    done = extrel("check", "-f", str(region), "--today", TODAY, "--format", "json",
                  code=FAULT, env={"TMPDIR": str(crashes)})
    assert done.returncode == 3, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("Внутренняя ошибка extrel (не ошибка в содержании): KeyError; "
                               "подробности: ")
    written = Path(lines[0].rsplit(": ", 1)[1])
    assert written.parent == crashes and re.match(r"extrel-crash-\d{8}T\d{6}Z-", written.name)
    details = written.read_text(encoding="utf-8")
    assert "Traceback" in details and "KeyError: 'a bug in a view'" in details


def test_debug_prints_the_traceback(region: Path) -> None:
    done = extrel("--debug", "check", "-f", str(region), "--today", TODAY, "--format", "json",
                  code=FAULT)
    assert done.returncode == 3
    assert "Traceback (most recent call last)" in done.stderr
    assert "KeyError: 'a bug in a view'" in done.stderr


def test_debug_is_a_documented_global_option() -> None:
    result = CliRunner().invoke(cli, ["--help"], catch_exceptions=False)
    assert "--debug" in result.output


def test_only_never_hides_an_invalid_registry_entry(region: Path) -> None:
    root = region.parent
    text = (root / "municipalities/alpha.yml").read_text(encoding="utf-8")
    write(root, "municipalities/alpha.yml", text.replace("kind: district", "kind: [raion"))
    for args in (["check"], ["check", "--format", "json"], ["build"]):
        done = extrel(*args, "-f", str(region), "--today", TODAY, "--only", "alpha")
        assert done.returncode == 2, done.stderr
        output = done.stderr + done.stdout
        assert "Неизвестный муниципалитет" not in output
        assert "municipalities/alpha.yml" in output
    done = extrel("check", "-f", str(region), "--today", TODAY, "--only", "gamma")
    assert done.returncode == 2 and "Неизвестный муниципалитет: gamma" in done.stderr


# --- fuzz: whatever a page holds, the real check answers with problems -------------------

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "extrel-hypothesis")

pieces = st.sampled_from([
    "title: Визит", "date: 2026-11-20", "date: 2026-02-30", "summary: !!binary PGI+",
    "year: 0x_", "year: 0b_", "tags: [a, b]", "tags: &a [x]", "x: *a", "...", "---", "--- x",
    "title: " + "[" * 50, "summary: \"\\u202e\"", "summary: \"\\x01\"", "files: {a: b}",
    "image: photo.jpg", "image: /etc/passwd", "summary: 9" + "9" * 4400, "%YAML 1.1",
    "title: !x y", "# <img src=x onerror=alert(1)>", "  - nested", "kind: conference",
])
bodies = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["<a " * 3000, "[" * 5000, "<script>alert(1)</script>", "![](x.png)",
                     "<iframe src=\"https://evil.example\\@www.youtube.com/\"></iframe>",
                     "".join("    " * i + "- x\n" for i in range(40)), "\x00", "{: onclick=x}"]),
)


@pytest.fixture(scope="module")
def fuzz_region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_region(tmp_path_factory.mktemp("fuzz") / "r")


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(front=st.lists(pieces | st.text(max_size=30).filter(lambda s: "\n" not in s),
                      max_size=6),
       closing=st.sampled_from(["---\n", "---", "...\n", ""]), body=bodies)
def test_fuzz_front_matter_and_bodies_through_check(fuzz_region: Path, front: list[str],
                                                    closing: str, body: str) -> None:
    root = fuzz_region.parent
    shutil.rmtree(root / ".cache", ignore_errors=True)
    (root / NEWS).write_text("---\n" + "\n".join(front) + "\n" + closing + body,
                             encoding="utf-8", errors="surrogatepass")
    result = CliRunner().invoke(cli, ["check", "-f", str(fuzz_region), "--today", TODAY,
                                      "--format", "json"], catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), result.output
    report = json.loads(result.stdout)
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    assert all(p["file"] and p["message"] for p in errors)
    if errors:
        assert result.exit_code == 2, errors


def test_a_file_the_machine_refuses_is_exit_2_with_its_name(region: Path) -> None:
    """Permission and disk-full errors are the machine's, not extrel's: one line, exit 2."""
    fault = ("import errno, extrel.core.freshness as f\n"
             "def refused(*a, **k):\n"
             "    raise PermissionError(errno.EACCES, 'Permission denied', '/srv/site/x')\n"
             "f.freshness_to_dict = refused\n")
    done = extrel("check", "-f", str(region), "--today", TODAY, "--format", "json", code=fault)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "Нет доступа к файлу или нет места на диске: /srv/site/x: Permission denied"]


def test_a_key_error_in_a_view_during_a_build_is_extrel_s_not_the_content_s(
        region: Path, tmp_path: Path) -> None:
    crashes = tmp_path / "tmp"
    crashes.mkdir()
    fault = ("import extrel.core.views as v\n"
             "def broken(*a, **k):\n    raise KeyError('items')\n"
             "v.home_view = broken\n")
    done = extrel("build", "-f", str(region), "--today", TODAY, "--workers", "1",
                  "--no-progress", code=fault, env={"TMPDIR": str(crashes)})
    assert done.returncode == 3, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("Внутренняя ошибка extrel (не ошибка в содержании): KeyError")
    assert "KeyError: 'items'" in Path(last.rsplit(": ", 1)[1]).read_text(encoding="utf-8")
    assert not (region.parent / "site").exists()
