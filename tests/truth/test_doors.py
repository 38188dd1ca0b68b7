"""Every way in enforces the same rules: the admin's add page and its inline, its review actions,
the spreadsheet import, the focal points' form and the API, for

- progress on a withdrawn commitment (refused with the reason, nothing stored);
- review transitions other than submitted → validated or returned (refused, nothing changed);
- a delivered quantity above the target (allowed, shown to the reviewer, counted at 100 %).

Each rule lives once, in the model or the service (``resolutions.models.ProgressReport.clean``,
``resolutions.services``, ``trainings.services``); these tests knock on every door.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from rest_framework.test import APIClient

from resolutions import services
from resolutions.models import Commitment, ProgressReport
from tests.admin.test_import_export import CSV_FORMAT, confirm, upload
from tests.admin.test_pages import admin_url, form_fields, post_errors
from tests.conftest import PASSWORD
from tests.factories import CommitmentFactory, ProgrammeFactory
from tests.truth.surfaces import text_of
from trainings import services as training_services
from trainings.models import Edition

pytestmark = pytest.mark.django_db

WITHDRAWN_MESSAGE = "This commitment was withdrawn; no more progress can be reported."


@pytest.fixture
def commitment(turkiye, paragraph_training) -> Commitment:
    return CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Train two envoys",
        target_quantity=2,
        unit="diplomats_trained",
        pledged_on=datetime.date(2018, 11, 29),
    )


@pytest.fixture
def withdrawn(commitment, turkiye_focal_point, secretariat) -> Commitment:
    report = services.progress_report_submit(
        user=turkiye_focal_point,
        commitment=commitment,
        status="withdrawn",
        quantity_delivered=0,
        narrative="Cancelled.",
    )
    services.progress_report_validate(user=secretariat, report=report)
    commitment.refresh_from_db()
    return commitment


def token_client(user) -> APIClient:
    api = APIClient()
    token = api.post(
        "/api/v1/auth/token/", {"username": user.username, "password": PASSWORD}
    ).json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Progress on a withdrawn commitment --------------------------------------------------------


def test_the_admin_inline_refuses_progress_on_a_withdrawn_commitment(
    client, secretariat, withdrawn
):
    client.force_login(secretariat)
    url = admin_url(Commitment, "change", withdrawn.pk)
    data = form_fields(client.get(url))
    data.update(
        {
            "progress_reports-2-TOTAL_FORMS": "1",
            "progress_reports-2-0-status": "in_progress",
            "progress_reports-2-0-quantity_delivered": "1",
            "progress_reports-2-0-delivered_on": "2019-01-01",
            "progress_reports-2-0-narrative": "Revived after all.",
            "progress_reports-2-0-language": "en",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 200
    assert WITHDRAWN_MESSAGE in post_errors(response)
    assert withdrawn.progress_reports.count() == 1


def test_the_focal_points_form_refuses_progress_on_a_withdrawn_commitment(
    client, turkiye_focal_point, withdrawn
):
    client.force_login(turkiye_focal_point)
    url = reverse("my_state:progress_report", kwargs={"pk": withdrawn.pk})

    response = client.post(
        url,
        {
            "status": "in_progress",
            "quantity_delivered": "1",
            "delivered_on": "2019-01-01",
            "narrative": "Revived",
            "language": "en",
        },
    )

    assert response.status_code == 302
    assert WITHDRAWN_MESSAGE in messages_of(response)
    assert withdrawn.progress_reports.count() == 1


def test_the_api_refuses_progress_on_a_withdrawn_commitment(turkiye_focal_point, withdrawn):
    response = token_client(turkiye_focal_point).post(
        "/api/v1/progress-reports/",
        {
            "commitment": withdrawn.pk,
            "status": "in_progress",
            "quantity_delivered": 1,
            "narrative": "Revived",
        },
        format="json",
    )

    assert response.status_code == 400
    assert WITHDRAWN_MESSAGE in str(response.json())
    assert withdrawn.progress_reports.count() == 1


def test_a_spreadsheet_import_cannot_change_what_a_withdrawn_commitment_delivered(
    client, secretariat, withdrawn
):
    client.force_login(secretariat)
    csv = "\n".join(
        [
            "id,resolution,paragraph,state,title_en,target_quantity,unit,pledged_on,status,delivered_quantity",
            f"{withdrawn.pk},53/45-POL,8,TR,Train two envoys,2,diplomats_trained,2018-11-29,delivered,2",
        ]
    ).encode()

    dry_run = upload(client, Commitment, "commitments.csv", csv, CSV_FORMAT)
    if "confirm_form" in dry_run.context:
        confirm(client, Commitment, dry_run)

    withdrawn.refresh_from_db()
    assert (withdrawn.status, withdrawn.delivered_quantity) == ("withdrawn", 0)
    assert withdrawn.progress_reports.count() == 1


# --- Review transitions ------------------------------------------------------------------------


@pytest.fixture
def validated_report(commitment, turkiye_focal_point, secretariat) -> ProgressReport:
    report = services.progress_report_submit(
        user=turkiye_focal_point,
        commitment=commitment,
        status="in_progress",
        quantity_delivered=1,
        narrative="One trained.",
    )
    return services.progress_report_validate(user=secretariat, report=report)


def test_the_admin_action_will_not_review_a_report_twice(client, secretariat, validated_report):
    client.force_login(secretariat)

    response = client.post(
        admin_url(ProgressReport, "changelist"),
        {"action": "validate_reports", "_selected_action": [validated_report.pk]},
        follow=True,
    )

    assert any("only a submitted report can be reviewed" in m for m in messages_of(response))
    validated_report.refresh_from_db()
    assert validated_report.review_status == "validated"


def test_the_api_will_not_review_a_report_twice(secretariat, validated_report):
    api = APIClient()
    api.force_authenticate(secretariat)

    response = api.post(
        f"/api/v1/progress-reports/{validated_report.pk}/return/", {"comment": "No"}, format="json"
    )

    assert response.status_code == 400
    assert "only a submitted report can be reviewed" in response.json()["detail"]
    validated_report.refresh_from_db()
    assert validated_report.review_status == "validated"


def test_a_training_report_is_reviewed_once_and_only_by_the_secretariat(
    turkiye, turkiye_focal_point, secretariat
):
    programme = ProgrammeFactory(name="Mediation for Peace", slug="mediation-for-peace")
    edition = training_services.training_edition_report(
        user=turkiye_focal_point,
        state=turkiye,
        programme=programme,
        starts_on=datetime.date(2019, 9, 9),
    )

    with pytest.raises(training_services.PermissionDenied):
        training_services.training_edition_validate(user=turkiye_focal_point, edition=edition)
    with pytest.raises(training_services.ValidationError):
        training_services.training_edition_return(user=secretariat, edition=edition, comment=" ")
    training_services.training_edition_validate(user=secretariat, edition=edition)
    with pytest.raises(training_services.ValidationError):
        training_services.training_edition_return(user=secretariat, edition=edition, comment="No")

    edition.refresh_from_db()
    assert edition.review_status == Edition.Review.VALIDATED
    assert edition.reviewed_by == secretariat


def test_the_admin_validates_a_training_report_with_its_action(
    client, turkiye, turkiye_focal_point, secretariat
):
    programme = ProgrammeFactory(name="Mediation for Peace", slug="mediation-for-peace")
    edition = training_services.training_edition_report(
        user=turkiye_focal_point,
        state=turkiye,
        programme=programme,
        starts_on=datetime.date(2019, 9, 9),
    )
    client.force_login(secretariat)

    client.post(
        admin_url(Edition, "changelist"),
        {"action": "validate_reports", "_selected_action": [edition.pk]},
    )

    edition.refresh_from_db()
    assert edition.review_status == Edition.Review.VALIDATED


# --- More delivered than pledged ---------------------------------------------------------------


def test_the_admin_accepts_a_delivery_above_the_target_and_warns_the_reviewer(
    client, secretariat, commitment
):
    client.force_login(secretariat)
    response = client.post(
        admin_url(ProgressReport, "add"),
        {
            "commitment": commitment.pk,
            "status": "delivered",
            "quantity_delivered": 5,
            "delivered_on": "2019-12-31",
            "narrative": "Five trained",
            "language": "en",
        },
    )
    assert response.status_code == 302, post_errors(response)
    report = commitment.progress_reports.get()

    response = client.post(
        admin_url(ProgressReport, "changelist"),
        {"action": "validate_reports", "_selected_action": [report.pk]},
        follow=True,
    )

    assert any(
        "exceeds the target: 5 delivered against a target of 2" in m for m in messages_of(response)
    )
    commitment.refresh_from_db()
    assert (commitment.status, commitment.delivered_quantity) == ("delivered", 5)
    assert commitment.progress_as_of == datetime.date(2019, 12, 31)


def test_the_focal_points_form_and_the_api_accept_a_delivery_above_the_target(
    client, turkiye_focal_point, commitment
):
    client.force_login(turkiye_focal_point)
    response = client.post(
        reverse("my_state:progress_report", kwargs={"pk": commitment.pk}),
        {
            "status": "delivered",
            "quantity_delivered": "3",
            "delivered_on": "2019-12-31",
            "narrative": "Three trained",
            "language": "en",
        },
    )
    assert response.status_code == 302

    answer = token_client(turkiye_focal_point).post(
        "/api/v1/progress-reports/",
        {
            "commitment": commitment.pk,
            "status": "delivered",
            "quantity_delivered": 4,
            "narrative": "Four",
        },
        format="json",
    )

    assert answer.status_code == 201
    assert answer.json()["exceeds_target"] is True
    assert list(commitment.progress_reports.values_list("quantity_delivered", flat=True)) == [4, 3]


def test_the_focal_points_form_refuses_a_delivery_date_in_the_future(
    client, turkiye_focal_point, commitment
):
    client.force_login(turkiye_focal_point)
    future = datetime.date.today() + datetime.timedelta(days=30)

    response = client.post(
        reverse("my_state:progress_report", kwargs={"pk": commitment.pk}),
        {
            "status": "in_progress",
            "quantity_delivered": "1",
            "delivered_on": future.isoformat(),
            "narrative": "Not yet",
            "language": "en",
        },
    )

    assert response.status_code == 200
    assert "The delivery date cannot be in the future." in text_of(response.content.decode())
    assert commitment.progress_reports.count() == 0
