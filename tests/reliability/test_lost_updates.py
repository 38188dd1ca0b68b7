"""No lost updates: every editable record carries a version, every writer refuses a stale one and
keeps the first write, and two real database connections racing on one commitment cannot both win.
"""

from __future__ import annotations

import threading

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from simple_history.models import HistoricalChanges

from core.admin import VersionCheckedForm
from core.models import StaleVersionError, TrackedModel
from resolutions.models import Commitment
from resolutions.services import commitment_update
from tests.admin.test_pages import admin_url, form_fields
from tests.factories import CommitmentFactory

DOMAIN_APPS = ("network", "resolutions", "trainings", "conferences")
# Records that are never edited in place, so carry no version: append-only reports (only the
# review service changes them, under a row lock), vocabularies, join rows and logs.
NOT_VERSIONED = {
    "conferences.SessionSpeaker",
    "network.ExpertiseArea",
    "network.Language",
    "network.Region",
    "resolutions.ProgressReport",
    "resolutions.PublishedReport",
    "resolutions.ReminderSent",
    # The record of a reporting reminder sent, and the one-row reporting schedule.
    "resolutions.ReportingReminder",
    "resolutions.ReportingSchedule",
}


def test_every_editable_record_of_the_domain_carries_a_version():
    unversioned = {
        model._meta.label
        for app in DOMAIN_APPS
        for model in apps.get_app_config(app).get_models()
        if not issubclass(model, (TrackedModel, HistoricalChanges)) and not model._meta.auto_created
    }

    assert unversioned == NOT_VERSIONED


def test_every_admin_change_form_of_a_versioned_record_checks_the_version():
    unchecked = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if issubclass(model, TrackedModel) and not issubclass(model_admin.form, VersionCheckedForm)
    ]

    assert unchecked == []


# --- Each writer refuses a stale version and the first write survives --------------------------


@pytest.mark.django_db
def test_the_admin_refuses_a_stale_change_form_and_keeps_the_first_write(
    secretariat_client, turkiye_commitment
):
    url = admin_url(Commitment, "change", turkiye_commitment.pk)
    stale = form_fields(secretariat_client.get(url))
    first = dict(stale, title_en="First write")
    assert secretariat_client.post(url, first).status_code == 302

    response = secretariat_client.post(url, dict(stale, title_en="Second, stale write"))

    assert response.status_code == 200
    assert "The record was changed by someone else" in response.content.decode()
    turkiye_commitment.refresh_from_db()
    assert (turkiye_commitment.title, turkiye_commitment.version) == ("First write", 2)


@pytest.mark.django_db
def test_the_my_state_form_refuses_a_stale_version_and_keeps_the_first_write(
    focal_client, turkiye_commitment
):
    url = f"/en/my-state/commitments/{turkiye_commitment.pk}/edit/"
    form = {
        "title": "First write",
        "target_quantity": 10,
        "unit": "diplomats_trained",
        "version": 1,
    }
    assert focal_client.post(url, form).status_code == 302

    response = focal_client.post(url, dict(form, title="Second, stale write"))

    assert response.status_code == 200
    assert "Someone else saved this commitment while you were editing it" in (
        response.content.decode()
    )
    turkiye_commitment.refresh_from_db()
    assert (turkiye_commitment.title, turkiye_commitment.version) == ("First write", 2)


@pytest.mark.django_db
def test_the_api_refuses_a_stale_version_with_412_and_keeps_the_first_write(
    api_client_for, turkiye_focal_point, turkiye_commitment
):
    api = api_client_for(turkiye_focal_point)
    url = f"/api/v1/commitments/{turkiye_commitment.pk}/"
    assert (
        api.patch(url, {"title": "First write"}, format="json", HTTP_IF_MATCH='"1"').status_code
        == 200
    )

    response = api.patch(url, {"title": "Second, stale write"}, format="json", HTTP_IF_MATCH='"1"')

    assert response.status_code == 412
    assert response.json()["code"] == "stale"
    turkiye_commitment.refresh_from_db()
    assert (turkiye_commitment.title, turkiye_commitment.version) == ("First write", 2)


@pytest.mark.django_db
def test_a_queryset_update_makes_an_open_form_stale(focal_client, turkiye_commitment):
    Commitment.objects.filter(pk=turkiye_commitment.pk).update(target_quantity=40)

    response = focal_client.post(
        f"/en/my-state/commitments/{turkiye_commitment.pk}/edit/",
        {"title": "Edited", "target_quantity": 10, "unit": "diplomats_trained", "version": 1},
    )

    assert response.status_code == 200
    turkiye_commitment.refresh_from_db()
    assert (turkiye_commitment.title, turkiye_commitment.target_quantity) == (
        "Train 10 diplomats",
        40,
    )


# --- Two real connections racing ----------------------------------------------------------------


class Writer(threading.Thread):
    """Updates the commitment through the service on its own database connection."""

    def __init__(
        self,
        *,
        user,
        pk: int,
        title: str,
        start: threading.Barrier | None = None,
        hold: threading.Event | None = None,
        wrote: threading.Event | None = None,
    ):
        super().__init__()
        self.user, self.pk, self.title = user, pk, title
        self.start_together, self.hold, self.wrote = start, hold, wrote
        self.outcome: str | None = None
        self.error: BaseException | None = None

    def run(self):
        try:
            commitment = Commitment.objects.get(pk=self.pk)  # version 1, as a form would show it
            if self.start_together is not None:
                self.start_together.wait(timeout=10)
            with transaction.atomic():
                commitment_update(
                    user=self.user,
                    commitment=commitment,
                    expected_version=1,
                    title=self.title,
                )
                if self.wrote is not None:
                    self.wrote.set()
                if self.hold is not None:
                    # Keep the transaction (and the row lock) open until told to commit.
                    self.hold.wait(timeout=10)
            self.outcome = "saved"
        except ValidationError as error:
            self.outcome = error.code
        except BaseException as error:  # reported by the test
            self.error = error
        finally:
            connection.close()


@pytest.mark.django_db(transaction=True)
def test_two_connections_updating_the_same_version_at_once_one_wins_the_other_is_stale(
    turkiye, paragraph_training, turkiye_focal_point, secretariat
):
    for round_number in range(5):
        commitment = CommitmentFactory(
            state=turkiye, paragraph=paragraph_training, title=f"Round {round_number}"
        )
        start = threading.Barrier(2)
        writers = [
            Writer(
                user=turkiye_focal_point, pk=commitment.pk, title="Focal point's edit", start=start
            ),
            Writer(user=secretariat, pk=commitment.pk, title="Secretariat's edit", start=start),
        ]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(timeout=30)

        assert [writer.error for writer in writers] == [None, None]
        assert sorted(writer.outcome for writer in writers) == ["saved", "stale"]
        (winner,) = [writer for writer in writers if writer.outcome == "saved"]
        commitment.refresh_from_db()
        assert (commitment.title, commitment.version) == (winner.title, 2)


@pytest.mark.django_db(transaction=True)
def test_a_writer_waits_for_the_other_connections_lock_then_is_refused_as_stale(
    turkiye, paragraph_training, turkiye_focal_point, secretariat
):
    commitment = CommitmentFactory(state=turkiye, paragraph=paragraph_training)
    hold, wrote = threading.Event(), threading.Event()
    first = Writer(
        user=turkiye_focal_point, pk=commitment.pk, title="First", hold=hold, wrote=wrote
    )
    second = Writer(user=secretariat, pk=commitment.pk, title="Second")

    first.start()
    assert wrote.wait(timeout=10)  # the first writer saved and still holds the row lock
    second.start()
    second.join(timeout=1)
    blocked_while_first_uncommitted = second.is_alive()
    hold.set()
    first.join(timeout=10)
    second.join(timeout=10)

    assert blocked_while_first_uncommitted
    assert (first.error, second.error) == (None, None)
    assert (first.outcome, second.outcome) == ("saved", "stale")
    commitment.refresh_from_db()
    assert (commitment.title, commitment.version) == ("First", 2)


@pytest.mark.django_db(transaction=True)
def test_save_if_version_on_two_connections_lets_exactly_one_through(turkiye, paragraph_training):
    commitment = CommitmentFactory(state=turkiye, paragraph=paragraph_training)
    start = threading.Barrier(2)
    outcomes = []

    def save(title: str) -> None:
        try:
            copy = Commitment.objects.get(pk=commitment.pk)
            copy.title = title
            start.wait(timeout=10)
            copy.save_if_version(1)
            outcomes.append(("saved", title))
        except StaleVersionError as error:
            outcomes.append(("stale", error.current))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(title,)) for title in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(kind for kind, _value in outcomes) == ["saved", "stale"]
    assert ("stale", 2) in outcomes
    (saved_title,) = [value for kind, value in outcomes if kind == "saved"]
    commitment.refresh_from_db()
    assert (commitment.title, commitment.version) == (saved_title, 2)
