"""Writing the activity reports: aligned text, JSON, CSV and Excel (openpyxl).

Each writer takes a ``YearlyReport`` or a ``MonthlyReport`` and the language of the headers
and labels (``"ru"``, the default, or ``"en"``). The column model (``export_columns``) is
shared, so text, CSV and the workbook always show the same columns in the same order.
"""

from __future__ import annotations

import io
import json
import textwrap
from collections.abc import Sequence
from pathlib import Path

from . import export_items
from .export_columns import (
    NUMBERS_END,
    Cell,
    Report,
    _cap,
    _str,
    as_of_line,
    monthly_columns,
    monthly_rows,
    title,
    yearly_columns,
    yearly_rows,
    yearly_totals,
)
from .labels import word
from .messages import t
from .report import PUBLISHED_SECTIONS, YearlyReport
from .sections import ACTIVITY_KINDS
from .spreadsheet import csv_writer


def aligned(headers: Sequence[str], rows: Sequence[Sequence[Cell]], numeric: Sequence[bool],
            footer: Sequence[Cell] | None = None) -> list[str]:
    """Lines of a plain table: columns two spaces apart, numbers right-aligned."""
    body = [[_str(v) for v in row] for row in rows]
    foot = [_str(v) for v in footer] if footer is not None else None
    every = [list(headers), *body, *([foot] if foot else [])]
    widths = [max(len(r[i]) for r in every) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric,
                                                                          strict=True)]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    lines = [line(headers), rule, *(line(r) for r in body)]
    if foot:
        lines += [rule, line(foot)]
    return lines


def as_text(report: Report, lang: str = "ru") -> str:
    """A readable plain-text report: a title line and aligned tables."""
    lines = [title(report, lang), ""]
    if isinstance(report, YearlyReport):
        lines[1:1] = [as_of_line(report, lang)]
        cols = yearly_columns(lang)
        split = 2 + len(ACTIVITY_KINDS) + 3
        rows = yearly_rows(report, lang)
        totals = yearly_totals(report, lang)
        lines += aligned([c.header for c in cols[:split]], [r[:split] for r in rows],
                         [c.numeric for c in cols[:split]], totals[:split])
        lines += ["", f"{t('export.published', lang)} ({report.year})", ""]
        keep = [0, 1, *range(split, NUMBERS_END + 2)]
        headers = [cols[0].header, cols[1].header,
                   *(_cap(t(f"export.section.{s}", lang)) for s in PUBLISHED_SECTIONS),
                   cols[NUMBERS_END].header, cols[NUMBERS_END + 1].header]
        lines += aligned(headers, [[r[i] for i in keep] for r in rows],
                         [cols[i].numeric for i in keep], [totals[i] for i in keep])
        lines += ["", *textwrap.wrap(t("export.rule", lang), 100)]
        lines += ["", *export_items.text_lines(report, lang)]
        return "\n".join(lines) + "\n"
    headers = [t(k, lang) for k in ("export.municipality", "export.date", "export.section",
                                    "export.kind", "export.link", "export.title")]
    items: list[list[Cell]] = []
    untranslated = False
    for m in report.municipalities:
        for item in m.items:
            mark = "" if item.translated or lang == "ru" else " *"
            untranslated = untranslated or bool(mark)
            items.append([m.name(lang), item.date, t(f"export.item.{item.section}", lang),
                         word(f"activity.{item.kind}", lang) if item.kind else "",
                         item.link(lang), item.title(lang) + mark])
    lines += aligned(headers, items, [False] * len(headers))
    empty = [m.name(lang) for m in report.municipalities if not m.items]
    if empty:
        lines += ["", f"{t('export.nothing', lang)}: {', '.join(empty)}"]
    if untranslated:
        lines += ["", t("export.untranslated", lang)]
    return "\n".join(lines) + "\n"


# --- JSON and CSV ----------------------------------------------------------------------------


def as_json(report: Report) -> str:
    """The report's ``to_dict()`` as JSON: UTF-8 text, two-space indents, stable key order."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def as_csv(report: Report, lang: str = "ru") -> str:
    """CSV with a header row: a row per municipality (yearly) or per item (monthly);
    formula-like cells neutralized (``spreadsheet.safe_cell``).

    No byte order mark: a caller writing it for Excel may write ``utf-8-sig``.
    """
    if isinstance(report, YearlyReport):
        cols, rows = yearly_columns(lang), yearly_rows(report, lang)
    else:
        cols, rows = monthly_columns(lang), monthly_rows(report, lang)
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\r\n")
    writer.writerow([c.header for c in cols])
    writer.writerows([[v if isinstance(v, int) else _str(v) for v in row] for row in rows])
    return out.getvalue()


# --- Excel -----------------------------------------------------------------------------------


def as_xlsx(report: Report, lang: str, path: Path) -> None:
    """Write an Excel workbook to ``path``: the report's sheet (bold frozen header, column
    widths, a totals row for the yearly report), for the yearly report a sheet of the items
    behind every number ("Записи"/"Items"), and a sheet "Справка"/"About" describing the
    columns. No cell is a formula (``spreadsheet``)."""
    from .export_xlsx import write  # openpyxl loads only for a workbook

    write(report, lang, path)
