"""The activity reports' column model, shared by every writer (``export`` for text, JSON and
CSV; ``export_items`` for the items behind the numbers; ``export_xlsx`` for the workbook): the
columns, their headers and descriptions, and the rows and totals, in the language asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import format_date

from .labels import BABEL_LOCALES, long_date, word
from .messages import t
from .report import PUBLISHED_SECTIONS, AgreementItem, MonthlyReport, YearlyReport, YearlyRow
from .sections import ACTIVITY_KINDS

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
