"""The partner map's data: the SVG (core/worldmap.py) and the table of the same facts.

A partner with ``location`` is a numbered marker; one without has its country highlighted.
The numbers are the rows of the table beside the map. Texts are in the page's language
(the catalogue's ``ui.map.*``; English for any language without its own)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .languages import ui_language
from .messages import t
from .worldmap import MapSpec, Marker, has_country, render


def _named(row: dict[str, Any]) -> str:
    """"3 — Kurchatov (Kazakhstan)", the country left out where the title already names it."""
    country = row["country_text"]
    suffix = "" if not country or country in row["title"] else f" ({country})"
    return f"{row['number']} — {row['title']}{suffix}"


def map_view(
    who: str, items: Sequence[dict[str, Any]], homes: Sequence[tuple[str, Sequence[float]]],
    lang: str,
) -> dict[str, Any] | None:
    """``items``: partner items as views.partners_view makes them (title, country,
    country_text, location, ...), in the table's order; ``homes``: (name, [lat, lon]) of the
    municipalities whose partners they are. None when there is nothing to show."""
    if not items:
        return None
    rows = []
    markers = []
    countries = set()
    for number, item in enumerate(items, start=1):
        label = str(number)
        location = item.get("location")
        shaded = not location and has_country(item["country"])
        if location:
            markers.append(Marker(label, location[0], location[1], item["title"]))
        elif shaded:
            countries.add(item["country"])
        rows.append({**item, "number": label, "located": bool(location), "shaded": shaded})
    parts = []
    if markers:
        parts.append(t("ui.map.located", lang, list="; ".join(
            _named(r) for r in rows if r["located"])))
    if countries:
        names = sorted({r["country_text"] for r in rows if r["shaded"]})
        parts.append(t("ui.map.countries", lang, list=", ".join(names)))
    home_markers = tuple(Marker("", loc[0], loc[1], name) for name, loc in homes)
    if home_markers:
        parts.append(t("ui.map.homes", lang, list=", ".join(m.name for m in home_markers)))
    spec = MapSpec(
        title=t("ui.map.title", lang, who=who),
        desc=" ".join(parts) or t("ui.map.none", lang),
        markers=tuple(markers),
        countries=frozenset(countries),
        homes=home_markers,
        lang=ui_language(lang),  # the language of the title's and description's own words
    )
    return {"svg": render(spec), "title": spec.title, "desc": spec.desc, "rows": rows,
            "homes": [m.name for m in home_markers]}
