"""What the implementation report says for a period, gathered in the language asked for.

Every figure of implementation comes from ``resolutions.selectors`` (the same as the dashboard and
the API); the charts are the dashboard's (``oic_mediation.charts``). Personal data never
enters the report: the roster and training participants appear only as counts.

Looking back: every figure is given as of the end of the period (see ``resolutions.selectors``):
a paragraph's status is the latest assessment made by then; the commitments counted are those
pledged by then, each with what its validated reports say was delivered by then; the network, the
contact groups and the trainings as they stood on that day.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from conferences import selectors as conference_selectors
from conferences.models import (
    Conference,
    FollowUpStatus,
)
from network import selectors as network_selectors
from oic_mediation import charts, direction
from resolutions import selectors
from resolutions.models import (
    ImplementationStatus,
    Paragraph,
    ParagraphStatusUpdate,
    Resolution,
)
from trainings import selectors as training_selectors
from trainings.models import Participant

# The length of a full bar in a printed chart, in CSS pixels.
PRINT_TRACK = 160


@dataclass
class PrintBar:
    """One row of a chart drawn for print: an SVG bar beside the label and the figures."""

    label: str
    values: list[str]
    fill_x: float
    fill_width: float
    colour: str
    # The bar's alternative text in the tagged PDF (its SVG title).
    alt: str = ""


def _bar_alt(chart: charts.Chart, cells: list[str]) -> str:
    if chart.kind == "progress":
        value = _("%(delivered)s delivered of %(pledged)s pledged") % {
            "delivered": cells[2],
            "pledged": cells[1],
        }
    else:
        value = cells[1]
    return _("%(label)s: %(value)s") % {"label": cells[0], "value": value}


@dataclass
class PrintChart:
    chart_id: str
    title: str
    description: str
    headers: list[str]
    rows: list[PrintBar]
    track_width: int
    track_label: str = ""


def print_chart(chart: charts.Chart, *, track_label: str = "") -> PrintChart:
    """The dashboard's chart laid out for print: labels stay HTML text (shaped by the PDF
    renderer, which does not shape text inside SVG), the bars stay SVG."""
    rows = []
    for bar, cells in zip(chart.bars, chart.table, strict=True):
        track = bar.track_width or 1
        fraction = min(max(bar.width / track, 0.0), 1.0)
        width = round(fraction * PRINT_TRACK, 1)
        rows.append(
            PrintBar(
                label=bar.label,
                values=cells[1:],
                # Bars grow from the reading start: from the right in Arabic.
                fill_x=round(PRINT_TRACK - width, 1) if chart.rtl else 0,
                fill_width=width,
                colour=bar.colour,
                alt=_bar_alt(chart, cells),
            )
        )
    return PrintChart(
        chart_id=chart.chart_id,
        title=chart.title,
        description=chart.description,
        headers=chart.headers,
        rows=rows,
        track_width=PRINT_TRACK,
        track_label=track_label,
    )


class Citation(NamedTuple):
    """A source as cited, with the language it is written in."""

    text: str
    language: str


@dataclass
class ImplementationReport:
    language: str
    since: datetime.date
    until: datetime.date
    generated_at: datetime.datetime
    title: str
    resolutions: list = field(default_factory=list)
    status_counts: dict = field(default_factory=dict)
    paragraph_count: int = 0
    totals: dict = field(default_factory=dict)
    units: list = field(default_factory=list)
    # The delivered figures of ``units`` by the grade of their evidence.
    grades: list = field(default_factory=list)
    states: list = field(default_factory=list)
    organisations_committed: int = 0
    contact_groups: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    roster: dict = field(default_factory=dict)
    trainings: dict = field(default_factory=dict)
    conference: Conference | None = None
    recommendations: list = field(default_factory=list)
    follow_up_counts: list = field(default_factory=list)
    followed_up_count: int = 0
    figures: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    charts: dict = field(default_factory=dict)

    @property
    def is_rtl(self) -> bool:
        return translation.get_language_info(self.language)["bidi"]


def implementation_report(
    *, since: datetime.date, until: datetime.date, language: str
) -> ImplementationReport:
    """The report on ``since``–``until`` (both included), every text in ``language``."""
    if until < since:
        raise ValueError("The period cannot end before it starts.")
    with translation.override(language):
        report = ImplementationReport(
            language=language,
            since=since,
            until=until,
            generated_at=timezone.now(),
            title="",
        )
        _implementation(report)
        _contact_groups(report)
        _roster(report)
        _trainings(report)
        _conference(report)
        _figures_and_sources(report)
        _charts(report)
        report.title = _report_title(report)
    return report


def _report_title(report: ImplementationReport) -> str:
    # Each symbol isolated left to right in Arabic (oic_mediation.direction), in the reading order
    # of the language, joined by its own list separator (the Arabic comma in Arabic).
    separator = pgettext("between the items of a list", ", ")
    symbols = separator.join(
        direction.isolate(resolution.symbol) for resolution in report.resolutions
    )
    if not symbols:
        return _("Implementation report")
    return _("Implementation of Resolution %(symbols)s: report of the General Secretariat") % {
        "symbols": symbols
    }


# --- Paragraphs and commitments --------------------------------------------------------------


def _implementation(report: ImplementationReport) -> None:
    until = report.until
    updates = ParagraphStatusUpdate.objects.filter(as_of__lte=until).order_by("-as_of", "-id")
    paragraphs = list(
        selectors.paragraphs_with_figures(as_of=until)
        .filter(resolution__adopted_from__lte=until)
        .prefetch_related(Prefetch("status_updates", queryset=updates, to_attr="update_list"))
    )
    resolutions = list(
        Resolution.objects.filter(adopted_from__lte=until)
        .select_related("proposed_by")
        .order_by("adopted_from", "symbol")
    )
    by_resolution: dict[int, list[Paragraph]] = {}
    status_labels = dict(ImplementationStatus.choices)
    counts = {status.value: 0 for status in ImplementationStatus}
    for paragraph in paragraphs:
        paragraph.assessment = paragraph.update_list[0] if paragraph.update_list else None
        paragraph.status_label = str(status_labels[paragraph.status])
        counts[paragraph.status] += 1
        by_resolution.setdefault(paragraph.resolution_id, []).append(paragraph)
    for resolution in resolutions:
        resolution.paragraph_list = by_resolution.get(resolution.pk, [])
    report.resolutions = resolutions
    report.status_counts = counts
    report.paragraph_count = len(paragraphs)

    report.totals = selectors.commitment_totals(as_of=until)
    report.units = selectors.gap_by_unit(as_of=until)
    report.grades = selectors.grade_shares(as_of=until)
    report.states = list(
        selectors.states_with_figures(as_of=until).filter(commitments_count__gt=0).order_by("name")
    )
    for state in report.states:
        state.status_label = _state_status_label(state)
    report.organisations_committed = selectors.organisations_committed(as_of=until)


def _state_status_label(state) -> str:
    status = selectors.state_status(
        commitments_count=state.commitments_count,
        delivered_count=state.delivered_count,
        in_progress_count=state.in_progress_count,
    )
    return str(dict(ImplementationStatus.choices).get(status, status))


# --- Contact group ---------------------------------------------------------------------------


def _contact_groups(report: ImplementationReport) -> None:
    report.contact_groups, report.meetings = network_selectors.contact_groups_in_period(
        report.since, report.until
    )


# --- Roster: aggregates only -----------------------------------------------------------------


def _roster(report: ImplementationReport) -> None:
    since, until = report.since, report.until
    breakdown = network_selectors.network_breakdown(as_of=until)
    before = network_selectors.in_network(since - datetime.timedelta(days=1)).count()
    by_group = []
    for tally in breakdown.by_group:
        if not tally.count:
            continue
        if tally.key is None:
            label = _("Nominated by the General Secretariat")
        else:
            label = tally.label or _("Geographic group not recorded")
        by_group.append((label, tally.count))
    report.roster = {
        "total": breakdown.total,
        "vetted": breakdown.vetted,
        "by_secretariat": breakdown.nominated_by_secretariat,
        "nominated_in_period": network_selectors.nominated_in_period(since, until),
        "before": before,
        "growth": breakdown.total - before,
        "by_gender": [(t.label, t.count) for t in breakdown.by_gender if t.count],
        "by_group": by_group,
        "by_role": [(t.label, t.count) for t in breakdown.by_role if t.count],
        **network_selectors.deployments_in_period(since, until),
    }


# --- Trainings -------------------------------------------------------------------------------


def _trainings(report: ImplementationReport) -> None:
    since, until = report.since, report.until
    editions = training_selectors.editions_in_period(since, until)
    totals = training_selectors.training_totals(since=since, until=until)
    level_labels = dict(Participant._meta.get_field("level").choices)
    by_level = [
        (str(level_labels[level]), total)
        for level, total in sorted(
            training_selectors.trained_by("level", since=since, until=until).items()
        )
    ]
    if totals.declared:
        by_level.append((_("Declared without names"), totals.declared))
    gender_labels = dict(Participant._meta.get_field("gender").choices)
    by_gender = [
        (str(gender_labels[gender]), total)
        for gender, total in sorted(
            training_selectors.trained_by("gender", since=since, until=until).items()
        )
    ]
    report.trainings = {
        "editions": editions,
        "trained": totals.trained,
        "declared": totals.declared,
        "certificates": training_selectors.certificates(since=since, until=until),
        "states": training_selectors.states_trained(since=since, until=until),
        "by_level": by_level,
        "by_gender": by_gender,
        "cumulative": training_selectors.training_totals(until=until).trained,
    }


# --- The previous conference and its recommendations -----------------------------------------


def _conference(report: ImplementationReport) -> None:
    """The latest conference held by the end of the period, and what became of each of its
    recommendations by then."""
    conference = conference_selectors.latest_conference(report.until)
    report.conference = conference
    if conference is None:
        return
    recommendations = conference_selectors.follow_up_history(conference, as_of=report.until)
    labels = dict(FollowUpStatus.choices)
    counts: dict[str, int] = {}
    for recommendation in recommendations:
        recommendation.latest_follow_up = (
            recommendation.follow_up_list[0] if recommendation.follow_up_list else None
        )
        recommendation.follow_up_label = str(labels[recommendation.follow_up_status])
        counts[recommendation.follow_up_status] = counts.get(recommendation.follow_up_status, 0) + 1
    report.recommendations = recommendations
    report.follow_up_counts = [
        (str(label), counts[key]) for key, label in labels.items() if counts.get(key)
    ]
    report.followed_up_count = sum(
        count for key, count in counts.items() if key in conference_selectors.FOLLOWED_UP
    )


# --- Cited figures and sources ---------------------------------------------------------------


def _figures_and_sources(report: ImplementationReport) -> None:
    report.figures = list(conference_selectors.cited_figures(until=report.until))
    sources = []
    for resolution in report.resolutions:
        for paragraph in resolution.paragraph_list:
            if paragraph.assessment and paragraph.assessment.source:
                # Sources of assessments are cited as written, in the portal's default language.
                sources.append((paragraph.assessment.source, settings.LANGUAGE_CODE))
    for figure in report.figures:
        source, language = direction.text_and_language(figure, "source")
        year = "" if figure.source_names_its_year else f" ({figure.source_year})"
        sources.append((f"{source}{year}", language))
    if report.conference is not None:
        documents = (
            conference_selectors.public_documents()
            .filter(conference=report.conference)
            .order_by("published_on", "title")
        )
        for document in documents:
            title, language = direction.text_and_language(document, "title")
            symbol = f" ({document.un_symbol})" if document.un_symbol else ""
            sources.append((f"{title}{symbol}", language))
    # In order of first citation, each once.
    report.sources = [Citation(text, language) for text, language in dict.fromkeys(sources) if text]


# --- Charts ----------------------------------------------------------------------------------


def _charts(report: ImplementationReport) -> None:
    rtl = report.is_rtl
    report.charts = {
        "status": print_chart(
            charts.bar_chart(
                "report-chart-status",
                _("Paragraphs and measures by implementation status"),
                [
                    (status.label, report.status_counts[status.value])
                    for status in ImplementationStatus
                ],
                rtl=rtl,
                label_header=_("Status"),
                value_header=_("Paragraphs and measures"),
                colours=[charts.STATUS_COLOURS[status.value] for status in ImplementationStatus],
            )
        ),
        "units": print_chart(
            charts.progress_chart(
                "report-chart-units",
                _("Pledged and delivered, by unit"),
                [(unit.label, unit.delivered, unit.pledged) for unit in report.units],
                rtl=rtl,
                label_header=_("Unit"),
            )
        ),
        "roster_gender": print_chart(
            charts.bar_chart(
                "report-chart-roster-gender",
                _("People in the network, by gender"),
                report.roster["by_gender"],
                rtl=rtl,
                label_header=_("Gender"),
                value_header=_("People"),
            )
        ),
        "roster_group": print_chart(
            charts.bar_chart(
                "report-chart-roster-group",
                _("People in the network, by geographic group of the nominating state"),
                report.roster["by_group"],
                rtl=rtl,
                label_header=_("Geographic group"),
                value_header=_("People"),
            )
        ),
        "training_level": print_chart(
            charts.bar_chart(
                "report-chart-training-level",
                _("Diplomats trained in the period, by level"),
                report.trainings["by_level"],
                rtl=rtl,
                label_header=_("Level"),
                value_header=_("Participants"),
            )
        ),
    }
