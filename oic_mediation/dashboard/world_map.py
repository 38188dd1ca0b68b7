"""The member-state map: Natural Earth country shapes (public domain, see ``geodata/build_map.py``)
coloured on the server by each state's engagement."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WORLD_FILE = Path(__file__).resolve().parent / "geodata" / "world.json"


@lru_cache(maxsize=1)
def world() -> dict:
    return json.loads(WORLD_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Shape:
    path: str
    css_class: str
    title: str


@dataclass(frozen=True)
class Marker:
    """A state too small to draw at this scale, shown as a dot."""

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
        for marker in world()["markers"]
        if (state := by_iso3.get(marker["iso3"])) is not None
    ]
    data = world()
    return {"width": data["width"], "height": data["height"], "shapes": shapes, "markers": markers}
