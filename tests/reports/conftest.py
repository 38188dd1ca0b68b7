"""A hand-made year, 2018, with things just before, inside and just after it.

Resolution 53/45-POL with paragraphs 7 and 8 and an unnumbered measure; Türkiye and Senegal pledge
against paragraph 8 in 2018 (a 2019 pledge and a withdrawn one must not count); the contact group
meets once in 2018 and once in 2019; the roster grows from one person to two in 2018; two training
editions train 31 people in 2018; the 2nd Conference (29 November 2018) makes two recommendations.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from conferences.models import Conference
from network.models import ContactGroup
from resolutions.models import Commitment, Paragraph
from tests.factories import (
    CitedFigureFactory,
    CommitmentFactory,
    ConferenceFactory,
    ContactGroupFactory,
    ContactGroupMeetingFactory,
    ContactGroupMembershipFactory,
    EditionFactory,
    ParagraphFactory,
    ParagraphStatusUpdateFactory,
    ParticipantFactory,
    ProgrammeFactory,
    ProgressReportFactory,
    RecommendationFactory,
    RecommendationFollowUpFactory,
    RosterMemberFactory,
)

SINCE = datetime.date(2018, 1, 1)
UNTIL = datetime.date(2018, 12, 31)


@pytest.fixture(autouse=True)
def empty_cache(db):
    cache.clear()


@pytest.fixture(autouse=True)
def english_while_arranging():
    """Records are created in English: a request in another language leaves that language
    active, and modeltranslation would then write ``name=`` into the wrong column."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass
class Year:
    paragraph_network: Paragraph
    paragraph_training: Paragraph
    code_of_conduct: Paragraph
    conference: Conference
    group: ContactGroup


# The day the 2018 deliveries below were made, and the day they were validated, years later: a
# report on 2018 counts them, because they were delivered in 2018.
DELIVERED_IN_2018 = datetime.date(2018, 12, 1)
VALIDATED_LATER = datetime.datetime(2026, 1, 15, tzinfo=datetime.UTC)


def commitment(
    paragraph,
    state,
    *,
    status="pledged",
    delivered_quantity=0,
    delivered_on=DELIVERED_IN_2018,
    **fields,
) -> Commitment:
    """A commitment; with a status beyond pledged, as validated progress delivered on a day."""
    defaults = {
        "title": f"{state.name} pledge",
        "unit": "diplomats_trained",
        "target_quantity": None,
        "pledged_on": timezone.localdate(),
    }
    pledge = CommitmentFactory(paragraph=paragraph, state=state, **{**defaults, **fields})
    if status != "pledged":
        ProgressReportFactory(
            commitment=pledge,
            status=status,
            quantity_delivered=delivered_quantity,
            delivered_on=delivered_on,
            narrative=f"{delivered_quantity} delivered",
            reported_at=VALIDATED_LATER,
            review_status="validated",
            reviewed_at=VALIDATED_LATER,
        )
        Commitment.objects.filter(pk=pledge.pk).update(
            status=status, delivered_quantity=delivered_quantity, progress_as_of=delivered_on
        )
        pledge.refresh_from_db()
    return pledge


@pytest.fixture
def year_2018(resolution, paragraph_training, turkiye, senegal) -> Year:
    paragraph_training.title_ar = "التدريب على الوساطة"
    paragraph_training.title_fr = "Formation à la médiation"
    paragraph_training.save()
    network = ParagraphFactory(
        resolution=resolution,
        number=7,
        title="Network of mediators",
        title_ar="شبكة الوسطاء",
        title_fr="Réseau de médiateurs",
        theme="network",
    )
    code = ParagraphFactory(
        resolution=resolution, title="Code of conduct for mediators", theme="standards"
    )
    ParagraphStatusUpdateFactory(
        paragraph=paragraph_training,
        status="in_progress",
        as_of=datetime.date(2018, 11, 29),
        source="Summary report of the 2nd Conference",
    )
    # Assessed after the period: a 2018 report must not show it.
    ParagraphStatusUpdateFactory(
        paragraph=paragraph_training, status="implemented", as_of=datetime.date(2019, 6, 1)
    )
    ParagraphStatusUpdateFactory(
        paragraph=network, status="not_started", as_of=datetime.date(2018, 11, 29)
    )

    commitment(
        paragraph_training,
        turkiye,
        target_quantity=20,
        delivered_quantity=12,
        status="in_progress",
        pledged_on=datetime.date(2018, 6, 1),
    )
    commitment(
        paragraph_training,
        senegal,
        target_quantity=5,
        delivered_quantity=5,
        status="delivered",
        pledged_on=datetime.date(2018, 7, 1),
    )
    commitment(
        paragraph_training,
        turkiye,
        target_quantity=50,
        status="withdrawn",
        pledged_on=datetime.date(2018, 3, 1),
    )
    commitment(
        network,
        senegal,
        target_quantity=3,
        unit="experts_nominated",
        pledged_on=datetime.date(2019, 2, 1),
    )

    group = ContactGroupFactory(
        name="Contact Group of the Friends of Mediation",
        name_fr="Groupe de contact des amis de la médiation",
        name_ar="مجموعة الاتصال لأصدقاء الوساطة",
        slug="friends-of-mediation",
        established_on=datetime.date(2018, 9, 24),
        reported_member_count=24,
        reported_members_as_of=datetime.date(2018, 11, 29),
    )
    ContactGroupMembershipFactory(group=group, state=turkiye, joined_on=datetime.date(2018, 9, 24))
    ContactGroupMembershipFactory(group=group, state=senegal, joined_on=datetime.date(2019, 3, 1))
    first = ContactGroupMeetingFactory(
        group=group,
        number=1,
        held_on=datetime.date(2018, 9, 24),
        place="New York",
        level="ministerial",
    )
    first.states_present.add(turkiye)
    ContactGroupMeetingFactory(
        group=group,
        number=3,
        held_on=datetime.date(2019, 6, 27),
        place="Jeddah",
        level="ambassador",
    )

    RosterMemberFactory(
        full_name="Person Nominated 2017",
        gender="male",
        nominating_state=turkiye,
        nominated_on=datetime.date(2017, 5, 1),
        vetting_status="vetted",
        consent_given_on=datetime.date(2017, 5, 1),
    )
    RosterMemberFactory(
        full_name="Person Nominated 2018",
        gender="female",
        nominating_state=senegal,
        nominated_on=datetime.date(2018, 3, 1),
        consent_given_on=datetime.date(2018, 3, 1),
    )
    RosterMemberFactory(
        full_name="Person Nominated 2019", gender="female", nominated_on=datetime.date(2019, 3, 1)
    )
    RosterMemberFactory(
        full_name="Person Who Withdrew",
        gender="male",
        nominated_on=datetime.date(2018, 2, 1),
        consent_given_on=datetime.date(2018, 2, 1),
        consent_withdrawn_on=datetime.date(2018, 6, 1),
    )

    programme = ProgrammeFactory(
        name="Mediation for Peace", name_ar="الوساطة من أجل السلام", slug="mediation-for-peace"
    )
    EditionFactory(
        programme=programme,
        number=1,
        starts_on=datetime.date(2018, 11, 29),
        place="Istanbul",
        host_state=turkiye,
        reported_participants=30,
        reported_states=17,
    )
    recorded = EditionFactory(
        programme=programme,
        number=2,
        starts_on=datetime.date(2018, 5, 7),
        ends_on=datetime.date(2018, 5, 9),
        place="Dakar",
        host_state=senegal,
    )
    ParticipantFactory(
        edition=recorded, full_name="A", gender="female", state=senegal, completion="completed"
    )
    ParticipantFactory(
        edition=recorded, full_name="B", gender="male", state=turkiye, completion="withdrawn"
    )
    EditionFactory(
        programme=programme, number=3, starts_on=datetime.date(2019, 9, 9), reported_participants=40
    )

    conference = ConferenceFactory(
        ordinal=2,
        title="2nd Conference of OIC Member States on Mediation",
        title_fr="Deuxième Conférence des États membres de l'OCI sur la médiation",
        title_ar="المؤتمر الثاني للدول الأعضاء في منظمة التعاون الإسلامي حول الوساطة",
        starts_on=datetime.date(2018, 11, 29),
        city="Istanbul",
        host_state=turkiye,
    )
    keep_annual = RecommendationFactory(
        conference=conference, number=1, text="Keep the conference annual."
    )
    RecommendationFactory(
        conference=conference, number=2, text="Offer targeted training for mid-to-senior diplomats."
    )
    RecommendationFollowUpFactory(
        recommendation=keep_annual, status="in_progress", as_of=datetime.date(2018, 11, 29)
    )
    RecommendationFollowUpFactory(
        recommendation=keep_annual, status="implemented", as_of=datetime.date(2019, 11, 1)
    )
    CitedFigureFactory(
        statement="of the world's conflicts take place in the OIC geography",
        value=Decimal("60"),
        unit="%",
        source="SESRIC, Achieving Peace and Security in a Turbulent World",
        source_year=2018,
        conference=conference,
    )
    return Year(network, paragraph_training, code, conference, group)


MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
