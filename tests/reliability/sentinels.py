"""Personal data planted with recognisable values ("sentinels") in every personal field of people
who are not public, so a test can prove that no public answer, export or log line shows them."""

from __future__ import annotations

import datetime

from network.models import (
    FieldContext,
    MemberState,
)
from resolutions.models import Commitment
from tests.conftest import PASSWORD
from tests.factories import (
    DeploymentFactory,
    FieldContextFactory,
    FocalPointFactory,
    ParticipantFactory,
    ProgressReportFactory,
    RosterMemberFactory,
    RosterRoleFactory,
    UserFactory,
)
from trainings.models import Edition

MARK = "zqsentinel"
SENTINEL_IP = "203.0.113.77"


def sentinel(name: str) -> str:
    return f"{MARK}-{name}"


def sentinel_email(name: str) -> str:
    return f"{MARK}.{name}@example.org"


def found_in(text: str) -> list[str]:
    """The sentinel values (or the planted IP address) that occur in ``text``."""
    lowered = text.lower()
    found = []
    start = lowered.find(MARK)
    while start != -1:
        found.append(lowered[start : start + 40])
        start = lowered.find(MARK, start + 1)
    if SENTINEL_IP in text:
        found.append(SENTINEL_IP)
    return found


def roster_person(key: str, *, state: MemberState, visibility: str, context: FieldContext):
    values = {
        "full_name": sentinel(f"{key}-name"),
        "honorific": sentinel(f"{key}-hon"),
        "email": sentinel_email(f"{key}-email"),
        "phone": sentinel(f"{key}-phone"),
        "postal_address": sentinel(f"{key}-address"),
    }
    for field in ("current_position", "biography"):
        for language in ("ar", "en", "fr"):
            values[f"{field}_{language}"] = sentinel(f"{key}-{field}-{language}")
    person = RosterMemberFactory(
        gender="female",
        nationality=state,
        nominating_state=state,
        consent_given_on=datetime.date(2019, 1, 1),
        visibility=visibility,
        vetting_status="vetted",
        **values,
    )
    RosterRoleFactory(
        person=person,
        role="mediator",
        **{
            f"title_{language}": sentinel(f"{key}-role-{language}")
            for language in ("ar", "en", "fr")
        },
    )
    DeploymentFactory(
        person=person,
        context=context,
        role="mediator",
        started_on=datetime.date(2020, 1, 1),
        mandate=sentinel(f"{key}-mandate"),
    )
    return person


def sentinel_user(key: str, **extra):
    return UserFactory(
        username=sentinel(f"{key}-username"),
        email=sentinel_email(f"{key}-email"),
        first_name=sentinel(f"{key}-first"),
        last_name=sentinel(f"{key}-last"),
        password=PASSWORD,
        **extra,
    )


def plant(*, state: MemberState, commitment: Commitment, edition: Edition) -> dict:
    """Sentinels in every personal field of non-public people, participants and users."""
    context = FieldContextFactory(name="Sahel", slug="sahel", has_field_mission=True)
    private = roster_person("private", state=state, visibility="private", context=context)
    secretariat_only = roster_person(
        "secretariat", state=state, visibility="secretariat", context=context
    )
    # A public profile shows the name and the position, never the contact details.
    public = RosterMemberFactory(
        full_name="Public Mediator Aylin",
        gender="female",
        nationality=state,
        email=sentinel_email("public-email"),
        phone=sentinel("public-phone"),
        postal_address=sentinel("public-address"),
        consent_given_on=datetime.date(2019, 1, 1),
        visibility="public",
        vetting_status="vetted",
    )
    RosterRoleFactory(person=public, role="expert")

    participant = ParticipantFactory(
        edition=edition,
        full_name=sentinel("participant-name"),
        position=sentinel("participant-position"),
        email=sentinel_email("participant-email"),
        gender="male",
        level="mid",
        state=state,
        completion="completed",
        certificate_number=sentinel("cert"),
        certificate_issued_on=datetime.date(2020, 1, 1),
    )

    focal_user = sentinel_user("focal")
    FocalPointFactory(
        user=focal_user, state=state, title=sentinel("focal-title"), phone=sentinel("focal-phone")
    )
    staff_user = sentinel_user("staff", is_staff=True)
    commitment.created_by = focal_user
    commitment.save()
    ProgressReportFactory(
        commitment=commitment,
        status="in_progress",
        quantity_delivered=4,
        narrative="Four diplomats trained",
        reported_by=focal_user,
        review_status="validated",
        reviewed_by=staff_user,
        reviewed_at=datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC),
    )
    edition.reported_by_user = focal_user
    edition.save()
    return {
        "private": private,
        "secretariat_only": secretariat_only,
        "public": public,
        "participant": participant,
        "focal_user": focal_user,
        "staff_user": staff_user,
    }
