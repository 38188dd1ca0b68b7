"""Stored input that broke later pages (issue 13, findings 3 and 4): a date at the end of the
calendar turned every feed into a 500, and a line break in a commitment title turned every later
progress report into a 500 after it was stored. Each door refuses them — the focal-point form,
the API, the spreadsheet import and the service — and a row stored before the rule cannot break
a feed or a mail."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.mail import subject_line
from resolutions.models import Commitment, ProgressReport
from resolutions.services import commitment_create
from tests.factories import CommitmentFactory, EditionFactory, ProgrammeFactory
from tests.my_state.test_nominations_and_trainings import blank_row, training
from trainings.models import Edition, Programme

pytestmark = pytest.mark.django_db

DATE_MESSAGE = "Enter a date between 1 January 1900 and 31 December 2200."
ONE_LINE_MESSAGE = "Write this on one line, without line breaks or control characters."


@pytest.fixture
def programme(db) -> Programme:
    return ProgrammeFactory(name="Mediation for Peace", slug="mediation-for-peace")


@pytest.fixture
def commitment(paragraph_training, turkiye) -> Commitment:
    return CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Train diplomats",
        target_quantity=10,
        pledged_on=datetime.date(2019, 1, 1),
        unit="actions",
    )


def token_client(api_client, user):
    api_client.force_authenticate(user)
    return api_client


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


# --- Dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("field, value", [("ends_on", "9999-12-31"), ("starts_on", "0001-01-01")])
def test_a_training_report_dated_at_the_end_of_time_is_refused(
    client, senegal_focal_point, programme, field, value
):
    client.force_login(senegal_focal_point)
    data = training(programme, **{field: value}, **blank_row(0), **blank_row(1), **blank_row(2))
    if field == "starts_on":
        data["ends_on"] = "0001-01-02"

    response = client.post(reverse("my_state:training_report", kwargs={"state": "senegal"}), data)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [DATE_MESSAGE]
    assert Edition.objects.count() == 0


def test_the_api_refuses_a_commitment_due_in_the_year_9999(
    api_client, turkiye_focal_point, paragraph_training
):
    response = token_client(api_client, turkiye_focal_point).post(
        "/api/v1/commitments/",
        {"paragraph": paragraph_training.pk, "title": "Far away", "due_on": "9999-12-31"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {"due_on": [DATE_MESSAGE]}
    assert Commitment.objects.count() == 0


def test_an_imported_row_dated_year_one_is_refused(
    client, secretariat, paragraph_training, turkiye
):
    client.force_login(secretariat, backend="django.contrib.auth.backends.ModelBackend")
    csv = (
        "resolution,paragraph,state,organisation,title_en,title_fr,target_quantity,unit,"
        "pledged_on,due_on\n"
        "53/45-POL,8,TR,,Ancient pledge,,1,events,0001-01-01,\n"
    )

    response = client.post(
        "/admin/resolutions/commitment/import/",
        {"format": "0", "import_file": SimpleUploadedFile("c.csv", csv.encode())},
    )

    result = response.context["result"]
    assert [row.error_dict for row in result.invalid_rows] == [{"pledged_on": [DATE_MESSAGE]}]
    assert Commitment.objects.count() == 0


def test_feeds_answer_even_with_an_edition_stored_before_dates_were_bounded(
    client, programme, senegal, settings
):
    settings.OIC_CALENDAR_PAST_DAYS = None
    EditionFactory(
        programme=programme, number=1, starts_on=datetime.date(2025, 1, 1), host_state=senegal
    )
    EditionFactory(
        programme=programme, number=2, starts_on=datetime.date(2025, 2, 1), host_state=senegal
    )
    # As a row written before the rule: update() skips model validation.
    Edition.objects.filter(number=2).update(ends_on=datetime.date(9999, 12, 31))

    public = client.get("/en/calendar.ics")
    state = client.get(f"/en/states/{senegal.slug}/calendar.ics")

    assert public.status_code == 200
    assert state.status_code == 200
    assert public.content.count(b"BEGIN:VEVENT") == 1


# --- Titles on one line, subjects that cannot fail -------------------------------------------


@pytest.mark.parametrize("title", ["First line\nSecond line", "Carriage\rreturn", "Line\u2028sep"])
def test_the_api_refuses_a_title_on_several_lines(
    api_client, turkiye_focal_point, paragraph_training, title
):
    response = token_client(api_client, turkiye_focal_point).post(
        "/api/v1/commitments/", {"paragraph": paragraph_training.pk, "title": title}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {"title": [ONE_LINE_MESSAGE]}


def test_the_service_and_the_import_refuse_a_title_on_several_lines(
    client, secretariat, turkiye_focal_point, paragraph_training, turkiye
):
    with pytest.raises(ValidationError) as refused:
        commitment_create(
            user=turkiye_focal_point, paragraph=paragraph_training, state=turkiye, title="A\nB"
        )
    client.force_login(secretariat, backend="django.contrib.auth.backends.ModelBackend")
    csv = (
        "resolution,paragraph,state,organisation,title_en,title_fr,target_quantity,unit,"
        'pledged_on,due_on\n53/45-POL,8,TR,,"Two\nlines",,1,events,2019-01-01,\n'
    )
    response = client.post(
        "/admin/resolutions/commitment/import/",
        {"format": "0", "import_file": SimpleUploadedFile("c.csv", csv.encode())},
    )

    assert refused.value.message_dict == {"title": [ONE_LINE_MESSAGE]}
    errors = [row.error_dict for row in response.context["result"].invalid_rows]
    assert errors in ([{"title_en": [ONE_LINE_MESSAGE]}], [{"title": [ONE_LINE_MESSAGE]}])
    assert Commitment.objects.count() == 0


def test_a_link_with_a_right_to_left_override_is_refused(
    api_client, turkiye_focal_point, commitment
):
    response = token_client(api_client, turkiye_focal_point).post(
        "/api/v1/progress-reports/",
        {
            "commitment": commitment.pk,
            "status": "in_progress",
            "quantity_delivered": 1,
            "narrative": "Done",
            "evidence_url": "https://example.org/\u202egpj.exe",
        },
        format="json",
    )

    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["evidence_url"]
    assert ProgressReport.objects.count() == 0


def test_a_title_stored_with_a_line_break_cannot_fail_a_report_after_it_is_stored(
    api_client,
    turkiye_focal_point,
    secretariat,
    commitment,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    # Stored before the rule (update() skips validation).
    Commitment.objects.filter(pk=commitment.pk).update(title="Train\r\ndiplomats")

    with django_capture_on_commit_callbacks(execute=True):
        response = token_client(api_client, turkiye_focal_point).post(
            "/api/v1/progress-reports/",
            {
                "commitment": commitment.pk,
                "status": "in_progress",
                "quantity_delivered": 2,
                "narrative": "Two editions held",
            },
            format="json",
        )

    assert response.status_code == 201
    assert ProgressReport.objects.count() == 1
    assert [message.subject for message in mailoutbox] == [
        "Progress report to review: Türkiye: Train diplomats"
    ]


def test_a_subject_line_is_one_line_of_reasonable_length():
    assert subject_line("a\r\n\tb\u2028c\x00d  e") == "a b c d e"
    assert len(subject_line("x" * 500)) == 200
    assert subject_line("x" * 500).endswith("…")
