"""The freshness table for spreadsheets: ``freshness.csv`` and ``freshness.xlsx`` beside
``freshness.json``, a row per municipality, subsection and language.

Both are drawn from the JSON object of ``extrel check --format json`` (PRODUCT.md), so the
three files always tell the same. Keys a language entry may lack (``due_by``,
``untranslated``, ``unfinished``) give empty cells. ``overdue_since`` is the day after
``due_by`` where the status is ``stale``. Every cell goes through ``spreadsheet.safe_cell``:
a municipality named ``=HYPERLINK(...)`` stays text.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .spreadsheet import csv_writer, safe_row, save

DATE_KEYS = ("last_updated", "due_by", "overdue_since")


def columns(languages: Sequence[str]) -> list[str]:
    """The columns of ``extrel check --format csv``, then ``overdue_since``."""
    return ["municipality", "section", "language", "status", "last_updated", "age_days",
            "pages", "due_by", "untranslated", "unfinished",
            *(f"name_{code}" for code in languages), "overdue_since"]


def overdue_since(entry: Mapping[str, Any]) -> str | None:
    """The first day a ``stale`` entry is late: ``due_by`` + 1 day (None otherwise)."""
    due_by = entry.get("due_by")
    if entry.get("status") != "stale" or not due_by:
        return None
    return (dt.date.fromisoformat(due_by) + dt.timedelta(days=1)).isoformat()


def languages_of(data: Mapping[str, Any]) -> list[str]:
    """The languages of the table, in the JSON's order."""
    for m in data.get("municipalities", []):
        for s in m.get("sections", []):
            return list(s.get("languages", {}))
    return []


def rows(data: Mapping[str, Any]) -> list[list[Any]]:
    """The table's rows; dates stay ISO texts here (``as_xlsx`` turns them into dates)."""
    langs = languages_of(data)
    result = []
    for m in data.get("municipalities", []):
        names = m.get("name") or {}
        for s in m["sections"]:
            for code, entry in s["languages"].items():
                result.append([
                    m["id"], s["id"], code, entry["status"], entry.get("last_updated"),
                    entry.get("age_days"), entry.get("pages"), entry.get("due_by"),
                    entry.get("untranslated"), entry.get("unfinished"),
                    *(names.get(c) for c in langs), overdue_since(entry),
                ])
    return result


def as_csv(data: Mapping[str, Any]) -> str:
    """UTF-8 CSV (no byte order mark), a header row and a row per subsection and language."""
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\n")
    writer.writerow(columns(languages_of(data)))
    writer.writerows([["" if v is None else v for v in row] for row in rows(data)])
    return out.getvalue()


def as_xlsx(data: Mapping[str, Any], path: Path) -> None:
    """A workbook: the sheet "freshness" (bold frozen header, a filter, real dates) and the
    sheet "about" with the check date and time zone."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header = columns(languages_of(data))
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "freshness"
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    dates = [i for i, name in enumerate(header) if name in DATE_KEYS]
    for row in rows(data):
        for i in dates:
            if row[i]:
                row[i] = dt.date.fromisoformat(row[i])
        ws.append(safe_row(row))
    for row_cells in ws.iter_rows(min_row=2):
        for i in dates:
            row_cells[i].number_format = "YYYY-MM-DD"
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{ws.max_row}"
    for i, name in enumerate(header, start=1):
        width = 30 if name.startswith("name_") else max(14, len(name) + 2)
        ws.column_dimensions[get_column_letter(i)].width = width
    about = wb.create_sheet("about")
    about.append(["as_of", dt.date.fromisoformat(data["as_of"])])
    about.append(safe_row(["timezone", data.get("timezone")]))
    about["B1"].number_format = "YYYY-MM-DD"
    about.column_dimensions["B"].width = 20
    save(wb, path, dt.date.fromisoformat(data["as_of"]))
