"""A small, realistic dataset for the dashboard tests, with ``size`` items of each kind.

Built with the ORM so the tests do not depend on the reference-data loader. ``size`` is 1 or 3 in
the query-count tests: every page must run the same number of queries for both.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from network.models import MemberState
from tests.factories import (
    CitedFigureFactory,
    CoChairPeriodFactory,
    CommitmentFactory,
    ConferenceFactory,
    ContactGroupFactory,
    ContactGroupMeetingFactory,
    ContactGroupMembershipFactory,
    DocumentFactory,
    EditionFactory,
    ExpertiseAreaFactory,
    LanguageFactory,
    OrganisationFactory,
    ParagraphFactory,
    ParagraphStatusUpdateFactory,
    ParticipantFactory,
    ProgrammeFactory,
    RecommendationFactory,
    RecommendationFollowUpFactory,
    RegionFactory,
    ResolutionFactory,
    RosterMemberFactory,
    RosterRoleFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
)

STATES = [
    ("TR", "TUR", "Türkiye", "Türkiye", "تركيا", "asian"),
    ("SN", "SEN", "Senegal", "Sénégal", "السنغال", "african"),
    ("SA", "SAU", "Saudi Arabia", "Arabie saoudite", "المملكة العربية السعودية", "arab"),
    ("GM", "GMB", "The Gambia", "Gambie", "غامبيا", "african"),
    ("PK", "PAK", "Pakistan", "Pakistan", "باكستان", "asian"),
    ("JO", "JOR", "Jordan", "Jordanie", "الأردن", "arab"),
]
PARAGRAPHS = [
    (4, "Strengthen the Peace, Security and Conflict Resolution Unit", "institutions"),
    (7, "Network of OIC mediators, special envoys and experts", "network"),
    (8, "Training in conflict resolution and mediation", "training"),
]


def build(size: int) -> dict:
    assert 1 <= size <= 3
    states = [
        MemberState.objects.get_or_create(
            iso_code=iso2,
            defaults={
                "iso3_code": iso3,
                "name": name,
                "name_en": name,
                "name_fr": name_fr,
                "name_ar": name_ar,
                "slug": name.lower().replace(" ", "-").replace("ü", "u"),
                "geographic_group": group,
            },
        )[0]
        for iso2, iso3, name, name_fr, name_ar, group in STATES[: size + 1]
    ]
    organisation = OrganisationFactory(
        name="OIC General Secretariat", acronym="OIC", slug="oic-gs", kind="oic_body"
    )
    resolution = ResolutionFactory(
        symbol="53/45-POL",
        title="Strengthening the OIC mediation capacity",
        title_fr="Renforcement de la capacité de médiation de l'OCI",
        title_ar="تعزيز قدرة منظمة التعاون الإسلامي في مجال الوساطة",
        cfm_session=45,
        place="Dhaka",
        adopted_from=datetime.date(2018, 5, 5),
        adopted_until=datetime.date(2018, 5, 6),
    )
    paragraphs = []
    for index in range(size):
        number, title, theme = PARAGRAPHS[index]
        paragraph = ParagraphFactory(resolution=resolution, number=number, title=title, theme=theme)
        ParagraphStatusUpdateFactory(
            paragraph=paragraph,
            status=["in_progress", "not_started", "implemented"][index],
            as_of=datetime.date(2018, 11, 29),
        )
        paragraphs.append(paragraph)
    for index in range(size):
        for state_index in range(size):
            CommitmentFactory(
                state=states[state_index],
                paragraph=paragraphs[index],
                title=f"Train {10 * (index + 1)} young diplomats",
                target_quantity=10 * (index + 1),
                delivered_quantity=[10, 4, 0][state_index] * (index + 1),
                status=["delivered", "in_progress", "pledged"][state_index],
                unit=["diplomats_trained", "experts_nominated", "actions"][index],
                pledged_on=datetime.date(2018, 11, 29),
                due_on=datetime.date(2021, 12, 31),
            )
        CommitmentFactory(
            organisation=organisation,
            paragraph=paragraphs[index],
            title="Host the annual conference",
            target_quantity=1,
            status="pledged",
            pledged_on=datetime.date(2019, 1, 1),
            state=None,
            unit="actions",
        )

    group = ContactGroupFactory(
        name="Contact Group of the Friends of Mediation",
        slug="friends-of-mediation",
        established_on=datetime.date(2018, 9, 24),
    )
    for index in range(size):
        ContactGroupMembershipFactory(
            group=group, state=states[index], joined_on=datetime.date(2018, 9, 24)
        )
        CoChairPeriodFactory(
            group=group, state=states[index], started_on=datetime.date(2018, 9, 24)
        )
        meeting = ContactGroupMeetingFactory(
            group=group,
            number=index + 1,
            held_on=datetime.date(2018 + index, 9, 24),
            place=["New York, alongside UNGA-73", "Jeddah", "Istanbul"][index],
            level="ambassador",
        )
        meeting.states_present.add(*states)

    for index in range(size):
        expertise = ExpertiseAreaFactory(
            name=["Negotiation", "Early warning", "Ceasefire monitoring"][index],
            slug=f"expertise-{index}",
        )
        language = LanguageFactory(
            code=["ar", "fr", "tr"][index], name=["Arabic", "French", "Turkish"][index]
        )
        region = RegionFactory(
            name=["Sahel", "South-East Asia", "Horn of Africa"][index], slug=f"region-{index}"
        )
        person = RosterMemberFactory(
            full_name=["Amina Diallo", "Kemal Aydın", "Layla Haddad"][index],
            honorific="Amb.",
            gender=["female", "male", "female"][index],
            nominating_state=states[index],
            email=f"private{index}@example.org",
            phone="+90 555 000 00 00",
            current_position="Ambassador",
            vetting_status="vetted",
            consent_given_on=datetime.date(2020, 1, 1),
            visibility="public" if index != 1 else "private",
        )
        person.expertise.add(expertise)
        person.languages.add(language)
        person.regions.add(region)
        RosterRoleFactory(person=person, role=["mediator", "expert", "special_envoy"][index])

    for index in range(size):
        programme = ProgrammeFactory(
            name=["Mediation for Peace", "Senior diplomats' course", "Simulation exercise"][index],
            slug=f"programme-{index}",
            organiser_state=states[0],
            awards_certificate=True,
        )
        for edition_index in range(size):
            edition = EditionFactory(
                programme=programme,
                number=edition_index + 1,
                starts_on=datetime.date(2018 + edition_index, 9, 9),
                ends_on=datetime.date(2018 + edition_index, 9, 13),
                place="Ankara",
                host_state=states[0],
            )
            for state_index in range(size):
                ParticipantFactory(
                    edition=edition,
                    full_name=f"Participant {index}-{edition_index}-{state_index}",
                    gender="female" if state_index % 2 else "male",
                    state=states[state_index],
                    level=["junior", "mid", "senior"][state_index],
                    completion="completed",
                )
        EditionFactory(
            programme=programme,
            starts_on=datetime.date(2018, 11, 29),
            reported_participants=40,
            format="simulation",
        )

    for index in range(size):
        conference = ConferenceFactory(
            ordinal=index + 1,
            title=f"Conference no. {index + 1} of OIC Member States on Mediation",
            theme="Implementation of Resolution No. 53/45-POL: Challenges and Opportunities",
            starts_on=datetime.date(2017 + index, 11, 21),
            city="Istanbul",
            host_state=states[0],
            reported_participants=150,
            participants_is_minimum=True,
            reported_states=41,
        )
        for session_index in range(size):
            session = SessionFactory(
                conference=conference, order=session_index + 1, title=f"Session {session_index + 1}"
            )
            speaker = SpeakerFactory(
                full_name=f"Speaker {index}-{session_index}",
                honorific="H.E.",
                position="Deputy Foreign Minister",
                state=states[0],
                organisation=organisation,
            )
            SessionSpeakerFactory(session=session, speaker=speaker, role="speaker")
            recommendation = RecommendationFactory(
                conference=conference,
                session=session,
                number=session_index + 1,
                text="Offer targeted training for mid-to-senior diplomats.",
            )
            recommendation.paragraphs.add(paragraphs[0])
            RecommendationFollowUpFactory(
                recommendation=recommendation, status="pending", as_of=datetime.date(2019, 1, 1)
            )
            RecommendationFollowUpFactory(
                recommendation=recommendation, status="in_progress", as_of=datetime.date(2020, 1, 1)
            )
            DocumentFactory(
                conference=conference,
                kind="summary_report",
                title=f"Summary report {session_index}",
                language="fr",
                author=organisation,
                url="https://undocs.org/A/73/725",
            )
        CitedFigureFactory(
            statement="of the world's conflicts take place in the OIC geography",
            value=Decimal(["60", "39", "14.3"][index]),
            unit=["%", "%", " USD trillion"][index],
            source="SESRIC, Achieving Peace and Security in a Turbulent World (2018)",
            source_year=2018,
            conference=conference,
            position=index,
        )
    return {"states": states, "resolution": resolution, "group": group}
