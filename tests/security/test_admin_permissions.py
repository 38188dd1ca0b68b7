"""Every admin URL — list, add, change, delete, history, revert, import, export and the portal's own
pages — for three people: a staff member in no group and with no permission, a focal point, and
the Secretariat. Only the Secretariat gets in; spreadsheet import and export of personal data are
behind the same model permissions as the changelist (issue 13, finding 1)."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from network.models import RosterMember
from tests.admin import test_pages as admin_tests
from trainings.models import Participant

one_of_each = admin_tests.one_of_each
sesric = admin_tests.sesric
programme = admin_tests.programme
edition = admin_tests.edition
conference = admin_tests.conference
contact_group = admin_tests.contact_group

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
PRIVATE_EMAIL = "private.member@hidden.example"
PARTICIPANT_EMAIL = "participant@hidden.example"
DOMAIN_APPS = ("network", "resolutions", "trainings", "conferences")


@pytest.fixture
def records(one_of_each, secretariat):
    """A record of every registered model (the four apps' and the accounts' ones)."""
    found = dict(one_of_each)
    private = found[RosterMember]
    private.email = PRIVATE_EMAIL
    private.visibility = RosterMember.Visibility.PRIVATE
    private.save()
    participant = found[Participant]
    participant.email = PARTICIPANT_EMAIL
    participant.save()
    found[get_user_model()] = secretariat
    found[TOTPDevice] = TOTPDevice.objects.create(user=secretariat, name="app", confirmed=False)
    for model in admin.site._registry:
        if model not in found:
            first = model._default_manager.first()
            if first is not None:
                found[model] = first
    return found


def admin_urls(records) -> list[tuple[str, str]]:
    """(name, URL) of every page of every registered model admin, plus the site's own pages."""
    urls = [("index", reverse("admin:index")), ("roster matching", "/admin/roster-matching/")]
    for model, model_admin in admin.site._registry.items():
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        record = records.get(model)
        pk = str(record.pk) if record is not None else "1"
        history = getattr(record, "history", None)
        version = history.first() if history is not None else None
        for pattern in model_admin.get_urls():
            name = getattr(pattern, "name", None)
            if not name or name.endswith("_autocomplete"):
                continue
            route = str(pattern.pattern)
            if route.startswith("^"):  # simple-history's revert page: object, then version
                if version is None:
                    continue
                route = f"{pk}/history/{version.history_id}/"
            route = re.sub(r"<(?:\w+:)?(?:object_id|pk|id)>", pk, route)
            assert "<" not in route and "(" not in route, route
            urls.append((name, base + route))
    return urls


def test_the_matrix_covers_import_export_revert_and_every_model(records):
    names = {name for name, _url in admin_urls(records)}

    for expected in (
        "network_rostermember_export",
        "network_rostermember_import",
        "network_rostermember_process_import",
        "trainings_participant_export",
        "resolutions_commitment_import",
        "resolutions_commitment_simple_history",
        "network_focalpoint_invite",
        "auth_user_password_change",
    ):
        assert expected in names
    changelists = {name for name in names if name.endswith("_changelist")}
    assert len(changelists) == len(admin.site._registry)


def test_a_staff_member_without_a_group_gets_403_on_every_admin_page(
    client, staff_outside_secretariat, records
):
    client.force_login(staff_outside_secretariat, backend=MODEL_BACKEND)
    allowed = []

    for name, url in admin_urls(records):
        response = client.get(url)
        body = response.content.decode(errors="replace")
        assert PRIVATE_EMAIL not in body and PARTICIPANT_EMAIL not in body, url
        if name == "index":
            assert response.status_code == 200
            assert "You don’t have permission to view or edit anything." in body
            continue
        # 403, or (before any permission check) 405 for a confirmation that must be POSTed and
        # a redirect to the index for a record that does not exist.
        refused = response.status_code == 403 or (
            response.status_code == 405 and name.endswith("_process_import")
        )
        if response.status_code == 302:
            refused = response["Location"] == reverse("admin:index")
        if not refused:
            allowed.append((url, response.status_code))

    assert allowed == [], allowed


def test_a_staff_member_without_a_group_can_neither_export_nor_import_personal_data(
    client, staff_outside_secretariat, records
):
    private = records[RosterMember]
    client.force_login(staff_outside_secretariat, backend=MODEL_BACKEND)
    # The form a Secretariat member would post, every column ticked.
    client.force_login(records[get_user_model()], backend=MODEL_BACKEND)
    roster_form = admin_tests.form_fields(client.get("/admin/network/rostermember/export/"))
    participant_form = admin_tests.form_fields(client.get("/admin/trainings/participant/export/"))
    client.force_login(staff_outside_secretariat, backend=MODEL_BACKEND)
    exported = client.post("/admin/network/rostermember/export/", {**roster_form, "format": "0"})
    participants = client.post(
        "/admin/trainings/participant/export/", {**participant_form, "format": "0"}
    )
    csv = f"id,full_name,gender,visibility\n{private.pk},{private.full_name},female,public\n"
    dry_run = client.post(
        "/admin/network/rostermember/import/",
        {"format": "0", "import_file": SimpleUploadedFile("roster.csv", csv.encode())},
    )
    confirmed = client.post(
        "/admin/network/rostermember/process_import/",
        {"format": "0", "import_file_name": "roster.csv", "original_file_name": "roster.csv"},
    )

    assert [exported.status_code, participants.status_code] == [403, 403]
    assert PRIVATE_EMAIL not in exported.content.decode(errors="replace")
    assert PARTICIPANT_EMAIL not in participants.content.decode(errors="replace")
    assert [dry_run.status_code, confirmed.status_code] == [403, 403]
    private.refresh_from_db()
    assert private.visibility == RosterMember.Visibility.PRIVATE


def test_a_focal_point_is_sent_to_the_admin_sign_in_from_every_admin_page(
    client, turkiye_focal_point, records
):
    client.force_login(turkiye_focal_point, backend=MODEL_BACKEND)
    login = reverse("admin:login")
    let_in = []

    for _name, url in admin_urls(records):
        response = client.get(url)
        if not (response.status_code == 302 and response["Location"].startswith(login)):
            let_in.append((url, response.status_code))

    assert let_in == [], let_in


def test_the_secretariat_opens_every_admin_page_including_import_and_export(
    client, secretariat, records
):
    client.force_login(secretariat, backend=MODEL_BACKEND)
    refused = []

    for name, url in admin_urls(records):
        if not (name in ("index", "roster matching") or url.split("/")[2] in DOMAIN_APPS):
            continue  # accounts, tokens, sign-in records: Secretariat rights differ by design
        response = client.get(url)
        # The confirmation of an import is POSTed only, from the dry run's page.
        expected = 405 if name.endswith("_process_import") else 200
        if name == "resolutions_progressreport_delete":
            expected = 403  # nobody deletes a progress report (tests/admin/test_pages.py)
        if response.status_code != expected:
            refused.append((url, response.status_code))

    assert refused == [], refused
    form = admin_tests.form_fields(client.get("/admin/network/rostermember/export/"))
    exported = client.post("/admin/network/rostermember/export/", {**form, "format": "0"})
    assert exported.status_code == 200
    assert PRIVATE_EMAIL in exported.content.decode()
