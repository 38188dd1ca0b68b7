"""Roster matching on a hand-made roster, for a mediation in Chad from 1 April to 30 June 2026.

Ahmed meets every criterion; Ibrahim served in Chad before and speaks Arabic; Binta speaks French
and knows the Sahel but is of limited availability; Chérif meets nothing but is available. Five
others match perfectly but may never be proposed: unavailable, not vetted, consent withdrawn, no
consent, and deployed elsewhere until 1 April 2026.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.matching import DeploymentRequest, shortlist
from tests.factories import (
    DeploymentFactory,
    ExpertiseAreaFactory,
    FieldContextFactory,
    LanguageFactory,
    RegionFactory,
    RosterMemberFactory,
    RosterRoleFactory,
)

START = datetime.date(2026, 4, 1)
END = datetime.date(2026, 6, 30)
PAGE = "/admin/roster-matching/"


@pytest.fixture
def vocabulary(db):
    return {
        "ar": LanguageFactory(code="ar", name="Arabic"),
        "fr": LanguageFactory(code="fr", name="French"),
        "en": LanguageFactory(code="en", name="English"),
        "negotiation": ExpertiseAreaFactory(name="Negotiation", slug="negotiation"),
        "sahel": RegionFactory(name="Sahel", slug="sahel"),
        "chad": FieldContextFactory(name="Chad", slug="chad", has_field_mission=True),
        "somalia": FieldContextFactory(name="Somalia", slug="somalia"),
    }


def person(name, vocabulary, *, languages=(), expertise=(), regions=(), roles=(), **fields):
    defaults = {
        "gender": "male",
        "vetting_status": "vetted",
        "availability": "available",
        "consent_given_on": datetime.date(2025, 1, 1),
    }
    member = RosterMemberFactory(full_name=name, **{**defaults, **fields})
    member.languages.set([vocabulary[code] for code in languages])
    member.expertise.set([vocabulary[slug] for slug in expertise])
    member.regions.set([vocabulary[slug] for slug in regions])
    for role in roles:
        RosterRoleFactory(person=member, role=role)
    return member


@pytest.fixture
def roster(vocabulary, turkiye, senegal):
    from network.models import MemberState

    turkiye.geographic_group = "asian"
    turkiye.save()
    senegal.geographic_group = "african"
    senegal.save()
    perfect = {
        "languages": ("ar", "fr"),
        "expertise": ("negotiation",),
        "regions": ("sahel",),
        "roles": ("mediator",),
    }
    people = {
        "ahmed": person("Ahmed", vocabulary, nationality=turkiye, **perfect),
        "ibrahim": person(
            "Ibrahim", vocabulary, languages=("ar",), roles=("expert",), nationality=senegal
        ),
        "binta": person(
            "Binta",
            vocabulary,
            gender="female",
            languages=("fr",),
            regions=("sahel",),
            availability="limited",
            nationality=senegal,
        ),
        "cherif": person("Chérif", vocabulary, languages=("en",)),
        "unavailable": person("Unavailable", vocabulary, availability="unavailable", **perfect),
        "unvetted": person("Unvetted", vocabulary, vetting_status="pending", **perfect),
        "withdrawn": person(
            "Withdrawn", vocabulary, consent_withdrawn_on=datetime.date(2025, 6, 1), **perfect
        ),
        "no_consent": person("No Consent", vocabulary, consent_given_on=None, **perfect),
        "deployed": person("Deployed", vocabulary, **perfect),
    }
    # Deployed in Somalia until the first day of the request: overlapping by one day.
    DeploymentFactory(
        person=people["deployed"],
        context=vocabulary["somalia"],
        role="mediator",
        started_on=datetime.date(2026, 1, 1),
        ended_on=START,
    )
    # Ibrahim served in Chad until the day before: free, and experienced there.
    DeploymentFactory(
        person=people["ibrahim"],
        context=vocabulary["chad"],
        role="expert",
        started_on=datetime.date(2025, 10, 1),
        ended_on=START - datetime.timedelta(days=1),
    )
    assert MemberState.objects.count() == 2
    return people


def request_for(vocabulary, **changes) -> DeploymentRequest:
    fields = {
        "starts_on": START,
        "ends_on": END,
        "context": vocabulary["chad"],
        "roles": ("mediator",),
        "languages": (vocabulary["ar"], vocabulary["fr"]),
        "expertise": (vocabulary["negotiation"],),
        "regions": (vocabulary["sahel"],),
    }
    return DeploymentRequest(**{**fields, **changes})


def test_shortlist_ranks_by_the_criteria_met(roster, vocabulary):
    result = shortlist(request_for(vocabulary))

    assert [(c.rank, c.person.full_name, c.score) for c in result.candidates] == [
        (1, "Ahmed", 15),  # role 5 + expertise 3 + two languages 4 + region 2 + available 1
        (2, "Ibrahim", 5),  # Arabic 2 + served in Chad 2 + available 1
        (3, "Binta", 4),  # French 2 + Sahel 2, limited availability
        (4, "Chérif", 1),  # available
    ]


def test_each_rank_comes_with_its_reasons(roster, vocabulary):
    reasons = {c.person.full_name: c.reasons for c in shortlist(request_for(vocabulary)).candidates}

    assert reasons["Ahmed"] == [
        "Holds the role asked for: Mediator",
        "Expertise: Negotiation",
        "Speaks: Arabic, French",
        "Experience of: Sahel",
        "Fully available",
    ]
    assert reasons["Ibrahim"] == ["Speaks: Arabic", "Served in Chad before", "Fully available"]
    assert reasons["Binta"] == ["Speaks: French", "Experience of: Sahel", "Limited availability"]


def test_never_proposes_the_unavailable_unvetted_non_consenting_or_deployed(roster, vocabulary):
    for request in (
        request_for(vocabulary),
        request_for(vocabulary, ends_on=None),
        request_for(vocabulary, roles=(), languages=(), expertise=(), regions=(), context=None),
    ):
        names = {c.person.full_name for c in shortlist(request).candidates}
        assert names.isdisjoint(
            {"Unavailable", "Unvetted", "Withdrawn", "No Consent", "Deployed"}
        ), names


def test_someone_deployed_until_the_day_before_may_be_proposed(roster, vocabulary):
    later = request_for(vocabulary, starts_on=START + datetime.timedelta(days=1))

    names = [c.person.full_name for c in shortlist(later).candidates]

    assert names[:2] == ["Ahmed", "Deployed"]


def test_shortlist_shows_its_gender_and_regional_balance(roster, vocabulary):
    result = shortlist(request_for(vocabulary))

    assert result.by_gender == [("Female", 1), ("Male", 3)]
    assert result.by_group == [
        ("African group", 2),
        ("Asian group", 1),
        ("Nationality or group not recorded", 1),
    ]
    assert result.nationalities == 2


def test_a_request_ending_before_it_starts_is_refused(vocabulary):
    with pytest.raises(ValueError):
        request_for(vocabulary, ends_on=START - datetime.timedelta(days=1))


def test_shortlist_takes_the_same_queries_for_1_or_3_candidates(vocabulary):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            shortlist(request_for(vocabulary))
        return len(queries)

    person("One", vocabulary, languages=("ar",), roles=("mediator",))
    one = count()
    person("Two", vocabulary, languages=("fr",), roles=("expert",))
    person("Three", vocabulary, expertise=("negotiation",))

    assert count() == one


def query(vocabulary, **extra) -> dict:
    return {
        "context": vocabulary["chad"].pk,
        "starts_on": "2026-04-01",
        "ends_on": "2026-06-30",
        "roles": ["mediator"],
        "languages": [vocabulary["ar"].pk, vocabulary["fr"].pk],
        "expertise": [vocabulary["negotiation"].pk],
        "regions": [vocabulary["sahel"].pk],
        "limit": 25,
        **extra,
    }
