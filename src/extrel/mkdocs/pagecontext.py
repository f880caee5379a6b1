"""What a section's templates get (``on_page_context``): the view of the page computed by
``core.views`` for its kind (home, list, news year, entry, preview problems), its dates and
its subsection's partials, and the language switcher of every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core import addresses, views
from ..core.labels import long_date
from ..core.languages import Languages
from ..core.model import Municipality
from ..core.sections import BY_ID, FEED, SUBSECTIONS
from ..core.snapshot import Snapshot


class SectionContext:
    """The template data of one section's pages in one language; each subsection's list is
    computed once (its item pages reuse it)."""

    def __init__(self, snapshot: Snapshot, municipality: str, lang: str, root: Path,
                 thumbs: dict[str, str]) -> None:
        self.snapshot = snapshot
        self.m = snapshot.region.municipalities[municipality]
        self.lang = lang
        self.root = root
        self.thumbs = thumbs
        """PDF thumbnails by the PDF's URL (``pagefiles.thumbnails``)."""
        self.lists: dict[str, dict[str, Any]] = {}

    def __call__(self, info: dict[str, Any]) -> dict[str, Any]:
        snap, lang, m = self.snapshot, self.lang, self.m
        dates = snap.dates
        kind = info["kind"]
        fresh = snap.freshness.get(m.id)
        data: dict[str, Any] = {"kind": kind, "municipality": m.name(lang)}
        if kind == "home":
            data["view"] = views.home_view(m, lang, fresh, dates, self._coat_of_arms(m),
                                           snap.region.languages)
            updated = views.latest(*(views.subsection_updated(m, s.id, lang, dates)
                                     for s in SUBSECTIONS))
        elif kind == "news-year":
            data["view"] = views.news_year_view(m, lang, info["year"], dates)
            updated = views.subsection_updated(m, FEED.id, lang, dates)
            data["section"] = FEED.id
        elif kind == "problems":  # extrel serve: a page that could not be shown
            data["section"] = info["section"]
            data["page_problems"] = [p.to_dict(lang) for p in info["problems"]]
            updated = None
        elif "entry" in info:
            entry = info["entry"]
            data["section"] = entry.section
            data["section_title"] = views.title_of(entry.section, lang)
            data["item"] = views.item_view(m, entry, lang, snap.today, dates,
                                           self.list(entry.section))
            source = entry.source_language(lang)
            if source != lang:
                data["untranslated"] = {"source_lang": source}
            updated = views.entry_updated(entry, lang, dates)
            if BY_ID[entry.section].documents:
                data["files"] = views.presentation_files(self.root, entry, lang)
                for item in data["files"]:
                    item["thumb"] = self.thumbs.get(item["url"])
        else:
            data["section"] = kind
            data["view"] = self.list(kind)
            updated = views.subsection_updated(m, kind, lang, dates)
        sub = BY_ID.get(data.get("section", ""))
        if sub is not None:  # what differs between subsections, from their record
            data["section_url"] = addresses.section(sub.id)
            data["list_partial"] = sub.list_partial
            data["facts_partial"] = sub.facts_partial
        data["updated_text"] = long_date(updated, lang) if updated else ""
        data["updated"] = updated.isoformat() if updated else ""
        return data

    def list(self, section: str) -> dict[str, Any]:
        """A subsection's list, computed once per build."""
        if section not in self.lists:
            snap = self.snapshot
            self.lists[section] = views.list_view(self.m, section, self.lang, snap.today,
                                                  snap.dates, snap.options.zone())
        return self.lists[section]

    @staticmethod
    def _coat_of_arms(m: Municipality) -> str | None:
        return addresses.coat_of_arms(m.meta.coat_of_arms) if m.meta.coat_of_arms else None


def alternates(url: str, lang: str, languages: Languages) -> list[dict[str, str | bool]]:
    """The language switcher: the page at ``url`` in each language, as a link relative to
    it."""
    return [{"name": languages.name(other), "link": addresses.switch(url, lang, other),
             "lang": other, "current": other == lang} for other in languages]
