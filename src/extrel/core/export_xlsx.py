"""The activity reports as Excel workbooks (openpyxl), for ``export.as_xlsx``.

The sheets show the columns of ``export``'s shared model; every value passes through
``spreadsheet.safe_row`` and the workbook through ``spreadsheet.no_formulas``, so no cell
is a formula.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import export_items
from .export_columns import (
    Cell,
    Column,
    Report,
    _str,
    monthly_columns,
    monthly_rows,
    title,
    yearly_columns,
    yearly_rows,
    yearly_totals,
)
from .messages import t
from .report import YearlyReport
from .spreadsheet import safe_row, save

BOLD = Font(bold=True)
MAX_WIDTH = 60


def fill(ws: Worksheet, cols: list[Column], rows: list[list[Cell]],
          totals: list[Cell] | None) -> None:
    ws.append(safe_row(c.header for c in cols))
    for cell in ws[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append(safe_row(row))
    last = len(rows) + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{last}"
    if totals is not None:
        ws.append(safe_row(totals))
        for cell in ws[last + 1]:
            cell.font = BOLD
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "YYYY-MM-DD"
    for i, col in enumerate(cols, start=1):
        values = [_str(r[i - 1]) for r in rows] + ([_str(totals[i - 1])] if totals else [])
        content = max((len(v) for v in values), default=0)
        header = min(len(col.header), 24 if col.numeric else MAX_WIDTH)
        ws.column_dimensions[get_column_letter(i)].width = min(max(content, header, 6) + 2,
                                                               MAX_WIDTH)


def about(ws: Worksheet, report: Report, cols: list[Column], lang: str) -> None:
    ws.append([title(report, lang)])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([t("export.as_of", lang), report.as_of_date]
              if isinstance(report, YearlyReport) else [])
    if isinstance(report, YearlyReport):
        ws["B2"].number_format = "YYYY-MM-DD"
        ws["B2"].alignment = Alignment(horizontal="left")
    ws.append([t("export.column", lang), t("export.description", lang)])
    for cell in ws[3]:
        cell.font = BOLD
    for col in cols:
        ws.append([col.header, col.description])
    ws.append([])
    ws.append([t("export.rule" if isinstance(report, YearlyReport) else "export.links", lang)])
    ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 90


def write(report: Report, lang: str, path: Path) -> None:
    """``export.as_xlsx``: the workbook of a yearly or monthly report."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    if isinstance(report, YearlyReport):
        cols = yearly_columns(lang)
        ws.title = t("export.sheet.yearly", lang, year=report.year)
        fill(ws, cols, yearly_rows(report, lang), yearly_totals(report, lang))
        ws.freeze_panes = "C2"
        items = wb.create_sheet(t("export.items", lang))
        fill(items, export_items.item_columns(lang), export_items.item_rows(report, lang), None)
        items.freeze_panes = "C2"
    else:
        cols = monthly_columns(lang)
        ws.title = t("export.sheet.monthly", lang, year=report.year, month=report.month)
        fill(ws, cols, monthly_rows(report, lang), None)
        ws.freeze_panes = "A2"
    about(wb.create_sheet(t("export.about", lang)), report, cols, lang)
    save(wb, path, report.as_of_date if isinstance(report, YearlyReport)
         else dt.date(report.year, report.month, 1))
