"""What each API list reads, from the domain apps' selectors, in constant queries.

Figures and visibility rules are defined in the domain apps (``network.selectors``,
``resolutions.selectors``, ``trainings.selectors``, ``conferences.selectors``), the same for the
dashboard, the exports and the report. Kept here: which progress reports a given reader may see
(public once validated; a focal point also sees their own state's others; the Secretariat all).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from conferences import selectors as conference_selectors
from conferences.models import CitedFigure, Conference
from network import selectors as network_selectors
from network.rules import focal_point_state_id
from resolutions.models import Commitment, ProgressReport
from resolutions.selectors import commitments_with_gap
from trainings import selectors as training_selectors


def commitments() -> QuerySet[Commitment]:
    return commitments_with_gap().order_by("id")


def progress_reports_for(user) -> QuerySet[ProgressReport]:
    queryset = ProgressReport.objects.select_related(
        "commitment__state", "commitment__paragraph__resolution"
    )
    # Whoever reviews the reports sees them all.
    if user.has_perm("resolutions.review_progressreport"):
        return queryset
    visible = Q(review_status=ProgressReport.Review.VALIDATED)
    state_id = focal_point_state_id(user)
    if state_id is not None:
        visible |= Q(commitment__state_id=state_id)
    return queryset.filter(visible)


contact_groups = network_selectors.contact_groups_for_api
meetings = network_selectors.meetings_for_api
public_roster_profiles = network_selectors.public_profiles


def roster_summary() -> dict:
    """Counts over the network (``network.selectors.network_breakdown``): nobody is identified."""
    breakdown = network_selectors.network_breakdown()

    def rows(tallies) -> list[dict]:
        return [{"key": t.key, "label": t.label, "count": t.count} for t in tallies]

    return {
        "total": breakdown.total,
        "by_role": rows(breakdown.by_role),
        "by_gender": rows(breakdown.by_gender),
        "by_region": rows(breakdown.by_region),
        "by_expertise": rows(breakdown.by_expertise),
        "by_language": rows(breakdown.by_language),
    }


def programmes():
    return training_selectors.programmes()


def editions():
    """Public editions with their participants counted (see ``trainings.selectors``)."""
    return training_selectors.editions_with_counts()


participant_counts_by_state = training_selectors.participant_counts_by_state


def conferences() -> QuerySet[Conference]:
    return Conference.objects.select_related("host_state").prefetch_related("partner_organisations")


sessions = conference_selectors.sessions_for_api
speakers = conference_selectors.speakers_for_api


def public_documents():
    return conference_selectors.public_documents().select_related("conference", "author")


recommendations = conference_selectors.recommendations_for_api


def cited_figures() -> QuerySet[CitedFigure]:
    return conference_selectors.cited_figures()
