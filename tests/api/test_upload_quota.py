"""An upload allowance per person and 24 hours (issue 13, finding 12): ten 10 MB evidence files
in a second from one token went through. Past the allowance a report with a file is refused with
the reason, nothing is stored, and other people keep their own allowance."""

from __future__ import annotations

import pytest

from resolutions.models import ProgressReport
from tests.my_state import conftest as my_state

# Fixtures of the focal-point tests.
evidence_dir = my_state.evidence_dir
turkiye_commitment = my_state.turkiye_commitment
senegal_commitment = my_state.senegal_commitment
stored_files = my_state.stored_files

pytestmark = pytest.mark.django_db

ONE_MB = 1024 * 1024


def pdf(size: int) -> bytes:
    return b"%PDF-1.7\n" + b"0" * (size - 9)


def report(client, commitment, size: int, name: str = "evidence.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        "/api/v1/progress-reports/",
        {
            "commitment": commitment.pk,
            "status": "in_progress",
            "quantity_delivered": 1,
            "narrative": "Evidence attached",
            "evidence_file": SimpleUploadedFile(name, pdf(size), "application/pdf"),
        },
        format="multipart",
    )


@pytest.fixture
def small_allowance(settings, evidence_dir):
    settings.EVIDENCE_DAILY_FILES = 3
    settings.EVIDENCE_DAILY_BYTES = 5 * ONE_MB
    return evidence_dir


def test_files_past_the_daily_number_are_refused(client_for, turkiye_commitment, small_allowance):
    client = client_for("focal_same_state")

    statuses = [report(client, turkiye_commitment, 1000).status_code for _ in range(5)]
    refused = report(client, turkiye_commitment, 1000)

    assert statuses == [201, 201, 201, 400, 400]
    assert list(refused.json()["fields"]) == ["evidence_file"]
    assert "3 files" in refused.json()["fields"]["evidence_file"][0]
    assert ProgressReport.objects.count() == 3
    assert len(stored_files(small_allowance)) == 3


def test_bytes_past_the_daily_allowance_are_refused(
    client_for, turkiye_commitment, small_allowance
):
    client = client_for("focal_same_state")

    statuses = [report(client, turkiye_commitment, 2 * ONE_MB).status_code for _ in range(3)]

    assert statuses == [201, 201, 400]
    assert len(stored_files(small_allowance)) == 2


def test_a_report_without_a_file_still_goes_through_past_the_allowance(
    client_for, turkiye_commitment, small_allowance
):
    client = client_for("focal_same_state")
    for _ in range(3):
        report(client, turkiye_commitment, 1000)

    plain = client.post(
        "/api/v1/progress-reports/",
        {
            "commitment": turkiye_commitment.pk,
            "status": "in_progress",
            "quantity_delivered": 2,
            "narrative": "No file",
        },
        format="json",
    )

    assert plain.status_code == 201


def test_each_person_has_their_own_allowance(
    client_for, turkiye_commitment, senegal_commitment, small_allowance
):
    turkiye = client_for("focal_same_state")
    for _ in range(3):
        report(turkiye, turkiye_commitment, 1000)

    senegal = report(client_for("focal_other_state"), senegal_commitment, 1000)

    assert senegal.status_code == 201
