"""Each page runs the same number of queries with 1 and with 3 items of each kind, and far fewer
once its figures are cached."""

import re

import pytest
from django.core.cache import cache

from network.models import MemberState
from resolutions.models import Paragraph
from tests.dashboard import dataset
from tests.dashboard.test_pages import PAGES, url
from tests.factories import CommitmentFactory
from tests.queries import all_queries

pytestmark = pytest.mark.django_db

# Queries with an empty cache, on the database's connection and the cache's own: reading and
# writing the cache itself (the figures, those shared by the three languages apart, the whole
# response for anonymous visitors and the generations of the tables read:
# oic_mediation.response_cache) included.
COLD = {
    # With the delivered figures by the grade of their evidence (one query).
    "dashboard:home": 27,
    # The states with their commitment figures, then what engages them (one query each; the
    # second cached apart, since it reads only the trainings and the network).
    "dashboard:states": 16,
    # With the course of pledges and deliveries: one query per year since the first pledge (2018);
    # its reporting (the schedule, the state, its commitments) and its grades of evidence.
    "dashboard:state": 40,
    "dashboard:state_commitments": 11,
    "dashboard:contact_group": 14,
    "dashboard:contact_group_meetings": 11,
    "dashboard:network": 23,
    "dashboard:trainings": 21,
    "dashboard:conferences": 11,
    "dashboard:figures": 11,
    # The reporting rate at the end of each year since the first pledge: one query per year.
    "dashboard:reporting": 27,
    "dashboard:programme": 13,
    # With what became of the previous conference's recommendations (their follow-ups, measures).
    "dashboard:conference": 20,
}
# With the response cached for anonymous visitors: the generations of the tables the page read
# (the response itself comes from the worker's in-memory copy, valid for those generations).
WARM = dict.fromkeys(COLD, 1)


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_query_count_does_not_grow_with_the_data(client, size, name, kwargs):
    dataset.build(size)
    cache.clear()

    with all_queries() as cold_queries:
        cold = client.get(url(name, kwargs))
    with all_queries() as warm_queries:
        warm = client.get(url(name, kwargs))

    assert (cold_queries.count, warm_queries.count) == (COLD[name], WARM[name])
    assert cold.status_code == warm.status_code == 200
    assert without_csrf_token(warm.content) == without_csrf_token(cold.content)


def without_csrf_token(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


@pytest.mark.parametrize(
    ("name", "kwargs", "reused"),
    [
        # The figures of the page, then what is drawn in the visitor's language.
        ("dashboard:home", {}, "Paragraphs and measures by implementation status"),
        ("dashboard:reporting", {}, "Who reports"),
    ],
)
def test_after_a_write_the_three_languages_share_one_computation_of_the_figures(
    client, name, kwargs, reused
):
    """The figures hold no translated text: the French and Arabic pages reuse what the English
    page computed (far fewer queries than the English one), and each shows its own labels."""
    dataset.build(1)
    cache.clear()
    with all_queries() as english:
        assert client.get(url(name, kwargs, "en")).status_code == 200
    # Counted before the next request empties the connection's log.
    english_count = english.count
    with all_queries() as french:
        french_page = client.get(url(name, kwargs, "fr"))
    french_count = french.count
    arabic_page = client.get(url(name, kwargs, "ar"))

    assert french_count < english_count - 4
    assert reused not in french_page.content.decode()
    assert reused not in arabic_page.content.decode()
    assert 'dir="rtl"' in arabic_page.content.decode()


def test_a_pledge_recomputes_the_home_pages_commitment_figures_not_its_training_totals(client):
    dataset.build(1)
    cache.clear()
    assert client.get(url("dashboard:home", {})).status_code == 200
    CommitmentFactory(state=MemberState.objects.first(), paragraph=Paragraph.objects.first())

    with all_queries() as after_the_pledge:
        assert client.get(url("dashboard:home", {})).status_code == 200
    statements = [query["sql"] for query in after_the_pledge.by_alias["default"].captured_queries]

    assert any('"resolutions_commitment"' in sql for sql in statements)
    # The states engaged (by a pledge, the contact group or a trainee) are counted again; the
    # participants and the editions' declared numbers are not.
    assert not any(sql.startswith('SELECT COUNT("trainings_participant"') for sql in statements)
    assert not any("reported_participants" in sql for sql in statements)
