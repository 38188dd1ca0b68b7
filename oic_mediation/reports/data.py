"""What the implementation report says for a period, gathered in the language asked for.

Every figure of implementation comes from ``resolutions.selectors`` (the same as the dashboard and
the API); the charts are the dashboard's (``oic_mediation.dashboard.charts``). Personal data never
enters the report: the roster and training participants appear only as counts.

Looking back: a paragraph's status is the latest assessment made by the end of the period; the
commitments counted are those pledged by then, with their latest validated delivery figures.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from conferences.models import CitedFigure, Conference, Document, RecommendationFollowUp
from network.models import (
    ContactGroup,
    ContactGroupMeeting,
    Deployment,
    GeographicGroup,
    RosterMember,
    RosterRole,
)
from oic_mediation import direction
from oic_mediation.dashboard import charts
from resolutions import selectors
from resolutions.models import (
    Commitment,
    ImplementationStatus,
    Paragraph,
    ParagraphStatusUpdate,
    Resolution,
)
from trainings.models import Edition, Participant

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
    states: list = field(default_factory=list)
    organisations_committed: int = 0
    contact_groups: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    roster: dict = field(default_factory=dict)
    trainings: dict = field(default_factory=dict)
    conference: Conference | None = None
    recommendations: list = field(default_factory=list)
    follow_up_counts: list = field(default_factory=list)
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
        selectors.paragraphs_with_figures(as_of=until, pledged_until=until)
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

    pledged = Commitment.objects.filter(pledged_on__lte=until)
    report.totals = selectors.commitment_totals(pledged)
    report.units = selectors.gap_by_unit(pledged)
    report.states = list(
        selectors.states_with_figures(pledged_until=until)
        .filter(commitments_count__gt=0)
        .order_by("name")
    )
    for state in report.states:
        state.status_label = _state_status_label(state)
    report.organisations_committed = (
        pledged.filter(organisation__isnull=False)
        .exclude(status="withdrawn")
        .values("organisation")
        .distinct()
        .count()
    )


def _state_status_label(state) -> str:
    status = selectors.state_status(
        commitments_count=state.commitments_count,
        delivered_count=state.delivered_count,
        in_progress_count=state.in_progress_count,
    )
    return str(dict(ImplementationStatus.choices).get(status, status))


# --- Contact group ---------------------------------------------------------------------------


def _contact_groups(report: ImplementationReport) -> None:
    since, until = report.since, report.until
    current = Q(memberships__joined_on__isnull=True) | Q(memberships__joined_on__lte=until)
    current &= Q(memberships__left_on__isnull=True) | Q(memberships__left_on__gt=until)
    report.contact_groups = list(
        ContactGroup.objects.filter(Q(established_on__isnull=True) | Q(established_on__lte=until))
        .annotate(
            members_recorded=Count("memberships", filter=current, distinct=True),
            members_joined=Count(
                "memberships",
                filter=Q(memberships__joined_on__gte=since, memberships__joined_on__lte=until),
                distinct=True,
            ),
            meetings_in_period=Count(
                "meetings",
                filter=Q(meetings__held_on__gte=since, meetings__held_on__lte=until),
                distinct=True,
            ),
        )
        .order_by("name")
    )
    for group in report.contact_groups:
        group.reported_count_applies = (
            group.reported_member_count is not None
            and group.reported_members_as_of is not None
            and group.reported_members_as_of <= until
        )
    report.meetings = list(
        ContactGroupMeeting.objects.filter(held_on__gte=since, held_on__lte=until)
        .select_related("group")
        .annotate(states_count=Count("states_present", distinct=True))
        .order_by("held_on", "id")
    )


# --- Roster: aggregates only -----------------------------------------------------------------


def _in_network(as_of: datetime.date):
    """People in the network on ``as_of``: nominated by then, not declined, consent not
    withdrawn by then (the dashboard's definition, looking back)."""
    return (
        RosterMember.objects.exclude(vetting_status=RosterMember.Vetting.DECLINED)
        .filter(
            Q(nominated_on__lte=as_of) | Q(nominated_on__isnull=True, created_at__date__lte=as_of)
        )
        .filter(Q(consent_withdrawn_on__isnull=True) | Q(consent_withdrawn_on__gt=as_of))
    )


def _roster(report: ImplementationReport) -> None:
    since, until = report.since, report.until
    members = _in_network(until)
    before = _in_network(since - datetime.timedelta(days=1)).count()
    figures = members.aggregate(
        total=Count("id"),
        vetted=Count("id", filter=Q(vetting_status=RosterMember.Vetting.VETTED)),
        nominated_in_period=Count("id", filter=Q(nominated_on__gte=since, nominated_on__lte=until)),
        by_secretariat=Count("id", filter=Q(nominating_state__isnull=True)),
    )
    gender_labels = dict(RosterMember._meta.get_field("gender").choices)
    by_gender = [
        (str(gender_labels[row["gender"]]), row["total"])
        for row in members.values("gender").annotate(total=Count("id")).order_by("gender")
    ]
    group_labels = dict(GeographicGroup.choices)
    by_group = []
    for row in (
        members.values("nominating_state__geographic_group")
        .annotate(total=Count("id"))
        .order_by("nominating_state__geographic_group")
    ):
        key = row["nominating_state__geographic_group"]
        if key is None:
            label = _("Nominated by the General Secretariat")
        else:
            label = str(group_labels.get(key, "")) or _("Geographic group not recorded")
        by_group.append((label, row["total"]))
    role_labels = dict(RosterRole.Role.choices)
    open_roles = RosterRole.objects.filter(person__in=members).filter(
        Q(started_on__isnull=True) | Q(started_on__lte=until),
        Q(ended_on__isnull=True) | Q(ended_on__gt=until),
    )
    by_role = [
        (str(role_labels[row["role"]]), row["total"])
        for row in open_roles.values("role")
        .annotate(total=Count("person", distinct=True))
        .order_by("role")
    ]
    deployments = Deployment.objects.filter(started_on__lte=until).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=since)
    )
    report.roster = {
        **figures,
        "before": before,
        "growth": figures["total"] - before,
        "by_gender": by_gender,
        "by_group": by_group,
        "by_role": by_role,
        "deployments": deployments.count(),
        "deployment_contexts": deployments.values("context").distinct().count(),
    }


# --- Trainings -------------------------------------------------------------------------------


def _trainings(report: ImplementationReport) -> None:
    since, until = report.since, report.until
    counted = ~Q(participants__completion=Participant.Completion.WITHDRAWN) & Q(
        participants__isnull=False
    )
    editions = list(
        Edition.objects.filter(starts_on__gte=since, starts_on__lte=until)
        .select_related("programme", "host_state")
        .annotate(
            recorded=Count("participants", filter=counted),
            recorded_states=Count("participants__state", filter=counted, distinct=True),
        )
        .order_by("starts_on", "id")
    )
    for edition in editions:
        # Head counts reported for an edition count only when no participant is recorded.
        edition.trained = edition.recorded or (edition.reported_participants or 0)
        edition.states_trained = edition.recorded_states or edition.reported_states
    participants = Participant.objects.filter(
        edition__starts_on__gte=since, edition__starts_on__lte=until
    ).exclude(completion=Participant.Completion.WITHDRAWN)
    level_labels = dict(Participant._meta.get_field("level").choices)
    by_level = [
        (str(level_labels[row["level"]]), row["total"])
        for row in participants.values("level").annotate(total=Count("id")).order_by("level")
    ]
    unrecorded = sum(edition.trained for edition in editions if not edition.recorded)
    if unrecorded:
        by_level.append((_("Level not recorded"), unrecorded))
    gender_labels = dict(Participant._meta.get_field("gender").choices)
    by_gender = [
        (str(gender_labels[row["gender"]]), row["total"])
        for row in participants.values("gender").annotate(total=Count("id")).order_by("gender")
    ]
    cumulative_recorded = (
        Participant.objects.filter(edition__starts_on__lte=until)
        .exclude(completion=Participant.Completion.WITHDRAWN)
        .count()
    )
    cumulative_reported = (
        Edition.objects.filter(starts_on__lte=until, reported_participants__isnull=False)
        .exclude(participants__isnull=False)
        .aggregate(total=Sum("reported_participants"))["total"]
        or 0
    )
    report.trainings = {
        "editions": editions,
        "trained": sum(edition.trained for edition in editions),
        "certificates": participants.filter(certificate_number__isnull=False).count(),
        "states": participants.filter(state__isnull=False).values("state").distinct().count(),
        "by_level": by_level,
        "by_gender": by_gender,
        "cumulative": cumulative_recorded + cumulative_reported,
    }


# --- The previous conference and its recommendations -----------------------------------------


def _conference(report: ImplementationReport) -> None:
    """The latest conference held by the end of the period, and what became of each of its
    recommendations by then."""
    follow_ups = RecommendationFollowUp.objects.filter(as_of__lte=report.until).order_by(
        "-as_of", "-id"
    )
    conference = (
        Conference.objects.filter(starts_on__lte=report.until)
        .select_related("host_state")
        .order_by("-starts_on")
        .first()
    )
    report.conference = conference
    if conference is None:
        return
    recommendations = list(
        conference.recommendations.prefetch_related(
            Prefetch("follow_ups", queryset=follow_ups, to_attr="follow_up_list"),
            "paragraphs",
        ).order_by("number")
    )
    labels = dict(RecommendationFollowUp._meta.get_field("status").choices)
    counts: dict[str, int] = {}
    for recommendation in recommendations:
        latest = recommendation.follow_up_list[0] if recommendation.follow_up_list else None
        recommendation.latest_follow_up = latest
        status = latest.status if latest else "pending"
        recommendation.follow_up_status = status
        recommendation.follow_up_label = str(labels[status])
        counts[status] = counts.get(status, 0) + 1
    report.recommendations = recommendations
    report.follow_up_counts = [
        (str(label), counts[key]) for key, label in labels.items() if counts.get(key)
    ]


# --- Cited figures and sources ---------------------------------------------------------------


def _figures_and_sources(report: ImplementationReport) -> None:
    until = report.until
    report.figures = list(
        CitedFigure.objects.filter(source_year__lte=until.year)
        .filter(Q(conference__isnull=True) | Q(conference__starts_on__lte=until))
        .select_related("source_document")
        .order_by("position", "id")
    )
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
        documents = Document.objects.filter(conference=report.conference, is_public=True).order_by(
            "published_on", "title"
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
