"""An event's time as a foreign visitor needs it: the region's time zone named beside it.

«5 декабря 2026 г., 10:00–13:00 (UTC+4, Ульяновск)» / "5 December 2026, 10:00–13:00 (UTC+4,
Ulyanovsk time)": a same-day event does not repeat its date; the offset and the zone's city
come from the region's ``timezone`` through Babel.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from .labels import long_date

TIME_WORD = {"en": "{city} time"}
"""How the zone's city is named after the offset; the city alone where no word is given."""


def _local(value: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)


def zone_label(moment: dt.datetime, tz: ZoneInfo, lang: str) -> str:
    """«UTC+4, Ульяновск» / "UTC+4, Ulyanovsk time" for ``moment`` in ``tz``."""
    from babel.dates import get_timezone_location

    offset = moment.utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    try:
        city = get_timezone_location(tz, locale=lang, return_city=True)
    except (ValueError, LookupError):
        city = get_timezone_location(tz, locale="en", return_city=True)
    return f"{utc}, {TIME_WORD.get(lang, '{city}').format(city=city)}"


def event_span(start: dt.date | dt.datetime, end: dt.date | dt.datetime | None,
               tz: ZoneInfo, lang: str) -> str:
    """The event's dates and times; timed ones with the zone, a same-day one with one date."""
    if not isinstance(start, dt.datetime):
        if end is None or end == start:
            return long_date(start, lang)
        return f"{long_date(start, lang)} — {long_date(end, lang)}"
    begin = _local(start, tz)
    zone = f" ({zone_label(begin, tz, lang)})"
    if end is None:
        return f"{long_date(begin.date(), lang)}, {begin:%H:%M}{zone}"
    if not isinstance(end, dt.datetime):
        return f"{long_date(begin, lang)} — {long_date(end, lang)}{zone}"
    finish = _local(end, tz)
    if finish.date() == begin.date():
        return f"{long_date(begin.date(), lang)}, {begin:%H:%M}–{finish:%H:%M}{zone}"
    return f"{long_date(begin, lang)} — {long_date(finish, lang)}{zone}"
