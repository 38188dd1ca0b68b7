"""The contact groups in Popolo JSON: organizations, the co-chair post, memberships with dates."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    CoChairPeriodFactory,
    ContactGroupFactory,
    ContactGroupMembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(turkiye, senegal):
    group = ContactGroupFactory(
        name="Friends of Mediation",
        name_fr="Amis de la médiation",
        slug="friends-of-mediation",
        established_on=datetime.date(2018, 9, 24),
    )
    ContactGroupMembershipFactory(group=group, state=turkiye, joined_on=datetime.date(2018, 9, 24))
    ContactGroupMembershipFactory(
        group=group,
        state=senegal,
        joined_on=datetime.date(2019, 1, 1),
        left_on=datetime.date(2021, 6, 30),
    )
    secretariat = OrganisationFactory(
        name="OIC General Secretariat", acronym="GS", slug="oic-gs", kind="oic_body"
    )
    CoChairPeriodFactory(group=group, state=turkiye, started_on=datetime.date(2018, 9, 24))
    CoChairPeriodFactory(
        group=group, organisation=secretariat, started_on=datetime.date(2018, 9, 24)
    )
    return group


def popolo(client, language="en") -> dict:
    with translation.override(language):
        response = client.get(reverse("dashboard:popolo"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_memberships_have_their_dates_and_co_chairs_hold_the_co_chair_post(client, group):
    document = popolo(client)

    assert document["posts"] == [
        {
            "id": "contact-group/friends-of-mediation/co-chair",
            "label": "Co-chair of the Friends of Mediation",
            "role": "Co-chair",
            "organization_id": "contact-group/friends-of-mediation",
        }
    ]
    members = {
        (m["member"]["id"], m.get("post_id"), m.get("start_date"), m.get("end_date"))
        for m in document["memberships"]
    }
    assert members == {
        ("state/TR", None, "2018-09-24", None),
        ("state/SN", None, "2019-01-01", "2021-06-30"),
        ("state/TR", "contact-group/friends-of-mediation/co-chair", "2018-09-24", None),
        ("organisation/oic-gs", "contact-group/friends-of-mediation/co-chair", "2018-09-24", None),
    }
    assert all(
        m["organization_id"] == "contact-group/friends-of-mediation"
        for m in document["memberships"]
    )
    assert all(m["member"]["@type"] == "Organization" for m in document["memberships"])


def test_every_member_is_an_organization_of_the_document(client, group):
    document = popolo(client)

    organizations = {organization["id"]: organization for organization in document["organizations"]}
    assert set(organizations) == {
        "organization/oic",
        "contact-group/friends-of-mediation",
        "state/TR",
        "state/SN",
        "organisation/oic-gs",
    }
    assert {m["member"]["id"] for m in document["memberships"]} <= set(organizations)
    assert organizations["contact-group/friends-of-mediation"]["parent_id"] == "organization/oic"
    assert organizations["contact-group/friends-of-mediation"]["founding_date"] == "2018-09-24"
    assert organizations["state/TR"]["identifiers"] == [
        {"scheme": "ISO 3166-1 alpha-2", "identifier": "TR"},
        {"scheme": "ISO 3166-1 alpha-3", "identifier": "TUR"},
    ]


def test_names_are_in_the_readers_language_and_ids_are_not(client, group):
    english, french = popolo(client, "en"), popolo(client, "fr")

    assert [o["id"] for o in english["organizations"]] == [o["id"] for o in french["organizations"]]
    names = {o["id"]: o["name"] for o in french["organizations"]}
    assert names["contact-group/friends-of-mediation"] == "Amis de la médiation"
    assert names["state/SN"] == "Sénégal"


@pytest.mark.parametrize("size", [1, 3])
def test_the_document_runs_the_same_queries_for_one_or_three_members(
    client, django_assert_num_queries, size
):
    from tests.dashboard import dataset

    dataset.build(size)

    # On the database's connection: a savepoint, the groups with their memberships, co-chairs
    # and latest meetings (4); the cache's lookups and stores run on its own connection.
    with django_assert_num_queries(6):
        popolo(client)
