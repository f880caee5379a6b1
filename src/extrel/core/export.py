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
from .report import PUBLISHED_SECTIONS, AgreementItem, MonthlyReport, YearlyReport, YearlyRow
from .sections import ACTIVITY_KINDS
from .spreadsheet import csv_writer

Report = YearlyReport | MonthlyReport
Cell = str | int | dt.date | None

SECTION_WORDS: dict[str, dict[str, str]] = {
    "news": {"ru": "новости", "en": "news"},
    "partners": {"ru": "партнёры", "en": "partners"},
    "plan": {"ru": "план", "en": "plan"},
    "announcements": {"ru": "анонсы", "en": "announcements"},
    "organizations": {"ru": "организации", "en": "organizations"},
    "participation": {"ru": "участие", "en": "participation"},
}
"""Short subsection names for column headers (the standard's titles are too long)."""

ITEM_WORDS: dict[str, dict[str, str]] = {
    "news": {"ru": "новость", "en": "news"},
    "announcements": {"ru": "анонс", "en": "announcement"},
    "participation": {"ru": "участие", "en": "participation"},
}

T: dict[str, dict[str, str]] = {
    "id": {"ru": "Код", "en": "ID"},
    "municipality": {"ru": "Муниципальное образование", "en": "Municipality"},
    "total": {"ru": "Всего мероприятий", "en": "Activities, total"},
    "unclassified": {"ru": "Без вида", "en": "No kind given"},
    "new_partners": {"ru": "Новые партнёры", "en": "New partners"},
    "published": {"ru": "Опубликовано", "en": "Published"},
    "totals": {"ru": "Итого", "en": "Total"},
    "date": {"ru": "Дата", "en": "Date"},
    "section": {"ru": "Подраздел", "en": "Subsection"},
    "kind": {"ru": "Вид мероприятия", "en": "Activity kind"},
    "title": {"ru": "Заголовок", "en": "Title"},
    "translated": {"ru": "Есть перевод", "en": "Translated"},
    "link": {"ru": "Ссылка", "en": "Link"},
    "list": {"ru": "список", "en": "list"},
    "yes": {"ru": "да", "en": "yes"},
    "no": {"ru": "нет", "en": "no"},
    "about": {"ru": "Справка", "en": "About"},
    "items": {"ru": "Записи", "en": "Items"},
    "column": {"ru": "Столбец", "en": "Column"},
    "description": {"ru": "Описание", "en": "Description"},
    "nothing": {"ru": "Нет материалов за месяц", "en": "Nothing published this month"},
    "concluded": {"ru": "Соглашения заключены", "en": "Agreements concluded"},
    "lapsed": {"ru": "Соглашения прекращены", "en": "Agreements lapsed"},
    "as_of": {"ru": "По состоянию на", "en": "As of"},
    "as_of_rule": {
        "ru": "учтено только то, что уже произошло: события с датой не позже этого дня",
        "en": "only what has happened counts: events dated no later than that day",
    },
    "untranslated": {
        "ru": "* английской версии нет",
        "en": "* no English version yet: the Russian title is shown",
    },
    "rule": {
        "ru": "Мероприятие, описанное в нескольких подразделах (анонс, новость, участие), "
        "считается один раз: если совпадает вид, совпадают дни (анонс — со «start» по «end») "
        "и не расходятся партнёры. Записи одного подраздела всегда считаются отдельно. "
        "Записи без поля «kind» в счёт не идут, их число — в столбце «Без вида».",
        "en": "An activity described in several subsections (announcement, news, "
        "participation) counts once: when the kind is the same, the days meet (an "
        "announcement spans 'start' to 'end') and the partners do not differ. Entries of "
        "one subsection always count separately. Entries without 'kind' are not counted; "
        "their number is in 'No kind given'.",
    },
    "links": {
        "ru": "Ссылки даны от корня сайта: <код>/<подраздел>/<страница>/ — русская версия, "
        "<код>/en/… — английская.",
        "en": "Links are relative to the site root: <id>/<subsection>/<page>/ in Russian, "
        "<id>/en/… in English.",
    },
}


def t(key: str, lang: str) -> str:
    return T[key][lang]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def as_of_line(report: YearlyReport, lang: str) -> str:
    """«По состоянию на 24 ноября 2026 г.: учтено только то, что уже произошло …»."""
    return f"{t('as_of', lang)} {long_date(report.as_of_date, lang)}: {t('as_of_rule', lang)}"


def title(report: Report, lang: str) -> str:
    if isinstance(report, YearlyReport):
        if lang == "en":
            return f"External relations: activities in {report.year}"
        return f"Внешние связи: мероприятия за {report.year} год"
    month = format_date(dt.date(report.year, report.month, 1), "LLLL y",
                        locale=BABEL_LOCALES[lang])
    if lang == "en":
        return f"External relations: publications of {month}"
    return f"Внешние связи: материалы за {month} г."


@dataclass(frozen=True)
class Column:
    header: str
    description: str
    numeric: bool = False


# --- the column model ------------------------------------------------------------------------


def yearly_columns(lang: str) -> list[Column]:
    ru = lang == "ru"
    cols = [
        Column(t("id", lang), "код муниципалитета (папка content/<код>)" if ru
               else "municipality id (the folder content/<id>)"),
        Column(t("municipality", lang), "название" if ru else "name"),
    ]
    for kind in ACTIVITY_KINDS:
        label = word(f"activity.{kind}", lang)
        cols.append(Column(
            _cap(label),
            f"различные мероприятия вида «{label}» (kind: {kind}) за год" if ru
            else f"distinct activities of the kind '{label}' (kind: {kind}) in the year",
            numeric=True,
        ))
    cols += [
        Column(t("total", lang), "все различные мероприятия за год" if ru
               else "all distinct activities of the year", numeric=True),
        Column(t("unclassified", lang),
               "новости, анонсы и участие за год без поля «kind» (не вошли в счёт)" if ru
               else "news, announcements and participation of the year without 'kind' "
               "(not counted)", numeric=True),
        Column(t("new_partners", lang),
               "партнёры, у которых «since» приходится на этот год" if ru
               else "partners whose 'since' falls in the year", numeric=True),
    ]
    for section in PUBLISHED_SECTIONS:
        name = SECTION_WORDS[section][lang]
        cols.append(Column(
            f"{t('published', lang)}: {name}",
            f"записи подраздела {section}, датированные этим годом" if ru
            else f"entries of {section} dated in the year",
            numeric=True,
        ))
    cols += [
        Column(t("concluded", lang), "партнёры, у которых «since» приходится на этот год "
               "(не позже даты отчёта)" if ru else "partners whose 'since' falls in the "
               "year (by the report's date)", numeric=True),
        Column(t("lapsed", lang), "партнёры, у которых «ended» (или «expires») приходится на "
               "этот год (не позже даты отчёта)" if ru else "partners whose 'ended' (or "
               "'expires') falls in the year (by the report's date)", numeric=True),
        Column(f"{t('concluded', lang)}: {t('list', lang)}", "код, название и дата" if ru
               else "id, name and date"),
        Column(f"{t('lapsed', lang)}: {t('list', lang)}", "код, название и дата" if ru
               else "id, name and date"),
        Column(t("as_of", lang), "дата, на которую составлен отчёт" if ru
               else "the date the report is drawn up as of"),
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
        t("totals", lang),
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
    ru = lang == "ru"
    return [
        Column(t("id", lang), "код муниципалитета" if ru else "municipality id"),
        Column(t("municipality", lang), "название" if ru else "name"),
        Column(t("date", lang), "дата новости или участия, начало события для анонса" if ru
               else "date of the news or participation, start of an announced event"),
        Column(t("section", lang), "новость, анонс или участие" if ru
               else "news, announcement or participation"),
        Column(t("kind", lang), "вид мероприятия (поле «kind»), если указан" if ru
               else "activity kind ('kind'), where given"),
        Column(t("translated", lang), "есть ли английская версия страницы" if ru
               else "whether the page has an English version"),
        Column(t("link", lang), "адрес страницы от корня сайта" if ru
               else "address of the page from the site root"),
        Column(t("title", lang), "заголовок" if ru
               else "title (the Russian one where there is no English version)"),
    ]


def monthly_rows(report: MonthlyReport, lang: str) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for m in report.municipalities:
        for item in m.items:
            rows.append([
                m.id,
                m.name(lang),
                item.date,
                ITEM_WORDS[item.section][lang],
                word(f"activity.{item.kind}", lang) if item.kind else "",
                t("yes" if item.translated else "no", lang),
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
        lines += ["", f"{t('published', lang)} ({report.year})", ""]
        keep = [0, 1, *range(split, NUMBERS_END + 2)]
        headers = [cols[0].header, cols[1].header,
                   *(_cap(SECTION_WORDS[s][lang]) for s in PUBLISHED_SECTIONS),
                   cols[NUMBERS_END].header, cols[NUMBERS_END + 1].header]
        lines += aligned(headers, [[r[i] for i in keep] for r in rows],
                         [cols[i].numeric for i in keep], [totals[i] for i in keep])
        lines += ["", *textwrap.wrap(t("rule", lang), 100)]
        from . import export_items  # it builds on this module's words

        lines += ["", *export_items.text_lines(report, lang)]
        return "\n".join(lines) + "\n"
    headers = [t(k, lang) for k in ("municipality", "date", "section", "kind", "link", "title")]
    items: list[list[Cell]] = []
    untranslated = False
    for m in report.municipalities:
        for item in m.items:
            mark = "" if item.translated or lang == "ru" else " *"
            untranslated = untranslated or bool(mark)
            items.append([m.name(lang), item.date, ITEM_WORDS[item.section][lang],
                         word(f"activity.{item.kind}", lang) if item.kind else "",
                         item.link(lang), item.title(lang) + mark])
    lines += aligned(headers, items, [False] * len(headers))
    empty = [m.name(lang) for m in report.municipalities if not m.items]
    if empty:
        lines += ["", f"{t('nothing', lang)}: {', '.join(empty)}"]
    if untranslated:
        lines += ["", t("untranslated", lang)]
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
