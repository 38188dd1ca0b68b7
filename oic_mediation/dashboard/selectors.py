"""What each public page shows, put together from the domain apps' selectors.

Every figure and every visibility rule is defined in the domain apps (``resolutions.selectors``,
``network.selectors``, ``trainings.selectors``, ``conferences.selectors``), once for the
dashboard, the API, the exports and the report; this module only chooses what a page shows and
how many of each list, in a fixed number of queries whatever the data size. Nothing here returns
personal contact data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from conferences import selectors as conference_selectors
from core import definitions as core_definitions
from network import selectors as network_selectors
from network.models import (
    CoChairPeriod,
    ContactGroupMembership,
    MemberState,
)
from oic_mediation.dashboard.cache import cached
from resolutions import selectors as resolution_selectors
from resolutions.models import (
    Commitment,
    ImplementationStatus,
    Paragraph,
    ReportingSchedule,
    Resolution,
)
from resolutions.selectors import UnitTotals
from trainings import selectors as training_selectors
from trainings.models import Level

# --- Implementation (home) -------------------------------------------------------------------


# The home page shows this many commitments under each paragraph; the paragraph's own page lists
# them all, a page at a time.
TOP_COMMITMENTS = 5
# Commitments in the order the dashboard lists them: delivered first, then in progress, pledged.
COMMITMENT_ORDER = ("status", "state__name", "organisation__name", "id")


def unit_figures_by_paragraph(paragraphs=None) -> dict[int, list[UnitTotals]]:
    """Pledged, delivered and gap per unit of each paragraph (of every one when None)."""
    commitments = Commitment.objects.all()
    if paragraphs is not None:
        commitments = commitments.filter(paragraph__in=paragraphs)
    return resolution_selectors.gap_by_unit_per("paragraph", commitments)


def paragraph_commitments(paragraph) -> QuerySet[Commitment]:
    """Every commitment under one paragraph, in the dashboard's order (paginated by the view)."""
    return resolution_selectors.commitments_with_gap(
        Commitment.objects.filter(paragraph=paragraph)
    ).order_by(*COMMITMENT_ORDER)


# A paragraph's page shows this many of the conferences' recommendations on it, the latest first
# (each conference's page has them all).
PARAGRAPH_RECOMMENDATIONS = 10


def paragraph_page(paragraph: Paragraph) -> dict:
    """A paragraph's figures by unit, their course over time and the latest recommendations on
    it (bounded: the page stays the same size however many conferences recommended)."""
    commitments = Commitment.objects.filter(paragraph=paragraph)
    recommendations = conference_selectors.recommendations_on(paragraph)
    return {
        "units": resolution_selectors.gap_by_unit(commitments),
        "grades": resolution_selectors.grade_shares(commitments),
        "timelines": resolution_selectors.delivery_timeline(commitments),
        "recommendations": list(recommendations[:PARAGRAPH_RECOMMENDATIONS]),
        "recommendation_count": recommendations.count(),
    }


def implementation_overview() -> dict:
    """Resolutions, their paragraphs with figures and leading commitments, the headline counts.

    Each paragraph carries its figures by unit and its first ``TOP_COMMITMENTS`` commitments
    (ranked in the database), so the page stays the same size however many were pledged.
    """
    ranked = resolution_selectors.leading_commitments(COMMITMENT_ORDER, TOP_COMMITMENTS)
    paragraphs = list(resolution_selectors.paragraphs_with_figures())
    top = defaultdict(list)
    for commitment in ranked:
        top[commitment.paragraph_id].append(commitment)
    units = unit_figures_by_paragraph()
    status_counts = {status.value: 0 for status in ImplementationStatus}
    for paragraph in paragraphs:
        status_counts[paragraph.status] += 1
        paragraph.units = units.get(paragraph.pk, [])
        paragraph.commitment_list = top.get(paragraph.pk, [])
    resolutions = list(
        Resolution.objects.select_related("proposed_by", "follows_up").order_by("adopted_from")
    )
    by_resolution = defaultdict(list)
    for paragraph in paragraphs:
        by_resolution[paragraph.resolution_id].append(paragraph)
    for resolution in resolutions:
        resolution.paragraph_list = by_resolution.get(resolution.pk, [])
    return {
        "resolutions": resolutions,
        "paragraph_count": len(paragraphs),
        "status_counts": status_counts,
        "totals": resolution_selectors.commitment_totals(),
        "units": resolution_selectors.gap_by_unit(),
        "grades": resolution_selectors.grade_shares(),
        "headline": headline_figures(),
        "top_commitments": TOP_COMMITMENTS,
    }


def headline_figures() -> dict:
    # Cached apart, so that a write to commitments (which recomputes the home page's figures)
    # does not count every training participant again (70 ms at the bench's scale 10).
    trainings = cached("training_totals", training_selectors.training_totals, per_language=False)
    return {
        "roster_size": cached(
            "roster_size", lambda: network_selectors.in_network().count(), per_language=False
        ),
        "diplomats_trained": trainings.trained,
        "diplomats_declared": trainings.declared,
        "states_engaged": training_selectors.engaged_states().count(),
    }


# --- Member states ---------------------------------------------------------------------------

ENGAGEMENT_LEVELS = (
    "implemented",
    "in_progress",
    "not_started",
    "engaged",
    "none",
    "observer",
)


def engagement_level(state) -> str:
    """Where a state stands, for the map's colours (annotated by ``states_with_engagement``)."""
    if state.status == MemberState.Status.OBSERVER:
        return "observer"
    status = resolution_selectors.state_status(
        commitments_count=state.commitments_count,
        delivered_count=state.delivered_count,
        in_progress_count=state.in_progress_count,
    )
    if status != "no_commitment":
        return status
    if state.in_contact_group or state.nominee_count or state.trainee_count:
        return "engaged"
    return "none"


def states_with_engagement() -> list[MemberState]:
    """Every state with its commitment figures and what engages it, in two queries: the
    engagement subqueries inside the grouped commitment query would be grouped by too, and so
    run once per commitment (56 s at the bench's scale 10) instead of once per state."""
    states = list(
        resolution_selectors.states_with_figures(MemberState.objects.all()).order_by("name")
    )
    # Cached apart: it reads the trainings and the network, so a commitment's write (which
    # recomputes the states' figures) does not count every participant again (155 ms at scale 10).
    engagement = cached("state_engagement", state_engagement, per_language=False)
    for state in states:
        for name, value in engagement[state.pk].items():
            setattr(state, name, value)
        state.engagement = engagement_level(state)
    return states


def state_engagement() -> dict[int, dict]:
    """What engages each state besides its commitments, by its primary key."""
    return {
        row.pop("pk"): row
        for row in training_selectors.with_engagement(MemberState.objects.all()).values(
            "pk", "in_contact_group", "nominee_count", "trainee_count"
        )
    }


# A state's page shows this many items of each list that grows with the years; its commitments
# are all on their own page, a page at a time.
STATE_LIST_SIZE = 10


@dataclass
class StateProfile:
    state: MemberState
    delivered_count: int = 0
    pending_count: int = 0
    # The latest delivered and the next due pending commitments, at most STATE_LIST_SIZE each.
    delivered: list = field(default_factory=list)
    pending: list = field(default_factory=list)
    units: list = field(default_factory=list)
    timelines: list = field(default_factory=list)
    nominees: dict = field(default_factory=dict)
    # The latest editions with participants from the state, at most STATE_LIST_SIZE.
    trainings: list = field(default_factory=list)
    training_edition_count: int = 0
    trainee_total: int = 0
    editions_hosted: list = field(default_factory=list)
    editions_hosted_count: int = 0
    memberships: list = field(default_factory=list)
    co_chairs: list = field(default_factory=list)
    # Where the state stands in reporting (resolutions.selectors.states_reporting).
    reporting: object = None
    # Its delivered figures by the grade of their evidence (resolutions.selectors.grade_shares).
    grades: list = field(default_factory=list)


def state_commitments(state: MemberState) -> QuerySet[Commitment]:
    """Every commitment of one state, by paragraph and due date (paginated by the view)."""
    return resolution_selectors.commitments_with_gap(
        Commitment.objects.filter(state=state)
    ).order_by("paragraph__number", "due_on", "id")


def state_profile(state: MemberState) -> StateProfile:
    """A state's figures and the first items of its lists: the same size whatever the data."""
    profile = StateProfile(state=state)
    commitments = Commitment.objects.filter(state=state)
    figures = resolution_selectors.commitment_totals(commitments)
    profile.delivered_count = figures["delivered_count"]
    profile.pending_count = figures["in_progress_count"] + figures["pledged_only_count"]
    listed = resolution_selectors.commitments_with_gap(commitments)
    profile.delivered = list(
        listed.filter(status="delivered").order_by(
            F("progress_as_of").desc(nulls_last=True), "-id"
        )[:STATE_LIST_SIZE]
    )
    profile.pending = list(
        listed.filter(Q(status__in=resolution_selectors.OPEN_STATUSES)).order_by(
            F("due_on").asc(nulls_last=True), "paragraph__number", "id"
        )[:STATE_LIST_SIZE]
    )
    profile.units = resolution_selectors.gap_by_unit(commitments)
    profile.grades = resolution_selectors.grade_shares(commitments)
    profile.timelines = resolution_selectors.delivery_timeline(commitments)
    profile.nominees = network_selectors.nominees_of(state)
    trainings = training_selectors.state_trainings(state, STATE_LIST_SIZE)
    profile.trainee_total = trainings["trainee_total"]
    profile.training_edition_count = trainings["edition_count"]
    profile.trainings = trainings["latest"]
    profile.editions_hosted_count = trainings["hosted_count"]
    profile.editions_hosted = trainings["hosted"]
    profile.memberships = list(
        ContactGroupMembership.objects.filter(state=state)
        .select_related("group")
        .order_by("group__name", "joined_on")
    )
    profile.co_chairs = list(
        CoChairPeriod.objects.filter(state=state).select_related("group").order_by("started_on")
    )
    (profile.reporting,) = resolution_selectors.states_reporting(
        MemberState.objects.filter(pk=state.pk)
    )
    return profile


# --- Conferences ----------------------------------------------------------------------------

carried_forward = conference_selectors.carried_forward


# --- Who reports -----------------------------------------------------------------------------


def reporting_overview() -> dict:
    """Every state's reporting light, the counts of each light and the reporting rate today and
    at the end of each year."""
    schedule = ReportingSchedule.current()
    states = resolution_selectors.state_reporting_summaries(schedule=schedule)
    rows = [
        {
            "state": item.state,
            "light": item.light,
            "commitment_count": item.commitment_count,
            "overdue_count": item.overdue_count,
            "last_report_on": item.last_report_on,
            "next_due_on": item.next_due_on,
        }
        for item in states
    ]
    return {
        "schedule": schedule,
        "states": rows,
        "state_lights": resolution_selectors.light_counts(states),
        "commitment_lights": {
            light: sum(item.commitment_lights[light] for item in states)
            for light in resolution_selectors.LIGHTS
        },
        "rate": resolution_selectors.reporting_rate(schedule=schedule),
        "rates": resolution_selectors.reporting_rate_timeline(),
        "overdue_count": sum(item.overdue_count for item in states),
    }


# --- Contact group ---------------------------------------------------------------------------


# The contact group page shows each group's latest meetings; the group's meetings page lists them
# all, a page at a time.
LATEST_MEETINGS = 10


def contact_groups():
    return network_selectors.contact_groups(latest_meetings=LATEST_MEETINGS)


group_meetings = network_selectors.group_meetings


# --- Network ---------------------------------------------------------------------------------


def _chart_rows(tallies, *, skip_empty: bool = True) -> list[tuple[str, int]]:
    """(label, count) rows of a breakdown, the largest first, without empty lines."""
    rows = [(tally.label, tally.count) for tally in tallies if tally.count or not skip_empty]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def network_overview() -> dict:
    """The network's size and balance (``network.selectors.network_breakdown``) as chart rows."""
    breakdown = network_selectors.network_breakdown()
    by_group = [
        tally
        for tally in breakdown.by_group
        # The chart shows states' groups: people the General Secretariat nominated are apart.
        if tally.key is not None
    ]
    return {
        "total": breakdown.total,
        "by_role": _chart_rows(breakdown.by_role),
        "by_region": _chart_rows(breakdown.by_region),
        "by_expertise": _chart_rows(breakdown.by_expertise),
        "by_language": _chart_rows(breakdown.by_language),
        "by_gender": _chart_rows(breakdown.by_gender),
        "by_group": [(label or "—", count) for label, count in _chart_rows(by_group)],
        "public_count": breakdown.public_count,
    }


public_profiles = network_selectors.public_profiles


# --- Trainings -------------------------------------------------------------------------------

# The trainings page shows each programme's latest editions; the programme's page lists them all.
LATEST_EDITIONS = 5


def programmes_with_latest_editions():
    return training_selectors.programmes_with_latest_editions(LATEST_EDITIONS)


programmes = training_selectors.programmes
programme_editions = training_selectors.programme_editions


def trainings_overview() -> dict:
    level_labels = dict(Level.choices)
    level_labels[training_selectors.UNRECORDED_LEVEL] = _("Declared without names")
    return {
        "latest_editions": LATEST_EDITIONS,
        "by_state": training_selectors.trained_by_state(),
        "year_level": training_selectors.trained_by_year_and_level(),
        "level_labels": level_labels,
        "totals": training_selectors.training_totals(),
    }


# --- Conferences and figures -----------------------------------------------------------------

conferences_overview = conference_selectors.conferences_overview
conference_detail = conference_selectors.conference_detail
conference_recommendations = conference_selectors.conference_recommendations


def cited_figures() -> list:
    return list(conference_selectors.cited_figures())


# The order in which the figures page explains how each area's figures are counted.
DEFINITION_AREAS = ("resolutions", "network", "trainings", "conferences")


def definitions() -> list[dict]:
    """Every public definition ("how we count"), by area, translated into the current language."""
    registered = core_definitions.definitions()
    areas = {
        "resolutions": _("Resolutions, paragraphs and commitments"),
        "network": _("The network and the contact groups"),
        "trainings": _("Trainings"),
        "conferences": _("Conferences and their recommendations"),
    }
    return [
        {
            "area": area,
            "title": str(areas[area]),
            "items": [
                {"key": d.key, "term": d.translated_term, "text": d.translated_text}
                for d in registered
                if d.area == area
            ],
        }
        for area in DEFINITION_AREAS
    ]
