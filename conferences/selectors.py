"""Reads about the annual conferences: what became of each recommendation, the conferences' counts,
their public documents, and where a measure and a recommendation on it disagree. Each public
figure is defined here once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_noop

from conferences.models import (
    CITED_FIGURE_SEARCH,
    CONFERENCE_SEARCH,
    DOCUMENT_SEARCH,
    RECOMMENDATION_SEARCH,
    SESSION_SEARCH,
    CitedFigure,
    Conference,
    Document,
    FollowUpStatus,
    Recommendation,
    RecommendationFollowUp,
    Session,
    SessionSpeaker,
    Speaker,
)
from core.db import SubqueryCount
from core.definitions import defines
from resolutions import selectors as resolution_selectors
from resolutions.models import ImplementationStatus, Paragraph

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise, WithAnnotations

    from resolutions.selectors import ParagraphStatus

# What the Secretariat recorded beyond "not yet acted on": the recommendation was followed up.
FOLLOWED_UP = (FollowUpStatus.IN_PROGRESS, FollowUpStatus.IMPLEMENTED, FollowUpStatus.NOT_PURSUED)


class RecommendationStatus(TypedDict):
    follow_up_status: str
    follow_up_as_of: datetime.date | None


class RecommendationWithParagraphs(RecommendationStatus):
    paragraph_list: list[WithAnnotations[Paragraph, ParagraphStatus]]


def _latest_follow_up(as_of: datetime.date | None):
    follow_ups = RecommendationFollowUp.objects.filter(recommendation=OuterRef("pk"))
    if as_of is not None:
        follow_ups = follow_ups.filter(as_of__lte=as_of)
    return follow_ups.order_by("-as_of", "-id")


@defines(
    "recommendation_followed_up",
    term=gettext_noop("Recommendations followed up"),
    text=gettext_noop(
        "What became of a recommendation is its latest follow-up recorded by the Secretariat; "
        "without one, it is not yet acted on. A recommendation is followed up when its latest "
        "follow-up is in progress, implemented or not pursued — not when it is still not acted "
        "on."
    ),
)
def recommendations_with_status(
    queryset: QuerySet[Recommendation] | None = None, *, as_of: datetime.date | None = None
) -> QuerySet[WithAnnotations[Recommendation, RecommendationStatus]]:
    """Recommendations with ``follow_up_status`` (``pending`` without a follow-up) and
    ``follow_up_as_of``, from their latest follow-up recorded by ``as_of``."""
    queryset = queryset if queryset is not None else Recommendation.objects.all()
    latest = _latest_follow_up(as_of)
    return queryset.annotate(
        follow_up_status=Coalesce(
            Subquery(latest.values("status")[:1]), Value(FollowUpStatus.PENDING.value)
        ),
        follow_up_as_of=Subquery(latest.values("as_of")[:1]),
    )


def followed_up(as_of: datetime.date | None = None) -> QuerySet[Recommendation]:
    return recommendations_with_status(as_of=as_of).filter(follow_up_status__in=FOLLOWED_UP)


def conferences_overview() -> QuerySet[Conference]:
    """The conferences, latest first, with the counts of what each produced: sessions,
    recommendations, those followed up and public documents. Each count is a subquery for the
    rows returned, so that a page costs the same whatever the number of conferences."""
    return (
        Conference.objects.select_related("host_state")
        .prefetch_related("partner_organisations")
        .annotate(
            session_count=SubqueryCount(Session.objects.filter(conference=OuterRef("pk"))),
            recommendation_count=SubqueryCount(
                Recommendation.objects.filter(conference=OuterRef("pk"))
            ),
            followed_up_count=SubqueryCount(followed_up().filter(conference=OuterRef("pk"))),
            document_count=SubqueryCount(public_documents().filter(conference=OuterRef("pk"))),
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
                queryset=public_documents()
                .select_related("author")
                .order_by("-published_on", "title"),
                to_attr="document_list",
            ),
        )
        .get(pk=conference.pk)
    )


def _with_paragraphs(
    queryset: QuerySet[WithAnnotations[Recommendation, RecommendationStatus]],
) -> QuerySet[WithAnnotations[Recommendation, RecommendationWithParagraphs]]:
    return queryset.prefetch_related(
        Prefetch(
            "paragraphs",
            queryset=resolution_selectors.paragraphs_with_figures(),
            to_attr="paragraph_list",
        )
    )


def conference_recommendations(conference: Conference) -> QuerySet[Recommendation]:
    """A conference's recommendations with their latest follow-up and the measures they concern,
    with those measures' status."""
    return _with_paragraphs(
        recommendations_with_status(Recommendation.objects.filter(conference=conference))
    ).order_by("number", "id")


def recommendations_on(paragraph: Paragraph) -> QuerySet[Recommendation]:
    """The recommendations that concern one paragraph or measure, with their follow-up."""
    return (
        recommendations_with_status(Recommendation.objects.filter(paragraphs=paragraph))
        .select_related("conference")
        .order_by("-conference__starts_on", "number", "id")
    )


def recommendations_for_api() -> QuerySet[Recommendation]:
    return recommendations_with_status(
        Recommendation.objects.select_related("conference", "session").prefetch_related(
            "paragraphs__resolution", "follow_ups"
        )
    )


def follow_up_history(conference: Conference, *, as_of: datetime.date | None = None):
    """A conference's recommendations, each with its follow-ups recorded by ``as_of`` (latest
    first) as ``follow_up_list``, ``follow_up_status`` and the measures concerned."""
    follow_ups = RecommendationFollowUp.objects.order_by("-as_of", "-id")
    if as_of is not None:
        follow_ups = follow_ups.filter(as_of__lte=as_of)
    return list(
        recommendations_with_status(conference.recommendations.all(), as_of=as_of)
        .prefetch_related(
            Prefetch("follow_ups", queryset=follow_ups, to_attr="follow_up_list"),
            "paragraphs__resolution",
        )
        .order_by("number")
    )


def previous_conference(conference: Conference) -> Conference | None:
    """The conference held before ``conference`` (the latest that started before it)."""
    return (
        Conference.objects.filter(starts_on__lt=conference.starts_on)
        .order_by("-starts_on", "-ordinal")
        .first()
    )


@dataclass(frozen=True)
class CarriedForward:
    """What became of the recommendations of the conference before another one."""

    conference: Conference | None
    recommendations: list

    @property
    def counts(self) -> dict[str, int]:
        """How many of the recommendations have each follow-up status (every status listed)."""
        counts = {status.value: 0 for status in FollowUpStatus}
        for recommendation in self.recommendations:
            counts[recommendation.follow_up_status] += 1
        return counts

    @property
    def status_counts(self) -> list[tuple[str, StrPromise, int]]:
        """(status, its label, how many) for every follow-up status."""
        counts = self.counts
        return [(status.value, status.label, counts[status.value]) for status in FollowUpStatus]

    @property
    def followed_up_count(self) -> int:
        return sum(1 for item in self.recommendations if item.follow_up_status in FOLLOWED_UP)


def carried_forward(
    conference: Conference, *, as_of: datetime.date | None = None
) -> CarriedForward:
    """The previous conference's recommendations with their whole follow-up history by
    ``as_of`` (``follow_up_history``): what became of them by the time of the next one's page."""
    previous = previous_conference(conference)
    if previous is None:
        return CarriedForward(None, [])
    return CarriedForward(previous, follow_up_history(previous, as_of=as_of))


def latest_conference(as_of: datetime.date) -> Conference | None:
    return (
        Conference.objects.filter(starts_on__lte=as_of)
        .select_related("host_state")
        .order_by("-starts_on")
        .first()
    )


# --- Measures and recommendations side by side -------------------------------------------------


# A measure's status and a recommendation's follow-up that cannot both be true.
DISAGREEMENTS = {
    (ImplementationStatus.IMPLEMENTED, FollowUpStatus.PENDING),
    (ImplementationStatus.NOT_STARTED, FollowUpStatus.IMPLEMENTED),
}


@dataclass(frozen=True)
class Contradiction:
    paragraph: WithAnnotations[Paragraph, ParagraphStatus]
    recommendation: WithAnnotations[Recommendation, RecommendationWithParagraphs]

    @property
    def paragraph_status(self) -> str:
        return self.paragraph.status

    @property
    def follow_up_status(self) -> str:
        return self.recommendation.follow_up_status


@defines(
    "contradiction",
    term=gettext_noop("A measure and a recommendation that disagree"),
    text=gettext_noop(
        "The Secretariat is shown every measure marked implemented while a recommendation on it "
        "is not yet acted on, and every recommendation marked implemented while the measure it "
        "concerns has not started, so that one of the two can be corrected."
    ),
)
def contradictions() -> list[Contradiction]:
    recommendations = _with_paragraphs(
        recommendations_with_status(Recommendation.objects.filter(paragraphs__isnull=False))
        .distinct()
        .select_related("conference")
        .order_by("conference__ordinal", "number")
    )
    return [
        Contradiction(paragraph, recommendation)
        for recommendation in recommendations
        for paragraph in recommendation.paragraph_list
        if (paragraph.status, recommendation.follow_up_status) in DISAGREEMENTS
    ]


# --- Documents, speakers, figures ------------------------------------------------------------


def public_documents() -> QuerySet[Document]:
    """Documents marked public."""
    return Document.objects.filter(is_public=True)


def sessions_for_api() -> QuerySet[Session]:
    return Session.objects.select_related("conference").prefetch_related(
        Prefetch(
            "appearances",
            queryset=SessionSpeaker.objects.select_related("speaker").order_by("order", "id"),
        )
    )


def speakers_for_api() -> QuerySet[Speaker]:
    return Speaker.objects.select_related("organisation", "state")


def cited_figures(*, until: datetime.date | None = None) -> QuerySet[CitedFigure]:
    """Figures cited with their source (those published by ``until`` when given)."""
    figures = CitedFigure.objects.select_related("source_document", "conference")
    if until is not None:
        figures = figures.filter(source_year__lte=until.year).filter(
            Q(conference__isnull=True) | Q(conference__starts_on__lte=until)
        )
    return figures.order_by("position", "id")


# --- Search ----------------------------------------------------------------------------------
# The records that match a query (core.text_search); the portal's search
# (oic_mediation.search) ranks and combines them. Documents are searched among those given: the
# public search passes the public ones only.


def search_conferences(query, conferences: QuerySet[Conference] | None = None) -> QuerySet:
    conferences = conferences if conferences is not None else Conference.objects.all()
    return CONFERENCE_SEARCH.matching(conferences, query)


def search_sessions(query, sessions: QuerySet[Session] | None = None) -> QuerySet:
    sessions = sessions if sessions is not None else Session.objects.all()
    return SESSION_SEARCH.matching(sessions, query)


def search_recommendations(
    query, recommendations: QuerySet[Recommendation] | None = None
) -> QuerySet:
    recommendations = (
        recommendations if recommendations is not None else Recommendation.objects.all()
    )
    return RECOMMENDATION_SEARCH.matching(recommendations, query)


def search_documents(query, documents: QuerySet[Document]) -> QuerySet:
    return DOCUMENT_SEARCH.matching(documents, query)


def search_figures(query, figures: QuerySet[CitedFigure] | None = None) -> QuerySet:
    figures = figures if figures is not None else CitedFigure.objects.all()
    return CITED_FIGURE_SEARCH.matching(figures, query)
