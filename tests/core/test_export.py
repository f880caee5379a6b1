"""Writers of the activity reports: text, JSON, CSV and Excel, read back and checked."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from extrel.core.export import as_csv, as_json, as_text, as_xlsx
from extrel.core.loader import load_region
from extrel.core.model import Region
from extrel.core.report import MonthlyReport, YearlyReport, monthly_report, yearly_report

RU_HEADER = [
    "Код", "Муниципальное образование", "Презентация", "Приём делегации",
    "Визит делегации за рубеж", "День дружбы", "Деловой визит", "Торговая миссия",
    "Конференция", "Гуманитарная акция", "Молодёжный обмен", "Новый партнёр", "Другое",
    "Всего мероприятий", "Без вида", "Новые партнёры", "Опубликовано: новости",
    "Опубликовано: партнёры", "Опубликовано: план", "Опубликовано: анонсы",
    "Опубликовано: организации", "Опубликовано: участие",
    "Соглашения заключены", "Соглашения прекращены", "Соглашения заключены: список",
    "Соглашения прекращены: список", "По состоянию на",
]
EN_HEADER = [
    "ID", "Municipality", "Presentation", "Delegation received", "Delegation abroad",
    "Friendship Day", "Business visit", "Trade mission", "Conference", "Humanitarian action",
    "Youth exchange", "New partner", "Other", "Activities, total", "No kind given",
    "New partners", "Published: news", "Published: partners", "Published: plan",
    "Published: announcements", "Published: organizations", "Published: participation",
    "Agreements concluded", "Agreements lapsed", "Agreements concluded: list",
    "Agreements lapsed: list", "As of",
]
END = dt.date(2026, 12, 31)  # the report's date when none is given: the whole year
#                presentation .. other (11 kinds),  total, no kind, new partners, published (6),
#                agreements concluded, lapsed, their lists, as of
BARYSH = ["barysh", "Барышский район", 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0,
          0, 0, None, None, END]
INZA = ["inza", "Инзенский район", 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 2, 1, 1, 2, 1, 0, 1, 0, 1,
        1, 0, "minsk — Минск, 2026-03-01", None, END]
SURA = ["sura", "Сурский район", *[0] * 20, 0, 0, None, None, END]
TOTALS = [None, "Итого", 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 3, 1, 1, 3, 1, 0, 1, 0, 1, 1, 0,
          None, None, END]


def csv_cells(row: list[object]) -> list[str]:
    """A row as the CSV writes it: empty for None, ISO for dates."""
    return ["" if v is None else v.isoformat() if isinstance(v, dt.date) else str(v)
            for v in row]


def xlsx_cells(row: tuple[object, ...]) -> list[object]:
    """A row as openpyxl reads it back: date cells come as datetimes."""
    return [v.date() if isinstance(v, dt.datetime) else v for v in row]


def write(root: Path, relpath: str, **fields: object) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    front = "\n".join(f"{key}: {value}" for key, value in fields.items())
    path.write_text(f"---\n{front}\n---\n\nТекст.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Region:
    root = tmp_path_factory.mktemp("region")
    (root / "municipalities").mkdir()
    for mid, ru, en in (("inza", "Инзенский район", "Inza District"),
                        ("barysh", "Барышский район", "Barysh District"),
                        ("sura", "Сурский район", "Sura District")):
        (root / f"municipalities/{mid}.yml").write_text(
            f"name: {{ru: {ru}, en: {en}}}\nkind: district\n", encoding="utf-8")
    inza = "content/inza"
    # one Friendship Day told twice: counted once
    write(root, f"{inza}/announcements/2026-05-10-friendship.ru.md", title="Анонс Дня дружбы",
          start="2026-05-10", kind="friendship-day", partner="kutaisi")
    write(root, f"{inza}/announcements/2026-05-10-friendship.en.md", title="Friendship Day ahead")
    write(root, f"{inza}/news/2026-05-10-friendship.ru.md", title="День дружбы",
          date="2026-05-10", kind="friendship-day", partner="kutaisi")
    write(root, f"{inza}/news/2026-05-10-friendship.en.md", title="Friendship Day")
    # a conference in November, Russian only
    write(root, f"{inza}/participation/2026-11-12-forum.ru.md", title="Форум в Минске",
          date="2026-11-12", kind="conference")
    write(root, f"{inza}/news/2026-11-20-notes.ru.md", title="Заметки", date="2026-11-20")
    write(root, f"{inza}/news/2026-11-20-notes.en.md", title="Notes, part one")
    write(root, f"{inza}/partners/minsk.ru.md", title="Минск", country="BY", type="partner",
          status="active", since="2026-03-01")
    write(root, "content/barysh/news/2026-11-03-conference.ru.md", title="Конференция",
          date="2026-11-03", kind="conference")
    write(root, "content/barysh/news/2026-11-03-conference.en.md", title="A conference")
    loaded = load_region(root)
    assert loaded.problems == []
    return loaded


@pytest.fixture(scope="module")
def yearly(region: Region) -> YearlyReport:
    return yearly_report(region, 2026)


@pytest.fixture(scope="module")
def monthly(region: Region) -> MonthlyReport:
    return monthly_report(region, 2026, 11)


def table(lines: list[str], start: int) -> list[list[str]]:
    """Cells of the aligned table whose header is ``lines[start]``, cut at the rule's dashes.

    Cutting at fixed positions checks the alignment too: a misaligned cell would be split.
    """
    spans = [m.span() for m in re.finditer(r"-+", lines[start + 1])]
    rows = []
    for line in lines[start:]:
        if not line:
            break
        if set(line) <= {"-", " "}:
            continue
        rows.append([line[a:b].strip() for a, b in spans])
        for (_, b), (a, _) in zip(spans, spans[1:], strict=False):
            assert line[b:a].strip() == "", f"a cell overflows its column: {line!r}"
    return rows


# --- text ------------------------------------------------------------------------------------


def test_yearly_text_ru(yearly: YearlyReport) -> None:
    lines = as_text(yearly).splitlines()
    assert lines[0] == "Внешние связи: мероприятия за 2026 год"
    assert lines[1].startswith("По состоянию на 31 декабря 2026\u202fг.: учтено только то")
    assert lines[2] == ""
    rows = table(lines, 3)
    assert rows[0] == RU_HEADER[:16]
    assert rows[1:] == [[str(v) if v is not None else "" for v in r[:16]]
                        for r in (BARYSH, INZA, SURA, TOTALS)]
    published = lines.index("Опубликовано (2026)")
    rows = table(lines, published + 2)
    assert rows[0] == ["Код", "Муниципальное образование", "Новости", "Партнёры", "План",
                       "Анонсы", "Организации", "Участие", "Соглашения заключены",
                       "Соглашения прекращены"]
    assert rows[2] == ["inza", "Инзенский район", "2", "1", "0", "1", "0", "1", "1", "0"]
    assert rows[-1] == ["", "Итого", "3", "1", "0", "1", "0", "1", "1", "0"]
    assert any("считается один раз" in line for line in lines)
    # numbers are right-aligned: the total of inza ends where its header ends
    header = lines[3]
    end = header.index("Всего мероприятий") + len("Всего мероприятий")
    inza = next(line for line in lines if line.startswith("inza"))
    assert inza[:end].endswith(" 2")


def test_yearly_text_en(yearly: YearlyReport) -> None:
    lines = as_text(yearly, "en").splitlines()
    assert lines[0] == "External relations: activities in 2026"
    assert lines[1].startswith("As of 31 December 2026: only what has happened counts")
    rows = table(lines, 3)
    assert rows[0] == EN_HEADER[:16]
    assert rows[2][:2] == ["inza", "Inza District"]
    assert rows[-1][:3] == ["", "Total", "0"]
    assert "Published (2026)" in lines


def test_monthly_text(monthly: MonthlyReport) -> None:
    lines = as_text(monthly).splitlines()
    assert lines[0] == "Внешние связи: материалы за ноябрь 2026 г."
    assert table(lines, 2) == [
        ["Муниципальное образование", "Дата", "Подраздел", "Вид мероприятия", "Ссылка",
         "Заголовок"],
        ["Барышский район", "2026-11-03", "новость", "конференция",
         "barysh/news/2026-11-03-conference/", "Конференция"],
        ["Инзенский район", "2026-11-12", "участие", "конференция",
         "inza/participation/2026-11-12-forum/", "Форум в Минске"],
        ["Инзенский район", "2026-11-20", "новость", "", "inza/news/2026-11-20-notes/",
         "Заметки"],
    ]
    assert lines[-1] == "Нет материалов за месяц: Сурский район"


def test_monthly_text_en_marks_untranslated(monthly: MonthlyReport) -> None:
    lines = as_text(monthly, "en").splitlines()
    assert lines[0] == "External relations: publications of November 2026"
    rows = table(lines, 2)
    assert rows[2] == ["Inza District", "2026-11-12", "participation", "conference",
                       "inza/en/participation/2026-11-12-forum/", "Форум в Минске *"]
    assert rows[3][-1] == "Notes, part one"
    assert "Nothing published this month: Sura District" in lines
    assert lines[-1] == "* no English version yet: the Russian title is shown"


# --- JSON ------------------------------------------------------------------------------------


def test_json_yearly(yearly: YearlyReport) -> None:
    text = as_json(yearly)
    assert "Инзенский район" in text  # not \u-escaped
    assert text.startswith('{\n  "as_of": "2026-12-31",\n  "year": 2026,\n  "kinds": [\n')
    data = json.loads(text)
    assert data == yearly.to_dict()
    assert list(data["municipalities"][1]["activities"].values()) == INZA[2:13]
    assert data["totals"]["new_partners"] == 1


def test_json_monthly(monthly: MonthlyReport) -> None:
    data = json.loads(as_json(monthly))
    assert list(data) == ["year", "month", "municipalities", "items_total"]
    inza = data["municipalities"][1]
    assert [i["date"] for i in inza["items"]] == ["2026-11-12", "2026-11-20"]
    assert inza["items"][0]["title"] == {"ru": "Форум в Минске", "en": "Форум в Минске"}
    assert inza["items"][0]["translated"] is False


# --- CSV -------------------------------------------------------------------------------------


def test_csv_yearly_parses_back(yearly: YearlyReport) -> None:
    text = as_csv(yearly)
    assert not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == RU_HEADER
    assert rows[1:] == [csv_cells(r) for r in (BARYSH, INZA, SURA)]
    en = list(csv.reader(io.StringIO(as_csv(yearly, "en"), newline="")))
    assert en[0] == EN_HEADER
    assert en[2][:2] == ["inza", "Inza District"]


def test_csv_monthly_one_row_per_item(monthly: MonthlyReport) -> None:
    rows = list(csv.DictReader(io.StringIO(as_csv(monthly, "en"), newline="")))
    assert len(rows) == 3
    assert rows[1] == {
        "ID": "inza",
        "Municipality": "Inza District",
        "Date": "2026-11-12",
        "Subsection": "participation",
        "Activity kind": "conference",
        "Translated": "no",
        "Link": "inza/en/participation/2026-11-12-forum/",
        "Title": "Форум в Минске",
    }
    ru = list(csv.reader(io.StringIO(as_csv(monthly), newline="")))
    assert ru[0] == ["Код", "Муниципальное образование", "Дата", "Подраздел",
                     "Вид мероприятия", "Есть перевод", "Ссылка", "Заголовок"]
    assert ru[3] == ["inza", "Инзенский район", "2026-11-20", "новость", "", "да",
                     "inza/news/2026-11-20-notes/", "Заметки"]


# --- Excel -----------------------------------------------------------------------------------


def test_xlsx_yearly(yearly: YearlyReport, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    as_xlsx(yearly, "ru", path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Мероприятия 2026", "Записи", "Справка"]
    ws = wb["Мероприятия 2026"]
    values = [xlsx_cells(r) for r in ws.iter_rows(values_only=True)]
    assert values == [RU_HEADER, BARYSH, INZA, SURA, TOTALS]
    assert all(cell.font.bold for cell in ws[1])
    assert all(cell.font.bold for cell in ws[5])
    assert not ws["B2"].font.bold
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == "A1:AA4"
    assert ws.column_dimensions["B"].width == len("Муниципальное образование") + 2
    assert all(ws.column_dimensions[c].width >= 8 for c in "ABCDEFGHIJKLMNOPQRSTUV")
    assert ws["AA2"].number_format == "YYYY-MM-DD"
    about = [list(r) for r in wb["Справка"].iter_rows(values_only=True)]
    assert about[0] == ["Внешние связи: мероприятия за 2026 год", None]
    assert xlsx_cells(about[1]) == ["По состоянию на", END]
    assert about[2] == ["Столбец", "Описание"]
    assert [r[0] for r in about[3:3 + len(RU_HEADER)]] == RU_HEADER
    assert "friendship-day" in about[3 + 5][1]
    assert "считается один раз" in about[-1][0]
    assert wb["Справка"]["A3"].font.bold


def test_xlsx_yearly_en(yearly: YearlyReport, tmp_path: Path) -> None:
    path = tmp_path / "report-en.xlsx"
    as_xlsx(yearly, "en", path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Activities 2026", "Items", "About"]
    ws = wb["Activities 2026"]
    assert [c.value for c in ws[1]] == EN_HEADER
    assert [c.value for c in ws[5]][:3] == [None, "Total", 0]
    assert ws["N5"].value == 3


def test_xlsx_monthly(monthly: MonthlyReport, tmp_path: Path) -> None:
    path = tmp_path / "month.xlsx"
    as_xlsx(monthly, "en", path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Publications 2026-11", "About"]
    ws = wb["Publications 2026-11"]
    assert ws.freeze_panes == "A2"
    assert ws.max_row == 4  # header and three items, no totals
    assert [c.value for c in ws[1]] == ["ID", "Municipality", "Date", "Subsection",
                                        "Activity kind", "Translated", "Link", "Title"]
    assert all(cell.font.bold for cell in ws[1])
    row = [c.value for c in ws[3]]
    assert row[2].date() == dt.date(2026, 11, 12)  # a real date cell, not text
    assert row[:2] + row[3:] == ["inza", "Inza District", "participation", "conference", "no",
                                 "inza/en/participation/2026-11-12-forum/", "Форум в Минске"]
    assert ws["C3"].number_format == "YYYY-MM-DD"
    about = [list(r) for r in wb["About"].iter_rows(values_only=True)]
    assert about[0][0] == "External relations: publications of November 2026"
    assert "site root" in about[-1][0]
