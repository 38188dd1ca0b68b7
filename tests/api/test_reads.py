"""Public reads: every resource answers, with the figures and filters a reader relies on."""

from __future__ import annotations

import pytest

from tests.api.conftest import rows

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


def test_paragraphs_carry_their_status_and_pledge_figures(world, api_client, paragraph_training):
    response = api_client.get(f"/api/v1/paragraphs/{paragraph_training.pk}/")

    figures = response.json()
    assert {key: figures[key] for key in ("label", "status", "assessed_status")} == {
        "label": "Paragraph 8",
        "status": "not_started",
        "assessed_status": None,
    }
    assert (figures["commitments_count"], figures["delivered_count"], figures["gap_total"]) == (
        1,
        0,
        10,
    )


def test_paragraphs_filter_by_resolution_and_status(world, api_client):
    response = api_client.get(
        "/api/v1/paragraphs/", {"resolution": "60/50-POL", "status": "not_started"}
    )

    assert [(p["resolution"], p["number"]) for p in rows(response)] == [("60/50-POL", 1)]


def test_a_state_is_found_by_its_iso_code_with_its_figures(world, api_client):
    response = api_client.get("/api/v1/states/TR/")

    state = response.json()
    assert (state["name"], state["commitments_count"], state["gap_total"]) == ("Türkiye", 1, 10)


def test_names_follow_the_accept_language_header(world, api_client):
    response = api_client.get("/api/v1/states/SN/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.json()["name"] == "Sénégal"


@pytest.mark.cache_backends
def test_anonymous_clients_are_throttled_with_a_retry_after(world, api_client, monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "3/minute")

    # Distinct queries: a repeated anonymous read is answered from the response cache
    # (oic_mediation.response_cache), which costs nothing and is not counted.
    statuses = [
        api_client.get("/api/v1/commitments/", {"limit": limit}).status_code
        for limit in (1, 2, 3, 4)
    ]
    refused = api_client.get("/api/v1/commitments/", {"limit": 5})

    assert statuses == [200, 200, 200, 429]
    assert refused.json()["code"] == "throttled"
    assert int(refused["Retry-After"]) > 0


@pytest.mark.cache_backends
def test_signed_in_clients_are_throttled_too(world, client_for, monkeypatch):
    from rest_framework.throttling import UserRateThrottle

    monkeypatch.setitem(UserRateThrottle.THROTTLE_RATES, "user", "2/minute")
    client = client_for("focal_same_state")

    statuses = [client.get("/api/v1/commitments/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_a_recommendation_on_two_paragraphs_is_listed_once_and_the_list_is_not_sorted_whole(
    resolution, api_client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ParagraphFactory, RecommendationFactory

    first = ParagraphFactory(resolution=resolution, number=4)
    second = ParagraphFactory(resolution=resolution, number=5)
    recommendation = RecommendationFactory()
    recommendation.paragraphs.set([first, second])

    filtered = api_client.get("/api/v1/recommendations/", {"resolution": "53/45-POL"})
    with CaptureQueriesContext(connection) as unfiltered_queries:
        unfiltered = api_client.get("/api/v1/recommendations/")

    assert [row["id"] for row in rows(filtered)] == [recommendation.pk]
    assert [row["id"] for row in rows(unfiltered)] == [recommendation.pk]
    # DISTINCT only when a filter follows the paragraphs: otherwise PostgreSQL would sort every
    # recommendation before cutting the page.
    listed = [
        query["sql"] for query in unfiltered_queries if "conferences_recommendation" in query["sql"]
    ]
    assert listed and not any("DISTINCT" in sql for sql in listed)
