"""Public reads: every resource answers, with the figures and filters a reader relies on."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

LIST_ENDPOINTS = [
    "states",
    "organisations",
    "contact-groups",
    "meetings",
    "roster/profiles",
    "resolutions",
    "paragraphs",
    "commitments",
    "progress-reports",
    "programmes",
    "editions",
    "conferences",
    "sessions",
    "speakers",
    "documents",
    "recommendations",
    "figures",
]


@pytest.mark.parametrize("endpoint", LIST_ENDPOINTS)
def test_every_list_endpoint_answers_an_anonymous_visitor_with_its_records(
    world, api_client, endpoint
):
    response = api_client.get(f"/api/v1/{endpoint}/")

    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    assert response.json()["count"] >= 1
