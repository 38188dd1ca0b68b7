"""Imports and refusals say what is wrong, in the user's words, and no more (issue 13, finding
14): a malformed number is named as such, an unknown value in a column that is not imported is
refused instead of dropped, and another state's commitment answers like one that does not exist."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from resolutions.models import Commitment
from tests.admin.test_import_export import COMMITMENT_HEADER, row_errors, upload
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_a_malformed_number_is_named_in_words(secretariat_client, paragraph_training, turkiye):
    csv = f"{COMMITMENT_HEADER}\n53/45-POL,8,TR,,Ten editions,,ten,events,2019-01-01,\n"

    response = upload(secretariat_client, Commitment, "c.csv", csv.encode())

    assert row_errors(response) == {1: ["“ten” is not a whole number."]}
    assert Commitment.objects.count() == 0


def test_an_unknown_status_in_a_column_that_is_not_imported_is_refused(
    secretariat_client, paragraph_training, turkiye
):
    header = f"{COMMITMENT_HEADER},status"
    csv = f"{header}\n53/45-POL,8,TR,,Teleportation,,1,events,2019-01-01,,teleported\n"

    response = upload(secretariat_client, Commitment, "c.csv", csv.encode())

    assert row_errors(response) == {
        1: [
            "The “status” column is not imported; it holds “pledged” for this record, not "
            "“teleported”. Leave the exported value or empty the cell."
        ]
    }
    assert Commitment.objects.count() == 0


def test_the_exported_status_imports_back_without_a_word(
    secretariat_client, paragraph_training, turkiye
):
    header = f"{COMMITMENT_HEADER},status,delivered_quantity"
    csv = f"{header}\n53/45-POL,8,TR,,Fine,,1,events,2019-01-01,,pledged,0.0\n"

    response = upload(secretariat_client, Commitment, "c.csv", csv.encode())

    assert row_errors(response) == {}


def test_another_states_commitment_answers_like_a_missing_one(
    client, senegal_focal_point, paragraph_training, turkiye
):
    commitment = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Train diplomats",
        target_quantity=None,
        unit="actions",
        pledged_on=timezone.localdate(),
    )
    client.force_login(senegal_focal_point)

    for name in ("commitment_edit", "progress_report"):
        theirs = client.get(reverse(f"my_state:{name}", kwargs={"pk": commitment.pk}))
        missing = client.get(reverse(f"my_state:{name}", kwargs={"pk": commitment.pk + 1000}))
        assert (theirs.status_code, missing.status_code) == (404, 404)
        # The same page, but for its own address (in the links to it in other languages) and
        # the CSRF token (masked anew in every response).
        assert without_address_and_token(theirs.text) == without_address_and_token(missing.text)


def without_address_and_token(page: str) -> str:
    page = re.sub(r"/commitments/\d+/", "/commitments/…/", page)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
