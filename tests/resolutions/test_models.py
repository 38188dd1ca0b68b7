"""The database and clean() refuse data that breaks the domain's rules, with clear messages."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from network.models import (
    ContactGroup,
    ContactGroupMembership,
    Deployment,
    FieldContext,
    MemberState,
    Organisation,
    RosterMember,
)
from resolutions.models import Commitment, Paragraph
from trainings.models import Edition, Participant, Programme

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
    person = RosterMember.objects.create(full_name="A. Mediator", gender="female")
    context = FieldContext.objects.create(name="Chad", slug="chad", has_field_mission=True)
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


def test_a_commitment_needs_a_paragraph(turkiye):
    commitment = Commitment(state=turkiye, title="Train diplomats")
    with pytest.raises(ValidationError) as error:
        commitment.full_clean()
    assert error.value.message_dict["paragraph"] == ["This field cannot be null."]
    with pytest.raises(IntegrityError), transaction.atomic():
        commitment.save()


def test_a_commitment_belongs_to_a_state_or_an_organisation_not_both(turkiye, paragraph_training):
    unit = Organisation.objects.create(name="PSCU", slug="pscu", kind="oic_body")
    both = Commitment(state=turkiye, organisation=unit, paragraph=paragraph_training, title="x")
    with pytest.raises(ValidationError) as error:
        both.full_clean()
    assert error.value.messages == [
        "A commitment is pledged by either a member state or an organisation."
    ]
    neither = Commitment(paragraph=paragraph_training, title="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        neither.save()


def test_paragraph_numbers_are_unique_within_a_resolution_but_measures_may_be_many(
    resolution, paragraph_training
):
    with pytest.raises(ValidationError) as error:
        Paragraph(resolution=resolution, number=8, title="Copy").full_clean()
    assert "This resolution already has a paragraph with that number." in error.value.messages
    Paragraph.objects.create(resolution=resolution, title="Contact group")
    Paragraph.objects.create(resolution=resolution, title="Code of conduct")
    assert resolution.paragraphs.filter(number__isnull=True).count() == 2


def test_a_public_roster_profile_needs_consent(db):
    person = RosterMember(full_name="B. Envoy", gender="male", visibility="public")
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "A public profile needs the person's current consent." in error.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        person.save()


def test_a_member_cannot_leave_the_contact_group_before_joining(turkiye):
    group = ContactGroup.objects.create(name="Friends of Mediation", slug="friends")
    membership = ContactGroupMembership(
        group=group,
        state=turkiye,
        joined_on=datetime.date(2019, 1, 1),
        left_on=datetime.date(2018, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "A member cannot leave before joining." in error.value.messages


def test_only_a_participant_who_completed_holds_a_certificate(turkiye):
    programme = Programme.objects.create(name="Mediation for Peace", slug="mediation-for-peace")
    edition = Edition.objects.create(programme=programme, starts_on=datetime.date(2019, 9, 9))
    participant = Participant(
        edition=edition,
        full_name="C. Diplomat",
        gender="female",
        state=turkiye,
        completion="enrolled",
        certificate_number="MFP-2019-001",
    )
    with pytest.raises(ValidationError) as error:
        participant.full_clean()
    assert "Only a participant who completed can hold a certificate." in error.value.messages


def test_saving_bumps_the_version_and_a_stale_save_is_refused(turkiye):
    from oic_mediation.models import StaleVersionError

    stale = MemberState.objects.get(pk=turkiye.pk)
    turkiye.status_note = "Co-chair of the contact group."
    turkiye.save()
    assert turkiye.version == 2
    stale.status_note = "Overwrite"
    with pytest.raises(StaleVersionError):
        stale.save_if_version(1)
    turkiye.refresh_from_db()
    assert turkiye.status_note == "Co-chair of the contact group."
