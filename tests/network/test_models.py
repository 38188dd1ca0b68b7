"""network.models: the database and clean() refuse data that breaks the domain's rules, with clear
messages."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from network.models import ContactGroupMembership, Deployment, MemberState, RosterMember
from tests.factories import ContactGroupFactory, FieldContextFactory, RosterMemberFactory

pytestmark = pytest.mark.django_db


def test_duplicate_iso_code_is_refused_with_a_message(turkiye):
    duplicate = MemberState(iso_code="TR", iso3_code="TUX", name="Copy", slug="copy")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Member state with this ISO code already exists." in error.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_iso_codes_must_be_capital_letters(db):
    state = MemberState(iso_code="tr", iso3_code="TUR", name="Türkiye", slug="turkiye")
    with pytest.raises(ValidationError) as error:
        state.full_clean()
    assert "The ISO code must be two capital letters." in error.value.messages


def test_a_deployment_cannot_end_before_it_starts(turkiye):
    person = RosterMemberFactory(full_name="A. Mediator", gender="female")
    context = FieldContextFactory(name="Chad", slug="chad", has_field_mission=True)
    deployment = Deployment(
        person=person,
        context=context,
        role="mediator",
        started_on=datetime.date(2020, 5, 1),
        ended_on=datetime.date(2020, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        deployment.full_clean()
    assert "A deployment cannot end before it starts." in error.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        deployment.save()
    assert Deployment.objects.count() == 0


def test_a_public_roster_profile_needs_consent(db):
    person = RosterMember(full_name="B. Envoy", gender="male", visibility="public")
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "A public profile needs the person's current consent." in error.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        person.save()


def test_a_member_cannot_leave_the_contact_group_before_joining(turkiye):
    group = ContactGroupFactory(name="Friends of Mediation", slug="friends")
    membership = ContactGroupMembership(
        group=group,
        state=turkiye,
        joined_on=datetime.date(2019, 1, 1),
        left_on=datetime.date(2018, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "A member cannot leave before joining." in error.value.messages
