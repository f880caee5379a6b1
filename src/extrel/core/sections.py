"""The seven subsections the regional standard requires, in the standard's order (the
languages are the region's: ``languages``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .languages import DEFAULT_LANGUAGE as DEFAULT_LANGUAGE  # where the loader and views look
from .languages import ui_language

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Municipality ids and file-name slugs: lowercase latin letters, digits, single hyphens."""


@dataclass(frozen=True)
class Subsection:
    id: str
    title: dict[str, str]
    dated: bool
    """True when file names start with YYYY-MM-DD."""

    def title_in(self, lang: str) -> str:
        """The standard's title in ``lang`` (in English for a language extrel has no words
        for)."""
        return self.title[ui_language(lang)]


SUBSECTIONS: tuple[Subsection, ...] = (
    Subsection(
        "news",
        {"ru": "Новости в области развития внешних связей", "en": "External relations news"},
        dated=True,
    ),
    Subsection(
        "partners",
        {
            "ru": "Межмуниципальное сотрудничество и международные связи",
            "en": "Partner municipalities and international links",
        },
        dated=False,
    ),
    Subsection(
        "plan",
        {
            "ru": "План развития внешних связей на календарный год",
            "en": "Annual plan of external relations",
        },
        dated=False,
    ),
    Subsection(
        "announcements",
        {
            "ru": "Анонсы международных и межрегиональных событий",
            "en": "Upcoming international and interregional events",
        },
        dated=True,
    ),
    Subsection(
        "organizations",
        {
            "ru": "Сотрудничество с международными организациями и экспертами",
            "en": "Cooperation with international organizations and experts",
        },
        dated=False,
    ),
    Subsection(
        "participation",
        {"ru": "Участие в международных мероприятиях",
         "en": "Participation in international events"},
        dated=True,
    ),
    Subsection(
        "presentation",
        {"ru": "Презентация муниципального образования", "en": "Presentation of the municipality"},
        dated=False,
    ),
)

SUBSECTION_IDS: tuple[str, ...] = tuple(s.id for s in SUBSECTIONS)
BY_ID: dict[str, Subsection] = {s.id: s for s in SUBSECTIONS}

ACTIVITY_KINDS: tuple[str, ...] = (
    "presentation",
    "delegation-in-russia",
    "delegation-in-foreign",
    "friendship-day",
    "business-visit",
    "trade-mission",
    "conference",
    "humanitarian-action",
    "youth-exchange",
    "new-partner",
    "other",
)

STATUSES: tuple[str, ...] = ("missing", "stale", "due", "fresh")
"""Freshness statuses, worst first."""
