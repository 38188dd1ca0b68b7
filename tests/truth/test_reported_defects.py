"""Each defect of the issue "One truth for every figure", reproduced as a visitor, a focal point or
the Secretariat met it, and the behaviour that replaces it.

The figures named here are defined once, in the domain apps' selectors; these tests read them
where people read them: the dashboard's HTML, the API's JSON, the admin, the report.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from conferences.models import Conference
from network.models import RosterMember
from oic_mediation.reports.data import implementation_report
from resolutions import services as resolution_services
from resolutions.models import Commitment, ProgressReport
from tests.conftest import PASSWORD
from tests.factories import (
    CommitmentFactory,
    ConferenceFactory,
    ContactGroupFactory,
    ContactGroupMembershipFactory,
    EditionFactory,
    ParagraphFactory,
    ParagraphStatusUpdateFactory,
    ParticipantFactory,
    ProgrammeFactory,
    RecommendationFactory,
    RecommendationFollowUpFactory,
    RosterMemberFactory,
    RosterRoleFactory,
)
from tests.truth.surfaces import figure, page, stat, text_of
from trainings import services as training_services
from trainings.models import Edition, Programme

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def person(name: str, **fields) -> RosterMember:
    defaults = {"gender": "female", "vetting_status": "vetted"}
    member = RosterMemberFactory(full_name=name, **{**defaults, **fields})
    RosterRoleFactory(person=member, role="mediator")
    return member


# --- The network -------------------------------------------------------------------------------


def test_a_person_without_recorded_consent_is_in_no_count_of_the_network(client):
    """Was: counted in the home page's network size (1) but not in /api/v1/roster/summary/ (0)."""
    person("Nominated Without Consent", consent_given_on=None)
    person("With Consent", consent_given_on=datetime.date(2019, 1, 1))

    home = page(client, "dashboard:home")
    summary = APIClient().get("/api/v1/roster/summary/").json()
    network = page(client, "dashboard:network")

    assert stat(home, "mediators, envoys and experts in the network") == 1
    assert summary["total"] == 1
    assert stat(network, "people in the network") == 1


def test_a_declined_person_is_never_listed_even_with_consent_and_a_public_profile(client):
    """Was: listed by /api/v1/roster/profiles/ but not on the network page."""
    declined = person(
        "Declined Public Person",
        vetting_status="declined",
        consent_given_on=datetime.date(2019, 1, 1),
        visibility="public",
    )
    person("Vetted Public Person", consent_given_on=datetime.date(2019, 1, 1), visibility="public")

    listed = [
        row["full_name"] for row in APIClient().get("/api/v1/roster/profiles/").json()["results"]
    ]
    detail = APIClient().get(f"/api/v1/roster/profiles/{declined.pk}/")
    network = text_of(page(client, "dashboard:network"))

    assert listed == ["Vetted Public Person"]
    assert detail.status_code == 404
    assert "Vetted Public Person" in network
    assert "Declined Public Person" not in network


def test_every_surface_agrees_on_who_is_a_current_member_of_the_contact_group(client, turkiye):
    """Was written three ways, with ``>=`` in one and ``>`` in another: a state that leaves the
    group today was current for the model and the dashboard, not for the report."""
    group = ContactGroupFactory(name="Friends of Mediation", slug="friends-of-mediation")
    ContactGroupMembershipFactory(
        group=group, state=turkiye, joined_on=datetime.date(2018, 9, 24), left_on=TODAY
    )

    membership = APIClient().get("/api/v1/contact-groups/").json()["results"][0]["members"][0]
    home = page(client, "dashboard:home")
    report = implementation_report(since=TODAY.replace(month=1, day=1), until=TODAY, language="en")

    # Leaving on a day ends the membership that day.
    assert membership["is_current"] is False
    assert stat(home, "member states engaged") == 0
    assert report.contact_groups[0].members_recorded == 0


# --- Trainings ---------------------------------------------------------------------------------


@pytest.fixture
def programme(db) -> Programme:
    return ProgrammeFactory(name="Mediation for Peace", slug="mediation-for-peace")


def test_diplomats_trained_counts_those_who_completed_not_those_who_only_enrolled(
    client, programme, turkiye
):
    """Was: an edition with 3 participants, 2 of whom completed, showed 3 diplomats trained."""
    edition = EditionFactory(programme=programme, starts_on=datetime.date(2019, 9, 9))
    for name, completion in [("A", "completed"), ("B", "completed"), ("C", "enrolled")]:
        ParticipantFactory(
            edition=edition, full_name=name, gender="male", state=turkiye, completion=completion
        )

    home = page(client, "dashboard:home")
    report = implementation_report(
        since=datetime.date(2019, 1, 1), until=datetime.date(2019, 12, 31), language="en"
    )

    assert stat(home, "diplomats trained") == 2
    assert report.trainings["trained"] == 2


def test_the_api_counts_an_editions_participants_without_those_who_withdrew(
    client, programme, turkiye
):
    """Was: the API's edition participant counts included withdrawn participants."""
    edition = EditionFactory(programme=programme, starts_on=datetime.date(2019, 9, 9))
    for name, completion in [("A", "completed"), ("B", "enrolled"), ("C", "withdrawn")]:
        ParticipantFactory(
            edition=edition, full_name=name, gender="female", state=turkiye, completion=completion
        )

    counts = APIClient().get(f"/api/v1/editions/{edition.pk}/").json()["participants"]
    programme_page = page(client, "dashboard:programme", {"slug": programme.slug})

    assert counts["total"] == 2
    assert counts["completed"] == 1
    assert counts["trained"] == 1
    assert counts["by_gender"]["female"] == 2
    assert counts["by_state"] == [{"state": "TR", "count": 2}]
    assert figure(programme_page, f"edition-participants-{edition.pk}") == "2"
    assert figure(programme_page, f"edition-trained-{edition.pk}") == "1"


def test_an_edition_without_a_title_is_named_alike_in_the_api_and_on_the_dashboard(
    client, programme
):
    """Was: editions 1 and 2 had empty titles in the API while the dashboard named them."""
    edition = EditionFactory(programme=programme, number=2, starts_on=datetime.date(2019, 9, 9))

    api_title = APIClient().get(f"/api/v1/editions/{edition.pk}/").json()["title"]

    assert api_title == "Mediation for Peace — #2 (2019)"
    assert api_title in text_of(page(client, "dashboard:programme", {"slug": programme.slug}))


def test_a_focal_points_training_report_counts_only_once_the_secretariat_validates_it(
    client, programme, turkiye, turkiye_focal_point, secretariat
):
    """Was: a focal point's training report went public at once, with no validation; its
    declared head count was ignored as soon as any participant was named."""
    edition = training_services.training_edition_report(
        user=turkiye_focal_point,
        state=turkiye,
        programme=programme,
        starts_on=datetime.date(2019, 9, 9),
        reported_participants=20,
        participants=[{"full_name": "Named One", "gender": "male", "completion": "completed"}],
    )

    assert edition.review_status == Edition.Review.SUBMITTED
    assert stat(page(client, "dashboard:home"), "diplomats trained") == 0
    assert APIClient().get("/api/v1/editions/").json()["count"] == 0

    training_services.training_edition_validate(user=secretariat, edition=edition)

    home = page(client, "dashboard:home")
    # One named participant who completed, and 19 more declared without names.
    assert stat(home, "diplomats trained") == 20
    assert "19 declared without names" in text_of(page(client, "dashboard:trainings"))


def test_a_returned_training_report_stays_out_of_the_public_figures(
    client, programme, turkiye, turkiye_focal_point, secretariat
):
    edition = training_services.training_edition_report(
        user=turkiye_focal_point,
        state=turkiye,
        programme=programme,
        starts_on=datetime.date(2019, 9, 9),
        reported_participants=12,
    )

    training_services.training_edition_return(
        user=secretariat, edition=edition, comment="Please name the participants."
    )

    edition.refresh_from_db()
    assert edition.review_status == Edition.Review.RETURNED
    assert edition.review_comment == "Please name the participants."
    assert stat(page(client, "dashboard:home"), "diplomats trained") == 0


# --- Conferences -------------------------------------------------------------------------------


@pytest.fixture
def conference(db) -> Conference:
    return ConferenceFactory(
        ordinal=2, title="2nd Conference", starts_on=datetime.date(2018, 11, 29), city="Istanbul"
    )


def test_a_recommendation_whose_follow_up_is_pending_is_not_followed_up(client, conference):
    """Was: "12 of 12 recommendations followed up" while every one read "Not yet acted on"."""
    for number in (1, 2):
        recommendation = RecommendationFactory(
            conference=conference, number=number, text=f"Recommendation {number}"
        )
        RecommendationFollowUpFactory(
            recommendation=recommendation, status="pending", as_of=datetime.date(2018, 11, 29)
        )

    text = text_of(page(client, "dashboard:conferences"))

    assert "0 of 2 recommendations followed up" in text


def test_a_measure_shows_the_recommendations_on_it_and_the_queue_names_a_contradiction(
    client, conference, resolution, secretariat
):
    """Was: "keep the conference annual" read "Not yet acted on" while the home page marked the
    annual-conference measure "Implemented", and nothing related the two."""
    measure = ParagraphFactory(resolution=resolution, title="Annual conference", theme="conference")
    ParagraphStatusUpdateFactory(
        paragraph=measure, status="implemented", as_of=datetime.date(2018, 11, 29)
    )
    recommendation = RecommendationFactory(
        conference=conference, number=10, text="Keep the conference annual"
    )
    recommendation.paragraphs.add(measure)
    RecommendationFollowUpFactory(
        recommendation=recommendation, status="pending", as_of=datetime.date(2018, 11, 29)
    )

    measure_page = text_of(page(client, "dashboard:paragraph", {"pk": measure.pk}))
    conference_page = text_of(page(client, "dashboard:conference", {"ordinal": 2}))
    client.force_login(secretariat)
    queue = text_of(client.get(reverse("admin:review_queue")).content.decode())

    assert "Keep the conference annual" in measure_page
    assert "Not yet acted on" in measure_page
    assert "Other measure: Annual conference" in conference_page
    assert "Annual conference" in queue
    assert "Keep the conference annual" in queue
    assert "implemented" in queue.lower() and "not yet acted on" in queue.lower()


# --- Figures as of a date ----------------------------------------------------------------------


def test_a_report_on_a_past_period_counts_only_what_was_delivered_by_its_end(
    secretariat, turkiye, turkiye_focal_point, paragraph_training
):
    """Was: an implementation report for 2018–2019 counted a delivery validated in December 2026;
    a progress report had no date for when the work was delivered."""
    commitment = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Train 20 diplomats",
        target_quantity=20,
        unit="diplomats_trained",
        pledged_on=datetime.date(2018, 11, 29),
    )
    for delivered_on, quantity in [(datetime.date(2019, 9, 13), 8), (TODAY, 20)]:
        report = resolution_services.progress_report_submit(
            user=turkiye_focal_point,
            commitment=commitment,
            status="delivered" if quantity == 20 else "in_progress",
            quantity_delivered=quantity,
            delivered_on=delivered_on,
            narrative=f"{quantity} trained",
        )
        resolution_services.progress_report_validate(user=secretariat, report=report)

    past = implementation_report(
        since=datetime.date(2018, 1, 1), until=datetime.date(2019, 12, 31), language="en"
    )
    now = implementation_report(since=TODAY.replace(month=1, day=1), until=TODAY, language="en")

    assert [(u.pledged, u.delivered) for u in past.units] == [(20, 8)]
    assert past.totals["delivered_count"] == 0
    assert past.totals["in_progress_count"] == 1
    assert [(u.pledged, u.delivered) for u in now.units] == [(20, 20)]
    assert now.totals["delivered_count"] == 1


def test_a_delivery_date_in_the_future_is_refused(turkiye_focal_point, turkiye, paragraph_training):
    commitment = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Train diplomats",
        target_quantity=5,
        unit="actions",
        pledged_on=timezone.localdate(),
    )

    with pytest.raises(resolution_services.ValidationError) as error:
        resolution_services.progress_report_submit(
            user=turkiye_focal_point,
            commitment=commitment,
            status="in_progress",
            quantity_delivered=2,
            delivered_on=TODAY + datetime.timedelta(days=3),
            narrative="Soon",
        )

    assert "delivered_on" in error.value.message_dict
    assert ProgressReport.objects.count() == 0


# --- Every door enforces the same rules --------------------------------------------------------


@pytest.fixture
def withdrawn_commitment(
    turkiye, paragraph_training, turkiye_focal_point, secretariat
) -> Commitment:
    commitment = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Host a workshop",
        target_quantity=1,
        unit="actions",
        pledged_on=timezone.localdate(),
    )
    report = resolution_services.progress_report_submit(
        user=turkiye_focal_point,
        commitment=commitment,
        status="withdrawn",
        quantity_delivered=0,
        narrative="We cannot host it.",
    )
    resolution_services.progress_report_validate(user=secretariat, report=report)
    commitment.refresh_from_db()
    assert commitment.status == "withdrawn"
    return commitment


def test_the_admin_refuses_a_progress_report_on_a_withdrawn_commitment(
    client, secretariat, withdrawn_commitment
):
    """Was: POST /admin/resolutions/progressreport/add/ answered 302 and stored the report."""
    client.force_login(secretariat)

    response = client.post(
        reverse("admin:resolutions_progressreport_add"),
        {
            "commitment": withdrawn_commitment.pk,
            "status": "in_progress",
            "quantity_delivered": 1,
            "delivered_on": "2019-01-01",
            "narrative": "Revived",
            "language": "en",
        },
    )

    assert response.status_code == 200
    assert "This commitment was withdrawn" in text_of(response.content.decode())
    assert withdrawn_commitment.progress_reports.count() == 1


def test_validating_a_report_never_revives_a_withdrawn_commitment(
    secretariat, turkiye_focal_point, turkiye, paragraph_training
):
    """Was: validating a report submitted before the withdrawal set the commitment back to
    "in progress"."""
    commitment = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Host a workshop",
        target_quantity=1,
        unit="actions",
        pledged_on=timezone.localdate(),
    )
    earlier = resolution_services.progress_report_submit(
        user=turkiye_focal_point,
        commitment=commitment,
        status="in_progress",
        quantity_delivered=0,
        narrative="Preparing",
    )
    withdrawal = resolution_services.progress_report_submit(
        user=turkiye_focal_point,
        commitment=commitment,
        status="withdrawn",
        quantity_delivered=0,
        narrative="Cancelled",
    )
    resolution_services.progress_report_validate(user=secretariat, report=withdrawal)

    with pytest.raises(resolution_services.ValidationError):
        resolution_services.progress_report_validate(user=secretariat, report=earlier)

    commitment.refresh_from_db()
    earlier.refresh_from_db()
    assert commitment.status == "withdrawn"
    assert earlier.review_status == "submitted"


def test_a_delivery_above_the_target_is_shown_to_the_reviewer_and_the_public(
    client, secretariat, turkiye_focal_point, turkiye, paragraph_training
):
    """Was: reporting 5 delivered against a target of 2 was accepted without the reviewer being
    told."""
    commitment = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Train two envoys",
        target_quantity=2,
        unit="actions",
        pledged_on=timezone.localdate(),
    )
    report = resolution_services.progress_report_submit(
        user=turkiye_focal_point,
        commitment=commitment,
        status="delivered",
        quantity_delivered=5,
        narrative="Five trained",
    )
    client.force_login(secretariat)

    queue = text_of(
        client.get(reverse("admin:resolutions_progressreport_changelist")).content.decode()
    )
    detail = text_of(
        client.get(
            reverse("admin:resolutions_progressreport_change", args=[report.pk])
        ).content.decode()
    )
    resolution_services.progress_report_validate(user=secretariat, report=report)
    client.logout()
    state_page = text_of(page(client, "dashboard:state", {"slug": "turkiye"}))
    api = APIClient().get(f"/api/v1/commitments/{commitment.pk}/").json()

    assert "Exceeds the target" in queue
    assert "5 delivered against a target of 2" in detail
    assert "exceeds the target" in state_page
    assert api["exceeds_target"] is True
    assert api["completion"] == 1.0
    assert api["gap"] == 0


# --- The API speaks the reader's terms ---------------------------------------------------------


def test_the_api_names_a_paragraph_by_its_resolution_and_number(
    turkiye, resolution, paragraph_training
):
    """Was: a commitment under paragraph 8 showed "paragraph": 4 (its database id), and
    ?paragraph=4 returned paragraph 8's commitments."""
    ParagraphFactory(resolution=resolution, number=4, title="Strengthen the PSCU")
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Train diplomats",
        target_quantity=None,
        unit="actions",
        pledged_on=timezone.localdate(),
    )
    api = APIClient()

    commitment = api.get("/api/v1/commitments/").json()["results"][0]
    by_number = api.get("/api/v1/commitments/?resolution=53/45-POL&paragraph_number=8").json()
    by_other_number = api.get("/api/v1/commitments/?resolution=53/45-POL&paragraph_number=4")

    assert commitment["paragraph"]["id"] == paragraph_training.pk
    assert commitment["paragraph"]["resolution"] == "53/45-POL"
    assert commitment["paragraph"]["number"] == 8
    assert commitment["paragraph"]["label"] == "Paragraph 8"
    assert commitment["paragraph"]["url"].endswith(f"/api/v1/paragraphs/{paragraph_training.pk}/")
    assert by_number["count"] == 1
    assert by_other_number.json()["count"] == 0


def test_a_measure_without_a_number_reads_other_measure_in_the_api(turkiye, resolution):
    measure = ParagraphFactory(resolution=resolution, title="Code of conduct")
    CommitmentFactory(
        state=turkiye,
        paragraph=measure,
        title="Draft a code",
        target_quantity=None,
        unit="actions",
        pledged_on=timezone.localdate(),
    )

    reference = APIClient().get("/api/v1/commitments/").json()["results"][0]["paragraph"]

    assert reference["number"] is None
    assert reference["label"] == "Other measure"


def test_a_token_user_is_refused_a_report_naming_an_unknown_paragraph_number(
    turkiye_focal_point, paragraph_training
):
    api = APIClient()
    token = api.post(
        "/api/v1/auth/token/", {"username": turkiye_focal_point.username, "password": PASSWORD}
    ).json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    response = api.post(
        "/api/v1/commitments/",
        {"resolution": "53/45-POL", "paragraph_number": 99, "title": "Nowhere"},
        format="json",
    )

    assert response.status_code == 400
    assert "paragraph_number" in response.json()["fields"]
