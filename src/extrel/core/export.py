"""Writing the activity reports: aligned text, JSON, CSV and Excel (openpyxl).

Each writer takes a ``YearlyReport`` or a ``MonthlyReport`` and the language of the headers
and labels (``"ru"``, the default, or ``"en"``). The column model is shared, so text, CSV and
the workbook always show the same columns in the same order.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date

from .labels import BABEL_LOCALES, long_date, word
from .messages import t
from .report import PUBLISHED_SECTIONS, AgreementItem, MonthlyReport, YearlyReport, YearlyRow
from .sections import ACTIVITY_KINDS
from .spreadsheet import csv_writer

Report = YearlyReport | MonthlyReport
Cell = str | int | dt.date | None

def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def as_of_line(report: YearlyReport, lang: str) -> str:
    """«По состоянию на 24 ноября 2026 г.: учтено только то, что уже произошло …»."""
    return (f"{t('export.as_of', lang)} {long_date(report.as_of_date, lang)}: "
            f"{t('export.as_of_rule', lang)}")


def title(report: Report, lang: str) -> str:
    if isinstance(report, YearlyReport):
        return t("export.report_title.yearly", lang, year=report.year)
    month = format_date(dt.date(report.year, report.month, 1), "LLLL y",
                        locale=BABEL_LOCALES[lang])
    return t("export.report_title.monthly", lang, month=month)


@dataclass(frozen=True)
class Column:
    header: str
    description: str
    numeric: bool = False


# --- the column model ------------------------------------------------------------------------


def yearly_columns(lang: str) -> list[Column]:
    cols = [
        Column(t("export.id", lang), t("export.column.id_yearly", lang)),
        Column(t("export.municipality", lang), t("export.column.name", lang)),
    ]
    for kind in ACTIVITY_KINDS:
        label = word(f"activity.{kind}", lang)
        cols.append(Column(
            _cap(label),
            t("export.column.activities", lang, label=label, kind=kind),
            numeric=True,
        ))
    cols += [
        Column(t("export.total", lang), t("export.column.total", lang), numeric=True),
        Column(t("export.unclassified", lang),
               t("export.column.unclassified", lang), numeric=True),
        Column(t("export.new_partners", lang),
               t("export.column.new_partners", lang), numeric=True),
    ]
    for section in PUBLISHED_SECTIONS:
        name = t(f"export.section.{section}", lang)
        cols.append(Column(
            f"{t('export.published', lang)}: {name}",
            t("export.column.published", lang, section=section),
            numeric=True,
        ))
    cols += [
        Column(t("export.concluded", lang), t("export.column.concluded", lang), numeric=True),
        Column(t("export.lapsed", lang), t("export.column.lapsed", lang), numeric=True),
        Column(f"{t('export.concluded', lang)}: {t('export.list', lang)}",
               t("export.column.agreement_list", lang)),
        Column(f"{t('export.lapsed', lang)}: {t('export.list', lang)}",
               t("export.column.agreement_list", lang)),
        Column(t("export.as_of", lang), t("export.column.as_of", lang)),
    ]
    return cols


NUMBERS_END = 2 + len(ACTIVITY_KINDS) + 3 + len(PUBLISHED_SECTIONS)
"""Columns before this index are the id, the name and the published numbers."""


def agreement_list(items: Sequence[AgreementItem], lang: str) -> str:
    """«minsk — Минск, 2026-03-01; …»: the partners behind an agreements number."""
    return "; ".join(f"{a.id} — {a.title(lang)}, {a.date.isoformat()}" for a in items)


def _yearly_numbers(row: YearlyRow) -> list[Cell]:
    return [
        *(row.activities[k] for k in ACTIVITY_KINDS),
        row.activities_total,
        row.unclassified,
        len(row.new_partners),
        *(row.published[s] for s in PUBLISHED_SECTIONS),
    ]


def yearly_rows(report: YearlyReport, lang: str) -> list[list[Cell]]:
    return [[r.id, r.name(lang), *_yearly_numbers(r), len(r.concluded), len(r.lapsed),
             agreement_list(r.concluded, lang), agreement_list(r.lapsed, lang),
             report.as_of_date]
            for r in report.municipalities]


def yearly_totals(report: YearlyReport, lang: str) -> list[Cell]:
    tot = report.totals
    return [
        None,
        t("export.totals", lang),
        *(tot.activities[k] for k in ACTIVITY_KINDS),
        tot.activities_total,
        tot.unclassified,
        tot.new_partners,
        *(tot.published[s] for s in PUBLISHED_SECTIONS),
        tot.concluded,
        tot.lapsed,
        None,
        None,
        report.as_of_date,
    ]


def monthly_columns(lang: str) -> list[Column]:
    return [
        Column(t("export.id", lang), t("export.column.id", lang)),
        Column(t("export.municipality", lang), t("export.column.name", lang)),
        Column(t("export.date", lang), t("export.column.date", lang)),
        Column(t("export.section", lang), t("export.column.section", lang)),
        Column(t("export.kind", lang), t("export.column.kind", lang)),
        Column(t("export.translated", lang), t("export.column.translated", lang)),
        Column(t("export.link", lang), t("export.column.link", lang)),
        Column(t("export.title", lang), t("export.column.title", lang)),
    ]


def monthly_rows(report: MonthlyReport, lang: str) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for m in report.municipalities:
        for item in m.items:
            rows.append([
                m.id,
                m.name(lang),
                item.date,
                t(f"export.item.{item.section}", lang),
                word(f"activity.{item.kind}", lang) if item.kind else "",
                t("export.yes" if item.translated else "export.no", lang),
                item.link(lang),
                item.title(lang),
            ])
    return rows


# --- text ------------------------------------------------------------------------------------


def _str(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


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
        from . import export_items  # it builds on this module's words

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
