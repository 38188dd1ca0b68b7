"""resolutions.models: the database and clean() refuse data that breaks the domain's rules, with
clear messages."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from resolutions.models import Commitment, Paragraph
from tests.factories import OrganisationFactory, ParagraphFactory

pytestmark = pytest.mark.django_db


def test_a_commitment_needs_a_paragraph(turkiye):
    commitment = Commitment(state=turkiye, title="Train diplomats")
    with pytest.raises(ValidationError) as error:
        commitment.full_clean()
    assert error.value.message_dict["paragraph"] == ["This field cannot be null."]
    with pytest.raises(IntegrityError), transaction.atomic():
        commitment.save()


def test_a_commitment_belongs_to_a_state_or_an_organisation_not_both(turkiye, paragraph_training):
    unit = OrganisationFactory(name="PSCU", slug="pscu", kind="oic_body")
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
    ParagraphFactory(resolution=resolution, number=None, title="Contact group")
    ParagraphFactory(resolution=resolution, number=None, title="Code of conduct")
    assert resolution.paragraphs.filter(number__isnull=True).count() == 2
