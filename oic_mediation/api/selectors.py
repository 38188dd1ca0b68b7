"""Reads of the public API and the open-data exports: what the public may see, in constant queries.

Rules kept here, once:
- progress reports are public once validated; a focal point also sees their own state's others,
  the Secretariat sees all;
- a roster profile is public only when its visibility is "public" *and* the person's consent is
  current; the roster is otherwise published as counts;
- training participants are published as counts by state, level and gender, never one by one;
- documents are published when marked public.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from conferences.models import (
    CitedFigure,
    Conference,
    Document,
    Recommendation,
    RecommendationFollowUp,
    Session,
    SessionSpeaker,
    Speaker,
)
from network.models import (
    CoChairPeriod,
    ContactGroup,
    ContactGroupMeeting,
    ContactGroupMembership,
    ExpertiseArea,
    Gender,
    Language,
    Region,
    RosterMember,
    RosterRole,
)
from network.rules import focal_point_state_id, is_secretariat
from oic_mediation.db import SubqueryCount
from resolutions.models import Commitment, ProgressReport
from resolutions.selectors import commitments_with_gap
from trainings.models import Edition, Level, Participant, Programme


def commitments() -> QuerySet[Commitment]:
    return commitments_with_gap().order_by("id")


def progress_reports_for(user) -> QuerySet[ProgressReport]:
    queryset = ProgressReport.objects.select_related("commitment__state")
    if is_secretariat(user):
        return queryset
    visible = Q(review_status=ProgressReport.Review.VALIDATED)
    state_id = focal_point_state_id(user)
    if state_id is not None:
        visible |= Q(commitment__state_id=state_id)
    return queryset.filter(visible)


def contact_groups() -> QuerySet[ContactGroup]:
    return ContactGroup.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=ContactGroupMembership.objects.select_related("state", "organisation"),
        ),
        Prefetch(
            "co_chair_periods",
            queryset=CoChairPeriod.objects.select_related("state", "organisation"),
        ),
    )


def meetings() -> QuerySet[ContactGroupMeeting]:
    return ContactGroupMeeting.objects.select_related("group").prefetch_related(
        "states_present", "organisations_present"
    )


def programmes() -> QuerySet[Programme]:
    return (
        Programme.objects.select_related("organiser_state", "organiser_organisation")
        .prefetch_related("partners", "paragraphs")
        .annotate(editions_count=SubqueryCount(Edition.objects.filter(programme=OuterRef("pk"))))
    )


def _participant_counts() -> dict[str, dict]:
    """Each count of an edition's participants, as the field values the participants counted
    have (none: all of them)."""
    counts = {
        "participants_total": {},
        "participants_completed": {"completion": Participant.Completion.COMPLETED},
    }
    for gender in Gender.values:
        counts[f"participants_{gender}"] = {"gender": gender}
    for level in Level.values:
        counts[f"participants_level_{level}"] = {"level": level}
    return counts


def editions() -> QuerySet[Edition]:
    """Editions with their participants counted by gender and level, for a whole table (the
    export): one pass over the participants, grouped by edition."""
    counts = {
        name: Count(
            "participants",
            filter=Q(**{f"participants__{field}": value for field, value in values.items()}),
        )
        for name, values in _participant_counts().items()
    }
    return Edition.objects.select_related("programme", "host_state", "reported_by_state").annotate(
        **counts
    )


def editions_page() -> QuerySet[Edition]:
    """The same counts for a page of editions (the API's list and detail): correlated subqueries,
    evaluated for the editions returned only, whereas grouping counted every participant of
    every edition before the page was cut (1.1 s at scale 10)."""
    counts = {
        name: SubqueryCount(Participant.objects.filter(edition=OuterRef("pk"), **values))
        for name, values in _participant_counts().items()
    }
    return Edition.objects.select_related("programme", "host_state", "reported_by_state").annotate(
        **counts
    )


def participant_counts_by_state(edition_ids) -> dict[int, list[dict]]:
    """{edition id: [{"state": "TR", "count": 3}, ...]}, in one query for any number of editions."""
    rows = (
        Participant.objects.filter(edition_id__in=list(edition_ids))
        .values("edition_id", "state__iso_code")
        .annotate(count=Count("id"))
        .order_by("edition_id", "state__iso_code")
    )
    counts: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        counts[row["edition_id"]].append({"state": row["state__iso_code"], "count": row["count"]})
    return counts


def conferences() -> QuerySet[Conference]:
    return Conference.objects.select_related("host_state").prefetch_related("partner_organisations")


def sessions() -> QuerySet[Session]:
    return Session.objects.select_related("conference").prefetch_related(
        Prefetch(
            "appearances",
            queryset=SessionSpeaker.objects.select_related("speaker").order_by("order", "id"),
        )
    )


def speakers() -> QuerySet[Speaker]:
    return Speaker.objects.select_related("organisation", "state")


def public_documents() -> QuerySet[Document]:
    return Document.objects.filter(is_public=True).select_related("conference", "author")


def recommendations() -> QuerySet[Recommendation]:
    latest = RecommendationFollowUp.objects.filter(recommendation=OuterRef("pk")).order_by(
        "-as_of", "-id"
    )
    return (
        Recommendation.objects.select_related("conference", "session")
        .prefetch_related("paragraphs", "follow_ups")
        .annotate(
            latest_status=Subquery(latest.values("status")[:1]),
            latest_status_as_of=Subquery(latest.values("as_of")[:1]),
        )
    )


def cited_figures() -> QuerySet[CitedFigure]:
    return CitedFigure.objects.select_related("conference", "source_document")


def public_roster_profiles() -> QuerySet[RosterMember]:
    return (
        RosterMember.objects.filter(
            visibility=RosterMember.Visibility.PUBLIC,
            consent_given_on__isnull=False,
            consent_withdrawn_on__isnull=True,
        )
        .select_related("nationality")
        .prefetch_related(
            "expertise",
            "languages",
            "regions",
            Prefetch("roles", queryset=RosterRole.objects.filter(ended_on__isnull=True)),
        )
    )


def roster_summary() -> dict:
    """Counts over the roster: people with current consent who were not declined.

    Counts only; nobody is identified. Private people are counted too: the size and balance of
    the network are public, the people in it are not.
    """
    people = RosterMember.objects.filter(
        consent_given_on__isnull=False, consent_withdrawn_on__isnull=True
    ).exclude(vetting_status=RosterMember.Vetting.DECLINED)

    def by_choice(rows, key, choices) -> list[dict]:
        found = {row[key]: row["count"] for row in rows}
        return [
            {"key": value, "label": str(label), "count": found.get(value, 0)}
            for value, label in choices
        ]

    def by_model(model, key: str) -> list[dict]:
        items = model.objects.annotate(
            count=Count("roster_members", filter=Q(roster_members__in=people), distinct=True)
        ).order_by(key)
        # Instances, not values(): the translated name falls back to English when missing.
        return [
            {"key": getattr(item, key), "label": item.name, "count": item.count} for item in items
        ]

    roles = (
        RosterRole.objects.filter(ended_on__isnull=True, person__in=people)
        .order_by()  # the default ordering would split the groups
        .values("role")
        .annotate(count=Count("person", distinct=True))
    )
    genders = people.order_by().values("gender").annotate(count=Count("id"))
    return {
        "total": people.count(),
        "by_role": by_choice(roles, "role", RosterRole.Role.choices),
        "by_gender": by_choice(genders, "gender", Gender.choices),
        "by_region": by_model(Region, "slug"),
        "by_expertise": by_model(ExpertiseArea, "slug"),
        "by_language": by_model(Language, "code"),
    }
