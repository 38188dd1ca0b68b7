"""Charts drawn on the server as SVG: geometry here, markup in ``templates/dashboard/charts/``.

Every chart carries a title, a text alternative summarising its data, and the data itself as a
table, so that it reads without sight and without JavaScript. In a right-to-left language the
charts are mirrored: labels on the right, bars growing leftwards, time running from right to left.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

WIDTH = 640
ROW_HEIGHT = 34
LABEL_WIDTH = 200
VALUE_WIDTH = 64
MAX_LABEL_CHARS = 26
PALETTE = ("#00643c", "#b8860b", "#1f5f8b", "#8e3b46", "#5b6770", "#6b4fa0")


def format_number(value) -> str:
    return number_format(value, force_grouping=True)


STATUS_COLOURS = {"implemented": "#00643c", "in_progress": "#c99a1e", "not_started": "#8e3b46"}


def shorten(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class Bar:
    label: str
    short_label: str
    value_display: str
    x: float
    y: float
    width: float
    label_x: float
    value_x: float
    track_x: float = 0
    track_width: float = 0
    colour: str = PALETTE[0]


@dataclass
class Chart:
    chart_id: str
    title: str
    description: str
    width: int
    height: int
    kind: str
    headers: list[str]
    table: list[list[str]]
    bars: list[Bar] = field(default_factory=list)
    columns: list = field(default_factory=list)
    axis: list = field(default_factory=list)
    legend: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    rtl: bool = False
    label_anchor: str = "start"
    value_anchor: str = "start"

    @property
    def is_empty(self) -> bool:
        return not self.table


def _row_geometry(index: int, fraction: float, *, rtl: bool) -> dict:
    """Where a horizontal bar of ``fraction`` of the full length sits, mirrored for rtl."""
    track = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    length = max(track * fraction, 0)
    y = 8 + index * ROW_HEIGHT
    if rtl:
        track_x = VALUE_WIDTH
        return {
            "y": y,
            "x": WIDTH - LABEL_WIDTH - length,
            "width": length,
            "label_x": WIDTH,
            "value_x": WIDTH - LABEL_WIDTH - length - 6,
            "track_x": track_x,
            "track_width": track,
        }
    return {
        "y": y,
        "x": LABEL_WIDTH,
        "width": length,
        "label_x": 0,
        "value_x": LABEL_WIDTH + length + 6,
        "track_x": LABEL_WIDTH,
        "track_width": track,
    }


def _summary(title: str, pairs: Iterable[tuple[str, str]]) -> str:
    # The colon and the semicolon come from the catalogue: French puts a narrow no-break space
    # before them.
    parts = [_("%(label)s: %(value)s") % {"label": label, "value": value} for label, value in pairs]
    if not parts:
        return _("%(title)s: no data yet.") % {"title": title}
    return f"{title}. " + pgettext("list separator", "; ").join(parts) + "."


def bar_chart(
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, int]],
    *,
    rtl: bool,
    label_header: str,
    value_header: str,
    colours: Sequence[str] = (),
) -> Chart:
    """Horizontal bars, one per (label, value), scaled to the largest value."""
    largest = max((value for _label, value in rows), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(rows):
        colour = colours[index] if index < len(colours) else PALETTE[0]
        geometry = _row_geometry(index, value / largest, rtl=rtl)
        bars.append(
            Bar(
                label=str(label),
                short_label=shorten(label),
                value_display=format_number(value),
                colour=colour,
                **geometry,
            )
        )
    table = [[bar.label, bar.value_display] for bar in bars]
    return Chart(
        chart_id=chart_id,
        title=title,
        description=_summary(title, table),
        width=WIDTH,
        height=max(len(bars), 1) * ROW_HEIGHT + 12,
        kind="bars",
        headers=[label_header, value_header],
        table=table,
        bars=bars,
        rtl=rtl,
        label_anchor="end" if rtl else "start",
        value_anchor="end" if rtl else "start",
    )


def progress_chart(
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, int, int]],
    *,
    rtl: bool,
    label_header: str,
) -> Chart:
    """One track per (label, delivered, pledged): the track is the pledge, the fill the delivery."""
    bars = []
    table = []
    for index, (label, delivered, pledged) in enumerate(rows):
        fraction = min(delivered / pledged, 1.0) if pledged else 0.0
        geometry = _row_geometry(index, fraction, rtl=rtl)
        percent = _("%(percent)s%%") % {"percent": format_number(round(fraction * 100))}
        bars.append(
            Bar(
                label=str(label),
                short_label=shorten(label),
                value_display=percent,
                **geometry,
            )
        )
        # The percentage sits at the end of the track, so that it never overlaps the fill.
        bars[-1].value_x = (
            geometry["track_x"] - 6 if rtl else geometry["track_x"] + geometry["track_width"] + 6
        )
        table.append(
            [
                str(label),
                format_number(pledged),
                format_number(delivered),
                format_number(max(pledged - delivered, 0)),
                percent,
            ]
        )
    return Chart(
        chart_id=chart_id,
        title=title,
        description=_summary(
            title,
            [
                (
                    row[0],
                    _("%(delivered)s delivered of %(pledged)s pledged")
                    % {"delivered": row[2], "pledged": row[1]},
                )
                for row in table
            ],
        ),
        width=WIDTH,
        height=max(len(bars), 1) * ROW_HEIGHT + 12,
        kind="progress",
        headers=[label_header, _("Pledged"), _("Delivered"), _("Gap"), _("Delivered share")],
        table=table,
        bars=bars,
        rtl=rtl,
        label_anchor="end" if rtl else "start",
        value_anchor="end" if rtl else "start",
    )


@dataclass
class Segment:
    y: float
    height: float
    colour: str
    label: str


@dataclass
class Column:
    label: str
    x: float
    width: float
    label_x: float
    total_display: str
    total_y: float
    segments: list[Segment]


def stacked_columns(
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, str]],
    values: dict,
    *,
    rtl: bool,
    category_header: str,
) -> Chart:
    """Vertical columns per category (e.g. a year), stacked by series (e.g. a level).

    ``values`` maps (category, series key) to a number.
    """
    height, top, bottom = 240, 24, 28
    plot = height - top - bottom
    totals = [sum(values.get((c, key), 0) for key, _l in series) for c in categories]
    largest = max(totals, default=0) or 1
    slot = (WIDTH - 20) / max(len(categories), 1)
    width = min(slot * 0.6, 72)
    columns = []
    for index, category in enumerate(categories):
        position = len(categories) - 1 - index if rtl else index
        centre = 10 + slot * position + slot / 2
        y = top + plot
        segments = []
        for colour_index, (key, label) in enumerate(series):
            value = values.get((category, key), 0)
            if not value:
                continue
            segment_height = plot * value / largest
            y -= segment_height
            segments.append(
                Segment(y, segment_height, PALETTE[colour_index % len(PALETTE)], str(label))
            )
        columns.append(
            Column(
                label=str(category),
                x=centre - width / 2,
                width=width,
                label_x=centre,
                total_display=format_number(totals[index]),
                total_y=y - 6,
                segments=segments,
            )
        )
    used = [
        (key, label, PALETTE[i % len(PALETTE)])
        for i, (key, label) in enumerate(series)
        if any(values.get((c, key)) for c in categories)
    ]
    table = [
        [str(category)]
        + [format_number(values.get((category, key), 0)) for key, _l, _c in used]
        + [format_number(total)]
        for category, total in zip(categories, totals, strict=True)
    ]
    return Chart(
        chart_id=chart_id,
        title=title,
        description=_summary(
            title, [(str(c), format_number(t)) for c, t in zip(categories, totals, strict=True)]
        ),
        width=WIDTH,
        height=height,
        kind="columns",
        headers=[category_header] + [str(label) for _k, label, _c in used] + [_("Total")],
        table=table,
        columns=columns,
        axis=[top + plot],
        legend=[{"label": str(label), "colour": colour} for _k, label, colour in used],
        rtl=rtl,
    )


@dataclass
class Line:
    label: str
    colour: str
    dash: str
    path: str
    # (x, y, text) of each point, with a tooltip.
    points: list[tuple[float, float, str]]


STEP_COLOURS = (("#1f5f8b", "6 4"), ("#00643c", ""))


def step_chart(
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    rtl: bool,
    category_header: str,
) -> Chart:
    """Lines that step from one value to the next at each category (e.g. the end of each year),
    one per (label, values); time runs right to left in a right-to-left language."""
    height, top, bottom, margin = 220, 18, 30, 56
    plot_height = height - top - bottom
    plot_width = WIDTH - 2 * margin
    largest = max((value for _label, values in series for value in values), default=0) or 1
    count = len(categories)

    def x_of(index: int) -> float:
        position = count - 1 - index if rtl else index
        if count == 1:
            return margin + plot_width / 2
        return round(margin + plot_width * position / (count - 1), 1)

    def y_of(value: int) -> float:
        return round(top + plot_height - plot_height * value / largest, 1)

    lines = []
    for index, (label, values) in enumerate(series):
        colour, dash = STEP_COLOURS[index % len(STEP_COLOURS)]
        path = f"M {x_of(0)} {y_of(values[0])}" if values else ""
        for position in range(1, len(values)):
            path += f" H {x_of(position)} V {y_of(values[position])}"
        points = [
            (
                x_of(position),
                y_of(value),
                f"{categories[position]} — {label}: {format_number(value)}",
            )
            for position, value in enumerate(values)
        ]
        lines.append(Line(str(label), colour, dash, path, points))
    table = [
        [str(category)] + [format_number(values[position]) for _label, values in series]
        for position, category in enumerate(categories)
    ]
    latest = [(str(label), format_number(values[-1])) for label, values in series if values]
    return Chart(
        chart_id=chart_id,
        title=title,
        description=_summary(
            title, [(f"{categories[-1]}, {label}", value) for label, value in latest]
        )
        if categories
        else _summary(title, []),
        width=WIDTH,
        height=height,
        kind="steps",
        headers=[category_header] + [str(label) for label, _values in series],
        table=table if categories else [],
        columns=[
            {"label": str(category), "x": x_of(position)}
            for position, category in enumerate(categories)
        ],
        axis=[
            {
                "y": y_of(value),
                "label": format_number(value),
                "x": WIDTH - margin + 6 if rtl else margin - 6,
                "x1": margin,
                "x2": WIDTH - margin,
            }
            for value in (0, largest)
        ],
        legend=[{"label": line.label, "colour": line.colour, "dash": line.dash} for line in lines],
        bars=[],
        rtl=rtl,
        label_anchor="end" if rtl else "start",
        value_anchor="start" if rtl else "end",
        lines=lines,
    )
