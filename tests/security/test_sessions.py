"""Sessions: a new key at sign-in (no fixation), staff sessions end after a short idle time while
others last longer, and passwords must be long and uncommon wherever one is chosen."""

from __future__ import annotations

import time

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from network import services
from network.tokens import invitation_token_generator
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_signing_in_gives_a_new_session_key_and_drops_the_old_one(
    client, settings, turkiye_focal_point
):
    before = client.session.session_key  # a session planted before sign-in, as an attacker would
    assert Session.objects.filter(session_key=before).exists()

    client.post(reverse("accounts:login"), {"username": "ayse.turkiye", "password": PASSWORD})
    after = client.cookies[settings.SESSION_COOKIE_NAME].value

    assert after != before
    assert Session.objects.filter(session_key=before).exists() is False
    assert Session.objects.get(session_key=after).get_decoded()["_auth_user_id"] == str(
        turkiye_focal_point.pk
    )


def test_admin_sign_in_also_rotates_the_session_key(client, settings, secretariat):
    before = client.session.session_key

    client.post(
        "/admin/login/?next=/admin/",
        {"username": "sara.secretariat", "password": PASSWORD, "next": "/admin/"},
    )

    assert client.cookies[settings.SESSION_COOKIE_NAME].value != before


def seconds_left(client, settings) -> float:
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    return (Session.objects.get(session_key=key).expire_date - timezone.now()).total_seconds()


def test_staff_sessions_expire_after_30_idle_minutes_and_others_after_8_hours(
    client, settings, secretariat, turkiye_focal_point
):
    client.force_login(secretariat)
    client.get("/admin/")
    staff_left = seconds_left(client, settings)
    other = type(client)()
    other.force_login(turkiye_focal_point)
    other.get("/en/my-state/turkiye/")
    focal_left = seconds_left(other, settings)

    assert 30 * 60 - 10 < staff_left <= 30 * 60
    assert 8 * 3600 - 10 < focal_left <= 8 * 3600


@pytest.fixture
def two_second_staff_idle(settings):
    # The real clock, shortened: 2 s stand for DJANGO_STAFF_IDLE_MINUTES.
    settings.STAFF_IDLE_MINUTES = 2 / 60


def test_an_idle_staff_session_ends_and_the_admin_asks_to_sign_in_again(
    client, secretariat, two_second_staff_idle
):
    client.force_login(secretariat)
    assert client.get("/admin/").status_code == 200

    time.sleep(2.5)
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"


def test_an_active_staff_session_is_kept(client, secretariat, two_second_staff_idle):
    client.force_login(secretariat)
    for _ in range(4):  # 3.6 s in all, never 2 s idle
        assert client.get("/admin/").status_code == 200
        time.sleep(0.9)

    assert client.get("/admin/").status_code == 200


def test_a_focal_points_session_outlasts_the_staff_idle_time(
    client, turkiye_focal_point, two_second_staff_idle
):
    client.force_login(turkiye_focal_point)
    client.get("/en/my-state/turkiye/")

    time.sleep(2.5)

    assert client.get("/en/my-state/turkiye/").status_code == 200


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Short 1!", "This password is too short. It must contain at least 12 characters."),
        ("password1234", "This password is too common."),
        ("123456789012345", "This password is entirely numeric."),
    ],
)
def test_password_change_refuses_weak_passwords(client, turkiye_focal_point, password, message):
    client.force_login(turkiye_focal_point)

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )

    assert response.status_code == 200
    assert message in response.text
    turkiye_focal_point.refresh_from_db()
    assert turkiye_focal_point.check_password(PASSWORD)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Short 1!", "This password is too short. It must contain at least 12 characters."),
        ("password1234", "This password is too common."),
    ],
)
def test_accepting_an_invitation_refuses_weak_passwords(
    client, secretariat, senegal, password, message
):
    focal_point = services.focal_point_invite(
        invited_by=secretariat, email="awa@example.org", state=senegal
    )
    user = focal_point.user
    link = reverse(
        "accounts:accept_invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": invitation_token_generator.make_token(user),
        },
    )
    form_url = client.get(link)["Location"]

    response = client.post(form_url, {"new_password1": password, "new_password2": password})

    assert response.status_code == 200
    assert message in response.text
    user.refresh_from_db()
    assert user.has_usable_password() is False
