"""Exports that open in a spreadsheet hold no live formula (OWASP, CSV injection).

Hostile texts go through every CSV and XLSX extrel writes: the yearly and monthly reports,
the open data of a section, the freshness table beside freshness.json and
``extrel check --format csv``. Each CSV is read back and each workbook opened with openpyxl.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from extrel.cli import cli
from extrel.core import export, freshtable, opendata
from extrel.core.loader import load_region
from extrel.core.model import Region
from extrel.core.report import monthly_report, yearly_report
from extrel.core.spreadsheet import safe_cell

HOSTILE = {
    "link": '=HYPERLINK("http://evil","x")',
    "at": "@SUM(1)",
    "plus": "+1-1",
    "minus": "-2+3",
}
"""Texts an editor can write into a title (tab- and CR-led ones are refused as control
characters by the loader; they are tested on the writers directly below)."""


@pytest.mark.parametrize(("value", "expected"), [
    ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
    ("@SUM(1)", "'@SUM(1)"),
    ("+1-1", "'+1-1"),
    ("-2+3", "'-2+3"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("Кутаиси", "Кутаиси"),
    ("a=b", "a=b"),
    ("", ""),
    # real numbers stay numbers
    (-3, -3),
    (2.5, 2.5),
    ("-3", "-3"),
    ("+7", "+7"),
    (None, None),
])
def test_safe_cell(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "municipalities").mkdir()
    (root / "municipalities/inza.yml").write_text(
        "name: {ru: '=1+1', en: '@SUM(2)'}\nkind: district\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: t\ndocs_dir: content\nplugins:\n  - extrel\n", encoding="utf-8")

    def page(relpath: str, **fields: str) -> None:
        path = root / "content/inza" / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        front = "\n".join(f"{k}: {v}" for k, v in fields.items())
        path.write_text(f"---\n{front}\n---\n\nТекст.\n", encoding="utf-8")

    def q(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    page("partners/evil.ru.md", title=q(HOSTILE["link"]), country="GE", type="twin",
         status="active", since="2026-03-01")
    page("partners/evil.en.md", title=q("@SUM(1)"))
    for i, (key, text) in enumerate(HOSTILE.items(), start=1):
        day = f"2026-11-{10 + i}"
        page(f"news/{day}-{key}.ru.md", title=q(text), date=day, kind="conference")
        page(f"participation/{day}-{key}.ru.md", title=q(text), date=day,
             place=q("=cmd|' /C calc'!A0"))
    return root


@pytest.fixture(scope="module")
def loaded(region: Path) -> Region:
    result = load_region(region)
    assert result.problems == [], result.problems
    return result


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def assert_safe_cells(cells: list[str]) -> None:
    live = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")
            and not c.lstrip("+-").replace(".", "").isdigit()]
    assert live == []


def test_the_titles_are_read_as_written(loaded: Region) -> None:
    partner = loaded.municipalities["inza"].entries["partners"][0]
    assert partner.meta("ru").title == HOSTILE["link"]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_report_csv(loaded: Region, lang: str) -> None:
    name = "'=1+1" if lang == "ru" else "'@SUM(2)"  # the municipality's name
    yearly = csv_cells(export.as_csv(yearly_report(loaded, 2026), lang))
    assert_safe_cells(yearly)
    assert name in yearly
    monthly = csv_cells(export.as_csv(monthly_report(loaded, 2026, 11), lang))
    assert_safe_cells(monthly)
    assert name in monthly
    for text in ("@SUM(1)", "+1-1", "-2+3"):
        assert "'" + text in monthly


def assert_no_formula(path: Path) -> list[object]:
    wb = load_workbook(path)
    values = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                values.append(cell.value)
    return values


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_report_xlsx(loaded: Region, tmp_path: Path, lang: str) -> None:
    path = tmp_path / "year.xlsx"
    export.as_xlsx(yearly_report(loaded, 2026), lang, path)
    values = assert_no_formula(path)
    assert "'" + HOSTILE["link"] in values  # the partner in the sheet of items
    assert ("'=1+1" if lang == "ru" else "'@SUM(2)") in values
    path = tmp_path / "month.xlsx"
    export.as_xlsx(monthly_report(loaded, 2026, 11), lang, path)
    values = assert_no_formula(path)
    assert "'+1-1" in values


def test_open_data_csv(loaded: Region) -> None:
    m = loaded.municipalities["inza"]
    sets = opendata.datasets(m)
    partners = csv_cells(opendata.as_csv("partners", sets["partners"]))
    assert "'" + HOSTILE["link"] in partners
    assert "'@SUM(1)" in partners
    participation = csv_cells(opendata.as_csv("participation", sets["participation"]))
    assert "'=cmd|' /C calc'!A0" in participation
    assert_safe_cells(partners + participation)
    # tab and carriage return at the start (a loader may let them through one day)
    rows = [{**sets["partners"][0], "title_ru": "\t=1+1", "title_en": "\r@x"}]
    cells = csv_cells(opendata.as_csv("partners", rows))
    assert "'\t=1+1" in cells
    assert "'\r@x" in cells


def freshness_data() -> dict[str, object]:
    lang = {"status": "stale", "last_updated": "2026-09-01", "age_days": 83, "pages": 1,
            "due_by": "2026-10-02", "untranslated": 2}
    return {"as_of": "2026-11-23", "timezone": "Europe/Ulyanovsk", "municipalities": [
        {"id": "inza", "name": {"ru": '=HYPERLINK("http://evil","x")', "en": "\t@SUM(1)"},
         "status": "stale",
         "sections": [{"id": "news", "status": "stale",
                       "languages": {"ru": dict(lang), "en": dict(lang), "zh": dict(lang)}}]}],
        "problems": []}


def test_freshness_table_csv_and_xlsx(tmp_path: Path) -> None:
    data = freshness_data()
    rows = list(csv.reader(io.StringIO(freshtable.as_csv(data), newline="")))
    assert rows[0] == ["municipality", "section", "language", "status", "last_updated",
                       "age_days", "pages", "due_by", "untranslated", "unfinished", "name_ru",
                       "name_en", "name_zh", "overdue_since"]
    assert rows[1] == ["inza", "news", "ru", "stale", "2026-09-01", "83", "1", "2026-10-02",
                       "2", "", '\'=HYPERLINK("http://evil","x")', "'\t@SUM(1)", "",
                       "2026-10-03"]
    assert [r[2] for r in rows[1:]] == ["ru", "en", "zh"]  # every configured language
    path = tmp_path / "freshness.xlsx"
    freshtable.as_xlsx(data, path)
    values = assert_no_formula(path)
    assert '\'=HYPERLINK("http://evil","x")' in values
    ws = load_workbook(path)["freshness"]
    assert ws["F2"].value == 83  # numbers stay numbers
    assert ws["E2"].value.date().isoformat() == "2026-09-01"  # dates stay dates


def test_check_csv(region: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "-f", str(region / "mkdocs.yml"), "--today",
                                      "2026-11-23", "--format", "csv", "--no-freshness"],
                                catch_exceptions=False)
    cells = csv_cells(result.stdout)
    assert "inza" in cells
    assert_safe_cells(cells)


def test_workbooks_are_reproducible(loaded: Region, tmp_path: Path) -> None:
    """The same content gives the same bytes (a rebuild must not rewrite the site's files):
    no moment of writing in the zip entries or the document's properties."""
    import time

    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    export.as_xlsx(yearly_report(loaded, 2026), "ru", first)
    freshtable.as_xlsx(freshness_data(), tmp_path / "fa.xlsx")
    time.sleep(1.1)  # zip times have two-second steps; the properties have seconds
    export.as_xlsx(yearly_report(loaded, 2026), "ru", second)
    freshtable.as_xlsx(freshness_data(), tmp_path / "fb.xlsx")
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "fa.xlsx").read_bytes() == (tmp_path / "fb.xlsx").read_bytes()
    assert load_workbook(first).properties.modified.date().isoformat() == "2026-12-31"


def test_tab_and_carriage_return_led_names_in_the_reports(loaded: Region,
                                                          tmp_path: Path) -> None:
    """Names no loader should pass, given to the writers directly."""
    import dataclasses

    report = yearly_report(loaded, 2026)
    row = dataclasses.replace(report.municipalities[0], name_ru="\t=1+1", name_en="\r@SUM(1)")
    hostile = dataclasses.replace(report, municipalities=[row])
    cells = csv_cells(export.as_csv(hostile, "ru")) + csv_cells(export.as_csv(hostile, "en"))
    assert "'\t=1+1" in cells and "'\r@SUM(1)" in cells
    path = tmp_path / "tab.xlsx"
    export.as_xlsx(hostile, "en", path)
    assert "'\r@SUM(1)" in assert_no_formula(path)
