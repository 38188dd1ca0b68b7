"""Every write service refuses bad input with ValidationError or PermissionDenied, never with
another exception (a 500), and a refused write leaves every table as it was."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from network.models import Gender, RosterRole
from network.services import focal_point_invite, roster_nomination_create
from resolutions import services
from resolutions.models import Commitment, CommitmentStatus
from tests.factories import (
    CommitmentFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProgressReportFactory,
)
from tests.reliability.fuzzing import (
    FUZZ,
    choice_or_junk,
    dates,
    integers,
    optional_dates,
    optional_integers,
    refused_or_written,
    text,
)
from trainings.models import Edition, Level, Participant
from trainings.services import training_edition_report

pytestmark = pytest.mark.django_db

USERS = st.sampled_from(["turkiye_focal_point", "senegal_focal_point", "secretariat"])
STATES = st.sampled_from(["turkiye", "senegal", None])
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def cast(
    turkiye, senegal, turkiye_focal_point, senegal_focal_point, secretariat, paragraph_training
):
    organisation = OrganisationFactory(name="SESRIC", slug="sesric", kind="oic_body")
    return {
        "turkiye": turkiye,
        "senegal": senegal,
        "turkiye_focal_point": turkiye_focal_point,
        "senegal_focal_point": senegal_focal_point,
        "secretariat": secretariat,
        "paragraph": paragraph_training,
        "organisation": organisation,
        "commitment": CommitmentFactory(state=turkiye, paragraph=paragraph_training),
        "programme": ProgrammeFactory(name="Mediation for Peace", slug="m4p"),
        None: None,
    }


@FUZZ
@given(
    user=USERS,
    state=STATES,
    with_organisation=st.booleans(),
    title=text,
    description=text,
    target_quantity=optional_integers,
    unit=choice_or_junk(Commitment.Unit.choices),
    due_on=optional_dates,
    pledged_on=optional_dates,
)
def test_commitment_create_refuses_bad_input_cleanly(
    cast, user, state, with_organisation, **values
):
    with refused_or_written() as outcome:
        commitment = services.commitment_create(
            user=cast[user],
            paragraph=cast["paragraph"],
            state=cast[state],
            organisation=cast["organisation"] if with_organisation else None,
            **values,
        )
    if not outcome["refused"]:
        commitment.refresh_from_db()
        commitment.full_clean()


@FUZZ
@given(
    user=USERS,
    expected_version=integers,
    changes=st.fixed_dictionaries(
        {},
        optional={
            "title": text,
            "description": text,
            "target_quantity": optional_integers,
            "unit": choice_or_junk(Commitment.Unit.choices),
            "due_on": optional_dates,
        },
    ),
)
def test_commitment_update_refuses_bad_input_and_stale_versions_cleanly(
    cast, user, expected_version, changes
):
    commitment = Commitment.objects.get(pk=cast["commitment"].pk)
    stored_before = Commitment.objects.filter(pk=commitment.pk).values().get()
    with refused_or_written() as outcome:
        services.commitment_update(
            user=cast[user], commitment=commitment, expected_version=expected_version, **changes
        )
    stored = Commitment.objects.filter(pk=commitment.pk).values().get()
    if outcome["refused"]:
        assert stored == stored_before
    else:
        assert expected_version == stored_before["version"]
        assert stored["version"] == expected_version + 1


evidence_files = st.one_of(
    st.none(),
    st.builds(
        lambda name, content: SimpleUploadedFile(name, content),
        name=st.one_of(
            st.sampled_from(["evidence.pdf", "report.docx", "x.exe", "a.pdf.html", ".pdf"]),
            st.text(min_size=1, max_size=80).filter(lambda n: "/" not in n and "\\" not in n),
        ),
        content=st.one_of(st.binary(max_size=2000), st.just(PDF), st.just(b"PK\x03\x04junk")),
    ),
)


@FUZZ
@given(
    user=USERS,
    status=choice_or_junk(CommitmentStatus.choices),
    quantity_delivered=integers,
    narrative=text,
    language=st.one_of(st.sampled_from(["ar", "en", "fr"]), text),
    evidence_url=text,
    evidence_file=evidence_files,
)
def test_progress_report_submit_refuses_bad_input_cleanly(cast, user, **values):
    with refused_or_written() as outcome:
        report = services.progress_report_submit(
            user=cast[user], commitment=cast["commitment"], **values
        )
    if not outcome["refused"]:
        report.refresh_from_db()
        report.full_clean(exclude=["evidence_file"])


@FUZZ
@given(
    user=USERS,
    validate=st.booleans(),
    already_reviewed=st.booleans(),
    comment=text,
)
def test_progress_report_review_refuses_bad_input_cleanly(
    cast, user, validate, already_reviewed, comment
):
    report = ProgressReportFactory(
        commitment=cast["commitment"],
        status="in_progress",
        quantity_delivered=1,
        narrative="One diplomat trained",
    )
    if already_reviewed:
        services.progress_report_validate(user=cast["secretariat"], report=report)
    review = services.progress_report_validate if validate else services.progress_report_return
    with refused_or_written() as outcome:
        review(user=cast[user], report=report, comment=comment)
    report.refresh_from_db()
    if outcome["refused"]:
        expected = "validated" if already_reviewed else "submitted"
        assert report.review_status == expected
    else:
        assert report.review_status == ("validated" if validate else "returned")


@FUZZ
@given(
    user=USERS,
    state=STATES,
    full_name=text,
    gender=choice_or_junk(Gender.choices),
    roles=st.lists(choice_or_junk(RosterRole.Role.choices), max_size=5),
    consent_given_on=optional_dates,
    email=text,
    phone=text,
    honorific=text,
    current_position=text,
    biography=text,
)
def test_roster_nomination_refuses_bad_input_cleanly(cast, user, state, **values):
    with refused_or_written() as outcome:
        person = roster_nomination_create(user=cast[user], state=cast[state], **values)
    if not outcome["refused"]:
        person.refresh_from_db()
        person.full_clean()
        assert person.visibility == "private"


participants = st.lists(
    st.fixed_dictionaries(
        {"full_name": text, "gender": choice_or_junk(Gender.choices)},
        optional={
            "position": text,
            "level": choice_or_junk(Level.choices),
            "completion": choice_or_junk(Participant.Completion.choices),
        },
    ),
    max_size=4,
)


@FUZZ
@given(
    user=USERS,
    state=st.sampled_from(["turkiye", "senegal"]),
    starts_on=dates,
    ends_on=optional_dates,
    title=text,
    place=text,
    format=choice_or_junk(Edition.Format.choices),
    level_targeted=choice_or_junk(Edition.TargetLevel.choices),
    reported_participants=optional_integers,
    reported_states=optional_integers,
    description=text,
    participants=participants,
)
def test_training_edition_report_refuses_bad_input_cleanly_and_all_or_nothing(
    cast, user, state, **values
):
    with refused_or_written() as outcome:
        edition = training_edition_report(
            user=cast[user], state=cast[state], programme=cast["programme"], **values
        )
    if not outcome["refused"]:
        assert edition.participants.count() == len(values["participants"])


@FUZZ
@given(
    user=USERS,
    email=st.one_of(text, st.emails()),
    first_name=text,
    last_name=text,
    title=text,
    preferred_language=st.one_of(st.sampled_from(["ar", "en", "fr"]), text),
)
def test_focal_point_invitation_refuses_bad_input_cleanly(cast, user, **values):
    with refused_or_written() as outcome:
        focal_point = focal_point_invite(invited_by=cast[user], state=cast["senegal"], **values)
    if not outcome["refused"]:
        focal_point.full_clean()
        focal_point.user.full_clean(exclude=["password"])
