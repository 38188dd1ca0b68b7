"""Security headers on every kind of response, and ``Cache-Control: no-store`` wherever personal or
unpublished data is shown: the admin, account pages, My state, and the API to a signed-in caller."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from knox.models import AuthToken

pytestmark = pytest.mark.django_db

EXPECTED_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    directives = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return dict(directives)


def assert_security_headers(response) -> None:
    directives = policy(response)
    assert {name: directives.get(name) for name in EXPECTED_POLICY} == EXPECTED_POLICY
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def assert_private(response) -> None:
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= directives
    assert not any(d.startswith(("max-age=", "public")) and d != "max-age=0" for d in directives)


def assert_cacheable(response) -> None:
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.fixture
def token_client(turkiye_focal_point) -> Client:
    _token, key = AuthToken.objects.create(user=turkiye_focal_point)
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def test_public_page_has_the_headers_and_may_be_cached(client):
    response = client.get("/en/")

    assert response.status_code == 200
    assert_security_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    assert_cacheable(response)


def test_public_page_to_a_signed_in_user_is_not_stored(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point)

    response = client.get("/en/")

    assert_security_headers(response)
    assert_private(response)


def test_static_file_has_the_headers(settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    response = Client().get("/static/portal/portal.css")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert_security_headers(response)


def test_admin_is_never_stored(client, secretariat):
    client.force_login(secretariat)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert_security_headers(response)
    assert_private(response)


def test_admin_sign_in_page_is_never_stored(client):
    response = client.get("/admin/login/")

    assert_security_headers(response)
    assert_private(response)


def test_my_state_is_never_stored(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point)

    response = client.get("/en/my-state/turkiye/")

    assert response.status_code == 200
    assert_security_headers(response)
    assert_private(response)


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_account_pages_are_never_stored_in_any_language(client, turkiye_focal_point, language):
    sign_in = client.get(f"/{language}/accounts/login/")
    client.force_login(turkiye_focal_point)
    password_change = client.get(f"/{language}/accounts/password/change/")

    for response in (sign_in, password_change):
        assert response.status_code == 200
        assert_security_headers(response)
        assert_private(response)


def test_public_api_may_be_cached(client):
    response = client.get("/api/v1/states/")

    assert response.status_code == 200
    assert_security_headers(response)
    assert_cacheable(response)


def test_api_to_a_token_holder_is_never_stored(token_client, turkiye):
    listing = token_client.get("/api/v1/states/")
    export = token_client.get("/api/v1/export/commitments.csv")

    for response in (listing, export):
        assert response.status_code == 200
        assert_security_headers(response)
        assert_private(response)


def test_api_to_a_signed_in_session_is_never_stored(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point)

    response = client.get("/api/v1/commitments/")

    assert response.status_code == 200
    assert_private(response)


def test_the_token_answer_is_never_stored(client, turkiye_focal_point):
    from tests.conftest import PASSWORD

    response = client.post(
        "/api/v1/auth/token/",
        {"username": "ayse.turkiye", "password": PASSWORD},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert_private(response)


def test_api_docs_run_under_the_policy_without_inline_code(client):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    assert_security_headers(response)
    html = response.content.decode()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", html)
    assert inline_scripts == []
    assert re.findall(r"<style\b|\sstyle=", html) == []


def test_error_pages_have_the_headers_too(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert_security_headers(response)
