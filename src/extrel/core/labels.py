"""Words shown to visitors for the codes editors write (statuses, types, kinds), in both
languages."""

from __future__ import annotations

import datetime as dt
import functools

from .languages import ui_language

BABEL_LOCALES = {"ru": "ru", "en": "en_GB"}
"""en_GB writes «5 November 2026», as the standard's English pages should."""

LANGUAGE_NAMES = {"ru": "Русский", "en": "English"}

WORDS: dict[str, dict[str, str]] = {
    # freshness statuses
    "status.fresh": {"ru": "обновлено вовремя", "en": "up to date"},
    "status.due": {"ru": "скоро срок обновления", "en": "update due soon"},
    "status.stale": {"ru": "просрочено", "en": "overdue"},
    "status.missing": {"ru": "нет материалов", "en": "nothing published"},
    # partner types and statuses
    "type.twin": {"ru": "город-побратим", "en": "twin town"},
    "type.partner": {"ru": "партнёр", "en": "partner"},
    "type.agreement": {"ru": "соглашение о сотрудничестве", "en": "cooperation agreement"},
    "partner.active": {"ru": "действует", "en": "active"},
    "partner.paused": {"ru": "приостановлено", "en": "paused"},
    "partner.planned": {"ru": "планируется", "en": "planned"},
    "partner.ended": {"ru": "завершено", "en": "ended"},
    # municipality kinds
    "kind.district": {"ru": "муниципальный район", "en": "district"},
    "kind.city": {"ru": "городской округ", "en": "city"},
    "kind.settlement": {"ru": "поселение", "en": "settlement"},
    # activity kinds
    "activity.presentation": {"ru": "презентация", "en": "presentation"},
    "activity.delegation-in-russia": {
        "ru": "приём делегации", "en": "delegation received"},
    "activity.delegation-in-foreign": {
        "ru": "визит делегации за рубеж", "en": "delegation abroad"},
    "activity.friendship-day": {"ru": "День дружбы", "en": "Friendship Day"},
    "activity.business-visit": {"ru": "деловой визит", "en": "business visit"},
    "activity.trade-mission": {"ru": "торговая миссия", "en": "trade mission"},
    "activity.conference": {"ru": "конференция", "en": "conference"},
    "activity.humanitarian-action": {"ru": "гуманитарная акция", "en": "humanitarian action"},
    "activity.youth-exchange": {"ru": "молодёжный обмен", "en": "youth exchange"},
    "activity.new-partner": {"ru": "новый партнёр", "en": "new partner"},
    "activity.other": {"ru": "другое", "en": "other"},
    # presentation file kinds
    "file.overview": {"ru": "общая презентация", "en": "general presentation"},
    "file.investment": {"ru": "инвестиционный паспорт", "en": "investment profile"},
    "file.tourism": {"ru": "туристический потенциал", "en": "tourism"},
    "file.export": {"ru": "экспортный потенциал", "en": "export potential"},
    "file.catalog": {"ru": "каталог продукции", "en": "product catalogue"},
    "file.video": {"ru": "видеоролик", "en": "video"},
    "file.info-sheet": {"ru": "информационный лист", "en": "information sheet"},
    # a text shown untranslated, marked with the language it is written in
    "written_in.ru": {"ru": "(на русском)", "en": "(in Russian)"},
    "written_in.en": {"ru": "(на английском)", "en": "(in English)"},
}


def word(key: str, lang: str) -> str:
    entry = WORDS.get(key)
    if entry is None:
        return key.split(".", 1)[-1]
    return entry.get(lang) or entry[ui_language(lang)]


def written_in(source: str, lang: str) -> str:
    """The visible note on a text shown among ``lang`` texts but written in ``source``:
    «(in Russian)»; Babel's name of the language for the pairs the catalogue lacks."""
    entry = WORDS.get(f"written_in.{source}", {})
    if lang in entry:
        return entry[lang]
    from babel import Locale

    return f"({Locale.parse(BABEL_LOCALES.get(lang, lang)).languages.get(source, source)})"


@functools.lru_cache(maxsize=4096)
def long_date(value: dt.date | dt.datetime | None, lang: str) -> str:
    """«5 ноября 2026 г.» / «5 November 2026»; with the time where one is given.

    Remembered: a section's lists show the same few hundred dates thousands of times, and
    Babel's formatting was a tenth of a section's build."""
    if value is None:
        return ""
    from babel.dates import format_date, format_datetime  # Babel's data loads on first use

    locale = BABEL_LOCALES.get(lang, lang)
    if isinstance(value, dt.datetime):
        return format_datetime(value, "d MMMM y, HH:mm", locale=locale)
    return format_date(value, "long", locale=locale)


def country_name(code: str | None, lang: str) -> str:
    if not code:
        return ""
    from babel import Locale

    return Locale.parse(BABEL_LOCALES.get(lang, lang)).territories.get(code, code)


def file_size(size: int, lang: str) -> str:
    from babel.numbers import format_decimal

    locale = BABEL_LOCALES.get(lang, lang)
    units = {"ru": ("Б", "КБ", "МБ", "ГБ"), "en": ("B", "KB", "MB", "GB")}[ui_language(lang)]
    value = float(size)
    for unit in units:
        if value < 1024 or unit == units[-1]:
            pattern = "#,##0" if unit == units[0] else "#,##0.0"
            return f"{format_decimal(value, pattern, locale=locale)}\u00a0{unit}"
        value /= 1024
    raise AssertionError("unreachable")
