"""Writes through the API: the services' rules, optimistic locking, one error format."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from network.models import RosterMember
from resolutions.models import Commitment, ProgressReport
from tests.api.conftest import SUBMITTED_NARRATIVE, rows
from tests.conftest import PASSWORD
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_reading_a_commitment_gives_its_version_as_etag(world, api_client):
    response = api_client.get(f"/api/v1/commitments/{world['commitment'].pk}/")

    assert response["ETag"] == '"1"'
    assert response.json()["version"] == 1


def test_an_update_with_the_current_etag_is_saved_and_bumps_the_version(world, client_for):
    commitment = world["commitment"]

    response = client_for("focal_same_state").patch(
        f"/api/v1/commitments/{commitment.pk}/",
        {"title": "Train 12 diplomats", "target_quantity": 12},
        format="json",
        HTTP_IF_MATCH='"1"',
    )

    assert response.status_code == 200
    assert response["ETag"] == '"2"'
    commitment.refresh_from_db()
    assert (commitment.title, commitment.target_quantity, commitment.version) == (
        "Train 12 diplomats",
        12,
        2,
    )


@pytest.mark.parametrize("how", ["if-match", "version field"])
def test_a_stale_update_is_refused_with_412_and_overwrites_nothing(world, client_for, how):
    commitment = world["commitment"]
    client = client_for("focal_same_state")
    first = client.patch(
        f"/api/v1/commitments/{commitment.pk}/", {"title": "First", "version": 1}, format="json"
    )
    assert first.status_code == 200

    body = {"title": "Second, from a stale copy"}
    headers = {}
    if how == "if-match":
        headers["HTTP_IF_MATCH"] = 'W/"1"'
    else:
        body["version"] = 1
    response = client.patch(f"/api/v1/commitments/{commitment.pk}/", body, format="json", **headers)

    assert response.status_code == 412
    assert response.json()["code"] == "stale"
    assert "version 1" in response.json()["detail"]
    assert "version 2" in response.json()["detail"]
    commitment.refresh_from_db()
    assert (commitment.title, commitment.version) == ("First", 2)


def test_an_update_without_any_version_is_refused_with_428(world, client_for):
    commitment = world["commitment"]

    response = client_for("secretariat").patch(
        f"/api/v1/commitments/{commitment.pk}/", {"title": "Blind write"}, format="json"
    )

    assert response.status_code == 428
    assert response.json()["code"] == "version_required"
    commitment.refresh_from_db()
    assert commitment.title == "Train diplomats 0"


def test_fields_the_services_own_cannot_be_changed_through_an_update(world, client_for):
    commitment = world["commitment"]

    response = client_for("focal_same_state").patch(
        f"/api/v1/commitments/{commitment.pk}/",
        {"status": "delivered", "delivered_quantity": 10, "version": 1},
        format="json",
    )

    # Unknown fields are ignored by the input serializer; status only moves by validated reports.
    assert response.status_code == 200
    commitment.refresh_from_db()
    assert (commitment.status, commitment.delivered_quantity) == ("pledged", 0)


def test_bad_input_gets_400_with_a_message_per_field(world, paragraph_training, client_for):
    response = client_for("focal_same_state").post(
        "/api/v1/commitments/",
        {"paragraph": paragraph_training.pk, "target_quantity": -3, "unit": "camels"},
        format="json",
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["fields"] == {
        "title": ["This field is required."],
        "target_quantity": ["Ensure this value is greater than or equal to 0."],
        "unit": ['"camels" is not a valid choice.'],
    }


def test_a_rule_of_the_model_comes_back_as_a_non_field_error(world, paragraph_training, client_for):
    response = client_for("focal_same_state").post(
        "/api/v1/commitments/",
        {
            "paragraph": paragraph_training.pk,
            "title": "Late",
            "pledged_on": "2020-05-01",
            "due_on": "2020-01-01",
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "non_field_errors": ["The due date cannot come before the pledge."]
    }
    assert not Commitment.objects.filter(title="Late").exists()


def test_progress_on_a_withdrawn_commitment_is_refused_with_the_services_reason(world, client_for):
    commitment = world["commitment"]
    Commitment.objects.filter(pk=commitment.pk).update(status="withdrawn")

    response = client_for("focal_same_state").post(
        "/api/v1/progress-reports/",
        {
            "commitment": commitment.pk,
            "status": "delivered",
            "quantity_delivered": 10,
            "narrative": "Done",
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "non_field_errors": ["This commitment was withdrawn; no more progress can be reported."]
    }


def test_evidence_files_are_checked_by_content(world, client_for):
    client = client_for("focal_same_state")
    base = {
        "commitment": world["commitment"].pk,
        "status": "in_progress",
        "quantity_delivered": 6,
        "narrative": "Six trained",
    }

    fake = client.post(
        "/api/v1/progress-reports/",
        {**base, "evidence_file": SimpleUploadedFile("list.pdf", b"MZ\x90\x00 not a pdf")},
        format="multipart",
    )
    real = client.post(
        "/api/v1/progress-reports/",
        {**base, "evidence_file": SimpleUploadedFile("list.pdf", b"%PDF-1.4\n%%EOF\n")},
        format="multipart",
    )

    assert fake.status_code == 400
    assert list(fake.json()["fields"]) == ["evidence_file"]
    assert real.status_code == 201
    assert real.json()["has_evidence_file"] is True
    assert real.json()["review_status"] == "submitted"


def test_the_secretariat_validates_a_report_and_the_public_figures_follow(world, client_for):
    report = ProgressReport.objects.get(narrative=SUBMITTED_NARRATIVE)

    response = client_for("secretariat").post(
        f"/api/v1/progress-reports/{report.pk}/validate/", {}, format="json"
    )
    again = client_for("secretariat").post(
        f"/api/v1/progress-reports/{report.pk}/validate/", {}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["review_status"] == "validated"
    public = client_for("anonymous").get(f"/api/v1/commitments/{world['commitment'].pk}/")
    assert (public.json()["status"], public.json()["delivered_quantity"]) == ("in_progress", 5)
    assert again.status_code == 400
    assert again.json()["fields"] == {
        "non_field_errors": [
            "This report was already validated; only a submitted report can be reviewed."
        ]
    }


def test_returning_a_report_needs_a_reason(world, client_for):
    report = ProgressReport.objects.get(narrative=SUBMITTED_NARRATIVE)

    response = client_for("secretariat").post(
        f"/api/v1/progress-reports/{report.pk}/return/", {"comment": " "}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "review_comment": ["Say what needs to change when returning a report."]
    }


def test_a_nomination_needs_consent_and_answers_without_contact_details(world, client_for):
    client = client_for("focal_same_state")
    body = {
        "full_name": "Elif Nominee",
        "gender": "female",
        "roles": ["mediator", "expert"],
        "email": "elif@private.example",
        "expertise": ["expertise-0"],
    }

    refused = client.post("/api/v1/roster/nominations/", body, format="json")
    accepted = client.post(
        "/api/v1/roster/nominations/", {**body, "consent_given_on": "2020-02-02"}, format="json"
    )

    assert refused.status_code == 400
    assert list(refused.json()["fields"]) == ["consent_given_on"]
    assert accepted.status_code == 201
    assert accepted.json() == {
        "id": accepted.json()["id"],
        "full_name": "Elif Nominee",
        "nominating_state": "TR",
        "nominated_on": datetime.date.today().isoformat(),
        "roles": ["expert", "mediator"],
        "vetting_status": "pending",
        "visibility": "private",
    }
    person = RosterMember.objects.get(full_name="Elif Nominee")
    assert (person.email, person.visibility) == ("elif@private.example", "private")
    assert [area.slug for area in person.expertise.all()] == ["expertise-0"]


def test_a_nomination_in_the_future_is_refused(world, client_for):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)

    response = client_for("focal_same_state").post(
        "/api/v1/roster/nominations/",
        {
            "full_name": "Future Consent",
            "gender": "male",
            "roles": ["expert"],
            "consent_given_on": tomorrow.isoformat(),
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "consent_given_on": ["The date of consent cannot be in the future."]
    }


def test_filters_select_by_state_year_and_status(
    world, more_worlds, senegal, paragraph_training, api_client
):
    more_worlds([1, 2])
    CommitmentFactory(
        state=senegal,
        paragraph=paragraph_training,
        title="Senegal's pledge",
        pledged_on=datetime.date(2021, 3, 1),
        target_quantity=None,
        unit="actions",
    )

    by_state = api_client.get("/api/v1/commitments/", {"state": "SN"})
    by_year = api_client.get("/api/v1/commitments/", {"year": 2021})
    by_range = api_client.get(
        "/api/v1/commitments/", {"pledged_after": "2019-01-02", "pledged_before": "2019-01-03"}
    )

    assert [c["title"] for c in rows(by_state)] == ["Senegal's pledge"]
    assert [c["title"] for c in rows(by_year)] == ["Senegal's pledge"]
    assert [c["title"] for c in rows(by_range)] == ["Train diplomats 1", "Train diplomats 2"]


@pytest.mark.parametrize(
    "query, field",
    [
        ({"paragraph": "eight"}, "paragraph"),
        ({"offset": "null"}, "offset"),
        ({"year": "twenty"}, "year"),
        ({"year": 99999}, "year"),
        ({"pledged_after": "2019-13-45"}, "pledged_after"),
        ({"status": "lost"}, "status"),
    ],
)
def test_a_bad_filter_gets_400_naming_it(world, api_client, query, field):
    response = api_client.get("/api/v1/commitments/", query)

    assert response.status_code == 400
    assert list(response.json()["fields"]) == [field]


def test_a_filter_naming_a_record_that_does_not_exist_matches_nothing(world, api_client):
    response = api_client.get("/api/v1/commitments/", {"state": "XX", "paragraph": 999999})

    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize(
    "query",
    [
        # What schemathesis generated: an id the schema allows (any integer) beyond the column's
        # range; the API refused the whole request with a 400.
        {"paragraph": -53944923498779967809499547161329664},
        {"paragraph": 2**63},
        {"paragraph": -1, "resolution": "paragraph_search_en"},
    ],
)
def test_an_id_beyond_the_columns_range_matches_nothing_too(world, api_client, query):
    response = api_client.get("/api/v1/recommendations/", query)

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_the_page_size_is_capped(world, more_worlds, api_client, monkeypatch):
    from oic_mediation.api.pagination import CappedLimitOffsetPagination

    more_worlds([1, 2])
    monkeypatch.setattr(CappedLimitOffsetPagination, "max_limit", 2)

    response = api_client.get("/api/v1/commitments/", {"limit": 1000})

    assert response.json()["count"] == 3
    assert len(rows(response)) == 2
    assert "limit=2" in response.json()["next"]


def test_an_unknown_record_gets_404_in_the_error_format(world, api_client):
    response = api_client.get("/api/v1/commitments/999999/")

    assert response.status_code == 404
    assert response.json() == {
        "detail": "Not found.",
        "code": "not_found",
    }


# --- Tokens ------------------------------------------------------------------------------------


def test_a_focal_point_gets_a_token_and_writes_with_it(world, paragraph_training):
    client = APIClient()

    response = client.post(
        "/api/v1/auth/token/", {"username": "ayse.turkiye", "password": PASSWORD}, format="json"
    )
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    write = client.post(
        "/api/v1/commitments/",
        {"paragraph": paragraph_training.pk, "title": "Token-made pledge"},
        format="json",
    )

    assert response.status_code == 200
    assert write.status_code == 201
    assert write.json()["state"] == "TR"


def test_a_wrong_password_gets_401_and_repeated_failures_lock_the_account_out(world, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = APIClient()
    wrong = {"username": "ayse.turkiye", "password": "not the password"}

    failures = [client.post("/api/v1/auth/token/", wrong, format="json") for _ in range(3)]
    locked = client.post(
        "/api/v1/auth/token/", {"username": "ayse.turkiye", "password": PASSWORD}, format="json"
    )

    assert [r.status_code for r in failures[:2]] == [401, 401]
    assert failures[0]["WWW-Authenticate"] == "Token"
    assert failures[2].status_code == 429
    assert locked.status_code == 429
    assert locked.json()["code"] == "throttled"
    assert "token" not in locked.json()


def test_someone_who_is_no_focal_point_gets_no_token(plain_user):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "pat.public", "password": PASSWORD}, format="json"
    )

    assert response.status_code == 403
    assert response.json()["detail"] == "API tokens are for focal points and the Secretariat."
