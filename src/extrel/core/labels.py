"""Words shown to visitors for the codes editors write (statuses, types, kinds): the
catalogue's ``label.*`` keys; dates, countries and sizes by Babel."""

from __future__ import annotations

import datetime as dt
import functools

from .messages import CATALOGUES, has, t

BABEL_LOCALES = {"ru": "ru", "en": "en_GB"}
"""en_GB writes «5 November 2026», as the standard's English pages should."""


@functools.cache
def og_locale(lang: str) -> str:
    """The page's ``og:locale`` (``ru_RU``, ``en_GB``, ``zh_CN``): the language's locale with
    its territory, Babel's likely one where the locale names none; the code itself where Babel
    does not know the language."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    try:
        locale = Locale.parse(BABEL_LOCALES.get(lang, lang))
    except (UnknownLocaleError, ValueError):
        return lang
    territory = locale.territory
    if not territory:
        likely = str(get_global("likely_subtags").get(locale.language, ""))
        territory = next((part for part in likely.split("_")[1:] if part.isupper()), None)
    return f"{locale.language}_{territory}" if territory else locale.language


def word(key: str, lang: str) -> str:
    """The word for an editor's code (``status.stale``, ``type.twin``): the catalogue's
    ``label.<key>``; the code itself where it has none."""
    full = f"label.{key}"
    return t(full, lang) if has(full) else key.split(".", 1)[-1]


def written_in(source: str, lang: str) -> str:
    """The visible note on a text shown among ``lang`` texts but written in ``source``:
    «(in Russian)»; Babel's name of the language for the pairs the catalogue lacks."""
    key = f"label.written_in.{source}"
    if has(key) and lang in CATALOGUES:
        return t(key, lang)
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
    units = [t(f"label.unit.{unit}", lang) for unit in ("b", "kb", "mb", "gb")]
    value = float(size)
    for unit in units:
        if value < 1024 or unit == units[-1]:
            pattern = "#,##0" if unit == units[0] else "#,##0.0"
            return f"{format_decimal(value, pattern, locale=locale)}\u00a0{unit}"
        value /= 1024
    raise AssertionError("unreachable")
