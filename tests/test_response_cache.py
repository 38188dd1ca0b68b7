"""Anonymous public pages and API reads come from the shared cache until the next domain write."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from network.models import MemberState

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

# Each test runs on the database cache and on Redis (tests/conftest.py).
pytestmark = pytest.mark.cache_backends


@pytest.fixture(autouse=True)
def empty_cache(db):
    cache.clear()


def get(client: Client, path: str, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    assert response.status_code == 200
    return response, len(queries)


def test_a_second_visitor_gets_the_page_from_the_cache_in_one_query(turkiye):
    first, _ = get(Client(), "/en/states/")

    second, queries = get(Client(), "/en/states/")

    assert queries == 1  # the cache generation; the page from this worker's copy
    assert TOKEN.sub("", second.content.decode()) == TOKEN.sub("", first.content.decode())
    assert "Türkiye" in second.content.decode()


def test_a_domain_write_shows_on_the_next_visit(turkiye):
    get(Client(), "/en/states/")

    MemberState.objects.create(iso_code="SN", iso3_code="SEN", name="Senegal", slug="senegal")
    response, queries = get(Client(), "/en/states/")

    assert "Senegal" in response.content.decode()
    assert queries > 2


def test_each_visitor_of_a_cached_page_gets_a_csrf_token_that_works(turkiye):
    get(Client(), "/en/states/")
    visitor = Client(enforce_csrf_checks=True)

    page, queries = get(visitor, "/en/states/")
    token = TOKEN.search(page.content.decode()).group(1)
    switched = visitor.post(
        "/i18n/setlang/",
        {"language": "fr", "next": "/fr/states/", "csrfmiddlewaretoken": token},
    )

    assert queries == 1
    assert "csrftoken" in page.cookies
    assert switched.status_code == 302
    assert switched["Location"] == "/fr/states/"


def test_each_language_is_cached_apart(turkiye):
    get(Client(), "/en/states/")

    french, queries = get(Client(), "/fr/states/")

    assert queries > 2
    assert 'lang="fr"' in french.content.decode()


def test_a_signed_in_user_never_gets_the_anonymous_copy(turkiye, secretariat):
    get(Client(), "/en/states/")
    signed_in = Client()
    signed_in.force_login(secretariat)

    response, queries = get(signed_in, "/en/states/")

    assert queries > 2
    assert "Sign out" in response.content.decode()


def test_an_anonymous_api_read_is_cached_per_language(turkiye):
    get(Client(), "/api/v1/states/")

    again, queries = get(Client(), "/api/v1/states/")
    french, french_queries = get(Client(), "/api/v1/states/", HTTP_ACCEPT_LANGUAGE="fr")

    assert queries == 1
    assert again.json()["results"][0]["iso_code"] == "TR"
    assert french_queries > 2


def test_api_reads_with_a_token_are_not_served_from_the_cache(turkiye):
    get(Client(), "/api/v1/states/")

    response = Client().get("/api/v1/states/", HTTP_AUTHORIZATION="Token not-a-valid-token")

    assert response.status_code == 401  # refused, not the cached anonymous list
    assert "results" not in response.json()
