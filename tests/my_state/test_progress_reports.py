"""Reporting progress with evidence, and the list of the state's reports with their review."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resolutions.models import ProgressReport
from tests.my_state.conftest import PDF_BYTES, stored_files

pytestmark = pytest.mark.django_db


def report_url(commitment) -> str:
    return reverse("my_state:progress_report", kwargs={"pk": commitment.pk})


def report_data(**extra) -> dict:
    return {
        "status": "in_progress",
        "quantity_delivered": "4",
        "narrative": "Four diplomats trained in Ankara.",
        "language": "en",
        **extra,
    }


def test_focal_point_reports_progress_with_a_pdf_and_the_secretariat_is_told(
    client,
    turkiye_focal_point,
    secretariat,
    turkiye_commitment,
    evidence_dir,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(turkiye_focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            report_url(turkiye_commitment),
            report_data(evidence_file=SimpleUploadedFile("ankara-2024.pdf", PDF_BYTES)),
        )
    assert response.status_code == 302
    assert response["Location"] == "/en/my-state/turkiye/reports/"
    report = ProgressReport.objects.get()
    assert (report.status, report.quantity_delivered, report.review_status, report.reported_by) == (
        "in_progress",
        4,
        "submitted",
        turkiye_focal_point,
    )
    assert report.evidence_file.read() == PDF_BYTES
    assert len(stored_files(evidence_dir)) == 1
    # Not public yet: the commitment still shows the validated figures only.
    turkiye_commitment.refresh_from_db()
    assert (turkiye_commitment.status, turkiye_commitment.delivered_quantity) == ("pledged", 0)
    assert [(mail.to, mail.subject) for mail in mailoutbox] == [
        (["sara@oic.example"], "Progress report to review: Türkiye: Train 10 diplomats")
    ]


def test_focal_point_reports_progress_with_a_link(client, turkiye_focal_point, turkiye_commitment):
    client.force_login(turkiye_focal_point)
    client.post(
        report_url(turkiye_commitment), report_data(evidence_url="https://mfa.example/report")
    )
    assert ProgressReport.objects.get().evidence_url == "https://mfa.example/report"


def test_an_html_page_named_pdf_is_refused_and_nothing_is_stored(
    client, turkiye_focal_point, turkiye_commitment, evidence_dir
):
    client.force_login(turkiye_focal_point)
    html = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
    response = client.post(
        report_url(turkiye_commitment),
        report_data(
            evidence_file=SimpleUploadedFile("report.pdf", html, content_type="application/pdf")
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["evidence_file"] == [
        "This file is not a PDF, an office document or an image. Accepted: .doc, .docx, .gif, "
        ".jpeg, .jpg, .odp, .ods, .odt, .pdf, .png, .ppt, .pptx, .webp, .xls, .xlsx."
    ]
    assert ProgressReport.objects.count() == 0
    assert stored_files(evidence_dir) == []


def test_a_pdf_renamed_to_docx_is_refused(
    client, turkiye_focal_point, turkiye_commitment, evidence_dir
):
    client.force_login(turkiye_focal_point)
    response = client.post(
        report_url(turkiye_commitment),
        report_data(evidence_file=SimpleUploadedFile("report.docx", PDF_BYTES)),
    )
    assert response.context["form"].errors["evidence_file"] == [
        "The file's name ends in “.docx” but its content is not of that type."
    ]
    assert ProgressReport.objects.count() == 0
    assert stored_files(evidence_dir) == []


def test_a_file_over_the_size_limit_is_refused_and_nothing_is_stored(
    client, turkiye_focal_point, turkiye_commitment, evidence_dir, settings
):
    settings.EVIDENCE_MAX_BYTES = 1024
    client.force_login(turkiye_focal_point)
    big_pdf = PDF_BYTES + b"0" * (2048 - len(PDF_BYTES))
    response = client.post(
        report_url(turkiye_commitment),
        report_data(evidence_file=SimpleUploadedFile("big.pdf", big_pdf)),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["evidence_file"] == [
        "The file is 2.0\xa0KB; evidence files may be at most 1.0\xa0KB."
    ]
    assert ProgressReport.objects.count() == 0
    assert stored_files(evidence_dir) == []


def test_a_report_without_narrative_is_refused_with_a_message(
    client, turkiye_focal_point, turkiye_commitment
):
    client.force_login(turkiye_focal_point)
    response = client.post(report_url(turkiye_commitment), report_data(narrative=""))
    assert response.context["form"].errors["narrative"] == ["This field is required."]
    assert ProgressReport.objects.count() == 0


def test_a_withdrawn_commitment_takes_no_more_reports(
    client, turkiye_focal_point, turkiye_commitment
):
    turkiye_commitment.status = "withdrawn"
    turkiye_commitment.save()
    client.force_login(turkiye_focal_point)
    response = client.post(report_url(turkiye_commitment), report_data(), follow=True)
    assert "This commitment was withdrawn; no more progress can be reported." in response.text
    assert ProgressReport.objects.count() == 0


def test_reports_list_shows_review_status_and_return_comment_of_own_state_only(
    client, turkiye_focal_point, secretariat, turkiye_commitment, senegal_commitment
):
    from resolutions import services

    first = services.progress_report_submit(
        user=turkiye_focal_point,
        commitment=turkiye_commitment,
        status="in_progress",
        quantity_delivered=2,
        narrative="Two trained.",
    )
    services.progress_report_return(
        user=secretariat, report=first, comment="Attach the list of participants."
    )
    services.progress_report_submit(
        user=turkiye_focal_point,
        commitment=turkiye_commitment,
        status="in_progress",
        quantity_delivered=3,
        narrative="Three trained.",
    )
    services.progress_report_submit(
        user=secretariat,
        commitment=senegal_commitment,
        status="delivered",
        quantity_delivered=1,
        narrative="Senegal's simulation.",
    )
    client.force_login(turkiye_focal_point)
    response = client.get(reverse("my_state:reports", kwargs={"state": "turkiye"}))
    assert [
        (r.quantity_delivered, r.review_status, r.review_comment)
        for r in response.context["reports"]
    ] == [
        (3, "submitted", ""),
        (2, "returned", "Attach the list of participants."),
    ]
    assert "Attach the list of participants." in response.text
    assert "Returned for changes" in response.text
    assert "simulation" not in response.text
