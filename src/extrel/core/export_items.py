"""The items behind the yearly report's numbers, as a sheet's rows and as text lines.

Every number of the yearly report (activities per kind, entries without a kind, new
partners, publications per subsection, agreements concluded and lapsed) is followed here
by the pages it counts, so that staff can check a count before it goes into a rating.
"""

from __future__ import annotations

from collections.abc import Iterator

from .export import SECTION_WORDS, Cell, Column, _cap, agreement_list, t
from .labels import long_date, word
from .report import PUBLISHED_SECTIONS, ReportItem, YearlyReport, YearlyRow
from .sections import ACTIVITY_KINDS, AGREEMENTS

WORDS: dict[str, dict[str, str]] = {
    "number": {"ru": "Показатель", "en": "Number"},
    "activity": {"ru": "Мероприятие №", "en": "Activity no."},
    "entry": {"ru": "Код записи", "en": "Entry id"},
    "behind": {"ru": "Записи, стоящие за числами", "en": "The items behind the numbers"},
    "agreements": {"ru": "Соглашения", "en": "Agreements"},
    "none": {"ru": "нет", "en": "none"},
}


def w(key: str, lang: str) -> str:
    return WORDS[key][lang]


def item_columns(lang: str) -> list[Column]:
    return [Column(t("id", lang), ""), Column(t("municipality", lang), ""),
            Column(w("number", lang), ""), Column(w("activity", lang), "", numeric=True),
            Column(t("date", lang), ""), Column(t("section", lang), ""),
            Column(w("entry", lang), ""), Column(t("title", lang), ""),
            Column(t("link", lang), "")]


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
        yield t("unclassified", lang), None, item
    for item in items.get("new_partners", []):
        yield t("new_partners", lang), None, item
    for section in PUBLISHED_SECTIONS:
        for item in items.get("published", {}).get(section, []):
            yield f"{t('published', lang)}: {SECTION_WORDS[section][lang]}", None, item


def item_rows(report: YearlyReport, lang: str) -> list[list[Cell]]:
    """A row per item behind every number, then per agreement concluded or lapsed."""
    rows: list[list[Cell]] = []
    for row in report.municipalities:
        for header, number, item in _groups(row, lang):
            rows.append([row.id, row.name(lang), header, number, item.date,
                         SECTION_WORDS[item.section][lang], item.id, item.title(lang),
                         item.link])
        for key, agreements in (("concluded", row.concluded), ("lapsed", row.lapsed)):
            for a in agreements:
                rows.append([row.id, row.name(lang), t(key, lang), None, a.date,
                             SECTION_WORDS[AGREEMENTS.id][lang], a.id, a.title(lang), a.link])
    return rows


def text_lines(report: YearlyReport, lang: str) -> list[str]:
    """The agreements per municipality, then the items behind every number."""
    lines = [f"{w('agreements', lang)} ({report.year})", ""]
    for row in report.municipalities:
        concluded = agreement_list(row.concluded, lang) or w("none", lang)
        lapsed = agreement_list(row.lapsed, lang) or w("none", lang)
        lines += [f"{row.name(lang)} [{row.id}]",
                  f"  {t('concluded', lang)}: {concluded}",
                  f"  {t('lapsed', lang)}: {lapsed}"]
    lines += ["", w("behind", lang)]
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
