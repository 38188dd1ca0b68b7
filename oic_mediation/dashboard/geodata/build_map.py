"""Build ``world.json``, the country shapes the dashboard's member-state map is drawn from.

Source: Natural Earth 1:110m admin-0 countries (public domain, https://www.naturalearthdata.com/),
as TopoJSON in the npm package ``world-atlas`` (ISC licence, by Mike Bostock), whose feature ids
are ISO 3166-1 numeric codes. The numeric codes are mapped to alpha-3 codes (``MemberState.iso3_code``)
with Debian's ``iso-codes`` package.

Reproduce with::

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python oic_mediation/dashboard/geodata/build_map.py \\
        /tmp/package/countries-110m.json /usr/share/iso-codes/json/iso_3166-1.json \\
        > oic_mediation/dashboard/geodata/world.json

The shapes are projected with the Equal Earth projection, cropped to the part of the world where
OIC member and observer states lie, and written as SVG path data in a fixed-width frame, so that
the server only has to colour them.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

WIDTH = 1000.0
# The frame: from the Americas (Guyana, Suriname) to South-East Asia (Indonesia, Brunei).
WEST, EAST, SOUTH, NORTH = -82.0, 150.0, -36.0, 58.0

# States too small for the 1:110m shapes, drawn as dots at these points (longitude, latitude):
# approximate centres of their main islands, which is all a map at this scale needs.
SMALL_STATES = {
    "BHR": ("Bahrain", 50.55, 26.05),
    "COM": ("Comoros", 43.35, -11.65),
    "MDV": ("Maldives", 73.50, 3.20),
}


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Equal Earth projection (Šavrič, Patterson, Jenny 2018), in radians-based units."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    m = math.sqrt(3) / 2
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(m * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (m * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)))
    y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return x, -y


def tenths(value: int) -> str:
    """A number of tenths written as SVG path data writes it shortest: 15 → "1.5", -5 → "-.5"."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), 10)
    digits = (str(whole) if whole else "") + (f".{tenth}" if tenth else "")
    return sign + (digits or "0")


def svg_ring(points: list[tuple[int, int]]) -> str:
    """A closed ring as SVG path data: the first point absolute, then relative steps ("l"),
    about a third shorter than absolute coordinates for the same shape."""
    numbers = [tenths(points[0][0]), tenths(points[0][1])]
    start = "M" + ",".join(numbers)
    steps = []
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        steps += [tenths(x1 - x0), tenths(y1 - y0)]
    data = steps[0] if steps else ""
    for number in steps[1:]:
        data += number if number.startswith("-") else "," + number
    return f"{start}l{data}z"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (scale_x, scale_y), (translate_x, translate_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def main(topology_path: str, iso_codes_path: str) -> None:
    topology = json.loads(Path(topology_path).read_text(encoding="utf-8"))
    iso = json.loads(Path(iso_codes_path).read_text(encoding="utf-8"))["3166-1"]
    alpha3_by_numeric = {entry["numeric"]: entry["alpha_3"] for entry in iso}
    arcs = decode_arcs(topology)

    left, top = equal_earth(WEST, NORTH)[0], equal_earth(0, NORTH)[1]
    right, bottom = equal_earth(EAST, NORTH)[0], equal_earth(0, SOUTH)[1]
    scale = WIDTH / (right - left)

    def project(longitude: float, latitude: float) -> tuple[float, float]:
        x, y = equal_earth(longitude, latitude)
        return (x - left) * scale, (y - top) * scale

    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [ring_points(ring, arcs) for polygon in polygons for ring in polygon]
        # Rings that wrap around the antimeridian (Fiji, Chukotka) would streak across the map.
        rings = [ring for ring in rings if max(p[0] for p in ring) - min(p[0] for p in ring) < 180]
        longitudes = [p[0] for ring in rings for p in ring]
        latitudes = [p[1] for ring in rings for p in ring]
        if not rings or max(longitudes) < WEST or min(longitudes) > EAST:
            continue
        if max(latitudes) < SOUTH or min(latitudes) > NORTH:
            continue
        path = []
        for ring in rings:
            points = []
            for longitude, latitude in ring:
                x, y = project(longitude, latitude)
                # In tenths of a unit, as integers: the relative steps add up exactly.
                point = (round(x * 10), round(y * 10))
                if not points or point != points[-1]:
                    points.append(point)
            if len(points) >= 3:
                path.append(svg_ring(points))
        numeric = geometry.get("id")
        countries.append(
            {
                "iso3": alpha3_by_numeric.get(numeric, ""),
                "name": geometry.get("properties", {}).get("name", ""),
                "d": "".join(path),
            }
        )
    countries.sort(key=lambda country: (country["iso3"], country["name"]))
    drawn = {country["iso3"] for country in countries}
    markers = []
    for iso3, (name, longitude, latitude) in sorted(SMALL_STATES.items()):
        if iso3 not in drawn:
            x, y = project(longitude, latitude)
            markers.append({"iso3": iso3, "name": name, "x": round(x, 1), "y": round(y, 1)})
    json.dump(
        {
            "source": "Natural Earth 1:110m admin-0 countries (public domain), via world-atlas 2.0.2",
            "projection": "Equal Earth",
            "width": WIDTH,
            "height": round((bottom - top) * scale, 1),
            "countries": countries,
            "markers": markers,
        },
        sys.stdout,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build_map.py countries-110m.json iso_3166-1.json > world.json")
    main(sys.argv[1], sys.argv[2])
