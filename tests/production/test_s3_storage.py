"""Files on an S3-compatible bucket (moto's server, a real S3 API over HTTP): uploaded evidence
lands in the bucket, the Secretariat downloads it through the portal, orphans are removed there."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from oic_mediation.files import remove_orphan_files
from resolutions.models import ProgressReport
from tests.my_state.conftest import PDF_BYTES

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def bucket(s3_server, settings):
    name = s3_server.create_bucket(f"oic-{uuid.uuid4().hex[:12]}")
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.storage_settings(name)}
    return name


def test_evidence_uploaded_by_a_focal_point_is_stored_in_the_bucket_and_served_by_the_portal(
    client,
    s3_server,
    bucket,
    turkiye_focal_point,
    secretariat,
    turkiye_commitment,
    tmp_path,
    settings,
):
    settings.MEDIA_ROOT = tmp_path / "no-local-files"
    client.force_login(turkiye_focal_point)
    client.post(
        f"/en/my-state/commitments/{turkiye_commitment.pk}/report/",
        {
            "status": "in_progress",
            "quantity_delivered": "4",
            "narrative": "Four diplomats trained.",
            "language": "en",
            "evidence_file": SimpleUploadedFile("ankara.pdf", PDF_BYTES),
        },
    )
    report = ProgressReport.objects.get()

    assert s3_server.keys(bucket) == [report.evidence_file.name]
    assert not settings.MEDIA_ROOT.exists()
    client.force_login(secretariat)
    response = client.get(f"/files/evidence/{report.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_orphans_in_the_bucket_are_removed_once_an_hour_old(s3_server, bucket, turkiye_report):
    default_storage.save("reports/2026/orphan.pdf", ContentFile(b"%PDF-"))

    assert remove_orphan_files() == []  # too young: its transaction may still be open
    removed = remove_orphan_files(now=timezone.now() + datetime.timedelta(hours=2))

    assert removed == ["reports/2026/orphan.pdf"]
    assert s3_server.keys(bucket) == [turkiye_report.evidence_file.name]
