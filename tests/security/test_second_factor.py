"""Staff enrol an authenticator app (TOTP); with one, every sign-in asks for its code; a setting
makes it mandatory for staff. Codes come from the real TOTP algorithm, no mocks."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken

from tests.conftest import PASSWORD
from tests.security.conftest import current_code

pytestmark = pytest.mark.django_db


def admin_sign_in(client, username, password, code=""):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "otp_token": code, "next": "/admin/"},
    )


def test_staff_enrol_an_authenticator_by_scanning_a_qr_code_and_typing_its_code(
    client, secretariat
):
    client.force_login(secretariat)

    page = client.get(reverse("accounts:two_factor"))
    device = TOTPDevice.objects.get(user=secretariat)
    confirmed = client.post(
        reverse("accounts:two_factor"), {"otp_token": current_code(device), "next": "/admin/"}
    )

    assert page.status_code == 200
    assert "<svg" in page.text and "<path d=" in page.text  # the QR code, drawn on the server
    assert "<img" not in page.text.split("<svg")[1].split("</svg>")[0]
    assert device.confirmed is False  # until a code proves the app has the secret
    assert confirmed["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed is True
    assert client.session["otp_device_id"] == device.persistent_id
    assert client.get("/admin/").status_code == 200


def test_the_qr_code_stays_the_same_until_the_code_is_confirmed(client, secretariat):
    client.force_login(secretariat)
    first = client.get(reverse("accounts:two_factor")).text
    second = client.get(reverse("accounts:two_factor")).text

    assert TOTPDevice.objects.filter(user=secretariat).count() == 1
    assert first.split("<svg")[1].split("</svg>")[0] == second.split("<svg")[1].split("</svg>")[0]


def test_a_wrong_code_does_not_enrol_the_authenticator(client, secretariat):
    client.force_login(secretariat)
    client.get(reverse("accounts:two_factor"))
    device = TOTPDevice.objects.get(user=secretariat)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("accounts:two_factor"), {"otp_token": wrong})

    assert response.status_code == 200
    assert "This code is wrong or has expired." in response.text
    device.refresh_from_db()
    assert device.confirmed is False
    assert "otp_device_id" not in client.session


def test_focal_points_are_not_offered_enrolment(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point)

    response = client.get(reverse("accounts:two_factor"))

    assert response.status_code == 403
    assert TOTPDevice.objects.count() == 0


def test_enrolling_a_new_phone_removes_the_old_one(client, secretariat, secretariat_device):
    client.post(
        reverse("accounts:login"),
        {
            "username": "sara.secretariat",
            "password": PASSWORD,
            "otp_token": current_code(secretariat_device),
        },
    )
    client.get(reverse("accounts:two_factor"))
    new = TOTPDevice.objects.get(user=secretariat, confirmed=False)

    client.post(reverse("accounts:two_factor"), {"otp_token": current_code(new)})

    assert list(TOTPDevice.objects.filter(user=secretariat).values_list("pk", flat=True)) == [
        new.pk
    ]


def test_admin_sign_in_asks_for_the_code_of_staff_with_an_authenticator(
    client, secretariat, secretariat_device
):
    without_code = admin_sign_in(client, "sara.secretariat", PASSWORD)
    with_code = admin_sign_in(
        client, "sara.secretariat", PASSWORD, current_code(secretariat_device)
    )

    assert without_code.status_code == 200
    assert "Enter the 6-digit code shown by your authenticator app." in without_code.text
    assert with_code["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_admin_sign_in_refuses_a_wrong_code(client, secretariat, secretariat_device):
    wrong = f"{(int(current_code(secretariat_device)) + 1) % 1_000_000:06d}"

    response = admin_sign_in(client, "sara.secretariat", PASSWORD, wrong)

    assert response.status_code == 200
    assert "This code is wrong or has expired." in response.text
    assert "_auth_user_id" not in client.session


def test_a_code_cannot_be_used_twice(client, secretariat, secretariat_device):
    code = current_code(secretariat_device)
    admin_sign_in(client, "sara.secretariat", PASSWORD, code)
    client.post("/admin/logout/")

    replay = admin_sign_in(client, "sara.secretariat", PASSWORD, code)

    assert "This code is wrong or has expired." in replay.text


def test_portal_sign_in_asks_for_the_code_of_staff_with_an_authenticator(
    client, secretariat, secretariat_device
):
    url = reverse("accounts:login")
    without_code = client.post(url, {"username": "sara.secretariat", "password": PASSWORD})
    with_code = client.post(
        url,
        {
            "username": "sara.secretariat",
            "password": PASSWORD,
            "otp_token": current_code(secretariat_device),
        },
    )

    assert "Enter the 6-digit code shown by your authenticator app." in without_code.text
    assert with_code.status_code == 302
    assert client.session["otp_device_id"] == secretariat_device.persistent_id


def test_focal_points_still_sign_in_with_their_password_alone(client, turkiye_focal_point):
    response = client.post(
        reverse("accounts:login"), {"username": "ayse.turkiye", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(turkiye_focal_point.pk)


def test_a_session_not_verified_by_the_code_does_not_open_the_admin(
    client, secretariat, secretariat_device
):
    # Signed in some other way (e.g. before enrolling on another browser): no code proved.
    client.force_login(secretariat)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_an_authenticator_reach_the_admin_while_it_is_optional(client, secretariat):
    client.force_login(secretariat)

    assert client.get("/admin/").status_code == 200


@pytest.fixture
def mandatory(settings):
    settings.STAFF_OTP_REQUIRED = True


def test_mandatory_mode_sends_unenrolled_staff_to_enrol_before_the_admin(
    client, secretariat, mandatory
):
    client.post(
        "/admin/login/?next=/admin/",
        {"username": "sara.secretariat", "password": PASSWORD, "next": "/admin/"},
    )

    response = client.get("/admin/network/memberstate/")

    assert response.status_code == 302
    assert response["Location"] == (
        f"{reverse('accounts:two_factor')}?next=%2Fadmin%2Fnetwork%2Fmemberstate%2F"
    )
    assert client.get("/en/my-state/")["Location"].startswith(reverse("accounts:two_factor"))


def test_mandatory_mode_lets_staff_in_once_enrolled(client, secretariat, mandatory):
    client.force_login(secretariat)
    client.get(reverse("accounts:two_factor"))
    device = TOTPDevice.objects.get(user=secretariat)

    done = client.post(
        reverse("accounts:two_factor"),
        {"otp_token": current_code(device), "next": "/admin/network/memberstate/"},
    )

    assert done["Location"] == "/admin/network/memberstate/"
    assert client.get("/admin/network/memberstate/").status_code == 200


def test_mandatory_mode_leaves_focal_points_alone(client, turkiye_focal_point, mandatory):
    client.force_login(turkiye_focal_point)

    assert client.get("/en/my-state/turkiye/").status_code == 200


def test_staff_with_an_authenticator_get_no_api_token_by_password_alone(
    client, secretariat, secretariat_device
):
    response = client.post(
        "/api/v1/auth/token/",
        {"username": "sara.secretariat", "password": PASSWORD},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert AuthToken.objects.filter(user=secretariat).exists() is False


def test_enrolling_deletes_the_staff_members_api_token(client, secretariat):
    AuthToken.objects.create(user=secretariat)
    client.force_login(secretariat)
    client.get(reverse("accounts:two_factor"))
    device = TOTPDevice.objects.get(user=secretariat)

    client.post(reverse("accounts:two_factor"), {"otp_token": current_code(device)})

    assert AuthToken.objects.filter(user=secretariat).exists() is False


def test_a_staff_token_from_before_the_second_factor_became_mandatory_is_refused(
    client, settings, secretariat, turkiye_focal_point
):
    _staff, staff_token = AuthToken.objects.create(user=secretariat)
    _focal, focal_token = AuthToken.objects.create(user=turkiye_focal_point)

    def commitments_with(token):
        return client.get(
            "/api/v1/commitments/",
            HTTP_AUTHORIZATION=f"Token {token}",
            HTTP_ACCEPT="application/json",
        )

    assert commitments_with(staff_token).status_code == 200
    settings.STAFF_OTP_REQUIRED = True

    refused = commitments_with(staff_token)

    assert refused.status_code == 401
    assert refused["WWW-Authenticate"] == "Token"
    assert "two-factor authentication" in refused.json()["detail"]
    assert commitments_with(focal_token).status_code == 200
