"""Every list endpoint and export runs the same number of queries for 1 record as for 3."""

from __future__ import annotations

import pytest

from tests.api.conftest import make_world
from tests.api.test_reads import LIST_ENDPOINTS
from tests.queries import all_queries

pytestmark = pytest.mark.django_db

EXPORTS = [
    f"export/{dataset}.{file_format}"
    for dataset in ("commitments", "paragraphs", "trainings", "recommendations")
    for file_format in ("csv", "json")
]


def _queries(client, url: str) -> tuple[int, bytes]:
    with all_queries() as queries:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, body[:300]
    return queries.count, body


@pytest.mark.parametrize("role", ["anonymous", "focal_same_state"])
@pytest.mark.parametrize(
    "endpoint", [*LIST_ENDPOINTS, "roster/summary", *EXPORTS], ids=lambda name: name
)
def test_the_number_of_queries_does_not_grow_with_the_records(
    world, turkiye, senegal, paragraph_training, resolution, client_for, endpoint, role
):
    client = client_for(role)
    suffix = "" if "." in endpoint else "/"
    url = f"/api/v1/{endpoint}{suffix}"
    one, first_body = _queries(client, url)

    for index in (1, 2):
        make_world(index, turkiye=turkiye, senegal=senegal, paragraph=paragraph_training)
    three, body = _queries(client, url)

    assert three == one
    assert body != first_body  # the new records are really in the answer
