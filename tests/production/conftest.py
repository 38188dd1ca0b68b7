"""Fixtures of the production layer's tests: records with evidence, the database queue."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from resolutions.models import ProgressReport
from tests.factories import CommitmentFactory
from tests.my_state.conftest import PDF_BYTES


@pytest.fixture
def turkiye_commitment(turkiye, paragraph_training):
    return CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        due_on=timezone.localdate() + datetime.timedelta(days=400),
    )


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def turkiye_report(turkiye_commitment, turkiye_focal_point, media_root) -> ProgressReport:
    report = ProgressReport(
        commitment=turkiye_commitment,
        status="in_progress",
        quantity_delivered=3,
        narrative="Three diplomats trained.",
        reported_by=turkiye_focal_point,
        reported_at=timezone.now(),
    )
    report.evidence_file.save("ankara.pdf", ContentFile(PDF_BYTES), save=False)
    report.save()
    return report


@pytest.fixture
def database_queue(settings):
    """Tasks stored in the database and run by the worker, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "oic_mediation.mail.backends.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def run_worker() -> None:
    """`manage.py run_worker --batch`: the ready tasks, then return. In the test's transaction:
    the worker loop's check of old connections would close the test's connection."""
    from unittest import mock

    from django.core.management import call_command

    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    ):
        call_command("run_worker", "--batch", "--interval", "0", verbosity=0)
