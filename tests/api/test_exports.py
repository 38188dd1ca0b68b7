"""Open data exports: whole tables as CSV and JSON, streamed, with exact columns and values."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.http import StreamingHttpResponse

from resolutions.models import Commitment

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode()


def test_commitments_csv_lists_every_commitment_with_its_gap(world, api_client):
    response = api_client.get("/api/v1/export/commitments.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="commitments.csv"'
    table = list(csv.DictReader(io.StringIO(_body(response).removeprefix("\ufeff"))))
    assert table == [
        {
            "id": str(world["commitment"].pk),
            "resolution": "53/45-POL",
            "paragraph_id": str(world["commitment"].paragraph_id),
            "paragraph_number": "8",
            "state": "TR",
            "organisation": "",
            "title": "Train diplomats 0",
            "unit": "actions",
            "target_quantity": "10",
            "delivered_quantity": "0",
            "gap": "10",
            "completion": "0.0",
            "exceeds_target": "False",
            "status": "pledged",
            "pledged_on": "2019-01-01",
            "due_on": "",
            "progress_as_of": "",
        }
    ]


def test_trainings_json_counts_participants_without_naming_them(world, api_client):
    response = api_client.get("/api/v1/export/trainings.json")

    assert response["Content-Type"] == "application/json"
    assert json.loads(_body(response)) == [
        {
            "id": world["edition"].pk,
            "programme": "m4p-0",
            "number": 1,
            "title": "Mediation for Peace 0 — #1 (2019)",
            "starts_on": "2019-01-01",
            "ends_on": None,
            "place": "",
            "host_state": "TR",
            "format": "in_person",
            "level_targeted": "junior",
            "duration_hours": None,
            "reported_participants": None,
            "participants": 3,
            "completed": 0,
            "declared_without_names": 0,
            "trained": 0,
            "participants_female": 2,
            "participants_male": 1,
            "participants_undisclosed": 0,
            "participants_junior": 2,
            "participants_mid": 1,
            "participants_senior": 0,
            "participants_student": 0,
        }
    ]


def test_paragraphs_and_recommendations_exports_carry_status_and_follow_up(world, api_client):
    paragraphs = json.loads(_body(api_client.get("/api/v1/export/paragraphs.json")))
    recommendations = list(
        csv.DictReader(
            io.StringIO(
                _body(api_client.get("/api/v1/export/recommendations.csv")).removeprefix("\ufeff")
            )
        )
    )

    training = next(p for p in paragraphs if p["number"] == 8)
    assert (training["status"], training["commitments"], training["gap_total"]) == (
        "not_started",
        1,
        10,
    )
    assert [(r["conference"], r["number"], r["follow_up_status"]) for r in recommendations] == [
        ("1", "1", "implemented")
    ]
    assert recommendations[0]["paragraphs"] == str(world["recommendation"].paragraphs.get().pk)


def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_defused(world, api_client):
    Commitment.objects.filter(pk=world["commitment"].pk).update(title='=HYPERLINK("http://x")')

    body = _body(api_client.get("/api/v1/export/commitments.csv"))

    assert "'=HYPERLINK" in body
    assert ",=HYPERLINK" not in body


@pytest.mark.parametrize("path", ["/api/v1/export/people.csv", "/api/v1/export/commitments.xlsx"])
def test_an_unknown_dataset_or_format_gets_a_json_404(world, api_client, path):
    response = api_client.get(path)

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_the_export_streams_in_chunks_rather_than_loading_the_table(
    world, more_worlds, api_client, monkeypatch
):
    from oic_mediation.api import exports

    more_worlds([1, 2])
    monkeypatch.setattr(exports, "CHUNK_SIZE", 1)

    response = api_client.get("/api/v1/export/commitments.json")
    pieces = list(response.streaming_content)

    # "[", one piece per row, "]": rows are written as they are read.
    assert len(pieces) == 5
    assert [row["title"] for row in json.loads(b"".join(pieces))] == [
        "Train diplomats 0",
        "Train diplomats 1",
        "Train diplomats 2",
    ]
