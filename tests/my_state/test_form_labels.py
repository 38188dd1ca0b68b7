"""Form labels in My state and on the sign-in pages read in sentence case, without a colon:
"Status", not "status:" (the model's verbose names stay lower case, for use inside sentences)."""

from __future__ import annotations

import html
import re

import pytest

pytestmark = pytest.mark.django_db


def labels(page: str) -> list[str]:
    """The labels of the page's own forms (the header's search box is not one of them)."""
    page = page[page.index("<main") :]
    return [
        html.unescape(re.sub(r"<[^>]+>", "", label)).strip()
        for label in re.findall(r"<label\b[^>]*>(.*?)</label>", page, re.S)
    ]


def test_the_progress_report_form_labels_read_in_sentence_case(
    client, turkiye_focal_point, turkiye_commitment
):
    client.force_login(turkiye_focal_point)

    english = client.get(f"/en/my-state/commitments/{turkiye_commitment.pk}/report/").text
    french = client.get(f"/fr/my-state/commitments/{turkiye_commitment.pk}/report/").text

    assert labels(english) == [
        "Status",
        "Quantity delivered so far",
        "Delivered by",
        "Period covered from",
        "Narrative",
        "Language of the narrative",
        "Evidence (link)",
        "Evidence (file)",
        # The form beside it: nothing new to report.
        "Note (optional)",
    ]
    assert labels(french)[:3] == ["Statut", "Quantité réalisée à ce jour", "Réalisé au"]


def test_the_sign_in_page_labels_read_in_sentence_case(client):
    assert labels(client.get("/en/accounts/login/").text) == [
        "Username",
        "Password",
        "Authentication code",
    ]
    assert labels(client.get("/fr/accounts/login/").text)[:2] == [
        "Nom d’utilisateur",
        "Mot de passe",
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_label_of_my_state_or_the_account_pages_is_lower_case_or_ends_with_a_colon(
    client, turkiye_focal_point, turkiye_commitment, paragraph_training, language
):
    anonymous_pages = ["accounts/login/", "accounts/password/reset/"]
    focal_point_pages = [
        "accounts/password/change/",
        "my-state/turkiye/commitments/new/",
        f"my-state/commitments/{turkiye_commitment.pk}/edit/",
        f"my-state/commitments/{turkiye_commitment.pk}/report/",
        "my-state/turkiye/roster/nominate/",
        "my-state/turkiye/trainings/report/",
    ]
    found = {}
    for path in anonymous_pages:
        found[path] = labels(client.get(f"/{language}/{path}").text)
    client.force_login(turkiye_focal_point)
    for path in focal_point_pages:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        found[path] = labels(response.text)

    wrong = {
        path: [label for label in page_labels if label[0].islower() or label.endswith(":")]
        for path, page_labels in found.items()
    }
    assert all(found.values())
    assert wrong == {path: [] for path in found}
