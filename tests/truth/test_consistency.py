"""One dataset holding every edge case of the issue "One truth for every figure"; every public
figure read from every surface — the dashboard's HTML, the API, the CSV and JSON exports, the
implementation report's HTML and its PDF's text — equals its selector's value.

The dataset is built so that a surface computing a figure on its own would be caught: counting
people without consent, with withdrawn consent or declined; enrolled-only or withdrawn
participants; an unvalidated training report; withdrawn commitments; deliveries beyond the target;
submitted-but-not-validated reports; pending follow-ups as followed up; or deliveries made after a
report's period, each gives another number than the selector's.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from rest_framework.test import APIClient

from conferences import selectors as conference_selectors
from network import selectors as network_selectors
from oic_mediation.reports.data import implementation_report
from oic_mediation.reports.rendering import render_html, render_pdf
from resolutions import selectors as resolution_selectors
from resolutions import services as resolution_services
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
from tests.truth.surfaces import figure, page
from trainings import selectors as training_selectors
from trainings import services as training_services

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LONG_AGO = datetime.date(2018, 1, 1)
PAST_END = datetime.date(2019, 12, 31)


def _report(focal, secretariat, commitment, *, status, quantity, on, validate=True):
    report = resolution_services.progress_report_submit(
        user=focal,
        commitment=commitment,
        status=status,
        quantity_delivered=quantity,
        delivered_on=on,
        narrative=f"{quantity} as of {on}",
    )
    if validate:
        resolution_services.progress_report_validate(user=secretariat, report=report)
    return report


@pytest.fixture
def edge_cases(
    db, resolution, turkiye, senegal, secretariat, turkiye_focal_point, senegal_focal_point
):
    network = ParagraphFactory(resolution=resolution, number=7, title="Network", theme="network")
    training = ParagraphFactory(resolution=resolution, number=8, title="Training", theme="training")
    annual = ParagraphFactory(resolution=resolution, title="Annual conference", theme="conference")
    ParagraphStatusUpdateFactory(paragraph=annual, status="implemented", as_of=LONG_AGO)

    # Türkiye: delivered beyond its target, partly before the past period ends; a report of even
    # more is submitted and not validated.
    over = CommitmentFactory(
        state=turkiye,
        paragraph=training,
        title="Train ten diplomats",
        target_quantity=10,
        unit="diplomats_trained",
        pledged_on=LONG_AGO,
    )
    _report(
        turkiye_focal_point,
        secretariat,
        over,
        status="in_progress",
        quantity=4,
        on=datetime.date(2019, 6, 1),
    )
    _report(turkiye_focal_point, secretariat, over, status="delivered", quantity=12, on=TODAY)
    _report(
        turkiye_focal_point,
        secretariat,
        over,
        status="delivered",
        quantity=20,
        on=TODAY,
        validate=False,
    )
    # Senegal: one in progress, one withdrawn, one overdue and pledged only.
    partial = CommitmentFactory(
        state=senegal,
        paragraph=training,
        title="Hold five workshops",
        target_quantity=5,
        unit="events",
        pledged_on=LONG_AGO,
    )
    workshops = _report(
        senegal_focal_point,
        secretariat,
        partial,
        status="in_progress",
        quantity=2,
        on=datetime.date(2020, 3, 1),
    )
    # Its two workshops are confirmed by a source outside Senegal: "independently confirmed".
    resolution_services.progress_report_confirm(
        user=secretariat, report=workshops, source="OSCE attendance lists"
    )
    withdrawn = CommitmentFactory(
        state=senegal,
        paragraph=network,
        title="Nominate envoys",
        target_quantity=3,
        unit="experts_nominated",
        pledged_on=LONG_AGO,
    )
    _report(
        senegal_focal_point,
        secretariat,
        withdrawn,
        status="withdrawn",
        quantity=0,
        on=datetime.date(2019, 2, 1),
    )
    CommitmentFactory(
        state=senegal,
        paragraph=network,
        title="Nominate two mediators",
        target_quantity=2,
        unit="experts_nominated",
        pledged_on=LONG_AGO,
        due_on=datetime.date(2019, 1, 1),
    )

    # The network: two people are in it, one of them public.
    def person(name, **fields):
        member = RosterMemberFactory(
            full_name=name,
            gender=fields.pop("gender", "female"),
            nominating_state=turkiye,
            **fields,
        )
        RosterRoleFactory(person=member, role="mediator")
        return member

    consent = datetime.date(2019, 1, 1)
    person("In Public", vetting_status="vetted", consent_given_on=consent, visibility="public")
    person("In Private", vetting_status="pending", consent_given_on=consent, gender="male")
    person("No Consent", vetting_status="vetted")
    person(
        "Withdrew", vetting_status="vetted", consent_given_on=consent, consent_withdrawn_on=consent
    )
    person("Declined", vetting_status="declined", consent_given_on=consent, visibility="public")

    # A contact group: Türkiye is a member; Senegal left today, so it no longer is.
    group = ContactGroupFactory(name="Friends of Mediation", slug="friends-of-mediation")
    ContactGroupMembershipFactory(group=group, state=turkiye, joined_on=LONG_AGO)
    ContactGroupMembershipFactory(group=group, state=senegal, joined_on=LONG_AGO, left_on=TODAY)

    # Trainings: a validated edition of 4 named (2 completed, 1 enrolled, 1 withdrawn) with a head
    # count of 6; a focal point's report not yet validated.
    programme = ProgrammeFactory(name="Mediation for Peace", slug="mediation-for-peace")
    validated = EditionFactory(
        programme=programme, number=1, starts_on=datetime.date(2019, 9, 9), reported_participants=6
    )
    for name, completion in [
        ("P1", "completed"),
        ("P2", "completed"),
        ("P3", "enrolled"),
        ("P4", "withdrawn"),
    ]:
        ParticipantFactory(
            edition=validated, full_name=name, gender="male", state=turkiye, completion=completion
        )
    training_services.training_edition_report(
        user=senegal_focal_point,
        state=senegal,
        programme=programme,
        starts_on=datetime.date(2020, 1, 10),
        reported_participants=9,
        participants=[{"full_name": "S1", "gender": "female", "completion": "completed"}],
    )

    # The 2nd Conference: pending follow-ups, one in progress, none at all, and one on the
    # annual-conference measure that contradicts it.
    conference = ConferenceFactory(
        ordinal=2, title="2nd Conference", starts_on=datetime.date(2018, 11, 29), city="Istanbul"
    )
    statuses = ["pending", "in_progress", None, "pending"]
    for number, status in enumerate(statuses, start=1):
        recommendation = RecommendationFactory(
            conference=conference, number=number, text=f"Recommendation {number}"
        )
        if status:
            RecommendationFollowUpFactory(
                recommendation=recommendation, status=status, as_of=datetime.date(2019, 1, 1)
            )
        if number == 4:
            recommendation.paragraphs.add(annual)
    return {
        "paragraphs": [network, training, annual],
        "commitments": {"over": over, "partial": partial, "withdrawn": withdrawn},
        "validated_edition": validated,
        "programme": programme,
        "conference": conference,
    }


def test_the_selectors_count_the_edge_cases_as_the_definitions_say(edge_cases):
    """The expected values themselves, by hand, so that the selectors cannot drift either."""
    # Reporting: Senegal's pledge of 2018 was never reported on (red); its workshops were reported
    # on today, its withdrawn commitment reports no more; Türkiye delivered all it pledged.
    lights = {item.state.iso_code: item.light for item in resolution_selectors.states_reporting()}
    assert (lights["SN"], lights["TR"]) == ("red", None)
    rate = resolution_selectors.reporting_rate()
    assert (rate.on_time, rate.expected) == (1, 2)
    # Grades: Türkiye's 10 (of 12, up to its target) verified, its report of 20 only declared
    # (nothing beyond the target); Senegal's 2 workshops independently confirmed.
    assert [
        (g.unit, g.verified, g.confirmed, g.declared) for g in resolution_selectors.grade_shares()
    ] == [("diplomats_trained", 10, 0, 0), ("events", 0, 2, 0), ("experts_nominated", 0, 0, 0)]
    totals = resolution_selectors.commitment_totals()
    assert (totals["commitments_count"], totals["delivered_count"], totals["overdue_count"]) == (
        3,
        1,
        1,
    )
    assert network_selectors.in_network().count() == 2
    assert network_selectors.public_profiles().count() == 1
    # 2 completed; a head count of 6 beyond the 3 named who did not withdraw: 3 declared.
    assert training_selectors.training_totals().trained == 2 + 3
    assert training_selectors.engaged_states().count() == 2
    assert conference_selectors.followed_up().count() == 1
    assert len(conference_selectors.contradictions()) == 1
    past = resolution_selectors.commitment_totals(as_of=PAST_END)
    assert (past["delivered_count"], past["in_progress_count"]) == (0, 1)
    assert [(u.unit, u.pledged, u.delivered) for u in resolution_selectors.gap_by_unit()] == [
        ("diplomats_trained", 10, 10),
        ("events", 5, 2),
        ("experts_nominated", 2, 0),
    ]


def test_todays_figures_are_the_figures_as_of_today(edge_cases):
    """The stored columns (kept by validation) and the figures computed from the dated reports
    agree for today: the two ways the selectors read a commitment are one definition."""
    now = {p.pk: p for p in resolution_selectors.paragraphs_with_figures()}
    as_of = {p.pk: p for p in resolution_selectors.paragraphs_with_figures(as_of=TODAY)}
    names = list(resolution_selectors.FIGURE_DEFAULTS)
    for pk, paragraph in now.items():
        assert {n: getattr(paragraph, n) for n in names} == {
            n: getattr(as_of[pk], n) for n in names
        }
    assert resolution_selectors.commitment_totals() == resolution_selectors.commitment_totals(
        as_of=TODAY
    )
    assert resolution_selectors.gap_by_unit() == resolution_selectors.gap_by_unit(as_of=TODAY)
    states_now = {s.pk: s for s in resolution_selectors.states_with_figures()}
    for state in resolution_selectors.states_with_figures(as_of=TODAY):
        assert {n: getattr(state, n) for n in names} == {
            n: getattr(states_now[state.pk], n) for n in names
        }


def _csv(client, dataset):
    response = client.get(f"/api/v1/export/{dataset}.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _json(client, dataset):
    response = client.get(f"/api/v1/export/{dataset}.json")
    return json.loads(b"".join(response.streaming_content))


def test_every_surface_shows_the_selectors_figures(client, edge_cases):
    paragraphs = {p.pk: p for p in resolution_selectors.paragraphs_with_figures()}
    totals = resolution_selectors.commitment_totals()
    statuses = resolution_selectors.paragraph_status_counts()
    network_size = network_selectors.in_network().count()
    public_count = network_selectors.public_profiles().count()
    trained = training_selectors.training_totals().trained
    engaged = training_selectors.engaged_states().count()
    edition = training_selectors.editions_with_counts().get(pk=edge_cases["validated_edition"].pk)
    followed_up = conference_selectors.followed_up().count()
    reporting = {item.state.iso_code: item for item in resolution_selectors.states_reporting()}
    api = APIClient()

    # --- The dashboard, read from its HTML.
    home = page(client, "dashboard:home")
    assert int(figure(home, "network-size")) == network_size
    assert int(figure(home, "diplomats-trained")) == trained
    assert int(figure(home, "states-engaged")) == engaged
    assert int(figure(home, "commitments-counted")) == totals["commitments_count"]
    assert int(figure(home, "commitments-delivered")) == totals["delivered_count"]
    assert int(figure(home, "paragraphs-implemented")) == statuses["implemented"]
    assert int(figure(home, "paragraphs-in-progress")) == statuses["in_progress"]
    assert int(figure(home, "paragraphs-not-started")) == statuses["not_started"]
    units = resolution_selectors.gap_by_unit_per("paragraph")
    for pk, paragraph in paragraphs.items():
        for html in (home, page(client, "dashboard:paragraph", {"pk": pk})):
            assert int(figure(html, f"paragraph-commitments-{pk}")) == paragraph.commitments_count
            assert int(figure(html, f"paragraph-delivered-{pk}")) == paragraph.delivered_count
            assert int(figure(html, f"paragraph-overdue-{pk}")) == paragraph.overdue_count
            for unit in units.get(pk, []):
                assert int(figure(html, f"paragraph-gap-{pk}-{unit.unit}")) == unit.gap
    # Delivered by the grade of its evidence: the shares of every total, and each commitment's.
    for shares in resolution_selectors.grade_shares():
        for grade in ("verified", "confirmed", "declared"):
            assert int(figure(home, f"grade-{grade}-all-{shares.unit}")) == getattr(shares, grade)
    network_page = page(client, "dashboard:network")
    assert int(figure(network_page, "network-size")) == network_size
    assert int(figure(network_page, "public-profiles")) == public_count
    trainings_page = page(client, "dashboard:trainings")
    assert int(figure(trainings_page, "diplomats-trained")) == trained
    programme_page = page(client, "dashboard:programme", {"slug": "mediation-for-peace"})
    assert int(figure(programme_page, f"edition-participants-{edition.pk}")) == (
        edition.participants_total
    )
    assert int(figure(programme_page, f"edition-trained-{edition.pk}")) == edition.trained_count
    for state in resolution_selectors.states_with_figures().filter(iso_code__in=["TR", "SN"]):
        state_page = page(client, "dashboard:state", {"slug": state.slug})
        assert int(figure(state_page, f"state-delivered-{state.iso_code}")) == state.delivered_count
        assert int(figure(state_page, f"state-pending-{state.iso_code}")) == (
            state.in_progress_count + state.pledged_only_count
        )
        assert (
            int(figure(state_page, f"state-nominees-{state.iso_code}"))
            == (network_selectors.nominees_of(state)["total"])
        )
        assert int(figure(state_page, f"state-trained-{state.iso_code}")) == (
            training_selectors.trained().filter(state=state).count()
        )
        assert figure(state_page, f"state-reporting-light-{state.iso_code}") == (
            reporting[state.iso_code].light or "none"
        )
    # Who reports: the rate, the lights and each state's reports overdue.
    who_reports = page(client, "dashboard:reporting")
    assert (
        int(figure(who_reports, "reporting-rate")) == resolution_selectors.reporting_rate().percent
    )
    assert int(figure(who_reports, "reporting-overdue")) == sum(
        item.overdue_count for item in reporting.values()
    )
    for light, count in resolution_selectors.light_counts(reporting.values()).items():
        assert int(figure(who_reports, f"reporting-states-{light}")) == count
    for iso_code, item in reporting.items():
        assert figure(who_reports, f"reporting-light-{iso_code}") == (item.light or "none")
        assert int(figure(who_reports, f"reporting-state-overdue-{iso_code}")) == (
            item.overdue_count
        )
    conferences_page = page(client, "dashboard:conferences")
    assert int(figure(conferences_page, "conference-followed-up-2")) == followed_up
    # The next conference (announced) shows what became of the 2nd's recommendations.
    upcoming = ConferenceFactory(
        ordinal=3,
        title="3rd Conference",
        starts_on=TODAY + datetime.timedelta(days=200),
        city="Istanbul",
    )
    carried = conference_selectors.carried_forward(upcoming)
    upcoming_page = page(client, "dashboard:conference", {"ordinal": 3})
    assert int(figure(upcoming_page, "carried-forward-followed-up-3")) == (
        carried.followed_up_count
    )
    assert carried.followed_up_count == followed_up
    for status, count in carried.counts.items():
        assert int(figure(upcoming_page, f"carried-forward-3-{status}")) == count

    # --- The API.
    assert api.get("/api/v1/roster/summary/").json()["total"] == network_size
    assert api.get("/api/v1/roster/profiles/").json()["count"] == public_count
    for row in api.get("/api/v1/paragraphs/").json()["results"]:
        paragraph = paragraphs[row["id"]]
        for name in ("commitments_count", "delivered_count", "overdue_count", "gap_total"):
            assert row[name] == getattr(paragraph, name), name
        assert row["status"] == paragraph.status
    states = {s.iso_code: s for s in resolution_selectors.states_with_figures()}
    for row in api.get("/api/v1/states/").json()["results"]:
        for name in ("commitments_count", "delivered_count", "in_progress_count", "gap_total"):
            assert row[name] == getattr(states[row["iso_code"]], name), name
    gaps = {c.pk: c for c in resolution_selectors.commitments_with_gap()}
    for row in api.get("/api/v1/commitments/").json()["results"]:
        commitment = gaps[row["id"]]
        assert (row["gap"], row["completion"], row["exceeds_target"]) == (
            commitment.gap_quantity,
            commitment.completion_ratio,
            commitment.exceeds_target,
        )
        assert (row["evidence_grade"], row["declared_quantity"]) == (
            commitment.evidence_grade,
            commitment.declared_quantity,
        )
    editions = api.get("/api/v1/editions/").json()
    assert editions["count"] == training_selectors.public_editions().count()
    counts = editions["results"][0]["participants"]
    assert (counts["total"], counts["completed"], counts["trained"]) == (
        edition.participants_total,
        edition.participants_completed,
        edition.trained_count,
    )
    recommendations = conference_selectors.recommendations_with_status()
    follow_ups = {r.pk: r.follow_up_status for r in recommendations}
    for row in api.get("/api/v1/recommendations/").json()["results"]:
        assert row["follow_up_status"] == follow_ups[row["id"]]
    members = api.get("/api/v1/contact-groups/").json()["results"][0]["members"]
    current = set(network_selectors.current_memberships().values_list("state__iso_code", flat=True))
    assert {m["state"] for m in members if m["is_current"]} == current

    # --- The exports, CSV and JSON.
    for rows in (_csv(client, "commitments"), _json(client, "commitments")):
        for row in rows:
            commitment = gaps[int(row["id"])]
            assert float(row["completion"]) == round(commitment.completion_ratio, 4)
            assert str(row["gap"]) == str(commitment.gap_quantity)
    for rows in (_csv(client, "paragraphs"), _json(client, "paragraphs")):
        for row in rows:
            paragraph = paragraphs[int(row["id"])]
            assert int(row["commitments"]) == paragraph.commitments_count
            assert int(row["delivered"]) == paragraph.delivered_count
            assert int(row["gap_total"]) == paragraph.gap_total
    for rows in (_csv(client, "trainings"), _json(client, "trainings")):
        assert [int(row["id"]) for row in rows] == [edition.pk]
        assert int(rows[0]["participants"]) == edition.participants_total
        assert int(rows[0]["trained"]) == edition.trained_count
    for rows in (_csv(client, "recommendations"), _json(client, "recommendations")):
        assert {int(row["id"]): row["follow_up_status"] for row in rows} == follow_ups


def test_the_report_shows_the_selectors_figures_in_html_and_pdf(edge_cases, tmp_path):
    """The report on 2018 to today (figures as of today), and on 2018–2019 (as of its end)."""
    for until in (TODAY, PAST_END):
        report = implementation_report(since=LONG_AGO, until=until, language="en")
        totals = resolution_selectors.commitment_totals(as_of=until)
        statuses = resolution_selectors.paragraph_status_counts(as_of=until)
        expected = {
            "commitments-counted": totals["commitments_count"],
            "commitments-delivered": totals["delivered_count"],
            "paragraphs-implemented": statuses["implemented"],
            "paragraphs-in-progress": statuses["in_progress"],
            "paragraphs-not-started": statuses["not_started"],
            "network-size": network_selectors.in_network(until).count(),
            "diplomats-trained": training_selectors.training_totals(
                since=LONG_AGO, until=until
            ).trained,
        }
        with translation.override("en"):
            html = render_html(report)
        for name, value in expected.items():
            assert int(figure(html, name)) == value, (until, name)
        assert report.units == resolution_selectors.gap_by_unit(as_of=until)
        for shares in resolution_selectors.grade_shares(as_of=until):
            for grade in ("verified", "confirmed"):
                assert int(figure(html, f"report-grade-{grade}-{shares.unit}")) == getattr(
                    shares, grade
                )
        assert report.followed_up_count == conference_selectors.followed_up(as_of=until).count()

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (poppler-utils); CI installs it")
    report = implementation_report(since=LONG_AGO, until=TODAY, language="en")
    with translation.override("en"):
        pdf = render_pdf(report)
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = re.sub(r"[ \t]+", " ", text)
    labels = {
        "Commitments pledged": expected_now("commitments_count"),
        "Commitments delivered": expected_now("delivered_count"),
        "People in the network": network_selectors.in_network(TODAY).count(),
        "Diplomats trained in the period": training_selectors.training_totals(
            since=LONG_AGO, until=TODAY
        ).trained,
    }
    for label, value in labels.items():
        assert re.search(rf"{re.escape(label)}\s+{value}\b", text), (label, value)


def expected_now(name: str) -> int:
    return resolution_selectors.commitment_totals(as_of=TODAY)[name]


def test_the_review_queue_and_the_paragraph_page_name_the_same_contradiction(
    client, secretariat, edge_cases
):
    (contradiction,) = conference_selectors.contradictions()
    client.force_login(secretariat)

    queue = client.get(reverse("admin:review_queue")).content.decode()

    assert contradiction.paragraph.title in queue
    assert contradiction.recommendation.text in queue
