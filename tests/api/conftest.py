"""A small public world for the API tests, built by ``make_world`` with personal data planted in
it (e-mails, phones, addresses, private roster people) that no public answer may show.
"""

from __future__ import annotations

import datetime

import pytest
from knox.models import AuthToken
from rest_framework.test import APIClient

from network.models import MemberState
from tests.factories import (
    CitedFigureFactory,
    CommitmentFactory,
    ConferenceFactory,
    ContactGroupFactory,
    ContactGroupMeetingFactory,
    ContactGroupMembershipFactory,
    DocumentFactory,
    EditionFactory,
    ExpertiseAreaFactory,
    LanguageFactory,
    MemberStateFactory,
    OrganisationFactory,
    ParagraphFactory,
    ParticipantFactory,
    ProgrammeFactory,
    ProgressReportFactory,
    RecommendationFactory,
    RecommendationFollowUpFactory,
    RegionFactory,
    ResolutionFactory,
    RosterMemberFactory,
    RosterRoleFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    UserFactory,
)

# Values that must never appear in a public answer.
SECRET_EMAIL = "hidden.person@private.example"
SECRET_PHONE = "+90 555 010 0101"
SECRET_ADDRESS = "12 Hidden Street, Ankara"
PRIVATE_NAME = "Private Person Zeynep"
SECRETARIAT_ONLY_NAME = "Secretariat-only Person Omar"
WITHDRAWN_NAME = "Withdrawn Consent Person Aminata"
PUBLIC_NAME = "Public Mediator Fatou"
PARTICIPANT_NAME = "Trainee Diplomat Mehmet"
PARTICIPANT_EMAIL = "trainee.mehmet@mfa.example"
SUBMITTED_NARRATIVE = "Not yet validated narrative"
RETURNED_NARRATIVE = "Returned narrative"
REVIEW_COMMENT = "Internal review comment"


def make_world(index: int, *, turkiye: MemberState, senegal: MemberState, paragraph) -> dict:
    """One of each public record (numbered ``index`` so several worlds can coexist)."""
    n = index
    day = datetime.date(2019, 1, 1) + datetime.timedelta(days=n)
    state = MemberStateFactory(
        iso_code=f"Q{chr(65 + n)}", iso3_code=f"QQ{chr(65 + n)}", name=f"State {n}", slug=f"s-{n}"
    )
    organisation = OrganisationFactory(name=f"Organisation {n}", slug=f"org-{n}", kind="partner")
    follow_up = ResolutionFactory(
        symbol=f"{60 + n}/50-POL",
        title=f"Follow-up resolution {n}",
        cfm_session=50 + n,
        place="Niamey",
        adopted_from=day,
        proposed_by=turkiye,
        adopted_until=None,
    )
    ParagraphFactory(resolution=follow_up, number=1, title=f"Code of conduct {n}")
    commitment = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph,
        title=f"Train diplomats {n}",
        target_quantity=10,
        pledged_on=day,
        unit="actions",
    )
    ProgressReportFactory(
        commitment=commitment,
        status="in_progress",
        quantity_delivered=3,
        narrative=f"Validated narrative {n}",
        review_status="validated",
        reviewed_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
        review_comment=REVIEW_COMMENT,
    )
    ProgressReportFactory(
        commitment=commitment,
        status="in_progress",
        quantity_delivered=5,
        narrative=SUBMITTED_NARRATIVE,
    )
    group = ContactGroupFactory(name=f"Friends of Mediation {n}", slug=f"fom-{n}")
    ContactGroupMembershipFactory(group=group, state=turkiye)
    ContactGroupMembershipFactory(group=group, organisation=organisation)
    meeting = ContactGroupMeetingFactory(
        group=group, number=1, held_on=day, place="New York", level="ambassador"
    )
    meeting.states_present.set([turkiye, senegal])
    expertise = ExpertiseAreaFactory(name=f"Expertise {n}", slug=f"expertise-{n}")
    region = RegionFactory(name=f"Region {n}", slug=f"region-{n}")
    language = LanguageFactory(code=f"l{n}", name=f"Language {n}")
    public = RosterMemberFactory(
        full_name=f"{PUBLIC_NAME} {n}",
        gender="female",
        nationality=senegal,
        email=SECRET_EMAIL,
        phone=SECRET_PHONE,
        postal_address=SECRET_ADDRESS,
        consent_given_on=datetime.date(2019, 1, 1),
        visibility="public",
        vetting_status="vetted",
    )
    public.expertise.set([expertise])
    public.regions.set([region])
    public.languages.set([language])
    RosterRoleFactory(person=public, role="mediator")
    for name, visibility, withdrawn in [
        (PRIVATE_NAME, "private", None),
        (SECRETARIAT_ONLY_NAME, "secretariat", None),
        (WITHDRAWN_NAME, "public", datetime.date(2020, 1, 1)),
    ]:
        person = RosterMemberFactory(
            full_name=f"{name} {n}",
            gender="male",
            email=SECRET_EMAIL,
            phone=SECRET_PHONE,
            postal_address=SECRET_ADDRESS,
            consent_given_on=datetime.date(2019, 1, 1),
            consent_withdrawn_on=withdrawn,
            visibility=visibility,
        )
        RosterRoleFactory(person=person, role="expert")
    programme = ProgrammeFactory(
        name=f"Mediation for Peace {n}", slug=f"m4p-{n}", organiser_state=turkiye
    )
    programme.partners.set([organisation])
    edition = EditionFactory(programme=programme, number=1, starts_on=day, host_state=turkiye)
    for gender, level, participant_state in [
        ("female", "junior", turkiye),
        ("male", "junior", senegal),
        ("female", "mid", senegal),
    ]:
        ParticipantFactory(
            edition=edition,
            full_name=PARTICIPANT_NAME,
            email=PARTICIPANT_EMAIL,
            gender=gender,
            level=level,
            state=participant_state,
        )
    conference = ConferenceFactory(
        ordinal=n + 1, title=f"Conference {n}", starts_on=day, city="Istanbul", host_state=turkiye
    )
    conference.partner_organisations.set([organisation])
    session = SessionFactory(conference=conference, order=1, title="Ways forward")
    speaker = SpeakerFactory(full_name=f"Speaker {n}", state=turkiye)
    SessionSpeakerFactory(session=session, speaker=speaker, role="moderator")
    document = DocumentFactory(
        conference=conference, kind="summary_report", title=f"Summary {n}", language="fr"
    )
    DocumentFactory(
        conference=conference,
        kind="other",
        title=f"Internal note {n}",
        language="en",
        is_public=False,
    )
    recommendation = RecommendationFactory(
        conference=conference, session=session, number=1, text=f"Keep the conference annual {n}"
    )
    recommendation.paragraphs.set([paragraph])
    RecommendationFollowUpFactory(recommendation=recommendation, status="implemented", as_of=day)
    figure = CitedFigureFactory(
        statement="of the world's conflicts",
        value=60,
        unit="%",
        source="SESRIC",
        source_year=2018,
        conference=conference,
        source_document=document,
    )
    return {
        "state": state,
        "organisation": organisation,
        "commitment": commitment,
        "group": group,
        "meeting": meeting,
        "public_person": public,
        "programme": programme,
        "edition": edition,
        "conference": conference,
        "session": session,
        "speaker": speaker,
        "document": document,
        "recommendation": recommendation,
        "figure": figure,
    }


@pytest.fixture
def world(
    turkiye, senegal, paragraph_training, turkiye_focal_point, senegal_focal_point, secretariat
):
    return make_world(0, turkiye=turkiye, senegal=senegal, paragraph=paragraph_training)


@pytest.fixture
def more_worlds(turkiye, senegal, paragraph_training):
    def build(indices):
        return [
            make_world(i, turkiye=turkiye, senegal=senegal, paragraph=paragraph_training)
            for i in indices
        ]

    return build


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def client_for(turkiye_focal_point, senegal_focal_point, secretariat):
    """An API client signed in as a role of the cast (by token, as an outside client would be)."""
    users = {
        "anonymous": None,
        "focal_same_state": turkiye_focal_point,
        "focal_other_state": senegal_focal_point,
        "secretariat": secretariat,
    }

    def build(role: str) -> APIClient:
        client = APIClient()
        user = users[role]
        if user is not None:
            _token, key = AuthToken.objects.create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client

    return build


@pytest.fixture
def plain_user(db):
    return UserFactory(username="pat.public")


def rows(response) -> list[dict]:
    """The records of a list answer (paginated or not)."""
    data = response.json()
    return data["results"] if isinstance(data, dict) and "results" in data else data
