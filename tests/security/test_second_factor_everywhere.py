"""The second factor holds on every path a signed-in person can take, not only the admin and My
state: the session API, and for anyone with Secretariat powers — the group, not only
``is_staff`` (issue 13, finding 2). Sessions come from the real sign-in form, with CSRF checks on."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from resolutions.models import Commitment, ProgressReport
from tests.conftest import PASSWORD
from tests.factories import CommitmentFactory, ProgressReportFactory, SecretariatFactory
from tests.security.conftest import current_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def mandatory(settings):
    settings.STAFF_OTP_REQUIRED = True


@pytest.fixture
def secretariat_member_not_staff(db):
    """In the Secretariat group, so with its powers, but without ``is_staff``."""
    return SecretariatFactory(
        username="nadia.secretariat", email="nadia@oic.example", is_staff=False
    )


@pytest.fixture
def submitted_report(paragraph_training, turkiye, turkiye_focal_point) -> ProgressReport:
    commitment = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Train diplomats",
        target_quantity=10,
        pledged_on=datetime.date(2019, 1, 1),
        unit="actions",
    )
    return ProgressReportFactory(
        commitment=commitment,
        status="in_progress",
        quantity_delivered=4,
        narrative="Not yet validated",
        reported_by=turkiye_focal_point,
    )


def signed_in_with_password(username: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))
    response = client.post(
        reverse("accounts:login"),
        {
            "username": username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 302, response.content
    return client


def api(client: Client, method: str, url: str, data=None):
    return getattr(client, method)(
        url,
        data=data,
        content_type="application/json",
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )


def test_staff_signed_in_with_the_password_alone_cannot_use_the_session_api(
    secretariat, submitted_report, paragraph_training, mandatory
):
    client = signed_in_with_password("sara.secretariat")

    listed = api(client, "get", "/api/v1/progress-reports/?review_status=submitted")
    validated = api(client, "post", f"/api/v1/progress-reports/{submitted_report.pk}/validate/", {})
    created = api(
        client,
        "post",
        "/api/v1/commitments/",
        {"paragraph": paragraph_training.pk, "state": "TR", "title": "Forged pledge"},
    )

    for response in (listed, validated, created):
        assert response.status_code == 403
        assert response.json()["code"] == "second_factor_required"
        assert "two-factor" in response.json()["detail"]
    submitted_report.refresh_from_db()
    assert submitted_report.review_status == ProgressReport.Review.SUBMITTED
    assert not Commitment.objects.filter(title="Forged pledge").exists()


def test_staff_signed_in_with_the_password_alone_are_sent_to_enrol_from_every_page(
    secretariat, mandatory
):
    client = signed_in_with_password("sara.secretariat")

    for url in ("/en/", "/fr/states/", "/admin/", "/en/my-state/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:two_factor")), url
    assert client.get(reverse("accounts:two_factor")).status_code == 200


def test_once_enrolled_the_session_api_works_for_staff(secretariat, submitted_report, mandatory):
    client = signed_in_with_password("sara.secretariat")
    client.get(reverse("accounts:two_factor"))
    device = TOTPDevice.objects.get(user=secretariat)
    client.post(
        reverse("accounts:two_factor"),
        {
            "otp_token": current_code(device),
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )

    listed = api(client, "get", "/api/v1/progress-reports/?review_status=submitted")
    validated = api(client, "post", f"/api/v1/progress-reports/{submitted_report.pk}/validate/", {})

    assert listed.status_code == 200
    assert [row["id"] for row in listed.json()["results"]] == [submitted_report.pk]
    assert validated.status_code == 200
    assert validated.json()["review_status"] == "validated"


def test_a_secretariat_member_without_is_staff_must_enrol_too(
    secretariat_member_not_staff, submitted_report, mandatory
):
    client = signed_in_with_password("nadia.secretariat")

    my_state = client.get("/en/my-state/")
    listed = api(client, "get", "/api/v1/progress-reports/?review_status=submitted")
    token = Client().post(
        "/api/v1/auth/token/",
        {"username": "nadia.secretariat", "password": PASSWORD},
        content_type="application/json",
    )
    enrol = client.get(reverse("accounts:two_factor"))

    assert my_state.status_code == 302
    assert my_state["Location"].startswith(reverse("accounts:two_factor"))
    assert listed.status_code == 403
    assert token.status_code == 403
    assert enrol.status_code == 200
    assert TOTPDevice.objects.filter(user=secretariat_member_not_staff).count() == 1


def test_a_secretariat_member_with_an_authenticator_is_asked_for_its_code(
    secretariat_member_not_staff,
):
    device = TOTPDevice.objects.create(
        user=secretariat_member_not_staff, name="Authenticator app", confirmed=True
    )
    client = Client()
    url = reverse("accounts:login")

    without_code = client.post(url, {"username": "nadia.secretariat", "password": PASSWORD})
    with_code = client.post(
        url,
        {"username": "nadia.secretariat", "password": PASSWORD, "otp_token": current_code(device)},
    )

    assert "Enter the 6-digit code shown by your authenticator app." in without_code.text
    assert with_code.status_code == 302
    assert client.get("/api/v1/progress-reports/").status_code == 200


def test_focal_points_keep_the_session_api_with_their_password(
    turkiye_focal_point, submitted_report, mandatory
):
    client = signed_in_with_password("ayse.turkiye")

    listed = api(client, "get", "/api/v1/progress-reports/?review_status=submitted")

    assert listed.status_code == 200
    assert [row["id"] for row in listed.json()["results"]] == [submitted_report.pk]
