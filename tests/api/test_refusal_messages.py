"""A refused write says why, in the client's language: the reason that applies to that client."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_focal_point_patching_another_states_commitment_is_told_it_is_another_states(
    world, client_for
):
    commitment = world["commitment"]  # Türkiye's
    client = client_for("focal_other_state")  # Senegal's focal point

    response = client.patch(
        f"/api/v1/commitments/{commitment.pk}/",
        {"title": "Taken over", "version": commitment.version},
        format="json",
    )

    assert response.status_code == 403
    assert response.json()["detail"] == (
        "You can only act for your own state: this record belongs to Türkiye."
    )
    commitment.refresh_from_db()
    assert commitment.title != "Taken over"


def test_the_refusal_is_in_the_clients_language(world, client_for):
    commitment = world["commitment"]
    client = client_for("focal_other_state")

    response = client.patch(
        f"/api/v1/commitments/{commitment.pk}/",
        {"title": "x", "version": commitment.version},
        format="json",
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Vous ne pouvez agir que pour votre propre État. État de cet enregistrement\u202f: Türkiye."
    )
