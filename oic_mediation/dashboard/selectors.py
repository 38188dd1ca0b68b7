"""Reads for the public dashboard, each in a fixed number of queries whatever the data size.

The pledge-vs-delivery figures come from ``resolutions.selectors``; this module adds what only the
dashboard shows: engagement per state, the network's balance, training counts and the conference
record. Nothing here returns personal contact data: roster members appear only as counts, except
public profiles of people whose consent is current; training participants only as counts.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, ExtractYear, RowNumber
from django.utils.translation import gettext_lazy as _

from conferences.models import (
    CitedFigure,
    Conference,
    Document,
    Recommendation,
    RecommendationFollowUp,
    Session,
    SessionSpeaker,
)
from network import selectors as network_selectors
from network.models import (
    CoChairPeriod,
    ContactGroup,
    ContactGroupMeeting,
    ContactGroupMembership,
    ExpertiseArea,
    Language,
    MemberState,
    Region,
    RosterMember,
    RosterRole,
)
from oic_mediation.dashboard.cache import cached
from oic_mediation.db import SubqueryCount
from resolutions import selectors as resolution_selectors
from resolutions.models import Commitment, ImplementationStatus, Resolution
from resolutions.selectors import UnitTotals
from trainings import selectors as trainings_selectors
from trainings.models import Edition, Participant, Programme

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


def implementation_overview() -> dict:
    """Resolutions, their paragraphs with figures and leading commitments, the headline counts.

    Each paragraph carries its figures by unit and its first ``TOP_COMMITMENTS`` commitments
    (ranked in the database), so the page stays the same size however many were pledged.
    """
    # Ranked over narrow rows (ids and the sort keys), then only the leading ones fetched whole:
    # ranking the full rows with their joins sorted every column of every commitment.
    leading = (
        Commitment.objects.annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("paragraph_id")],
                order_by=[F(name).asc() for name in COMMITMENT_ORDER],
            )
        )
        .filter(rank__lte=TOP_COMMITMENTS)
        .values_list("pk", flat=True)
    )
    ranked = resolution_selectors.commitments_with_gap(
        Commitment.objects.filter(pk__in=list(leading))
    ).order_by("paragraph", *COMMITMENT_ORDER)
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
        "headline": headline_figures(),
        "top_commitments": TOP_COMMITMENTS,
    }


def headline_figures() -> dict:
    """The home page's headline, cached apart from the commitment figures: the roster and the
    trainings change far less often than commitments."""
    return cached("headline_figures", _headline_figures)


def _roster_size() -> int:
    return (
        RosterMember.objects.exclude(vetting_status=RosterMember.Vetting.DECLINED)
        .filter(consent_withdrawn_on__isnull=True)
        .count()
    )


def _headline_figures() -> dict:
    return {
        "roster_size": cached("roster_size", _roster_size),
        "diplomats_trained": cached("training_totals", training_totals)["participants"],
        "states_engaged": MemberState.objects.filter(pk__in=engaged_state_ids()).count(),
    }


def _current_memberships():
    today = datetime.date.today()
    return ContactGroupMembership.objects.filter(Q(left_on__isnull=True) | Q(left_on__gte=today))


def engaged_states() -> QuerySet[MemberState]:
    """States with a commitment, a seat in a contact group, a nominee or a trained diplomat."""
    return MemberState.objects.filter(pk__in=engaged_state_ids()).order_by()


def engaged_state_ids() -> set[int]:
    """The ids of the states ``engaged_states`` gives, from four sets of ids: the states with a
    commitment, a current seat, a nominee or a trained diplomat (the last two cached apart, as
    they change with the roster and the trainings only). Each is one pass over its table; as
    conditions per state they cost one scan of the participants per state (0.3 s at scale 10)."""
    committed = (
        Commitment.objects.exclude(status="withdrawn")
        .filter(state__isnull=False)
        .order_by()
        .values_list("state_id", flat=True)
        .distinct()
    )
    return (
        set(committed)
        | set(_current_memberships().values_list("state_id", flat=True))
        | set(cached("nominees_by_state", network_selectors.nominees_by_state))
        | set(cached("trainees_by_state", trainings_selectors.trainees_by_state))
    )


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
    """Every state with its commitment figures, its seat in a contact group, its nominees and its
    trained diplomats, and its ``engagement`` level.

    Four queries, one pass over each table: the counts of nominees and participants, which
    change with the roster and the trainings only, are cached apart from the commitment figures.
    (As subqueries of the grouped commitment query they were evaluated once per commitment:
    56 s at scale 10.)
    """
    states = list(
        resolution_selectors.states_with_figures(MemberState.objects.all()).order_by("name")
    )
    in_group = set(_current_memberships().values_list("state_id", flat=True))
    nominees = cached("nominees_by_state", network_selectors.nominees_by_state)
    trainees = cached("trainees_by_state", trainings_selectors.trainees_by_state)
    for state in states:
        state.in_contact_group = state.pk in in_group
        state.nominee_count = nominees.get(state.pk, 0)
        state.trainee_count = trainees.get(state.pk, 0)
        state.engagement = engagement_level(state)
    return states


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
    nominees: dict = field(default_factory=dict)
    # The latest editions with participants from the state, at most STATE_LIST_SIZE.
    trainings: list = field(default_factory=list)
    training_edition_count: int = 0
    trainee_total: int = 0
    editions_hosted: list = field(default_factory=list)
    editions_hosted_count: int = 0
    memberships: list = field(default_factory=list)
    co_chairs: list = field(default_factory=list)


def state_commitments(state: MemberState) -> QuerySet[Commitment]:
    """Every commitment of one state, by paragraph and due date (paginated by the view)."""
    return resolution_selectors.commitments_with_gap(
        Commitment.objects.filter(state=state)
    ).order_by("paragraph__number", "due_on", "id")


def state_profile(state: MemberState) -> StateProfile:
    """A state's figures and the first items of its lists: the same size whatever the data."""
    profile = StateProfile(state=state)
    commitments = Commitment.objects.filter(state=state)
    pending = Q(status__in=["pledged", "in_progress"])
    counts = commitments.aggregate(
        delivered=Count("id", filter=Q(status="delivered")), pending=Count("id", filter=pending)
    )
    profile.delivered_count, profile.pending_count = counts["delivered"], counts["pending"]
    listed = resolution_selectors.commitments_with_gap(commitments)
    profile.delivered = list(
        listed.filter(status="delivered").order_by(
            F("progress_as_of").desc(nulls_last=True), "-id"
        )[:STATE_LIST_SIZE]
    )
    profile.pending = list(
        listed.filter(pending).order_by(
            F("due_on").asc(nulls_last=True), "paragraph__number", "id"
        )[:STATE_LIST_SIZE]
    )
    profile.units = resolution_selectors.gap_by_unit(commitments)
    profile.nominees = RosterMember.objects.filter(nominating_state=state).aggregate(
        total=Count("id"),
        vetted=Count("id", filter=Q(vetting_status=RosterMember.Vetting.VETTED)),
        pending=Count("id", filter=Q(vetting_status=RosterMember.Vetting.PENDING)),
    )
    # The trainings change with the trainings only, not with the state's commitments.
    trainings = cached("state_trainings", lambda: _state_trainings(state), state.pk)
    profile.trainee_total = trainings["trainee_total"]
    profile.training_edition_count = trainings["training_edition_count"]
    profile.trainings = trainings["trainings"]
    profile.editions_hosted_count = trainings["editions_hosted_count"]
    profile.editions_hosted = trainings["editions_hosted"]
    profile.memberships = list(
        ContactGroupMembership.objects.filter(state=state)
        .select_related("group")
        .order_by("group__name", "joined_on")
    )
    profile.co_chairs = list(
        CoChairPeriod.objects.filter(state=state).select_related("group").order_by("started_on")
    )
    return profile


def _state_trainings(state: MemberState) -> dict:
    """A state's trained diplomats and the latest editions it sent participants to or hosted."""
    trainees = Participant.objects.filter(state=state).exclude(
        completion=Participant.Completion.WITHDRAWN
    )
    totals = trainees.aggregate(people=Count("id"), editions=Count("edition", distinct=True))
    latest = list(
        trainees.values("edition")
        .annotate(state_participants=Count("id"), starts_on=Max("edition__starts_on"))
        .order_by("-starts_on", "-edition")[:STATE_LIST_SIZE]
    )
    editions = Edition.objects.select_related("programme", "host_state").in_bulk(
        [row["edition"] for row in latest]
    )
    attended = []
    for row in latest:
        edition = editions[row["edition"]]
        edition.state_participants = row["state_participants"]
        attended.append(edition)
    hosted = Edition.objects.filter(host_state=state)
    return {
        "trainee_total": totals["people"],
        "training_edition_count": totals["editions"],
        "trainings": attended,
        "editions_hosted_count": hosted.count(),
        "editions_hosted": list(
            hosted.select_related("programme").order_by("-starts_on", "-id")[:STATE_LIST_SIZE]
        ),
    }


# --- Contact group ---------------------------------------------------------------------------


# The contact group page shows each group's latest meetings; the group's meetings page lists them
# all, a page at a time.
LATEST_MEETINGS = 10


def contact_groups() -> list[ContactGroup]:
    memberships = ContactGroupMembership.objects.select_related("state", "organisation").order_by(
        "state__name", "organisation__name"
    )
    return list(
        ContactGroup.objects.prefetch_related(
            Prefetch("memberships", queryset=memberships, to_attr="membership_list"),
            Prefetch(
                "co_chair_periods",
                queryset=CoChairPeriod.objects.select_related("state", "organisation"),
                to_attr="co_chair_list",
            ),
            Prefetch(
                "meetings",
                queryset=group_meetings()[:LATEST_MEETINGS],
                to_attr="latest_meetings",
            ),
        )
        .annotate(
            member_count=SubqueryCount(ContactGroupMembership.objects.filter(group=OuterRef("pk"))),
            meeting_count=SubqueryCount(ContactGroupMeeting.objects.filter(group=OuterRef("pk"))),
        )
        .order_by("name")
    )


def group_meetings(group: ContactGroup | None = None) -> QuerySet[ContactGroupMeeting]:
    """A group's meetings (every group's without one), the latest first."""
    meetings = ContactGroupMeeting.objects.order_by("-held_on", "-id")
    return meetings if group is None else meetings.filter(group=group)


# --- Network ---------------------------------------------------------------------------------


def _count_by(queryset, path: str, label_of) -> list[tuple[str, int]]:
    rows = queryset.values(path).annotate(total=Count("id", distinct=True)).order_by("-total", path)
    return [(label_of(row[path]), row["total"]) for row in rows if row[path] is not None]


def network_overview() -> dict:
    """The roster's balance, counted over people in the network, and the public profiles."""
    members = RosterMember.objects.exclude(vetting_status=RosterMember.Vetting.DECLINED).filter(
        consent_withdrawn_on__isnull=True
    )
    names = {
        "expertise": {item.pk: str(item) for item in ExpertiseArea.objects.all()},
        "regions": {item.pk: str(item) for item in Region.objects.all()},
        "languages": {item.pk: str(item) for item in Language.objects.all()},
    }
    by_role = _count_by(
        RosterRole.objects.filter(person__in=members, ended_on__isnull=True).values("person"),
        "role",
        lambda value: str(RosterRole.Role(value).label),
    )
    gender_labels = dict(RosterMember._meta.get_field("gender").choices)
    group_labels = dict(MemberState._meta.get_field("geographic_group").choices)
    return {
        "total": members.count(),
        "by_role": by_role,
        "by_region": _count_by(members, "regions", lambda pk: names["regions"].get(pk, "")),
        "by_expertise": _count_by(members, "expertise", lambda pk: names["expertise"].get(pk, "")),
        "by_language": _count_by(members, "languages", lambda pk: names["languages"].get(pk, "")),
        "by_gender": _count_by(members, "gender", lambda value: str(gender_labels[value])),
        "by_group": _count_by(
            members.filter(nominating_state__isnull=False),
            "nominating_state__geographic_group",
            lambda value: str(group_labels.get(value, "")) or "—",
        ),
        "public_count": public_profiles().count(),
    }


def public_profiles() -> QuerySet[RosterMember]:
    """People in the network whose consent to a public profile is current (paginated by the view),
    without their contact details."""
    return (
        RosterMember.objects.exclude(vetting_status=RosterMember.Vetting.DECLINED)
        .filter(
            consent_withdrawn_on__isnull=True,
            visibility=RosterMember.Visibility.PUBLIC,
            consent_given_on__isnull=False,
        )
        .select_related("nominating_state")
        .prefetch_related(
            "expertise",
            "languages",
            "regions",
            Prefetch(
                "roles",
                queryset=RosterRole.objects.filter(ended_on__isnull=True),
                to_attr="open_roles",
            ),
        )
        .defer("email", "phone", "postal_address")
        .order_by("full_name", "id")
    )


# --- Trainings -------------------------------------------------------------------------------


def training_totals() -> dict:
    """Diplomats trained: recorded participants, plus reported head counts of editions whose
    participants were not recorded one by one."""
    recorded = trainings_selectors.counted_participants().count()
    reported = (
        Edition.objects.filter(reported_participants__isnull=False)
        .exclude(participants__isnull=False)
        .aggregate(total=Coalesce(Sum("reported_participants"), Value(0)))["total"]
    )
    return {"participants": recorded + reported, "recorded": recorded, "reported": reported}


# The trainings page shows each programme's latest editions; the programme's page lists them all.
LATEST_EDITIONS = 5


def editions_with_participants() -> QuerySet[Edition]:
    """Editions with the number of their participants who did not withdraw: a subquery evaluated
    for the editions listed only (grouping counted every participant of every edition)."""
    return Edition.objects.select_related("host_state").annotate(
        participant_count=SubqueryCount(
            trainings_selectors.counted_participants().filter(edition=OuterRef("pk"))
        )
    )


def programmes() -> QuerySet[Programme]:
    return (
        Programme.objects.select_related("organiser_state", "organiser_organisation")
        .prefetch_related("partners")
        .annotate(edition_count=SubqueryCount(Edition.objects.filter(programme=OuterRef("pk"))))
        .order_by("name")
    )


def programme_editions(programme) -> QuerySet[Edition]:
    """Every edition of one programme, latest first (paginated by the view)."""
    return editions_with_participants().filter(programme=programme).order_by("-starts_on", "-id")


def programmes_with_latest_editions() -> QuerySet[Programme]:
    """Programmes with their ``LATEST_EDITIONS`` latest editions as ``edition_list`` (ranked in the
    database) and ``edition_count``; paginated by the view."""
    # For each edition of the page's programmes: is it among its programme's latest? One short
    # index scan each (programme, starts_on, id), where ranking every edition of every
    # programme read the whole table.
    latest = Edition.objects.filter(programme=OuterRef("programme")).order_by("-starts_on", "-id")
    editions = editions_with_participants().filter(
        pk__in=Subquery(latest.values("pk")[:LATEST_EDITIONS])
    )
    return programmes().prefetch_related(
        Prefetch(
            "editions", queryset=editions.order_by("-starts_on", "-id"), to_attr="edition_list"
        )
    )


def trainings_overview() -> dict:
    participants = trainings_selectors.counted_participants()
    trainees = cached("trainees_by_state", trainings_selectors.trainees_by_state)
    # Names in the current language: values() would give the untranslated column.
    states = MemberState.objects.in_bulk(list(trainees))
    by_state = sorted(
        ({"state": states[state_id], "total": total} for state_id, total in trainees.items()),
        key=lambda row: (-row["total"], row["state"].name),
    )
    level_labels = dict(Participant._meta.get_field("level").choices)
    year_level = Counter()
    for row in (
        participants.annotate(year=ExtractYear("edition__starts_on"))
        .values("year", "level")
        .annotate(total=Count("id"))
        .order_by()
    ):
        year_level[(row["year"], row["level"])] += row["total"]
    for row in (
        Edition.objects.filter(reported_participants__isnull=False)
        .exclude(participants__isnull=False)
        .annotate(year=ExtractYear("starts_on"))
        .values("year")
        .annotate(total=Sum("reported_participants"))
        .order_by()
    ):
        year_level[(row["year"], "unrecorded")] += row["total"]
    level_labels["unrecorded"] = _("Level not recorded")
    return {
        "latest_editions": LATEST_EDITIONS,
        "by_state": by_state,
        "year_level": year_level,
        "level_labels": level_labels,
        "totals": cached("training_totals", training_totals),
    }


# --- Conferences and figures -----------------------------------------------------------------


def conferences_overview() -> QuerySet[Conference]:
    """The conferences, latest first, with counts of what each produced (paginated by the view;
    the conference's own page gives the detail).

    Each count is a subquery evaluated for the conferences of the page only: counting over one
    join of sessions, recommendations and documents multiplied the rows (sessions × documents ×
    recommendations per conference) and grouped them all before the page was cut.
    """
    recommendations = Recommendation.objects.filter(conference=OuterRef("pk"))
    followed_up = recommendations.filter(
        Exists(RecommendationFollowUp.objects.filter(recommendation=OuterRef("pk")))
    )
    return (
        Conference.objects.select_related("host_state")
        .prefetch_related("partner_organisations")
        .annotate(
            session_count=SubqueryCount(Session.objects.filter(conference=OuterRef("pk"))),
            recommendation_count=SubqueryCount(recommendations),
            document_count=SubqueryCount(
                Document.objects.filter(conference=OuterRef("pk"), is_public=True)
            ),
            followed_up_count=SubqueryCount(followed_up),
        )
        .order_by("-starts_on", "-id")
    )


def conference_detail(conference: Conference) -> Conference:
    """One conference with its sessions and speakers, and its public documents."""
    appearances = SessionSpeaker.objects.select_related(
        "speaker__organisation", "speaker__state"
    ).order_by("order", "id")
    sessions = Session.objects.prefetch_related(
        Prefetch("appearances", queryset=appearances, to_attr="appearance_list")
    ).order_by("order")
    return (
        Conference.objects.select_related("host_state")
        .prefetch_related(
            "partner_organisations",
            Prefetch("sessions", queryset=sessions, to_attr="session_list"),
            Prefetch(
                "documents",
                queryset=Document.objects.filter(is_public=True)
                .select_related("author")
                .order_by("-published_on", "title"),
                to_attr="document_list",
            ),
        )
        .get(pk=conference.pk)
    )


def conference_recommendations(conference: Conference) -> QuerySet[Recommendation]:
    """A conference's recommendations with their latest follow-up (paginated by the view)."""
    latest_follow_up = RecommendationFollowUp.objects.filter(
        recommendation=OuterRef("pk")
    ).order_by("-as_of", "-id")
    return (
        Recommendation.objects.filter(conference=conference)
        .annotate(
            follow_up_status=Subquery(latest_follow_up.values("status")[:1]),
            follow_up_as_of=Subquery(latest_follow_up.values("as_of")[:1]),
        )
        .prefetch_related("paragraphs")
        .order_by("number", "id")
    )


def cited_figures() -> list[CitedFigure]:
    return list(
        CitedFigure.objects.select_related("source_document", "conference").order_by(
            "position", "id"
        )
    )
