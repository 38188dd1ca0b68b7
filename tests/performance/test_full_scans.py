"""No public page or API list reads a whole table that grows with the years, on each request.

Each page and API list is requested as a visitor the response cache does not serve (another
cookie), as right after a write changed it; its figures come from the figures cache, kept while
their tables are unchanged (the whole-table counts are computed there, once per write). Every
query the request runs is then planned by PostgreSQL with sequential scans disabled
(``enable_seqscan = off``): a ``Seq Scan`` left in a plan means no index can serve the query, so
it reads the whole table, whatever its size. (``make bench`` measures the same pages at scale 1
and 10: the growth of their latency.)
"""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conferences.models import (
    Document,
    Recommendation,
    RecommendationFollowUp,
    Session,
    SessionSpeaker,
    Speaker,
)
from network.models import ContactGroupMeeting, Deployment, RosterMember, RosterRole
from resolutions.models import Commitment, ProgressReport
from tests.api.test_reads import LIST_ENDPOINTS
from tests.dashboard import dataset
from tests.dashboard.test_pages import PAGES, url
from trainings.models import Edition, Participant

pytestmark = pytest.mark.django_db

GROWING = [
    Commitment,
    ProgressReport,
    RosterMember,
    RosterRole,
    Deployment,
    Participant,
    Edition,
    ContactGroupMeeting,
    Recommendation,
    RecommendationFollowUp,
    Session,
    SessionSpeaker,
    Speaker,
    Document,
]
GROWING_TABLES = {model._meta.db_table for model in GROWING} | {
    field.remote_field.through._meta.db_table
    for model in GROWING
    for field in model._meta.many_to_many
}


def sequential_scans(node: dict) -> list[str]:
    found = [node["Relation Name"]] if node.get("Node Type") == "Seq Scan" else []
    for child in node.get("Plans", []):
        found += sequential_scans(child)
    return found


def whole_table_reads(path: str) -> list[tuple[str, str]]:
    """(table, query) for each growing table a request of ``path`` reads whole."""
    visitor = Client(HTTP_COOKIE="probe=1")
    assert visitor.get(path).status_code == 200  # the figures, now cached
    with CaptureQueriesContext(connection) as queries:
        assert visitor.get(path).status_code == 200
    found = []
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            for query in queries.captured_queries:
                sql = query["sql"]
                if not sql.lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
                plan = cursor.fetchone()[0]
                plan = json.loads(plan) if isinstance(plan, str) else plan
                found += [
                    (table, sql[:200])
                    for table in sequential_scans(plan[0]["Plan"])
                    if table in GROWING_TABLES
                ]
        finally:
            cursor.execute("RESET enable_seqscan")
    return found


@pytest.mark.parametrize(("name", "kwargs"), PAGES, ids=[name for name, _kwargs in PAGES])
def test_a_public_page_reads_no_growing_table_whole(name, kwargs):
    dataset.build(3)

    assert whole_table_reads(url(name, kwargs)) == []


@pytest.mark.parametrize("endpoint", LIST_ENDPOINTS)
def test_an_api_list_reads_no_growing_table_whole(endpoint):
    dataset.build(3)

    assert whole_table_reads(f"/api/v1/{endpoint}/") == []
