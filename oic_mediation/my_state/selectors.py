"""Reads for the focal points' area: one state's records, in a fixed number of queries."""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Q, QuerySet

from network.models import MemberState, RosterMember
from resolutions.models import Commitment, ProgressReport
from resolutions.selectors import commitments_with_gap
from resolutions.services import COMMITMENT_EDITABLE_FIELDS
from trainings.models import Edition

# Shown beside the editable fields when someone else's save is refused as stale: these change too
# when the Secretariat validates a report.
COMMITMENT_COMPARED_FIELDS = (*COMMITMENT_EDITABLE_FIELDS, "status", "delivered_quantity")


def state_commitments(state: MemberState) -> QuerySet[Commitment]:
    """The state's commitments in paragraph order, with gap figures and their reports' counts."""
    return (
        commitments_with_gap(Commitment.objects.filter(state=state))
        .annotate(
            submitted_reports=Count(
                "progress_reports",
                filter=Q(progress_reports__review_status=ProgressReport.Review.SUBMITTED),
            ),
            returned_reports=Count(
                "progress_reports",
                filter=Q(progress_reports__review_status=ProgressReport.Review.RETURNED),
            ),
        )
        .order_by(
            "paragraph__resolution__adopted_from",
            "paragraph__resolution_id",
            F("paragraph__number").asc(nulls_last=True),
            "paragraph__position",
            "paragraph_id",
            F("due_on").asc(nulls_last=True),
            "id",
        )
    )


def state_progress_reports(state: MemberState) -> QuerySet[ProgressReport]:
    return ProgressReport.objects.filter(commitment__state=state).select_related(
        "commitment__state", "commitment__paragraph__resolution", "reported_by"
    )


def state_nominees(state: MemberState) -> QuerySet[RosterMember]:
    return RosterMember.objects.filter(nominating_state=state).prefetch_related("roles")


def state_training_editions(state: MemberState) -> QuerySet[Edition]:
    return (
        Edition.objects.filter(reported_by_state=state)
        .select_related("programme")
        .annotate(participant_count=Count("participants"))
    )


def states_for_secretariat() -> QuerySet[MemberState]:
    return MemberState.objects.annotate(
        commitment_count=Count("commitment_set", distinct=True),
        focal_point_count=Count(
            "focal_points", filter=Q(focal_points__is_active=True), distinct=True
        ),
    ).order_by("name")


def commitment_changes_since(commitment: Commitment, version: int) -> list[dict]:
    """What differs between the commitment as it was at ``version`` and as it is now.

    Reads the history kept by django-simple-history; returns [] when that version is unknown.
    """
    then = (
        Commitment.history.filter(id=commitment.pk, version=version).order_by("-history_id").first()
    )
    now = Commitment.objects.get(pk=commitment.pk)
    if then is None:
        return []
    changes = []
    for name in COMMITMENT_COMPARED_FIELDS:
        before, after = getattr(then, name), getattr(now, name)
        if before == after:
            continue
        field = Commitment._meta.get_field(name)
        changes.append(
            {
                "field": field.verbose_name,
                "before": _display(field, before),
                "after": _display(field, after),
            }
        )
    return changes


def _display(field, value) -> str:
    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
