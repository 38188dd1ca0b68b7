"""Malformed bodies get a 400 in the API's JSON error format, and every failure under /api/ —
a crash included — answers JSON, never Django's HTML page (issue 13, finding 10)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def focal_client(client_for):
    return client_for("focal_same_state")


@pytest.mark.parametrize(
    "url, body",
    [
        ("/api/v1/commitments/", '{"paragraph": 1, "title": "T", "unit": "\\ud800"}'),
        ("/api/v1/progress-reports/", '{"commitment": 1, "status": "\\ud800"}'),
        ("/api/v1/roster/nominations/", '{"full_name": "A", "gender": "\\udfff"}'),
        ("/api/v1/auth/token/", '{"username": "\\ud800", "password": "x"}'),
    ],
)
def test_a_lone_surrogate_gets_a_400_not_a_500(focal_client, url, body):
    response = focal_client.post(url, body, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "The JSON body holds text that is not valid Unicode.",
        "code": "parse_error",
    }


def test_a_body_nested_100000_deep_gets_a_400_not_a_500(focal_client):
    body = "[" * 100_000 + "]" * 100_000

    response = focal_client.post("/api/v1/commitments/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert "nested more than 32 levels" in response.json()["detail"]


def test_ordinary_nesting_still_parses(focal_client, paragraph_training):
    response = focal_client.post(
        "/api/v1/commitments/",
        {"paragraph": paragraph_training.pk, "title": "Nested fine", "state": None},
        format="json",
    )

    assert response.status_code == 201


@pytest.mark.urls("tests.api.crashing_urls")
def test_a_crash_under_the_api_answers_json():
    client = Client(raise_request_exception=False)

    response = client.get("/api/v1/crash/")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "server_error"


@pytest.mark.urls("tests.api.crashing_urls")
def test_a_crash_elsewhere_keeps_the_html_page(client):
    client.raise_request_exception = False

    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_format_is_the_editions_filter_and_the_schemas_renderer(api_client):
    editions = api_client.get("/api/v1/editions/?format=online")
    schema = api_client.get("/api/schema/?format=json")

    assert editions.status_code == 200
    assert editions.json()["results"] == []
    assert schema["Content-Type"].startswith("application/vnd.oai.openapi+json")


def test_query_parameters_are_read_as_the_schema_declares_them(api_client, paragraph_training):
    statuses = {
        query: api_client.get(f"/api/v1/commitments/?{query}").status_code
        for query in (
            "year=",
            "year=2019",
            "offset=1&offset=2",
            "offset=null",
            "limit=abc",
            "paragraph=999999",
            "paragraph=abc",
            "ordering=id&ordering=-id",
            "state=",
        )
    }

    assert statuses == {
        "year=": 400,
        "year=2019": 200,
        "offset=1&offset=2": 400,
        "offset=null": 400,
        "limit=abc": 400,
        "paragraph=999999": 200,
        "paragraph=abc": 400,
        "ordering=id&ordering=-id": 400,
        "state=": 200,
    }


@pytest.mark.parametrize(
    "body, content_type",
    [
        # The lookups of a state's code and of an area of expertise failed with a 500
        # (schemathesis: "PostgreSQL text fields cannot contain NUL (0x00) bytes").
        ('{"full_name": "A", "nationality": "T\\u0000R"}', "application/json"),
        ('{"full_name": "A", "expertise": ["x\\u0000"]}', "application/json"),
        ("full_name=A&nationality=T%00R", "application/x-www-form-urlencoded"),
    ],
)
def test_a_nul_character_gets_a_400_not_a_500(focal_client, body, content_type):
    response = focal_client.post("/api/v1/roster/nominations/", body, content_type=content_type)

    assert response.status_code == 400
    assert response.json() == {
        "detail": "The request holds a NUL character, which no text can contain.",
        "code": "parse_error",
    }
