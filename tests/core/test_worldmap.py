"""The partner map's drawing: projection, TopoJSON decoding, the SVG and its markers."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from extrel.core import schema
from extrel.core.partnermap import map_view
from extrel.core.worldmap import (
    WIDTH,
    Atlas,
    MapSpec,
    Marker,
    atlas,
    atlas_from,
    decode_arcs,
    fit,
    numeric_id,
    project,
    render,
    stitch,
)

SVG = "{http://www.w3.org/2000/svg}"


def test_equal_earth_lands_known_points_where_they_belong() -> None:
    assert project(0, 0) == pytest.approx((0.0, 0.0), abs=1e-12)
    # the published extent of Equal Earth on the unit sphere
    assert project(180, 0)[0] == pytest.approx(2.7066, abs=1e-4)
    assert project(0, 90)[1] == pytest.approx(-1.3173, abs=1e-4)
    # north is up (SVG y grows downwards), east is right, the map is symmetric
    kobrin = project(24.36, 52.21)
    assert kobrin[0] > 0 and kobrin[1] < 0
    assert project(-24.36, -52.21) == pytest.approx((-kobrin[0], -kobrin[1]))
    # equal-area: a 1°×1° cell at the equator and at 60°N differ by cos 60° in area
    def area(lat: float) -> float:
        (x0, y0), (x1, y1) = project(0, lat), project(1, lat + 1)
        return abs((x1 - x0) * (y1 - y0))
    assert area(60) / area(0) == pytest.approx(math.cos(math.radians(60.5)), rel=0.02)


def test_topojson_arcs_are_delta_decoded_and_stitched() -> None:
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [-10, 20]},
        "arcs": [[[0, 0], [4, 0], [0, 4]], [[4, 4], [-4, 0], [0, -4]], [[4, 0], [2, 2]]],
        "objects": {
            "land": {"type": "GeometryCollection",
                     "geometries": [{"type": "Polygon", "arcs": [[0, 1]]}]},
            "countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "001"},
                {"type": "MultiPolygon", "arcs": [[[~1, 2]]], "id": "002"},
            ]},
        },
    }
    arcs = decode_arcs(topology)
    # [0,0] → (-10, 20); +[4,0] → (-8, 20); +[0,4] → (-8, 21)
    assert arcs[0] == [(-10, 20), (-8, 20), (-8, 21)]
    assert arcs[1] == [(-8, 21), (-10, 21), (-10, 20)]
    ring = stitch([0, 1], arcs)
    assert ring == [(-10, 20), (-8, 20), (-8, 21), (-10, 21), (-10, 20)]  # closed, no doubles
    assert stitch([~1], arcs) == arcs[1][::-1]
    built = atlas_from(topology)
    assert isinstance(built, Atlas)
    assert built.land == [ring]
    assert set(built.countries) == {"001", "002"}
    # arc 1 is shared by both countries: a border; arcs 0 and 2 are coast
    assert built.borders == [arcs[1]]


def test_shipped_atlas_has_the_partners_countries() -> None:
    data = atlas()
    assert len(data.countries) > 150
    for code in ("BY", "KZ", "RS", "DE", "CN", "UZ", "BG", "RU"):
        assert numeric_id(code) in data.countries, code
    assert numeric_id("BY") == "112"
    assert numeric_id("XX") is None


def spec(**kw: object) -> MapSpec:
    base: dict = {"title": "Карта партнёров: Инзенский район", "desc": "Описание карты"}
    base.update(kw)
    return MapSpec(**base)  # type: ignore[arg-type]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_map_is_svg_with_title_desc_and_one_marker_per_located_partner() -> None:
    markers = (Marker("1", 52.21, 24.36, "Кобрин"), Marker("2", 43.86, 21.41, "Парачин"),
               Marker("3", 52.95, 70.19, "Бурабай"))
    svg = render(spec(markers=markers, homes=(Marker("", 53.85, 46.35, "Инза"),)))
    root = parse(svg)
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "x-map-title x-map-desc"
    assert root.find(SVG + "title").text == "Карта партнёров: Инзенский район"
    assert root.find(SVG + "desc").text == "Описание карты"
    numbers = [g.find(SVG + "text").text for g in root.iter(SVG + "g")
               if g.get("class") == "x-map__marker"]
    assert numbers == ["1", "2", "3"]
    assert len([g for g in root.iter(SVG + "g") if g.get("class") == "x-map__home"]) == 1
    assert not [e for e in root.iter(SVG + "path") if e.get("class") == "x-map__country"]
    # every marker inside the viewBox, and no inline style or script for the CSP
    _, _, width, height = map(float, root.get("viewBox").split())
    assert width == WIDTH
    for circle in root.iter(SVG + "circle"):
        assert 0 <= float(circle.get("cx")) <= width and 0 <= float(circle.get("cy")) <= height
    assert "style=" not in svg and "<script" not in svg


def test_marker_lands_where_its_town_is() -> None:
    view = fit([project(24.36, 52.21), project(70.19, 52.95)])
    x, y = view.to_svg(24.36, 52.21)
    svg = render(spec(markers=(Marker("1", 52.21, 24.36, "Кобрин"),
                               Marker("2", 52.95, 70.19, "Бурабай"))))
    root = parse(svg)
    first = next(g for g in root.iter(SVG + "g") if g.get("class") == "x-map__marker")
    circle = first.find(SVG + "circle")
    assert (float(circle.get("cx")), float(circle.get("cy"))) == pytest.approx((x, y), abs=1)
    # Kobrin (west) is left of Burabay (east), at about the same height
    second = [g for g in root.iter(SVG + "g") if g.get("class") == "x-map__marker"][1]
    assert float(second.find(SVG + "circle").get("cx")) > x + 100


def test_country_without_location_is_highlighted_and_in_view() -> None:
    svg = render(spec(countries=frozenset({"RS"})))
    root = parse(svg)
    shaded = [e for e in root.iter(SVG + "path") if e.get("class") == "x-map__country"]
    assert len(shaded) == 1 and shaded[0].get("d").startswith("M")
    assert not [g for g in root.iter(SVG + "g") if g.get("class") == "x-map__marker"]
    # Serbia is small: the map is cropped around it, not the whole world
    _, _, width, height = map(float, root.get("viewBox").split())
    xs = [int(v) for v in re.findall(r"M(-?\d+)", shaded[0].get("d"))]
    assert xs and all(0 <= x <= width for x in xs)


def test_close_towns_get_separate_markers_with_a_leader_line() -> None:
    svg = render(spec(markers=(Marker("1", 52.21, 24.36, "Кобрин"),
                               Marker("2", 52.3, 24.5, "Рядом"))))
    root = parse(svg)
    pins = [c for c in root.iter(SVG + "circle") if c.get("class") == "x-map__pin"]
    (x1, y1), (x2, y2) = [(float(c.get("cx")), float(c.get("cy"))) for c in pins]
    assert math.hypot(x2 - x1, y2 - y1) >= 2 * float(pins[0].get("r")) - 1
    assert len(list(root.iter(SVG + "line"))) == 1


def test_the_map_is_light() -> None:
    everywhere = tuple(Marker(str(i), lat, lon, "x") for i, (lat, lon) in enumerate(
        [(52.2, 24.4), (46.1, 127.4), (-33.9, 151.2), (40.7, -74.0), (-23.5, -46.6)], 1))
    assert len(render(spec(markers=everywhere)).encode()) < 60_000  # the whole world
    europe = (Marker("1", 52.21, 24.36, "Кобрин"), Marker("2", 43.86, 21.41, "Парачин"))
    assert len(render(spec(markers=europe)).encode()) < 20_000


def test_map_view_numbers_rows_and_describes_them_in_the_page_language() -> None:
    items = [
        {"title": "Кобрин", "country": "BY", "country_text": "Беларусь",
         "location": [52.21, 24.36]},
        {"title": "Парачин", "country": "RS", "country_text": "Сербия", "location": None},
    ]
    view = map_view("Инзенский район", items, [("Инзенский район", (53.85, 46.35))], "ru")
    assert view is not None
    assert [(r["number"], r["located"], r["shaded"]) for r in view["rows"]] == [
        ("1", True, False), ("2", False, True)]
    assert view["title"] == "Карта партнёров: Инзенский район"
    assert "1 — Кобрин (Беларусь)" in view["desc"] and "Сербия" in view["desc"]
    assert "Ромбом отмечен Инзенский район" in view["desc"]
    root = parse(view["svg"])
    assert root.get("lang") == "ru"
    assert len([g for g in root.iter(SVG + "g") if g.get("class") == "x-map__marker"]) == 1
    assert [e for e in root.iter(SVG + "path") if e.get("class") == "x-map__country"]
    # a country the atlas cannot shade (Kosovo has no ISO numeric code) is said to be off the map
    kosovo = map_view("Inza District", [{"title": "Prizren", "country": "XK",
                                         "country_text": "Kosovo", "location": None}], [], "en")
    assert kosovo is not None and kosovo["rows"][0]["shaded"] is False
    assert "x-map__country" not in kosovo["svg"] and "Kosovo" not in kosovo["desc"]
    english = map_view("Inza District", items, [], "en")
    assert english is not None and english["title"] == "Partner map: Inza District"
    assert map_view("Inza District", [], [], "en") is None


@pytest.mark.parametrize("value", [[95, 10], [10, 181], [10], [10, 20, 30], "52, 24",
                                   ["52", "24"], [True, 10], None])
def test_location_must_be_two_numbers_in_range(value: object) -> None:
    fields = {"title": "Кобрин", "country": "BY", "type": "twin", "status": "active"}
    if value is None:
        assert schema.PartnerMeta(**fields).location is None
        return
    with pytest.raises(schema.ValidationError) as caught:
        schema.PartnerMeta(**fields, location=value)
    found = schema.explain(caught.value.errors()[0], schema.PartnerMeta, {"location": 4})
    assert found.line == 4
    assert "широта" in found.ru and "latitude" in found.en


def test_location_is_kept() -> None:
    meta = schema.PartnerMeta(title="Кобрин", country="BY", type="twin", status="active",
                              location=[52.21, 24.36])
    assert meta.location == (52.21, 24.36)
    home = schema.MunicipalityMeta(name={"ru": "Инза", "en": "Inza"}, kind="district",
                                   location=[53.85, 46.35])
    assert home.location == (53.85, 46.35)
