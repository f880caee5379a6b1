"""The items behind the yearly report's numbers, as a sheet's rows and as text lines.

Every number of the yearly report (activities per kind, entries without a kind, new
partners, publications per subsection, agreements concluded and lapsed) is followed here
by the pages it counts, so that staff can check a count before it goes into a rating.
"""

from __future__ import annotations

from collections.abc import Iterator

from .export_columns import Cell, Column, _cap, agreement_list
from .labels import long_date, word
from .messages import t
from .report import PUBLISHED_SECTIONS, ReportItem, YearlyReport, YearlyRow
from .sections import ACTIVITY_KINDS, AGREEMENTS


def item_columns(lang: str) -> list[Column]:
    return [Column(t("export.id", lang), ""), Column(t("export.municipality", lang), ""),
            Column(t("export.items.number", lang), ""),
            Column(t("export.items.activity", lang), "", numeric=True),
            Column(t("export.date", lang), ""), Column(t("export.section", lang), ""),
            Column(t("export.items.entry", lang), ""), Column(t("export.title", lang), ""),
            Column(t("export.link", lang), "")]


def _groups(row: YearlyRow, lang: str) -> Iterator[tuple[str, int | None, ReportItem]]:
    """(the number's header, the activity's number or None, an item) for every item."""
    items = row.items
    number = 0
    for kind in ACTIVITY_KINDS:
        for _activity, entries in items.get("activities", {}).get(kind, []):
            number += 1
            for item in entries:
                yield _cap(word(f"activity.{kind}", lang)), number, item
    for item in items.get("unclassified", []):
        yield t("export.unclassified", lang), None, item
    for item in items.get("new_partners", []):
        yield t("export.new_partners", lang), None, item
    for section in PUBLISHED_SECTIONS:
        for item in items.get("published", {}).get(section, []):
            name = t(f"export.section.{section}", lang)
            yield f"{t('export.published', lang)}: {name}", None, item


def item_rows(report: YearlyReport, lang: str) -> list[list[Cell]]:
    """A row per item behind every number, then per agreement concluded or lapsed."""
    rows: list[list[Cell]] = []
    for row in report.municipalities:
        for header, number, item in _groups(row, lang):
            rows.append([row.id, row.name(lang), header, number, item.date,
                         t(f"export.section.{item.section}", lang), item.id, item.title(lang),
                         item.link])
        for key, agreements in (("export.concluded", row.concluded),
                                ("export.lapsed", row.lapsed)):
            for a in agreements:
                rows.append([row.id, row.name(lang), t(key, lang), None, a.date,
                             t(f"export.section.{AGREEMENTS.id}", lang), a.id, a.title(lang),
                             a.link])
    return rows


def text_lines(report: YearlyReport, lang: str) -> list[str]:
    """The agreements per municipality, then the items behind every number."""
    lines = [f"{t('export.items.agreements', lang)} ({report.year})", ""]
    for row in report.municipalities:
        concluded = agreement_list(row.concluded, lang) or t("export.items.none", lang)
        lapsed = agreement_list(row.lapsed, lang) or t("export.items.none", lang)
        lines += [f"{row.name(lang)} [{row.id}]",
                  f"  {t('export.concluded', lang)}: {concluded}",
                  f"  {t('export.lapsed', lang)}: {lapsed}"]
    lines += ["", t("export.items.behind", lang)]
    for row in report.municipalities:
        groups = list(_groups(row, lang))
        if not groups:
            continue
        lines += ["", f"{row.name(lang)} [{row.id}]"]
        last = None
        for header, number, item in groups:
            if header != last:
                lines.append(f"  {header}:")
                last = header
            mark = f"#{number} " if number is not None else ""
            lines.append(f"    {mark}{long_date(item.date, lang)}  {item.link}  "
                         f"{item.title(lang)}")
    return lines
