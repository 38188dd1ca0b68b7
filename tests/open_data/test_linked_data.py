"""schema.org JSON-LD on the public pages, read back with a JSON-LD processor (pyld), offline."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.utils import translation
from pyld import jsonld

from conferences.models import Conference
from resolutions.models import Paragraph
from tests.dashboard import dataset
from tests.dashboard.test_pages import url

pytestmark = pytest.mark.django_db
SCHEMA = "https://schema.org/"


def refuse_to_fetch(address, options=None):
    raise AssertionError(f"The JSON-LD made the processor fetch {address}")


def blocks(html: str) -> list[dict]:
    return [
        json.loads(text)
        for text in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def nodes(client, name, kwargs=None, language="en") -> list[dict]:
    """Every node of the page's JSON-LD, expanded (full schema.org IRIs)."""
    response = client.get(url(name, kwargs, language))
    assert response.status_code == 200
    found = []
    for block in blocks(response.content.decode()):
        found += jsonld.expand(block, {"documentLoader": refuse_to_fetch})
    return found


def of_type(expanded: list[dict], kind: str) -> list[dict]:
    return [node for node in expanded if f"{SCHEMA}{kind}" in node.get("@type", [])]


def value(node: dict, prop: str):
    (item,) = node[f"{SCHEMA}{prop}"]
    return item.get("@value", item.get("@id"))


@pytest.fixture
def data():
    return dataset.build(1)


def test_a_conference_is_an_event(client, data):
    (event,) = of_type(nodes(client, "dashboard:conference", {"ordinal": 1}), "Event")

    conference = Conference.objects.get(ordinal=1)
    assert value(event, "name") == conference.title
    assert value(event, "startDate") == conference.starts_on.isoformat()
    assert value(event, "url") == "http://127.0.0.1:8000/en/conferences/1/"
    assert value(event, "inLanguage") == "en"
    (place,) = event[f"{SCHEMA}location"]
    assert place["@type"] == [f"{SCHEMA}Place"]


def test_contact_group_meetings_are_events(client, data):
    events = of_type(
        nodes(client, "dashboard:contact_group_meetings", {"slug": "friends-of-mediation"}),
        "Event",
    )

    assert len(events) == 1
    assert value(events[0], "startDate") == "2018-09-24"
    (organizer,) = events[0][f"{SCHEMA}organizer"]
    assert organizer["@type"] == [f"{SCHEMA}Organization"]


def test_a_programme_is_a_course_with_its_editions_as_course_instances(client, data):
    (course,) = of_type(nodes(client, "dashboard:programme", {"slug": "programme-0"}), "Course")

    instances = course[f"{SCHEMA}hasCourseInstance"]
    assert {tuple(instance["@type"]) for instance in instances} == {(f"{SCHEMA}CourseInstance",)}
    assert len(instances) == 2
    assert all(f"{SCHEMA}startDate" in instance for instance in instances)
    assert course[f"{SCHEMA}provider"]


def test_a_member_state_is_a_government_organization(client, data):
    (state,) = of_type(
        nodes(client, "dashboard:state", {"slug": "turkiye"}, language="fr"),
        "GovernmentOrganization",
    )

    assert value(state, "name") == "Türkiye"
    assert value(state, "identifier") == "TR"
    assert value(state, "url") == "http://127.0.0.1:8000/fr/states/turkiye/"


def test_a_resolution_is_legislation_with_its_paragraphs_as_parts(client, data):
    (resolution,) = of_type(nodes(client, "dashboard:home", language="ar"), "Legislation")

    assert value(resolution, "legislationIdentifier") == "53/45-POL"
    assert value(resolution, "legislationDate") == "2018-05-05"
    assert value(resolution, "inLanguage") == "ar"
    parts = resolution[f"{SCHEMA}hasPart"]
    assert len(parts) == Paragraph.objects.filter(resolution__symbol="53/45-POL").count()
    assert {tuple(part["@type"]) for part in parts} == {(f"{SCHEMA}Legislation",)}


def test_markup_in_a_title_cannot_end_the_data_block(client, data):
    Conference.objects.filter(ordinal=1).update(
        title_en='Peace</script><script>alert("x")</script>'
    )

    response = client.get(url("dashboard:conference", {"ordinal": 1}))
    html = response.content.decode()

    assert "<script>alert" not in html
    (event,) = of_type(jsonld.expand(blocks(html)[0], {"documentLoader": refuse_to_fetch}), "Event")
    assert value(event, "name") == 'Peace</script><script>alert("x")</script>'


def test_each_language_describes_the_page_in_its_language(client, data):
    with translation.override("fr"):
        (event,) = of_type(
            nodes(client, "dashboard:conference", {"ordinal": 1}, language="fr"), "Event"
        )

    assert value(event, "inLanguage") == "fr"
    assert value(event, "url") == "http://127.0.0.1:8000/fr/conferences/1/"
    assert datetime.date.fromisoformat(value(event, "startDate"))
