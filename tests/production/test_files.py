"""Stored files behind their views: evidence for the Secretariat and the reporting state only,
with debug off; public documents and reports; no directory served; orphans removed."""

from __future__ import annotations

import datetime
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from conferences.models import Document
from oic_mediation.files import remove_orphan_files
from tests.factories import ConferenceFactory
from tests.my_state.conftest import PDF_BYTES

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_secretariat_opens_evidence_from_the_admin_with_debug_off(
    client, secretariat, turkiye_report, settings
):
    assert settings.DEBUG is False
    client.force_login(secretariat)
    page = client.get(
        reverse("admin:resolutions_progressreport_change", args=[turkiye_report.pk])
    ).content.decode()

    link = re.search(r'<a href="(/files/evidence/\d+/)">', page).group(1)
    response = client.get(link)

    assert link == f"/files/evidence/{turkiye_report.pk}/"
    assert "/media/" not in page
    assert response.status_code == 200
    assert body(response) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"


def test_the_reporting_states_focal_point_opens_the_evidence(
    client, turkiye_focal_point, turkiye_report
):
    client.force_login(turkiye_focal_point)
    listing = client.get("/en/my-state/turkiye/reports/").content.decode()
    assert f'href="/files/evidence/{turkiye_report.pk}/"' in listing

    response = client.get(f"/files/evidence/{turkiye_report.pk}/")

    assert response.status_code == 200
    assert body(response) == PDF_BYTES


def test_another_states_focal_point_gets_the_same_404_as_for_a_missing_report(
    client, senegal_focal_point, turkiye_report
):
    client.force_login(senegal_focal_point)

    refused = client.get(f"/files/evidence/{turkiye_report.pk}/")
    missing = client.get(f"/files/evidence/{turkiye_report.pk + 1000}/")

    assert refused.status_code == missing.status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in_and_get_no_file(client, turkiye_report):
    response = client.get(f"/files/evidence/{turkiye_report.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/files/evidence/")


@pytest.mark.parametrize("debug", [False, True])
def test_nothing_under_media_root_is_served_as_a_directory(client, turkiye_report, settings, debug):
    settings.DEBUG = debug
    name = turkiye_report.evidence_file.name

    assert client.get(f"/media/{name}").status_code == 404
    assert client.get("/media/").status_code == 404
    # And the URL map has no such route in development either (it is built once, at import).
    from oic_mediation import urls

    assert not any("media" in str(pattern.pattern) for pattern in urls.urlpatterns)


def test_a_conference_document_is_public_through_its_view(client, media_root):
    conference = ConferenceFactory(
        ordinal=2, title="2nd Conference", city="Istanbul", starts_on=datetime.date(2018, 11, 29)
    )
    document = Document(conference=conference, title="Summary", kind="report", language="fr")
    document.file.save("summary.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()

    response = client.get(f"/files/documents/{document.pk}/")

    assert response.status_code == 200
    assert body(response) == PDF_BYTES
    assert response["Content-Disposition"].startswith("inline;")


def test_x_accel_redirect_hands_the_transfer_to_nginx_after_the_check(
    client, secretariat, senegal_focal_point, turkiye_report, settings
):
    settings.X_ACCEL_REDIRECT = "/protected-files/"
    client.force_login(secretariat)

    response = client.get(f"/files/evidence/{turkiye_report.pk}/")

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-files/{turkiye_report.evidence_file.name}"
    assert response.content == b""
    client.force_login(senegal_focal_point)
    assert client.get(f"/files/evidence/{turkiye_report.pk}/").status_code == 404


def age(name: str, hours: float) -> None:
    when = (timezone.now() - datetime.timedelta(hours=hours)).timestamp()
    os.utime(default_storage.path(name), (when, when))


def test_orphan_files_older_than_an_hour_are_removed_and_referenced_ones_kept(turkiye_report):
    orphan = default_storage.save("reports/2026/left-by-a-killed-worker.pdf", ContentFile(b"x"))
    young = default_storage.save("reports/2026/being-written-now.pdf", ContentFile(b"y"))
    age(orphan, 2)
    age(turkiye_report.evidence_file.name, 48)

    removed = remove_orphan_files()

    assert removed == [orphan]
    assert not default_storage.exists(orphan)
    assert default_storage.exists(young)
    assert default_storage.exists(turkiye_report.evidence_file.name)


KILLED_PUBLICATION = """
import os, signal, datetime
from django.contrib.auth import get_user_model
from resolutions.models import PublishedReport
from oic_mediation.reports.drawing import draw_report
from resolutions import services

def die(self, *args, **kwargs):
    # The PDF is written; the row is not committed yet: the worker is killed here.
    print("FILE", self.pdf_file.name, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

PublishedReport.save = die
user = get_user_model().objects.get(username="sara.secretariat")
services.published_reports_publish(
    user=user,
    since=datetime.date(2018, 1, 1),
    until=datetime.date(2018, 12, 31),
    languages=["en"],
    draw=draw_report,
)
"""


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_publishing_leaves_an_orphan_pdf_which_the_clean_up_removes(
    secretariat, resolution, paragraph_training, media_root, settings
):
    from django.db import connection

    db = connection.settings_dict
    environment = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DJANGO_MEDIA_ROOT": str(media_root),
        # Static files found in the source tree, as in the suite (no collectstatic manifest).
        "DJANGO_DEBUG": "true",
    }
    killed = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", KILLED_PUBLICATION],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    name = re.search(r"FILE (\S+)", killed.stdout).group(1)
    assert default_storage.exists(name)
    from resolutions.models import PublishedReport

    assert not PublishedReport.objects.exists()
    age(name, 2)

    assert remove_orphan_files() == [name]
    assert not default_storage.exists(name)


def test_a_publication_that_fails_before_its_commit_deletes_the_files_it_wrote(
    secretariat, resolution, paragraph_training, media_root, monkeypatch
):
    from oic_mediation.reports import drawing
    from resolutions.models import PublishedReport
    from resolutions.services import published_reports_publish

    def refuse(self, *args, **kwargs):
        raise RuntimeError("the database refused the row")

    monkeypatch.setattr(PublishedReport, "save", refuse)
    monkeypatch.setattr(drawing, "render_pdf", lambda report: b"%PDF-1.7 drawn")

    with pytest.raises(RuntimeError):
        published_reports_publish(
            user=secretariat,
            since=datetime.date(2018, 1, 1),
            until=datetime.date(2018, 12, 31),
            languages=["en", "fr"],
            draw=drawing.draw_report,
        )

    stored = [p for p in Path(media_root).rglob("*") if p.is_file()]
    assert stored == []
