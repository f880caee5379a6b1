"""The year's report as of a check date: only what has happened counts, every number has its
items, and the agreements concluded and lapsed in the year are listed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from extrel.cli import cli
from extrel.core.export import as_csv, as_text, as_xlsx
from extrel.core.loader import load_region
from extrel.core.model import Region
from extrel.core.report import yearly_report

NOV24 = dt.date(2026, 11, 24)


def write(root: Path, relpath: str, **fields: object) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    front = "\n".join(f"{key}: {value}" for key, value in fields.items())
    path.write_text(f"---\n{front}\n---\n\nТекст.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("asof")
    (root / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\nplugins:\n"
                                     "  - extrel:\n      timezone: Europe/Ulyanovsk\n",
                                     encoding="utf-8")
    (root / "municipalities").mkdir()
    (root / "municipalities/inza.yml").write_text(
        "name: {ru: Инзенский район, en: Inza District}\nkind: district\n", encoding="utf-8")
    c = "content/inza"
    # a conference that happened, and one only announced for 5 December
    write(root, f"{c}/participation/2026-10-03-kazan.ru.md", title="Конференция в Казани",
          date="2026-10-03", kind="conference")
    write(root, f"{c}/announcements/2026-12-05-forum.ru.md", title="Форум в декабре",
          start="2026-12-05", kind="conference")
    write(root, f"{c}/announcements/2026-12-05-forum.en.md", title="December forum")
    write(root, f"{c}/news/2026-11-24-today.ru.md", title="Сегодня", date="2026-11-24")
    # agreements: concluded in March; ended in June; expires in December (not yet lapsed on
    # 24 November); concluded and expired in other years
    partner = {"country": "GE", "type": "agreement", "status": "active"}
    write(root, f"{c}/partners/kutaisi.ru.md", title="Кутаиси", **partner, since="2026-03-01")
    write(root, f"{c}/partners/kutaisi.en.md", title="Kutaisi")
    write(root, f"{c}/partners/minsk.ru.md", title="Минск", **{**partner, "status": "ended"},
          since="2019-05-01", ended="2026-06-30", expires="2029-05-01")
    write(root, f"{c}/partners/grodno.ru.md", title="Гродно", **partner, since="2021-01-01",
          expires="2026-12-15")
    write(root, f"{c}/partners/brest.ru.md", title="Брест", **partner, since="2027-01-10")
    return root


@pytest.fixture(scope="module")
def region(root: Path) -> Region:
    loaded = load_region(root)
    assert loaded.problems == []
    return loaded


def test_an_announced_event_counts_only_once_it_has_happened(region: Region) -> None:
    on_nov24 = yearly_report(region, 2026, NOV24).municipalities[0]
    assert on_nov24.activities["conference"] == 1
    assert on_nov24.published["announcements"] == 0
    assert on_nov24.published["news"] == 1  # dated the check date itself: it counts
    on_dec5 = yearly_report(region, 2026, dt.date(2026, 12, 5)).municipalities[0]
    assert on_dec5.activities["conference"] == 2
    assert on_dec5.published["announcements"] == 1
    # a report of a later year, drawn up before it began, counts nothing
    later = yearly_report(region, 2027, NOV24).municipalities[0]
    assert later.activities_total == 0 and later.concluded == []


def test_agreements_concluded_and_lapsed(region: Region) -> None:
    row = yearly_report(region, 2026, NOV24).municipalities[0]
    assert [(a.id, a.date.isoformat(), a.field) for a in row.concluded] == [
        ("kutaisi", "2026-03-01", "since")]
    # minsk ended in June (its later expiry does not matter); grodno expires in December
    assert [(a.id, a.date.isoformat(), a.field) for a in row.lapsed] == [
        ("minsk", "2026-06-30", "ended")]
    end = yearly_report(region, 2026, dt.date(2026, 12, 31)).municipalities[0]
    assert [a.id for a in end.lapsed] == ["minsk", "grodno"]


def test_json_states_as_of_and_the_items_behind_every_number(region: Region) -> None:
    data = yearly_report(region, 2026, NOV24).to_dict()
    assert data["as_of"] == "2026-11-24"
    inza = data["municipalities"][0]
    assert inza["agreements"] == {
        "concluded": [{"id": "kutaisi", "title": {"ru": "Кутаиси", "en": "Kutaisi"},
                       "date": "2026-03-01", "field": "since",
                       "link": "inza/partners/kutaisi/"}],
        "lapsed": [{"id": "minsk", "title": {"ru": "Минск"},  # no English page: no English title
                    "date": "2026-06-30", "field": "ended", "link": "inza/partners/minsk/"}],
    }
    items = inza["items"]
    conference = items["activities"]["conference"]
    assert len(conference) == inza["activities"]["conference"] == 1
    assert conference[0]["entries"] == [{
        "section": "participation", "id": "2026-10-03-kazan", "date": "2026-10-03",
        "title": {"ru": "Конференция в Казани"},
        "link": "inza/participation/2026-10-03-kazan/"}]
    assert [i["id"] for i in items["unclassified"]] == ["2026-11-24-today"]
    assert [i["id"] for i in items["new_partners"]] == ["kutaisi"]
    for section, count in inza["published"].items():
        assert len(items["published"][section]) == count
    assert data["totals"]["agreements"] == {"concluded": 1, "lapsed": 1}


def test_text_csv_and_xlsx_show_as_of_agreements_and_items(region: Region,
                                                           tmp_path: Path) -> None:
    report = yearly_report(region, 2026, NOV24)
    text = as_text(report)
    assert "По состоянию на 24 ноября 2026\u202fг." in text
    assert "Соглашения заключены: kutaisi — Кутаиси, 2026-03-01" in text
    assert "Соглашения прекращены: minsk — Минск, 2026-06-30" in text
    assert "inza/participation/2026-10-03-kazan/  Конференция в Казани" in text
    assert "Форум в декабре" not in text
    rows = list(csv.DictReader(io.StringIO(as_csv(report, "en"), newline="")))
    assert rows[0]["As of"] == "2026-11-24"
    assert rows[0]["Agreements concluded"] == "1"
    assert rows[0]["Agreements lapsed: list"] == "minsk — Минск, 2026-06-30"
    path = tmp_path / "report.xlsx"
    as_xlsx(report, "ru", path)
    wb = load_workbook(path)
    items = [list(r) for r in wb["Записи"].iter_rows(values_only=True)]
    assert items[0] == ["Код", "Муниципальное образование", "Показатель", "Мероприятие №",
                        "Дата", "Подраздел", "Код записи", "Заголовок", "Ссылка"]
    by_number = {r[2]: r for r in items[1:]}
    assert by_number["Конференция"][3] == 1
    assert by_number["Конференция"][6:] == ["2026-10-03-kazan", "Конференция в Казани",
                                            "inza/participation/2026-10-03-kazan/"]
    assert by_number["Соглашения прекращены"][6] == "minsk"
    assert by_number["Соглашения заключены"][4].date() == dt.date(2026, 3, 1)
    assert "Форум в декабре" not in [r[7] for r in items]
    about = [list(r) for r in wb["Справка"].iter_rows(values_only=True)]
    assert about[1][0] == "По состоянию на"
    assert about[1][1].date() == NOV24


def test_cli_report_today(root: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["report", "-f", str(root / "mkdocs.yml"), "--year", "2026",
                                 "--today", "2026-11-24", "--format", "json"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["as_of"] == "2026-11-24"
    assert data["municipalities"][0]["activities"]["conference"] == 1
    out = tmp_path / "r.xlsx"
    result = runner.invoke(cli, ["report", "-f", str(root / "mkdocs.yml"), "--year", "2026",
                                 "--today", "2026-12-06", "--format", "xlsx", "-o", str(out),
                                 "--lang", "ru"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    ws = load_workbook(out).active
    assert ws is not None
    header = [c.value for c in ws[1]]
    assert ws.cell(2, header.index("Конференция") + 1).value == 2
