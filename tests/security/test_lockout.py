"""Brute force: each sign-in (portal, admin, API token) locks a username out from one address after
repeated failures, answers 429 with the reason, and the Secretariat can unlock."""

from __future__ import annotations

import re

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LIMIT = 3
WRONG = "not the password at all"


@pytest.fixture(autouse=True)
def three_failures_lock(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = 0.5  # hours: 30 minutes


def sign_in_locked_column(html: str) -> list[str]:
    return re.findall(r'class="field-sign_in_locked"><img [^>]*alt="(True|False)"', html)


def portal_sign_in(client, username, password, address="192.0.2.10"):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def admin_sign_in(client, username, password, address="192.0.2.10"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def token_request(client, username, password, address="192.0.2.10"):
    return client.post(
        "/api/v1/auth/token/",
        {"username": username, "password": password},
        content_type="application/json",
        REMOTE_ADDR=address,
    )


def test_portal_sign_in_locks_the_username_out_after_three_failures(client, turkiye_focal_point):
    statuses = [portal_sign_in(client, "ayse.turkiye", WRONG).status_code for _ in range(LIMIT)]
    assert statuses == [200, 200, 429]

    locked = portal_sign_in(client, "ayse.turkiye", PASSWORD)

    assert locked.status_code == 429
    assert locked["Retry-After"] == "1800"
    assert "Too many failed sign-in attempts" in locked.text
    assert "blocked for 30 minutes" in locked.text
    assert "ask the OIC Secretariat to unlock your account" in locked.text
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_is_translated(client, turkiye_focal_point):
    for _ in range(LIMIT):
        client.post(
            "/fr/accounts/login/",
            {"username": "ayse.turkiye", "password": WRONG},
            REMOTE_ADDR="192.0.2.10",
        )
    locked = client.post(
        "/fr/accounts/login/",
        {"username": "ayse.turkiye", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10",
    )
    assert locked.status_code == 429
    assert '<html lang="fr"' in locked.text


def test_a_lockout_holds_for_one_username_from_one_address_only(
    client, turkiye_focal_point, senegal_focal_point
):
    for _ in range(LIMIT):
        portal_sign_in(client, "ayse.turkiye", WRONG, address="192.0.2.10")

    from_elsewhere = portal_sign_in(client, "ayse.turkiye", PASSWORD, address="198.51.100.7")
    other_user = portal_sign_in(client, "moussa.senegal", PASSWORD, address="192.0.2.10")

    assert from_elsewhere.status_code == 302
    assert other_user.status_code == 302


def test_admin_sign_in_locks_the_username_out_after_three_failures(client, secretariat):
    statuses = [admin_sign_in(client, "sara.secretariat", WRONG).status_code for _ in range(LIMIT)]
    assert statuses == [200, 200, 429]

    locked = admin_sign_in(client, "sara.secretariat", PASSWORD)

    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.text
    assert client.get("/admin/").status_code == 302


def test_api_token_endpoint_locks_the_username_out_with_a_json_reason(client, turkiye_focal_point):
    statuses = [token_request(client, "ayse.turkiye", WRONG).status_code for _ in range(LIMIT)]
    assert statuses == [401, 401, 429]

    locked = token_request(client, "ayse.turkiye", PASSWORD)

    assert locked.status_code == 429
    assert locked["Content-Type"] == "application/json"
    assert locked.json()["code"] == "throttled"
    assert locked.json()["detail"] == "Too many failed attempts; try again later."
    assert "token" not in locked.json()


def test_failures_on_the_three_sign_ins_add_up(client, secretariat):
    portal_sign_in(client, "sara.secretariat", WRONG)
    token_request(client, "sara.secretariat", WRONG)

    assert admin_sign_in(client, "sara.secretariat", WRONG).status_code == 429


def test_the_secretariat_unlocks_a_user_from_the_user_list(
    client, secretariat, turkiye_focal_point
):
    for _ in range(LIMIT):
        portal_sign_in(client, "ayse.turkiye", WRONG)
    assert portal_sign_in(client, "ayse.turkiye", PASSWORD).status_code == 429
    staff = type(client)()
    staff.force_login(secretariat)
    assert sign_in_locked_column(staff.get("/admin/auth/user/?q=ayse").text) == ["True"]

    done = staff.post(
        "/admin/auth/user/",
        {"action": "unlock_sign_in", "_selected_action": [turkiye_focal_point.pk]},
        follow=True,
    )

    assert "1 user may sign in again." in done.text
    assert sign_in_locked_column(staff.get("/admin/auth/user/?q=ayse").text) == ["False"]
    assert AccessAttempt.objects.filter(username="ayse.turkiye").count() == 0
    assert portal_sign_in(client, "ayse.turkiye", PASSWORD).status_code == 302


def test_the_user_list_shows_who_is_locked_out(client, secretariat, turkiye_focal_point):
    for _ in range(LIMIT):
        portal_sign_in(client, "ayse.turkiye", WRONG)
    staff = type(client)()
    staff.force_login(secretariat)

    user_list = staff.get("/admin/auth/user/?o=1").text

    assert sign_in_locked_column(user_list) == ["True", "False"]  # ayse.turkiye, sara.secretariat


def test_the_secretariat_unlocks_from_axes_access_attempts(
    client, secretariat, turkiye_focal_point
):
    for _ in range(LIMIT):
        portal_sign_in(client, "ayse.turkiye", WRONG)
    attempt = AccessAttempt.objects.get(username="ayse.turkiye")
    staff = type(client)()
    staff.force_login(secretariat)

    staff.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})

    assert portal_sign_in(client, "ayse.turkiye", PASSWORD).status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, turkiye_focal_point):
    for _ in range(LIMIT - 1):
        portal_sign_in(client, "ayse.turkiye", WRONG)
    assert portal_sign_in(client, "ayse.turkiye", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))

    assert portal_sign_in(client, "ayse.turkiye", WRONG).status_code == 200
    assert portal_sign_in(client, "ayse.turkiye", WRONG).status_code == 200
