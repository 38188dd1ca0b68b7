"""Reads about trainings: programmes and editions."""

from __future__ import annotations

from django.db.models import QuerySet

from trainings.models import EDITION_SEARCH, PROGRAMME_SEARCH, Edition, Programme

# --- Search ----------------------------------------------------------------------------------
# The records that match a query (oic_mediation.text_search); the portal's search
# (oic_mediation.search) ranks and combines them.


def search_programmes(query, programmes: QuerySet[Programme] | None = None) -> QuerySet:
    programmes = programmes if programmes is not None else Programme.objects.all()
    return PROGRAMME_SEARCH.matching(programmes, query)


def search_editions(query, editions: QuerySet[Edition] | None = None) -> QuerySet:
    editions = editions if editions is not None else Edition.objects.all()
    return EDITION_SEARCH.matching(editions, query)
