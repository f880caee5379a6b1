"""The command line as users and their scripts see it: output, files and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from regions import commit_all, git, make_region, write

from extrel.cli import cli
from extrel.core.sections import SUBSECTION_IDS


def errors(check_json: dict) -> list[dict]:
    return [p for p in check_json["problems"] if p["severity"] == "error"]


def run(*args: str) -> tuple[int, str]:
    """Exit code and everything printed (standard output and error, as a terminal shows)."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def run_stdout(*args: str) -> tuple[int, str]:
    """Exit code and standard output only, as a script reading a pipe gets it."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture
def region(tmp_path: Path) -> Path:
    config = make_region(tmp_path / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    return config


def test_check_json_has_the_contract_shape(region: Path) -> None:
    code, output = run_stdout("check", "-f", str(region), "--today", "2026-11-23",
                              "--format", "json")
    data = json.loads(output)
    assert code == 1  # beta has empty subsections: missing
    assert data["as_of"] == "2026-11-23" and data["timezone"] == "Europe/Ulyanovsk"
    assert [m["id"] for m in data["municipalities"]] == ["alpha", "beta"]
    for m in data["municipalities"]:
        assert [s["id"] for s in m["sections"]] == list(SUBSECTION_IDS)
        for s in m["sections"]:
            assert set(s["languages"]) == {"ru", "en"}
    beta_plan = data["municipalities"][1]["sections"][2]["languages"]["ru"]
    assert beta_plan == {"status": "missing", "last_updated": None, "age_days": None, "pages": 0,
                         "due_by": None, "unfinished": 0}
    alpha_news = data["municipalities"][0]["sections"][0]["languages"]
    assert alpha_news["ru"]["due_by"] == "2026-12-11" and "untranslated" not in alpha_news["ru"]
    assert alpha_news["en"]["untranslated"] == 1  # the Russian-only news item
    assert data["municipalities"][0]["name"] == {"ru": "Альфинский район", "en": "Alpha District"}
    assert {p["severity"] for p in data["problems"]} == {"warning"}
    # beta has no plan for 2026 at all: the check names the file to create
    assert {p["file"] for p in data["problems"]} == {"content/alpha/presentation/index.ru.md",
                                                     "content/beta/plan/2026.ru.md"}


def test_check_exit_codes_follow_freshness(region: Path) -> None:
    code, _ = run("check", "-f", str(region), "--today", "2026-11-23", "--only", "alpha")
    assert code == 0
    code, _ = run("check", "-f", str(region), "--today", "2026-12-11", "--only", "alpha")
    assert code == 0  # 31 days: still within max_age_days (due)
    code, output = run("check", "-f", str(region), "--today", "2026-12-12", "--only", "alpha")
    assert code == 1, output
    assert "просрочено" in output


def test_check_csv_one_row_per_language(region: Path) -> None:
    code, output = run_stdout("check", "-f", str(region), "--today", "2026-11-23",
                              "--format", "csv", "--only", "alpha")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert code == 0
    assert len(rows) == 7 * 2
    assert rows[0] == {"municipality": "alpha", "section": "news", "language": "ru",
                       "status": "fresh", "last_updated": "2026-11-10", "age_days": "13",
                       "pages": "4", "due_by": "2026-12-11", "untranslated": "",
                       "unfinished": "0", "name_ru": "Альфинский район",
                       "name_en": "Alpha District"}
    assert rows[1]["language"] == "en" and rows[1]["untranslated"] == "1"


def test_check_reports_every_problem_with_file_and_line_and_exits_2(region: Path) -> None:
    root = region.parent
    write(root, "content/alpha/news/2026-11-20-bad.ru.md",
          "---\ntitel: Опечатка\ndate: 2026-13-45\n---\nТекст\n")
    write(root, "content/alpha/partners/riga.ru.md",
          "---\ntitle: Рига\ncountry: LV\ntype: twin\nstatus: sleeping\n---\n")
    code, output = run("check", "-f", str(region), "--today", "2026-11-23")
    assert code == 2
    assert ("content/alpha/news/2026-11-20-bad.ru.md:2: неизвестное поле «titel»; "
            "возможно, имелось в виду «title»") in output
    assert "content/alpha/news/2026-11-20-bad.ru.md:3: поле «date»: дата «2026-13-45»" in output
    assert "content/alpha/partners/riga.ru.md:5: поле «status»: значение «sleeping»" in output
    code, output = run("check", "-f", str(region), "--today", "2026-11-23", "--lang", "en")
    assert "did you mean 'title'?" in output


def test_check_refuses_a_shallow_clone(region: Path, tmp_path: Path) -> None:
    root = region.parent
    write(root, "content/beta/news/2026-11-12-more.ru.md",
          "---\ntitle: Ещё\ndate: 2026-11-12\n---\n")
    commit_all(root, "2026-11-12T12:00:00+04:00", "second")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{root}", str(clone)],
                   check=True)
    code, output = run("check", "-f", str(clone / "mkdocs.yml"), "--today", "2026-11-23")
    assert code == 2
    assert "--unshallow" in output
    code, _ = run("check", "-f", str(clone / "mkdocs.yml"), "--today", "2026-11-23",
                  "--only", "alpha", "--allow-shallow")
    assert code == 0


def test_check_unknown_municipality_is_a_usage_error(region: Path) -> None:
    code, output = run("check", "-f", str(region), "--only", "gamma")
    assert code == 2
    assert "gamma" in output


def test_new_writes_both_languages_ready_to_check(region: Path) -> None:
    root = region.parent
    code, output = run("new", "news", "-f", str(region), "-m", "beta", "-t", "Визит в Казань",
                       "--title-en", "Visit to Kazan", "--date", "2026-11-21")
    assert code == 0, output
    ru = root / "content/beta/news/2026-11-21-visit-to-kazan.ru.md"
    en = root / "content/beta/news/2026-11-21-visit-to-kazan.en.md"
    assert ru.is_file() and en.is_file()
    assert 'title: "Визит в Казань"' in ru.read_text(encoding="utf-8")
    code, output = run("check", "-f", str(region), "--today", "2026-11-23", "--only", "beta",
                       "--format", "json")
    data = json.loads(output)
    assert errors(data) == []
    # the scaffold is a draft: listed as unfinished, not counted until its placeholders go
    assert data["municipalities"][0]["sections"][0]["languages"]["en"]["pages"] == 1
    drafts = [p for p in data["problems"] if p["file"] in (rel(ru), rel(en))]
    assert [(p["file"], p["severity"]) for p in drafts] == [
        (rel(en), "warning"), (rel(ru), "warning")]
    fill_in(ru, "Делегация из Казани посетила район.")
    fill_in(en, "A delegation from Kazan visited the district.")
    code, output = run("check", "-f", str(region), "--today", "2026-11-23", "--only", "beta",
                       "--format", "json")
    data = json.loads(output)
    assert errors(data) == [] and not [p for p in data["problems"] if "draft" in p["message"]]
    assert data["municipalities"][0]["sections"][0]["languages"]["en"]["pages"] == 2
    code, output = run("new", "news", "-f", str(region), "-m", "beta", "-t", "Визит в Казань",
                       "--title-en", "Visit to Kazan", "--date", "2026-11-21")
    assert code == 2 and "уже есть" in output


def rel(path: Path) -> str:
    return "content/" + path.as_posix().split("/content/", 1)[1]


REAL_VALUES = {"country": "GE", "type": "twin", "status": "active"}


def fill_in(path: Path, text: str) -> None:
    """What an editor does to a scaffold: every placeholder replaced by real words."""
    from extrel.core.scaffold import DRAFT_MARK

    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if DRAFT_MARK in line:
            key, sep, _ = line.partition(": ")
            if line.startswith("|"):
                line = "| Январь | Визит в Кутаиси | Отдел | Кутаиси |"
            elif sep and not line.startswith(DRAFT_MARK):
                line = f"{key}: {REAL_VALUES.get(key, repr(text[:40]))}"
            else:
                line = text
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("section", SUBSECTION_IDS)
def test_new_scaffold_of_every_subsection_is_valid(region: Path, section: str) -> None:
    code, output = run("new", section, "-f", str(region), "-m", "beta", "-t", "Проба",
                       "--date", "2026-11-21")
    assert code == 0, output
    created = sorted((region.parent / "content/beta" / section).glob("*.md"))
    assert len(created) == 2 + 2 * (section == "news")
    created = [p for p in created if "hello" not in p.name]
    code, output = run("check", "-f", str(region), "--today", "2026-11-23", "--only", "beta",
                       "--format", "json")
    data = json.loads(output)
    assert errors(data) == []
    # unchanged, both files are drafts: listed, not counted
    unfinished = {p["file"] for p in data["problems"] if p["message"].startswith("черновик")}
    assert unfinished == {rel(p) for p in created}
    pages = data["municipalities"][0]["sections"][SUBSECTION_IDS.index(section)]["languages"]
    assert pages["ru"]["pages"] == pages["en"]["pages"] == int(section == "news")
    for path in created:
        fill_in(path, "Настоящий текст страницы.")
    code, output = run("check", "-f", str(region), "--today", "2026-11-23", "--only", "beta",
                       "--format", "json")
    data = json.loads(output)
    assert errors(data) == [], data["problems"]
    assert not [p for p in data["problems"] if p["message"].startswith("черновик")]
    pages = data["municipalities"][0]["sections"][SUBSECTION_IDS.index(section)]["languages"]
    assert pages["ru"]["pages"] == pages["en"]["pages"] == 1 + (section == "news")


def test_build_refuses_invalid_content_and_keeps_the_previous_site(region: Path) -> None:
    root = region.parent
    code, output = run("build", "-f", str(region), "--today", "2026-11-23", "--workers", "1")
    assert code == 0, output
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    write(root, "content/alpha/news/2026-11-20-broken.ru.md", "---\ntitle: [oops\n---\n")
    code, output = run("build", "-f", str(region), "--today", "2026-11-23", "--workers", "1")
    assert code == 2
    assert "content/alpha/news/2026-11-20-broken.ru.md:2" in output
    assert "прежняя сборка" in output
    after = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert after == before


def test_build_exits_0_however_stale_unless_asked(region: Path) -> None:
    code, output = run("build", "-f", str(region), "--today", "2027-06-01", "--workers", "1")
    assert code == 0, output
    assert "просрочено — 1" in output
    code, output = run("build", "-f", str(region), "--today", "2027-06-01", "--workers", "1",
                       "--fail-on-stale")
    assert code == 1


def test_report_year_json_counts_kinds(region: Path) -> None:
    code, output = run("report", "-f", str(region), "--year", "2026", "--format", "json")
    assert code == 0, output
    data = json.loads(output)
    alpha = next(m for m in data["municipalities"] if m["id"] == "alpha")
    assert alpha["activities"]["conference"] == 3
    assert alpha["activities"]["trade-mission"] == 1


def test_dates_follow_git_history(region: Path) -> None:
    root = region.parent
    path = root / "content/alpha/plan/2026.en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    git(root, "commit", "-qam", "plan", date="2026-11-20T23:30:00+00:00")  # Nov 21 in Ulyanovsk
    code, output = run("check", "-f", str(region), "--today", "2026-11-23", "--format", "json",
                       "--only", "alpha")
    plan = json.loads(output)["municipalities"][0]["sections"][2]["languages"]
    assert plan["en"]["last_updated"] == "2026-11-21"
    assert plan["ru"]["last_updated"] == "2026-11-10"


def test_check_no_freshness_exits_0_on_valid_stale_content(region: Path) -> None:
    code, _ = run("check", "-f", str(region), "--today", "2027-06-01")
    assert code == 1
    code, _ = run("check", "-f", str(region), "--today", "2027-06-01", "--no-freshness")
    assert code == 0
    write(region.parent, "content/alpha/news/2026-11-20-x.ru.md", "---\ntitle: [\n---\n")
    code, _ = run("check", "-f", str(region), "--today", "2027-06-01", "--no-freshness")
    assert code == 2


def _configure(root: Path, extra: str) -> None:
    """Add options under the extrel plugin of the test region's mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "      timezone: Europe/Ulyanovsk\n"
    assert anchor in text
    config.write_text(text.replace(anchor, anchor + extra), encoding="utf-8")


def test_report_reads_the_configuration_like_check(region: Path) -> None:
    root = region.parent
    _configure(root, "      allowed_iframe_hosts: [video.region.example]\n")
    write(root, "content/alpha/news/2026-11-05-kutaisi.ru.md",
          "---\ntitle: Делегация из Кутаиси\ndate: 2026-11-05\nkind: conference\n---\n\n"
          '<iframe src="https://video.region.example/embed/1" title="Видео"></iframe>\n')
    commit_all(root, "2026-11-12T12:00:00+04:00", "video")
    code, output = run("check", "-f", str(region), "--today", "2026-11-23", "--only", "alpha")
    assert code == 0, output
    code, output = run("report", "-f", str(region), "--year", "2026", "--format", "json")
    assert code == 0, output
    _configure(root, "      timezone: Mars/Olympus\n")
    code, output = run("report", "-f", str(region), "--year", "2026")
    assert code == 2 and "Mars/Olympus" in output


def test_stale_log_level_sets_the_level_of_the_freshness_summary(region: Path) -> None:
    code, output = run("build", "-f", str(region), "--today", "2027-06-01", "--workers", "1")
    assert code == 0, output
    assert "freshness as of 2027-06-01" not in output  # info: not shown by default
    _configure(region.parent, "      stale_log_level: warning\n")
    code, output = run("build", "-f", str(region), "--today", "2027-06-01", "--workers", "1")
    assert code == 0, output
    assert "portal: extrel: freshness as of 2027-06-01: fresh 0, due 0, stale 1, missing 1" \
        in output


def test_docs_dir_of_mkdocs_yml_is_where_the_content_is(region: Path) -> None:
    root = region.parent
    (root / "content").rename(root / "pages")
    text = region.read_text(encoding="utf-8").replace("docs_dir: content", "docs_dir: pages")
    region.write_text(text, encoding="utf-8")
    commit_all(root, "2026-11-12T12:00:00+04:00", "move")
    code, output = run_stdout("check", "-f", str(region), "--today", "2026-11-23",
                              "--format", "json", "--only", "alpha")
    data = json.loads(output)
    assert code == 0, output
    assert data["municipalities"][0]["sections"][0]["languages"]["ru"]["pages"] == 4
    assert {p["file"] for p in data["problems"]} == {"pages/alpha/presentation/index.ru.md"}
    code, output = run("new", "plan", "-f", str(region), "-m", "beta", "-t", "План",
                       "--date", "2026-11-21")
    assert code == 0, output
    assert (root / "pages/beta/plan/2026.ru.md").is_file()
    assert not (root / "content").exists()
    code, output = run("build", "-f", str(region), "--today", "2026-11-23", "--workers", "1")
    assert code == 0, output
    assert (root / "site/alpha/news/2026-11-05-kutaisi/index.html").is_file()
    assert (root / "site/beta/plan/index.html").is_file()
