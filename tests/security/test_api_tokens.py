"""API tokens (issue 13, finding 9): hashed in the database, expiring, revoked when the password
changes or is reset, listed and revoked by their owner; ``POST /api/v1/auth/token/`` still gives
clients a token as before."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from knox.models import AuthToken
from knox.settings import CONSTANTS
from rest_framework.test import APIClient

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

KEY = CONSTANTS.TOKEN_KEY_LENGTH  # the stored, shown prefix of a token
NEW_PASSWORD = "another horse battery staple 43"


def obtain(username: str = "ayse.turkiye", password: str = PASSWORD) -> dict:
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": username, "password": password}, format="json"
    )
    assert response.status_code == 200, response.content
    return response.json()


def commitments_with(key: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get("/api/v1/commitments/").status_code


def test_a_token_works_and_only_its_hash_is_stored(turkiye_focal_point):
    answer = obtain()

    stored = AuthToken.objects.get(user=turkiye_focal_point)
    assert commitments_with(answer["token"]) == 200
    assert answer["token"] not in (stored.digest, stored.token_key)
    assert answer["token"].startswith(stored.token_key)
    assert len(stored.digest) == 128  # SHA-512, hex


def test_a_token_expires(turkiye_focal_point, settings):
    answer = obtain()
    expiry = datetime.datetime.fromisoformat(answer["expiry"])

    assert datetime.timedelta(days=29) < expiry - timezone.now() <= datetime.timedelta(days=30)
    AuthToken.objects.filter(user=turkiye_focal_point).update(expiry=timezone.now())
    assert commitments_with(answer["token"]) == 401


def test_changing_the_password_revokes_every_token(client, turkiye_focal_point):
    first, second = obtain()["token"], obtain()["token"]
    client.force_login(turkiye_focal_point)

    changed = client.post(
        "/en/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert changed.status_code == 302
    assert [commitments_with(first), commitments_with(second)] == [401, 401]
    assert commitments_with(obtain(password=NEW_PASSWORD)["token"]) == 200


def test_a_password_reset_revokes_every_token(client, turkiye_focal_point):
    key = obtain()["token"]
    uid = urlsafe_base64_encode(force_bytes(turkiye_focal_point.pk))
    token = default_token_generator.make_token(turkiye_focal_point)
    form = client.get(f"/en/accounts/password/reset/{uid}/{token}/", follow=True)

    reset = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert reset.status_code == 302
    assert commitments_with(key) == 401


def test_the_changepassword_command_revokes_every_token(turkiye_focal_point, monkeypatch):
    key = obtain()["token"]
    answers = iter([NEW_PASSWORD, NEW_PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))

    call_command("changepassword", "ayse.turkiye")

    assert commitments_with(key) == 401


def test_the_owner_lists_their_tokens_without_the_keys_and_revokes_one(
    turkiye_focal_point, senegal_focal_point
):
    first, second = obtain()["token"], obtain()["token"]
    other = obtain("moussa.senegal")["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {second}")

    listed = client.get("/api/v1/auth/tokens/")
    someone_elses = client.delete(f"/api/v1/auth/tokens/{other[:KEY]}/")
    revoked = client.delete(f"/api/v1/auth/tokens/{first[:KEY]}/")

    assert listed.status_code == 200
    rows = listed.json()
    assert sorted(row["token_key"] for row in rows) == sorted([first[:KEY], second[:KEY]])
    assert [row["current"] for row in rows if row["token_key"] == second[:KEY]] == [True]
    assert first not in listed.content.decode() and second not in listed.content.decode()
    assert someone_elses.status_code == 404
    assert revoked.status_code == 204
    assert [commitments_with(first), commitments_with(second), commitments_with(other)] == [
        401,
        200,
        200,
    ]


def test_a_token_header_that_is_not_ascii_gets_401_not_500(turkiye_focal_point):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token caf\u00e9")

    response = client.post("/api/v1/commitments/", {}, format="json")

    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_the_secretariats_token_admin_shows_no_usable_key(client, secretariat, turkiye_focal_point):
    key = obtain()["token"]
    client.force_login(secretariat, backend="django.contrib.auth.backends.ModelBackend")

    page = client.get("/admin/knox/authtoken/")

    assert page.status_code == 200
    assert key not in page.content.decode()
