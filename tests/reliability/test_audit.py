"""Every write leaves an audit entry naming who, when and what changed: from the admin, the focal
points' area, the API, and bulk writes that send no model signal."""

from __future__ import annotations

import pytest
from django.utils import timezone

from core.audit import acting_as, audit_trail
from resolutions.models import Commitment
from tests.admin.test_pages import admin_url, form_fields
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def last_entry(commitment):
    return audit_trail(Commitment, commitment.pk)[-1]


def test_an_admin_change_is_recorded_with_the_secretariat_user_and_the_changed_title(
    secretariat_client, secretariat, turkiye_commitment
):
    url = admin_url(Commitment, "change", turkiye_commitment.pk)
    data = form_fields(secretariat_client.get(url))
    data["title_en"] = "Train 12 diplomats"
    before = timezone.now()

    response = secretariat_client.post(url, data)

    assert response.status_code == 302
    entry = last_entry(turkiye_commitment)
    assert entry.who == secretariat
    assert entry.action == "changed"
    assert entry.when >= before
    # modeltranslation keeps the default language in the original column, which history tracks.
    assert entry.changes == {"title": ("Train 10 diplomats", "Train 12 diplomats")}
    turkiye_commitment.refresh_from_db()
    assert turkiye_commitment.version == 2


def test_a_my_state_edit_is_recorded_with_the_focal_point(
    focal_client, turkiye_focal_point, turkiye_commitment
):
    response = focal_client.post(
        f"/en/my-state/commitments/{turkiye_commitment.pk}/edit/",
        {
            "title": "Train 15 diplomats",
            "target_quantity": 15,
            "unit": "diplomats_trained",
            "version": 1,
        },
    )

    assert response.status_code == 302
    entry = last_entry(turkiye_commitment)
    assert entry.who == turkiye_focal_point
    assert entry.changes["title"] == ("Train 10 diplomats", "Train 15 diplomats")
    assert entry.changes["target_quantity"] == (10, 15)


def test_a_commitment_created_in_my_state_is_recorded_as_created_by_the_focal_point(
    focal_client, turkiye_focal_point, turkiye, paragraph_training
):
    response = focal_client.post(
        "/en/my-state/turkiye/commitments/new/",
        {"paragraph": paragraph_training.pk, "title": "Host a simulation", "unit": "events"},
    )

    assert response.status_code == 302
    created = Commitment.objects.get(title="Host a simulation")
    (entry,) = audit_trail(Commitment, created.pk)
    assert (entry.who, entry.action) == (turkiye_focal_point, "created")


def test_an_api_write_by_token_is_recorded_with_the_tokens_user(
    api_client_for, turkiye_focal_point, turkiye_commitment
):
    response = api_client_for(turkiye_focal_point).patch(
        f"/api/v1/commitments/{turkiye_commitment.pk}/",
        {"title": "Train 20 diplomats", "version": 1},
        format="json",
    )

    assert response.status_code == 200
    entry = last_entry(turkiye_commitment)
    assert entry.who == turkiye_focal_point
    assert entry.changes["title"] == ("Train 10 diplomats", "Train 20 diplomats")


def test_a_queryset_update_is_recorded_for_every_row_and_bumps_the_version(
    secretariat, turkiye, paragraph_training
):
    first = CommitmentFactory(state=turkiye, paragraph=paragraph_training, title="First")
    second = CommitmentFactory(state=turkiye, paragraph=paragraph_training, title="Second")

    with acting_as(secretariat):
        count = Commitment.objects.filter(state=turkiye).update(status="withdrawn")

    assert count == 2
    for commitment in (first, second):
        entry = last_entry(commitment)
        assert entry.who == secretariat
        assert entry.action == "changed"
        assert entry.reason == "Bulk update of status"
        assert entry.changes == {"status": ("pledged", "withdrawn")}
    assert set(Commitment.objects.values_list("version", flat=True)) == {2}


def test_a_bulk_update_is_recorded_for_every_object(secretariat, turkiye, paragraph_training):
    commitments = [
        CommitmentFactory(state=turkiye, paragraph=paragraph_training, title=f"Pledge {n}")
        for n in (1, 2, 3)
    ]
    for commitment in commitments:
        commitment.target_quantity = 30

    with acting_as(secretariat):
        Commitment.objects.bulk_update(commitments, ["target_quantity"])

    for commitment in commitments:
        entry = last_entry(commitment)
        assert (entry.who, entry.reason) == (secretariat, "Bulk update of target_quantity")
        assert entry.changes["target_quantity"] == (10, 30)
    assert list(Commitment.objects.values_list("target_quantity", "version")) == [(30, 2)] * 3
    assert Commitment.history.filter(history_type="~").count() == 3


def test_a_queryset_update_that_matches_nothing_records_nothing(turkiye, paragraph_training):
    CommitmentFactory(state=turkiye, paragraph=paragraph_training)

    assert Commitment.objects.filter(title="No such pledge").update(status="withdrawn") == 0

    assert Commitment.history.filter(history_type="~").count() == 0


def test_a_bulk_delete_from_the_admin_is_recorded_for_every_row_with_the_user(
    secretariat_client, secretariat, turkiye, paragraph_training
):
    doomed = [
        CommitmentFactory(state=turkiye, paragraph=paragraph_training, title=f"Duplicate {n}")
        for n in (1, 2)
    ]

    response = secretariat_client.post(
        admin_url(Commitment, "changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [c.pk for c in doomed],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert not Commitment.objects.filter(pk__in=[c.pk for c in doomed]).exists()
    for commitment in doomed:
        entry = last_entry(commitment)
        assert (entry.who, entry.action) == (secretariat, "deleted")


def test_a_queryset_delete_outside_a_request_is_recorded_too(turkiye, paragraph_training):
    doomed = CommitmentFactory(state=turkiye, paragraph=paragraph_training, title="Doomed")

    Commitment.objects.filter(pk=doomed.pk).delete()

    entry = last_entry(doomed)
    assert (entry.who, entry.action) == (None, "deleted")
