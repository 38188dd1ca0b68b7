"""Reads about the annual conferences: sessions, recommendations, documents, cited figures."""

from __future__ import annotations

from django.db.models import QuerySet

from conferences.models import (
    CITED_FIGURE_SEARCH,
    CONFERENCE_SEARCH,
    DOCUMENT_SEARCH,
    RECOMMENDATION_SEARCH,
    SESSION_SEARCH,
    CitedFigure,
    Conference,
    Document,
    Recommendation,
    Session,
)

# --- Search ----------------------------------------------------------------------------------
# The records that match a query (oic_mediation.text_search); the portal's search
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
