"""The permission matrix: every endpoint × method × role of the fixed cast, each cell asserted.

Roles: an anonymous visitor, the focal point of Türkiye (whose records are written to: "same
state"), the focal point of Senegal ("other state") and the Secretariat. A refused write stores
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from network.models import RosterMember
from resolutions.models import Commitment, ProgressReport
from tests.api.conftest import SUBMITTED_NARRATIVE

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "focal_same_state", "focal_other_state", "secretariat"]
EVERYONE_200 = dict.fromkeys(ROLES, 200)
EVERYONE_405 = dict.fromkeys(ROLES, 405)


@dataclass(frozen=True)
class Cell:
    method: str
    path: str  # formatted with the world's ids
    expected: dict[str, int]
    body: dict = field(default_factory=dict)
    counts: str = ""  # the model whose row count a successful write raises by one


READ_ENDPOINTS = {
    "states": "TR",
    "organisations": "{organisation}",
    "contact-groups": "{group}",
    "meetings": "{meeting}",
    "roster/profiles": "{public_person}",
    "resolutions": "{resolution}",
    "paragraphs": "{paragraph}",
    "commitments": "{commitment}",
    "progress-reports": "{validated_report}",
    "programmes": "{programme}",
    "editions": "{edition}",
    "conferences": "{conference}",
    "sessions": "{session}",
    "speakers": "{speaker}",
    "documents": "{document}",
    "recommendations": "{recommendation}",
    "figures": "{figure}",
}
READ_ONLY = [name for name in READ_ENDPOINTS if name not in ("commitments", "progress-reports")]

CELLS = {
    **{
        f"GET {name} list": Cell("get", f"/api/v1/{name}/", EVERYONE_200) for name in READ_ENDPOINTS
    },
    **{
        f"GET {name} detail": Cell("get", f"/api/v1/{name}/{key}/", EVERYONE_200)
        for name, key in READ_ENDPOINTS.items()
    },
    **{f"POST {name}": Cell("post", f"/api/v1/{name}/", EVERYONE_405) for name in READ_ONLY},
    **{
        f"PATCH {name} detail": Cell("patch", f"/api/v1/{name}/{key}/", EVERYONE_405)
        for name, key in READ_ENDPOINTS.items()
        if name in READ_ONLY
    },
    **{
        f"DELETE {name} detail": Cell("delete", f"/api/v1/{name}/{key}/", EVERYONE_405)
        for name, key in READ_ENDPOINTS.items()
        if name in READ_ONLY
    },
    "GET roster summary": Cell("get", "/api/v1/roster/summary/", EVERYONE_200),
    "GET export commitments.csv": Cell("get", "/api/v1/export/commitments.csv", EVERYONE_200),
    "GET export trainings.json": Cell("get", "/api/v1/export/trainings.json", EVERYONE_200),
    "GET schema": Cell("get", "/api/schema/?format=json", EVERYONE_200),
    "GET a submitted report": Cell(
        "get",
        "/api/v1/progress-reports/{submitted_report}/",
        {"anonymous": 404, "focal_same_state": 200, "focal_other_state": 404, "secretariat": 200},
    ),
    "POST commitments": Cell(
        "post",
        "/api/v1/commitments/",
        {"anonymous": 401, "focal_same_state": 201, "focal_other_state": 403, "secretariat": 201},
        body={"paragraph": "{paragraph}", "state": "TR", "title": "Host a training"},
        counts="commitment",
    ),
    "PATCH commitment": Cell(
        "patch",
        "/api/v1/commitments/{commitment}/",
        {"anonymous": 401, "focal_same_state": 200, "focal_other_state": 403, "secretariat": 200},
        body={"title": "Train 12 diplomats", "version": 1},
    ),
    "PUT commitment": Cell(
        "put",
        "/api/v1/commitments/{commitment}/",
        {
            "anonymous": 401,
            "focal_same_state": 405,
            "focal_other_state": 405,
            "secretariat": 405,
        },
    ),
    "DELETE commitment": Cell(
        "delete",
        "/api/v1/commitments/{commitment}/",
        {
            "anonymous": 401,
            "focal_same_state": 405,
            "focal_other_state": 405,
            "secretariat": 405,
        },
    ),
    "POST progress-reports": Cell(
        "post",
        "/api/v1/progress-reports/",
        {"anonymous": 401, "focal_same_state": 201, "focal_other_state": 403, "secretariat": 201},
        body={
            "commitment": "{commitment}",
            "status": "in_progress",
            "quantity_delivered": 4,
            "narrative": "Four diplomats trained in Ankara.",
            "evidence_url": "https://mfa.example/news/1",
        },
        counts="report",
    ),
    "POST validate a report": Cell(
        "post",
        "/api/v1/progress-reports/{submitted_report}/validate/",
        {"anonymous": 401, "focal_same_state": 403, "focal_other_state": 404, "secretariat": 200},
    ),
    "POST return a report": Cell(
        "post",
        "/api/v1/progress-reports/{submitted_report}/return/",
        {"anonymous": 401, "focal_same_state": 403, "focal_other_state": 404, "secretariat": 200},
        body={"comment": "Attach the list of participants."},
    ),
    "POST nominations": Cell(
        "post",
        "/api/v1/roster/nominations/",
        {"anonymous": 401, "focal_same_state": 201, "focal_other_state": 403, "secretariat": 201},
        body={
            "state": "TR",
            "full_name": "Elif Nominee",
            "gender": "female",
            "roles": ["mediator"],
            "consent_given_on": "2020-01-01",
        },
        counts="person",
    ),
    "GET nominations": Cell(
        "get",
        "/api/v1/roster/nominations/",
        {
            "anonymous": 401,
            "focal_same_state": 405,
            "focal_other_state": 405,
            "secretariat": 405,
        },
    ),
}

COUNTERS = {
    "commitment": Commitment.objects.count,
    "report": ProgressReport.objects.count,
    "person": RosterMember.objects.count,
}


def _ids(world, resolution, paragraph) -> dict:
    return {
        **{name: record.pk for name, record in world.items()},
        "resolution": resolution.pk,
        "paragraph": paragraph.pk,
        "validated_report": ProgressReport.objects.get(review_status="validated").pk,
        "submitted_report": ProgressReport.objects.get(narrative=SUBMITTED_NARRATIVE).pk,
    }


def _fill(value, ids):
    if isinstance(value, str):
        filled = value.format(**ids)
        return int(filled) if value.startswith("{") and filled.isdigit() else filled
    return value


def _request(client, cell: Cell, ids: dict):
    return getattr(client, cell.method)(
        cell.path.format(**ids),
        {key: _fill(value, ids) for key, value in cell.body.items()},
        format="json",
    )


@pytest.mark.parametrize("cell_name", list(CELLS))
def test_permission_matrix(world, resolution, paragraph_training, client_for, cell_name):
    """Each role's request runs in a savepoint rolled back afterwards: every role meets the same
    records (e.g. the commitment still at version 1)."""
    cell = CELLS[cell_name]
    ids = _ids(world, resolution, paragraph_training)
    counter = COUNTERS.get(cell.counts)
    outcomes = {}
    for role in ROLES:
        with transaction.atomic():
            before = counter() if counter else 0
            response = _request(client_for(role), cell, ids)
            stored = (counter() - before) if counter else 0
            # A streamed export is read to the end here: its rows are queried while streaming.
            body = b"".join(response.streaming_content) if response.streaming else response.json()
            transaction.set_rollback(True)
        outcomes[role] = (
            response.status_code,
            stored,
            body.get("code") if isinstance(body, dict) else None,
        )

    expected = {}
    for role, status in cell.expected.items():
        code = {
            401: "not_authenticated",
            403: "permission_denied",
            404: "not_found",
            405: "method_not_allowed",
        }.get(status)
        if status < 400:
            code = outcomes[role][2]  # a record or a page: no error code to compare
        expected[role] = (status, 1 if status == 201 and counter else 0, code)
    assert outcomes == expected


def test_a_focal_point_can_only_write_their_own_states_records_even_without_naming_the_state(
    world, paragraph_training, client_for
):
    response = client_for("focal_other_state").post(
        "/api/v1/commitments/",
        {"paragraph": paragraph_training.pk, "title": "Host a simulation"},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["state"] == "SN"
    assert Commitment.objects.get(title="Host a simulation").state.iso_code == "SN"


def test_a_refused_write_says_why(world, paragraph_training, client_for):
    response = client_for("focal_other_state").post(
        "/api/v1/commitments/",
        {"paragraph": paragraph_training.pk, "state": "TR", "title": "Not mine"},
        format="json",
    )

    assert response.status_code == 403
    assert response.json() == {
        "detail": "You can only record commitments for your own state.",
        "code": "permission_denied",
    }


def test_a_signed_in_user_who_is_no_focal_point_cannot_write(plain_user, world, paragraph_training):
    client = APIClient()
    client.force_authenticate(plain_user)

    response = client.post(
        "/api/v1/commitments/",
        {"paragraph": paragraph_training.pk, "state": "TR", "title": "Not allowed"},
        format="json",
    )

    assert response.status_code == 403
    assert not Commitment.objects.filter(title="Not allowed").exists()


def test_session_writes_need_the_csrf_token_like_the_web_forms(
    turkiye_focal_point, world, paragraph_training
):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(turkiye_focal_point)

    response = client.post(
        "/api/v1/commitments/",
        {"paragraph": paragraph_training.pk, "title": "Via a forged form"},
        format="json",
    )

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
