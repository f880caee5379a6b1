"""A world map as inline SVG, drawn at build time from the Natural Earth shapes shipped in
``extrel/data/countries-110m.json`` (TopoJSON of npm ``world-atlas``; see data/README.md).

Pure drawing: the Equal Earth projection, TopoJSON decoding, path building, numbered markers.
The map is cropped to what it shows (the marked towns, the highlighted countries, home), so a
handful of partners in Europe and Central Asia is legible on a phone and weighs a few KB; the
colours are CSS classes (``x-map__*`` in extrel.css) that the high-contrast mode restyles.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from xml.sax.saxutils import escape

Point = tuple[float, float]  # (lon, lat) in degrees
Ring = list[Point]

WIDTH = 600
"""The viewBox width; it scales with the page (a 360 px phone shows it at about 0.55)."""
MARKER_R = 20
MIN_SPAN = 0.75
"""The least width shown, in projected units (the world is 5.41 wide): about 45° of longitude."""
SOUTH = -58.0
"""Nothing south of this is drawn (Antarctica is cropped)."""

# Equal Earth (Šavrič, Patterson, Jenny 2018)
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def project(lon: float, lat: float) -> Point:
    """Equal Earth on the unit sphere, y pointing down (as in SVG)."""
    lam = math.radians(lon)
    theta = math.asin(_M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (
        3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    y = theta * (_A4 * t6 * t2 + _A3 * t6 + _A2 * t2 + _A1)
    return x, -y


# --------------------------------------------------------------------------- TopoJSON


def decode_arcs(topology: dict) -> list[Ring]:
    """The topology's arcs in degrees: delta-decoded and de-quantized."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
            arcs.append(points)
        else:
            arcs.append([(p[0], p[1]) for p in arc])
    return arcs


def stitch(indexes: Sequence[int], arcs: Sequence[Ring]) -> Ring:
    """One ring from its arc indexes (``~i`` is arc ``i`` reversed); shared ends once."""
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc[1:] if ring else arc)
    return ring


def polygons(geometry: dict) -> list[list[list[int]]]:
    """A geometry's polygons, each a list of rings given as arc indexes."""
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["arcs"])
    return []


@dataclass(frozen=True)
class Atlas:
    land: list[Ring]
    borders: list[Ring]
    countries: dict[str, list[Ring]] = field(default_factory=dict)
    """Rings of each country, by ISO 3166-1 numeric id ("112")."""


def atlas_from(topology: dict) -> Atlas:
    arcs = decode_arcs(topology)
    land = [stitch(ring, arcs) for g in topology["objects"]["land"]["geometries"]
            for poly in polygons(g) for ring in poly]
    countries: dict[str, list[Ring]] = {}
    used: dict[int, set[int]] = {}
    for n, g in enumerate(topology["objects"]["countries"]["geometries"]):
        rings = []
        for poly in polygons(g):
            for ring in poly:
                rings.append(stitch(ring, arcs))
                for index in ring:
                    used.setdefault(index if index >= 0 else ~index, set()).add(n)
        if g.get("id"):
            countries[str(g["id"])] = rings
    borders = [arcs[i] for i, owners in sorted(used.items()) if len(owners) > 1]
    return Atlas(land, borders, countries)


@lru_cache(maxsize=1)
def atlas() -> Atlas:
    """The shipped Natural Earth 1:110m atlas, read once per process."""
    text = (files("extrel") / "data" / "countries-110m.json").read_text(encoding="utf-8")
    return atlas_from(json.loads(text))


def numeric_id(alpha2: str) -> str | None:
    """The atlas id of an ISO 3166-1 alpha-2 code ("BY" → "112"); None if unknown."""
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.numeric if country else None


def has_country(alpha2: str) -> bool:
    """Whether the atlas can shade this country (Kosovo, for one, has no ISO numeric code)."""
    return (numeric_id(alpha2) or "") in atlas().countries


# --------------------------------------------------------------------------- drawing


@dataclass(frozen=True)
class Marker:
    label: str
    """What the marker shows: the row number in the table beside the map."""
    lat: float
    lon: float
    name: str
    """Who is there (for the SVG's own tooltip)."""


@dataclass(frozen=True)
class MapSpec:
    title: str
    desc: str
    markers: tuple[Marker, ...] = ()
    countries: frozenset[str] = frozenset()
    """ISO 3166-1 alpha-2 codes to highlight (partners without a location)."""
    homes: tuple[Marker, ...] = ()
    """The municipalities whose partners these are, marked as diamonds."""
    lang: str = "ru"


def _unwrap(ring: Ring) -> Ring:
    """Longitudes made continuous (a ring across the antimeridian goes past ±180)."""
    out: Ring = []
    shift = 0.0
    for lon, lat in ring:
        if out:
            prev = out[-1][0]
            while lon + shift - prev > 180:
                shift -= 360
            while lon + shift - prev < -180:
                shift += 360
        out.append((lon + shift, lat))
    return out


def _bbox(points: Iterable[Point]) -> tuple[float, float, float, float]:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class View:
    """Projected window [x0, x0 + w] × [y0, y0 + h] drawn into WIDTH × height."""
    x0: float
    y0: float
    w: float
    h: float

    @property
    def height(self) -> int:
        return round(WIDTH * self.h / self.w)

    def to_svg(self, lon: float, lat: float) -> Point:
        x, y = project(lon, lat)
        k = WIDTH / self.w
        return (x - self.x0) * k, (y - self.y0) * k


def fit(points: Sequence[Point], aspect: tuple[float, float] = (1.25, 2.0)) -> View:
    """The window showing ``points`` (projected) with a margin, at least MIN_SPAN wide,
    with a width/height ratio within ``aspect``, never past the world's edges."""
    west, north = project(-180, 0)[0], project(0, 85)[1]
    east, south = -west, project(0, SOUTH)[1]
    if not points:
        x0, y0, x1, y1 = west, north, east, south
    else:
        x0, y0, x1, y1 = _bbox(points)
    w, h = max(x1 - x0, 0.0), max(y1 - y0, 0.0)
    pad = 0.15 * max(w, h) + 0.12
    w, h = max(w + 2 * pad, MIN_SPAN), h + 2 * pad
    low, high = aspect
    if w / h < low:
        w = h * low
    elif w / h > high:
        h = w / high
    w, h = min(w, east - west), min(h, south - north)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = min(max(cx - w / 2, west), east - w)
    top = min(max(cy - h / 2, north), south - h)
    return View(left, top, w, h)


@dataclass(frozen=True)
class Projected:
    """A ring projected once (unwrapped across the antimeridian), with its bounding box."""
    points: list[Point]
    bbox: tuple[float, float, float, float]


def projected(rings: Iterable[Ring]) -> list[Projected]:
    """``rings`` projected, those wholly south of SOUTH left out."""
    out = []
    for ring in rings:
        if all(lat < SOUTH for _, lat in ring):
            continue
        points = [project(lon, lat) for lon, lat in _unwrap(ring)]
        out.append(Projected(points, _bbox(points)))
    return out


@lru_cache(maxsize=1)
def _layers() -> tuple[list[Projected], list[Projected]]:
    """The land and the borders, projected once per process (every map draws them)."""
    data = atlas()
    return projected(data.land), projected(data.borders)


@lru_cache(maxsize=256)
def _base(view: View) -> tuple[str, str]:
    """The land's and the borders' path data in ``view`` (the same for each language's map
    of a page, and for the portal's map in every language)."""
    land, borders = _layers()
    return _path(land, view, True, 2), _path(borders, view, False)


def _path(rings: Iterable[Projected], view: View, closed: bool, min_size: float = 0.0) -> str:
    """SVG path data in whole viewBox units with relative moves; rings outside the window
    or smaller than ``min_size`` are left out."""
    height = view.height
    k = WIDTH / view.w
    x_0, y_0 = view.x0, view.y0
    parts: list[str] = []
    for ring in rings:
        bx0, by0, bx1, by1 = ring.bbox
        x0, y0, x1, y1 = (bx0 - x_0) * k, (by0 - y_0) * k, (bx1 - x_0) * k, (by1 - y_0) * k
        if x1 < 0 or y1 < 0 or x0 > WIDTH or y0 > height:
            continue
        if max(x1 - x0, y1 - y0) < min_size:
            continue
        pts = [((x - x_0) * k, (y - y_0) * k) for x, y in ring.points]
        cmd: list[str] = []
        px, py = round(pts[0][0]), round(pts[0][1])
        cmd.append(f"M{px} {py}")
        steps = []
        for x, y in pts[1:]:
            rx, ry = round(x), round(y)
            if (rx, ry) != (px, py):
                steps.append(f"{rx - px} {ry - py}")
                px, py = rx, ry
        if not steps:
            continue
        cmd.append("l" + " ".join(steps).replace(" -", "-"))
        if closed:
            cmd.append("z")
        parts.append("".join(cmd))
    return "".join(parts)


def _place(spots: list[Point], x: float, y: float, height: int) -> Point:
    """Where a marker's circle goes: on its town, or the nearest place inside the map clear
    of the circles before it (then a leader line points at the town)."""
    def clear(cx: float, cy: float) -> bool:
        inside = MARKER_R <= cx <= WIDTH - MARKER_R and MARKER_R <= cy <= height - MARKER_R
        return inside and all(math.hypot(cx - sx, cy - sy) >= 2 * MARKER_R for sx, sy in spots)

    if clear(x, y):
        return x, y
    for ring in (1, 2, 3):
        for k in range(8 * ring):
            angle = -math.pi / 2 + 2 * math.pi * k / (8 * ring)
            cx = x + 2.1 * MARKER_R * ring * math.cos(angle)
            cy = y + 2.1 * MARKER_R * ring * math.sin(angle)
            if clear(cx, cy):
                return cx, cy
    return x, y


def render(spec: MapSpec) -> str:
    """The map as an ``<svg role="img">`` element with ``<title>`` and ``<desc>``."""
    data = atlas()
    highlighted: list[Ring] = []
    for code in sorted(spec.countries):
        numeric = numeric_id(code)
        highlighted.extend(data.countries.get(numeric or "", []))
    interest: list[Point] = [project(m.lon, m.lat) for m in spec.markers]
    interest.extend(project(h.lon, h.lat) for h in spec.homes)
    for ring in highlighted:
        if any(lat >= SOUTH for _, lat in ring):
            interest.extend(project(lon, lat) for lon, lat in _unwrap(ring))
    view = fit(interest)
    height = view.height
    land, borders = _base(view)
    out = [
        f'<svg class="x-map" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="x-map-title x-map-desc" lang="{escape(spec.lang)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="x-map-title">{escape(spec.title)}</title>',
        f'<desc id="x-map-desc">{escape(spec.desc)}</desc>',
        f'<rect class="x-map__sea" width="{WIDTH}" height="{height}" fill="none"/>',
        f'<path class="x-map__land" fill="#e4e9e1" stroke="currentColor" stroke-width=".6" '
        f'd="{land}"/>',
    ]
    if highlighted:
        out.append(f'<path class="x-map__country" fill="#8fb8de" stroke="currentColor" '
                   f'stroke-width=".8" d="{_path(projected(highlighted), view, True)}"/>')
    out.append(f'<path class="x-map__border" fill="none" stroke="currentColor" '
               f'stroke-width=".5" stroke-opacity=".45" d="{borders}"/>')
    spots: list[Point] = []
    for home in spec.homes:
        x, y = view.to_svg(home.lon, home.lat)
        r = MARKER_R * 0.7
        spots.append((x, y))
        out.append(
            f'<g class="x-map__home"><title>{escape(home.name)}</title>'
            f'<rect x="{x - r:.0f}" y="{y - r:.0f}" width="{2 * r:.0f}" height="{2 * r:.0f}" '
            f'transform="rotate(45 {x:.0f} {y:.0f})" fill="#b00020" stroke="#fff" '
            'stroke-width="2"/></g>')
    for marker in spec.markers:
        x, y = view.to_svg(marker.lon, marker.lat)
        cx, cy = _place(spots, x, y, height)
        spots.append((cx, cy))
        lead = (f'<line x1="{x:.0f}" y1="{y:.0f}" x2="{cx:.0f}" y2="{cy:.0f}" '
                'stroke="currentColor" stroke-width="1.5"/><circle class="x-map__dot" '
                f'cx="{x:.0f}" cy="{y:.0f}" r="3" fill="currentColor"/>'
                if (cx, cy) != (x, y) else "")
        out.append(
            f'<g class="x-map__marker"><title>{escape(marker.label)}. {escape(marker.name)}'
            f'</title>{lead}<circle class="x-map__pin" cx="{cx:.0f}" cy="{cy:.0f}" '
            f'r="{MARKER_R}" fill="#0b4f8a" stroke="#fff" stroke-width="2"/>'
            f'<text x="{cx:.0f}" y="{cy:.0f}" '
            'text-anchor="middle" dominant-baseline="central" font-size="22" '
            f'font-weight="700" fill="#fff">{escape(marker.label)}</text></g>')
    out.append("</svg>")
    return "".join(out)
