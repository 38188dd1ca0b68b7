"""Each page runs the same number of queries with 1 and with 3 items of each kind, and far fewer
once its figures are cached."""

import re

import pytest
from django.core.cache import cache

from tests.dashboard import dataset
from tests.dashboard.test_pages import PAGES, url

pytestmark = pytest.mark.django_db

# Queries with an empty cache, including reading and writing the cache itself (the figures, and the
# whole response for anonymous visitors: oic_mediation.response_cache).
COLD = {
    # With the delivered figures by the grade of their evidence (one query).
    "dashboard:home": 32,
    "dashboard:states": 22,
    # With the course of pledges and deliveries: one query per year since the first pledge (2018);
    # its reporting (the schedule, the state, its commitments) and its grades of evidence.
    "dashboard:state": 49,
    "dashboard:state_commitments": 17,
    "dashboard:contact_group": 25,
    "dashboard:contact_group_meetings": 17,
    "dashboard:network": 34,
    "dashboard:trainings": 32,
    "dashboard:conferences": 17,
    "dashboard:figures": 22,
    # The reporting rate at the end of each year since the first pledge: one query per year.
    "dashboard:reporting": 36,
    "dashboard:programme": 19,
    # With what became of the previous conference's recommendations (their follow-ups, measures).
    "dashboard:conference": 31,
}
# With the response cached for anonymous visitors: the cache generation (the response itself comes
# from the worker's in-memory copy, valid for that generation).
WARM = dict.fromkeys(COLD, 1)


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_query_count_does_not_grow_with_the_data(
    client, django_assert_num_queries, size, name, kwargs
):
    dataset.build(size)
    cache.clear()

    with django_assert_num_queries(COLD[name]):
        cold = client.get(url(name, kwargs))
    with django_assert_num_queries(WARM[name]):
        warm = client.get(url(name, kwargs))

    assert cold.status_code == warm.status_code == 200
    assert without_csrf_token(warm.content) == without_csrf_token(cold.content)


def without_csrf_token(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)
