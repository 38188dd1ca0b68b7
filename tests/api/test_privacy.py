"""The field whitelist: no public answer or export shows contact details or a private person.

The world plants e-mails, phones and addresses on every roster person and trainee, private and
Secretariat-only roster people, a person whose consent was withdrawn, a submitted (unvalidated)
report, a review comment and a non-public document. None may leak; the public ones must show.
"""

from __future__ import annotations

import pytest

from tests.api.conftest import (
    PARTICIPANT_EMAIL,
    PARTICIPANT_NAME,
    PRIVATE_NAME,
    PUBLIC_NAME,
    REVIEW_COMMENT,
    SECRET_ADDRESS,
    SECRET_EMAIL,
    SECRET_PHONE,
    SECRETARIAT_ONLY_NAME,
    SUBMITTED_NARRATIVE,
    WITHDRAWN_NAME,
    rows,
)
from tests.api.test_reads import LIST_ENDPOINTS

pytestmark = pytest.mark.django_db

NEVER_PUBLIC = [
    SECRET_EMAIL,
    SECRET_PHONE,
    SECRET_ADDRESS,
    PRIVATE_NAME,
    SECRETARIAT_ONLY_NAME,
    WITHDRAWN_NAME,
    PARTICIPANT_NAME,
    PARTICIPANT_EMAIL,
    SUBMITTED_NARRATIVE,
    REVIEW_COMMENT,
    "Internal note",
    # The cast's own accounts.
    "ayse.turkiye",
    "moussa.senegal",
    "sara@oic.example",
    "sara.secretariat",
]
EXPORTS = [
    f"/api/v1/export/{dataset}.{file_format}"
    for dataset in ("commitments", "paragraphs", "trainings", "recommendations")
    for file_format in ("csv", "json")
]


def _everything_public(client) -> str:
    bodies = []
    for endpoint in LIST_ENDPOINTS:
        response = client.get(f"/api/v1/{endpoint}/", {"limit": 200})
        assert response.status_code == 200
        bodies.append(response.content.decode())
        for record in rows(response):
            key = record.get("id", record.get("iso_code"))
            detail = client.get(f"/api/v1/{endpoint}/{key}/")
            assert detail.status_code == 200
            bodies.append(detail.content.decode())
    bodies.append(client.get("/api/v1/roster/summary/").content.decode())
    for url in EXPORTS:
        response = client.get(url)
        assert response.status_code == 200
        bodies.append(b"".join(response.streaming_content).decode())
    return "\n".join(bodies)


@pytest.mark.parametrize("role", ["anonymous", "focal_other_state"])
def test_no_public_answer_or_export_contains_contact_details_or_private_people(
    world, client_for, role
):
    published = _everything_public(client_for(role))

    leaked = [value for value in NEVER_PUBLIC if value in published]
    assert leaked == []
    # The test can fail: the public person and the validated report are there.
    assert f"{PUBLIC_NAME} 0" in published
    assert "Validated narrative 0" in published


def test_public_profiles_hold_exactly_the_whitelisted_fields(world, api_client):
    response = api_client.get("/api/v1/roster/profiles/")

    assert [person["full_name"] for person in rows(response)] == [f"{PUBLIC_NAME} 0"]
    assert rows(response)[0] == {
        "id": world["public_person"].pk,
        "honorific": "",
        "full_name": f"{PUBLIC_NAME} 0",
        "gender": "female",
        "nationality": "SN",
        "current_position": "",
        "biography": "",
        "roles": [{"role": "mediator", "title": "", "started_on": None}],
        "expertise": ["expertise-0"],
        "languages": ["l0"],
        "regions": ["region-0"],
        "availability": "available",
    }


def test_a_private_profile_is_not_found_even_by_its_id(world, api_client):
    from network.models import RosterMember

    private = RosterMember.objects.get(full_name=f"{PRIVATE_NAME} 0")

    response = api_client.get(f"/api/v1/roster/profiles/{private.pk}/")

    assert response.status_code == 404


def test_trainees_are_only_counted_by_state_level_and_gender(world, api_client):
    response = api_client.get(f"/api/v1/editions/{world['edition'].pk}/")

    assert response.json()["participants"] == {
        "total": 3,
        "completed": 0,
        "declared_without_names": 0,
        "trained": 0,
        "by_gender": {"female": 2, "male": 1, "undisclosed": 0},
        "by_level": {"junior": 2, "mid": 1, "senior": 0, "student": 0},
        "by_state": [{"state": "SN", "count": 2}, {"state": "TR", "count": 1}],
    }


def test_the_roster_summary_counts_people_without_naming_them(world, api_client):
    response = api_client.get("/api/v1/roster/summary/")

    summary = response.json()
    # Public, private and Secretariat-only people count; the one who withdrew consent does not.
    assert summary["total"] == 3
    assert {row["key"]: row["count"] for row in summary["by_role"]} == {
        "mediator": 1,
        "expert": 2,
        "special_envoy": 0,
        "wise_person": 0,
    }
    assert {row["key"]: row["count"] for row in summary["by_gender"]} == {
        "female": 1,
        "male": 2,
        "undisclosed": 0,
    }
    assert summary["by_region"] == [{"key": "region-0", "label": "Region 0", "count": 1}]


def test_the_public_sees_validated_progress_only_and_no_review_comment(world, client_for):
    public = rows(client_for("anonymous").get("/api/v1/progress-reports/"))
    own = rows(client_for("focal_same_state").get("/api/v1/progress-reports/"))

    assert [(r["narrative"], r["review_comment"]) for r in public] == [
        ("Validated narrative 0", None)
    ]
    assert sorted((r["narrative"], r["review_comment"]) for r in own) == [
        (SUBMITTED_NARRATIVE, ""),
        ("Validated narrative 0", REVIEW_COMMENT),
    ]
