"""factory_boy factories for every record the tests build: one place, one way.

Each factory creates a valid record through the same path the tests used before (the model's
manager, ``create_user`` for users); the defaults are the values most tests had in common, and a
test passes what it asserts on. A test that needs the history of a record (a submitted, validated
or returned progress report, a reviewed training) still calls the service: the factories build only
its inputs.

- ``MemberStateFactory.from_reference("TR")``: a state exactly as the reference data loads it
  (codes, slug, names in the three languages, group, African Union and League memberships);
  ``MemberStateFactory()``: a state with made-up codes (``XA``, ``XB``… never a real one).
- ``UserFactory``, ``SecretariatFactory`` (staff, in the Secretariat group), ``FocalPointFactory``
  (``.user`` is the focal point's account).
"""

from __future__ import annotations

import datetime

import factory
from django.contrib.auth import get_user_model

from conferences.models import (
    CitedFigure,
    Conference,
    Document,
    Recommendation,
    RecommendationFollowUp,
    Session,
    SessionSpeaker,
    Speaker,
)
from core.groups import sync_secretariat_group
from network.models import (
    CoChairPeriod,
    ContactGroup,
    ContactGroupMeeting,
    ContactGroupMembership,
    Deployment,
    ExpertiseArea,
    FieldContext,
    FocalPoint,
    Language,
    MemberState,
    Organisation,
    Region,
    RosterMember,
    RosterRole,
)
from resolutions.models import (
    Commitment,
    Paragraph,
    ParagraphStatusUpdate,
    ProgressReport,
    Resolution,
)
from seed.reference_data.loader import expand_translations, state_reference_values
from trainings.models import Edition, Participant, Programme

PASSWORD = "correct horse battery staple 42"

# A made-up two-letter code for the n-th state: XA … XZ, YA … YZ, ZA … ZZ (never a member's).
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _made_up_code(n: int) -> str:
    return "XYZ"[(n // 26) % 3] + _LETTERS[n % 26]


class DjangoModelFactory(factory.django.DjangoModelFactory):
    """A model's factory where a translated field given in English (``title_en="…"``) replaces the
    factory's default for that field (``title``), as it would in ``objects.create``."""

    class Meta:
        abstract = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        for name in [name for name in kwargs if name.endswith("_en")]:
            kwargs.pop(name.removesuffix("_en"), None)
        return kwargs


# -- network --------------------------------------------------------------------------------------


class MemberStateFactory(DjangoModelFactory):
    class Meta:
        model = MemberState

    iso_code = factory.Sequence(_made_up_code)
    iso3_code = factory.LazyAttribute(lambda state: f"X{state.iso_code}")
    name = factory.LazyAttribute(lambda state: f"State {state.iso_code}")
    slug = factory.LazyAttribute(lambda state: f"state-{state.iso_code.lower()}")

    @classmethod
    def from_reference(cls, iso_code: str, **fields) -> MemberState:
        """The member or observer state as ``load_reference_data`` loads it."""
        values = expand_translations(state_reference_values()[iso_code])
        values["name"] = values["name_en"]
        return cls(**{"iso_code": iso_code, **values, **fields})


class UserFactory(DjangoModelFactory):
    """An account, made by ``create_user`` (the password hashed), without any role."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = PASSWORD

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class._default_manager.create_user(*args, **kwargs)


class StaffFactory(UserFactory):
    """A staff account outside the Secretariat group: opens the admin, may act on nothing."""

    is_staff = True


class SecretariatFactory(StaffFactory):
    """A staff member of the Secretariat group, which may act on everything."""

    @factory.post_generation
    def secretariat_group(user, create, extracted, **kwargs):
        if create:
            user.groups.add(sync_secretariat_group())


class FocalPointFactory(DjangoModelFactory):
    """The focal point of a state; ``focal_point.user`` signs in."""

    class Meta:
        model = FocalPoint

    user = factory.SubFactory(UserFactory)
    state = factory.SubFactory(MemberStateFactory)
    title = "Director"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.PARTNER


class ContactGroupFactory(DjangoModelFactory):
    class Meta:
        model = ContactGroup

    name = factory.Sequence(lambda n: f"Friends of Mediation {n}")
    slug = factory.Sequence(lambda n: f"friends-{n}")


class ContactGroupMembershipFactory(DjangoModelFactory):
    class Meta:
        model = ContactGroupMembership

    group = factory.SubFactory(ContactGroupFactory)


class CoChairPeriodFactory(DjangoModelFactory):
    class Meta:
        model = CoChairPeriod

    group = factory.SubFactory(ContactGroupFactory)


class ContactGroupMeetingFactory(DjangoModelFactory):
    class Meta:
        model = ContactGroupMeeting

    group = factory.SubFactory(ContactGroupFactory)
    number = factory.Sequence(lambda n: n + 1)
    held_on = datetime.date(2019, 1, 1)
    place = "New York"
    level = "ambassador"


class ExpertiseAreaFactory(DjangoModelFactory):
    class Meta:
        model = ExpertiseArea

    name = factory.Sequence(lambda n: f"Expertise {n}")
    slug = factory.Sequence(lambda n: f"expertise-{n}")


class LanguageFactory(DjangoModelFactory):
    class Meta:
        model = Language

    code = factory.Sequence(lambda n: f"l{n}")
    name = factory.Sequence(lambda n: f"Language {n}")


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")


class RosterMemberFactory(DjangoModelFactory):
    """A roster profile (the Secretariat's by default: not public, no consent recorded)."""

    class Meta:
        model = RosterMember

    full_name = factory.Sequence(lambda n: f"Roster Member {n}")
    gender = "female"


class RosterRoleFactory(DjangoModelFactory):
    class Meta:
        model = RosterRole

    person = factory.SubFactory(RosterMemberFactory)
    role = "mediator"


class FieldContextFactory(DjangoModelFactory):
    class Meta:
        model = FieldContext

    name = factory.Sequence(lambda n: f"Context {n}")
    slug = factory.Sequence(lambda n: f"context-{n}")


class DeploymentFactory(DjangoModelFactory):
    class Meta:
        model = Deployment

    person = factory.SubFactory(RosterMemberFactory)
    context = factory.SubFactory(FieldContextFactory)
    role = "mediator"
    started_on = datetime.date(2020, 1, 1)


# -- resolutions ----------------------------------------------------------------------------------


class ResolutionFactory(DjangoModelFactory):
    """Resolution 53/45-POL by default."""

    class Meta:
        model = Resolution

    symbol = "53/45-POL"
    title = "Strengthening the OIC mediation capacity"
    cfm_session = 45
    place = "Dhaka"
    adopted_from = datetime.date(2018, 5, 5)
    adopted_until = datetime.date(2018, 5, 6)


class ParagraphFactory(DjangoModelFactory):
    """A measure of the resolution; an operative paragraph when given a ``number``."""

    class Meta:
        model = Paragraph

    resolution = factory.SubFactory(ResolutionFactory)
    title = factory.Sequence(lambda n: f"Paragraph {n + 1}")


class ParagraphStatusUpdateFactory(DjangoModelFactory):
    class Meta:
        model = ParagraphStatusUpdate

    paragraph = factory.SubFactory(ParagraphFactory)
    status = "in_progress"
    as_of = datetime.date(2019, 1, 1)


class CommitmentFactory(DjangoModelFactory):
    """A state's pledge of 10 diplomats trained, made on 1 January 2019."""

    class Meta:
        model = Commitment

    paragraph = factory.SubFactory(ParagraphFactory)
    state = factory.SubFactory(MemberStateFactory)
    title = "Train 10 diplomats"
    target_quantity = 10
    unit = Commitment.Unit.DIPLOMATS_TRAINED
    pledged_on = datetime.date(2019, 1, 1)


class ProgressReportFactory(DjangoModelFactory):
    """A progress report stored as it is, without the review's effect on its commitment; a test
    that needs the review's effects calls ``resolutions.services``."""

    class Meta:
        model = ProgressReport

    commitment = factory.SubFactory(CommitmentFactory)
    status = "in_progress"
    quantity_delivered = 3
    narrative = factory.LazyAttribute(lambda report: f"{report.quantity_delivered} delivered")


# -- trainings ------------------------------------------------------------------------------------


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")


class EditionFactory(DjangoModelFactory):
    class Meta:
        model = Edition

    programme = factory.SubFactory(ProgrammeFactory)
    starts_on = datetime.date(2019, 9, 9)


class ParticipantFactory(DjangoModelFactory):
    class Meta:
        model = Participant

    edition = factory.SubFactory(EditionFactory)
    full_name = factory.Sequence(lambda n: f"Participant {n}")
    gender = "female"


# -- conferences ----------------------------------------------------------------------------------


class ConferenceFactory(DjangoModelFactory):
    class Meta:
        model = Conference

    ordinal = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda conference: f"Conference {conference.ordinal}")
    starts_on = datetime.date(2018, 11, 29)
    city = "Istanbul"


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    conference = factory.SubFactory(ConferenceFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Session {n + 1}")


class SpeakerFactory(DjangoModelFactory):
    class Meta:
        model = Speaker

    full_name = factory.Sequence(lambda n: f"Speaker {n}")


class SessionSpeakerFactory(DjangoModelFactory):
    class Meta:
        model = SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    speaker = factory.SubFactory(SpeakerFactory)


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = Recommendation

    conference = factory.SubFactory(ConferenceFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Recommendation {n + 1}")


class RecommendationFollowUpFactory(DjangoModelFactory):
    class Meta:
        model = RecommendationFollowUp

    recommendation = factory.SubFactory(RecommendationFactory)
    status = "in_progress"


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document

    kind = Document.Kind.OTHER
    title = factory.Sequence(lambda n: f"Document {n}")
    language = "en"


class CitedFigureFactory(DjangoModelFactory):
    class Meta:
        model = CitedFigure

    statement = factory.Sequence(lambda n: f"Figure {n}")
    value = 1
    source = "A source"
    source_year = 2019
