"""trainings.models: clean() refuses data that breaks the domain's rules, with clear messages."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import EditionFactory, ProgrammeFactory
from trainings.models import Participant

pytestmark = pytest.mark.django_db


def test_only_a_participant_who_completed_holds_a_certificate(turkiye):
    programme = ProgrammeFactory(name="Mediation for Peace", slug="mediation-for-peace")
    edition = EditionFactory(programme=programme, starts_on=datetime.date(2019, 9, 9))
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
