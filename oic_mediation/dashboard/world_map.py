"""The member-state map: Natural Earth country shapes (public domain, see ``geodata/build_map.py``)
coloured on the server by each state's engagement."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WORLD_FILE = Path(__file__).resolve().parent / "geodata" / "world.json"

# A shape thinner than this on average (map units, 1,000 across the frame: about 3.5 px on a
# desktop screen), once the white borders are drawn over its edge, is a sliver one cannot see
# or point at: The Gambia, Palestine, Lebanon, Brunei. Such a state gets a dot as well.
THIN_SHAPE_UNITS = 3.0
NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")
RING = re.compile(r"M([^l]*)l([^z]*)z")


@lru_cache(maxsize=1)
def world() -> dict:
    return json.loads(WORLD_FILE.read_text(encoding="utf-8"))


def rings(path: str) -> list[list[tuple[float, float]]]:
    """The closed rings of a shape written by ``geodata/build_map.py`` ("M x,y l dx,dy … z")."""
    found = []
    for start, steps in RING.findall(path):
        x, y = (float(number) for number in NUMBER.findall(start))
        points = [(x, y)]
        numbers = [float(number) for number in NUMBER.findall(steps)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        found.append(points)
    return found


def _signed_area(ring: list[tuple[float, float]]) -> float:
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs) / 2


def thin_shape_dot(path: str) -> tuple[float, float] | None:
    """Where to put a dot for a shape too thin to see, or None. Its largest ring (the mainland)
    is measured: a mean width (twice the area over the perimeter) below ``THIN_SHAPE_UNITS``
    gets a dot at that ring's centroid. (Islands and coastlines do not count: Russia's many
    coasts do not make it thin.)"""
    ring = max(rings(path), key=lambda points: abs(_signed_area(points)))
    pairs = list(zip(ring, ring[1:] + ring[:1], strict=True))
    signed = _signed_area(ring)
    perimeter = sum(math.dist(a, b) for a, b in pairs)
    if not signed or 2 * abs(signed) / perimeter >= THIN_SHAPE_UNITS:
        return None
    x = sum((x0 + x1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (6 * signed)
    y = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (6 * signed)
    return round(x, 1), round(y, 1)


@lru_cache(maxsize=1)
def dots() -> list[dict]:
    """Every dot of the map: the states without a shape at this scale (``world.json``'s
    markers: Bahrain, Comoros, Maldives) and the countries whose shape is a sliver."""
    thin = [
        {"iso3": country["iso3"], "x": dot[0], "y": dot[1]}
        for country in world()["countries"]
        if (dot := thin_shape_dot(country["d"])) is not None
    ]
    return [*world()["markers"], *thin]


@dataclass(frozen=True)
class Shape:
    path: str
    css_class: str
    title: str


@dataclass(frozen=True)
class Marker:
    """A state too small to draw, or to see, at this scale, shown as a dot."""

    x: float
    y: float
    css_class: str
    title: str


def member_state_map(states) -> dict:
    """Shapes for every country in the frame; OIC states carry their engagement as a class."""
    by_iso3 = {state.iso3_code: state for state in states}
    shapes = []
    for country in world()["countries"]:
        state = by_iso3.get(country["iso3"])
        if state is None:
            shapes.append(Shape(country["d"], "map-country", ""))
        else:
            shapes.append(Shape(country["d"], f"map-state map-{state.engagement}", state.name))
    markers = [
        Marker(marker["x"], marker["y"], f"map-state map-{state.engagement}", state.name)
        for marker in dots()
        if (state := by_iso3.get(marker["iso3"])) is not None
    ]
    data = world()
    return {"width": data["width"], "height": data["height"], "shapes": shapes, "markers": markers}
