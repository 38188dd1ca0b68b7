"""Reporting compliance: who reports, when the next report is due, the traffic lights, the
reporting rate over time, "nothing new to report", and the reminders that escalate."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from knox.models import AuthToken
from rest_framework.test import APIClient

from resolutions import selectors, services
from resolutions.models import ProgressReport, ReportingReminder, ReportingSchedule
from resolutions.reminders import send_reporting_reminders
from tests.factories import CommitmentFactory
from tests.truth.surfaces import figure, page, text_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def reported(report, on: datetime.date, *, validated_on: datetime.date | None = None):
    """Date a report (and its review) in the past, as if it had been sent on ``on``."""
    moment = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))
    review = (
        timezone.make_aware(datetime.datetime.combine(validated_on, datetime.time(12)))
        if validated_on
        else moment
    )
    changes = {"reported_at": moment}
    if report.review_status != ProgressReport.Review.SUBMITTED:
        changes["reviewed_at"] = review
    ProgressReport.objects.filter(pk=report.pk).update(**changes)


def submit(focal, commitment, *, quantity=4, status="in_progress", on=None):
    return services.progress_report_submit(
        user=focal,
        commitment=commitment,
        status=status,
        quantity_delivered=quantity,
        delivered_on=on or TODAY,
        narrative=f"{quantity} delivered",
    )


@pytest.fixture
def compliance(
    turkiye, senegal, paragraph_training, turkiye_focal_point, senegal_focal_point, secretariat
):
    """Türkiye: one commitment reported on three months ago (green), one pledged 14 months ago
    never reported (amber); Senegal: one pledged in 2018, never reported (red), one delivered and
    one withdrawn (neither reports)."""
    fresh = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Reported lately",
        pledged_on=days_ago(900),
    )
    report = submit(turkiye_focal_point, fresh)
    services.progress_report_validate(user=secretariat, report=report)
    reported(report, days_ago(90))
    late = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Never reported",
        pledged_on=days_ago(425),
    )
    # A report submitted but not validated is no report yet.
    reported(submit(turkiye_focal_point, late), days_ago(10))
    silent = CommitmentFactory(
        state=senegal,
        paragraph=paragraph_training,
        title="Silent since 2018",
        pledged_on=datetime.date(2018, 1, 1),
    )
    for title, status in (("Delivered", "delivered"), ("Withdrawn", "withdrawn")):
        done = CommitmentFactory(
            state=senegal,
            paragraph=paragraph_training,
            title=title,
            pledged_on=datetime.date(2018, 1, 1),
        )
        report = submit(
            senegal_focal_point, done, status=status, quantity=0, on=datetime.date(2018, 6, 1)
        )
        services.progress_report_validate(user=secretariat, report=report)
        reported(report, datetime.date(2018, 6, 1))
    return {"fresh": fresh, "late": late, "silent": silent}


def by_title() -> dict:
    return {item.commitment.title: item for item in selectors.commitments_reporting()}


def test_each_commitment_has_its_last_report_next_due_date_and_light(compliance):
    items = by_title()

    assert set(items) == {"Reported lately", "Never reported", "Silent since 2018"}
    fresh, late, silent = (
        items["Reported lately"],
        items["Never reported"],
        items["Silent since 2018"],
    )
    assert (fresh.last_report_on, fresh.next_due_on, fresh.light) == (
        days_ago(90),
        selectors.add_months(days_ago(90), 12),
        "green",
    )
    assert (late.last_report_on, late.next_due_on, late.light) == (
        None,
        selectors.add_months(days_ago(425), 12),
        "amber",
    )
    assert late.is_overdue and late.days_overdue == (TODAY - late.next_due_on).days
    assert (silent.next_due_on, silent.light) == (datetime.date(2019, 1, 1), "red")


def test_a_state_shows_the_light_of_its_least_up_to_date_commitment(compliance, turkiye):
    states = {item.state.iso_code: item for item in selectors.states_reporting()}

    assert (states["TR"].light, states["TR"].overdue_count) == ("amber", 1)
    assert states["TR"].last_report_on == days_ago(90)
    assert (states["SN"].light, states["SN"].overdue_count) == ("red", 1)


def test_the_thresholds_are_settings_and_the_period_is_the_secretariats(settings, compliance):
    settings.REPORTING_RED_AFTER_DAYS = 30
    assert by_title()["Never reported"].light == "red"

    settings.REPORTING_RED_AFTER_DAYS = 730
    ReportingSchedule.objects.create(period_months=48)
    items = by_title()
    assert items["Never reported"].light == "green"
    assert items["Never reported"].next_due_on == selectors.add_months(days_ago(425), 48)


def test_nothing_new_counts_as_reporting_once_validated_and_changes_no_figure(
    compliance, turkiye_focal_point, secretariat
):
    late = compliance["late"]
    fresh = compliance["fresh"]
    fresh.refresh_from_db()
    before = selectors.commitment_totals()
    fresh_before = (fresh.status, fresh.delivered_quantity)

    report = services.progress_report_nothing_new(user=turkiye_focal_point, commitment=late)
    assert by_title()["Never reported"].light == "amber"  # not yet validated
    services.progress_report_validate(user=secretariat, report=report)
    nothing = services.progress_report_nothing_new(user=turkiye_focal_point, commitment=fresh)
    services.progress_report_validate(user=secretariat, report=nothing)

    items = by_title()
    assert (items["Never reported"].light, items["Never reported"].last_report_on) == (
        "green",
        TODAY,
    )
    assert selectors.commitment_totals() == before
    fresh.refresh_from_db()
    assert (fresh.status, fresh.delivered_quantity) == fresh_before
    assert (report.nothing_new, report.narrative, report.status) == (
        True,
        "Nothing new to report.",
        "pledged",
    )


def test_the_reporting_rate_is_computed_as_of_each_date(
    compliance, turkiye_focal_point, secretariat
):
    assert selectors.reporting_rate() == selectors.ReportingRate(TODAY, 1, 3)
    # A year ago: "Reported lately" was overdue then (its report came later), "Never reported"
    # was not yet due, Senegal's silence was.
    year_ago = days_ago(365)
    rate = selectors.reporting_rate(year_ago)
    assert (rate.on_time, rate.expected) == (1, 3)
    assert {
        item.commitment.title: item.is_overdue
        for item in selectors.commitments_reporting(as_of=year_ago)
    } == {
        "Reported lately": True,
        "Never reported": False,
        "Silent since 2018": True,
    }
    timeline = selectors.reporting_rate_timeline()
    assert timeline[0].day == datetime.date(2018, 12, 31)
    assert (timeline[0].on_time, timeline[0].expected) == (1, 1)
    assert timeline[-1] == selectors.reporting_rate()


@pytest.mark.parametrize(
    ("language", "title", "amber", "red"),
    [
        ("en", "Who reports", "Report overdue", "More than two years overdue"),
        ("fr", "Qui rend compte", "Rapport en retard", "Plus de deux ans de retard"),
        ("ar", "من يقدّم التقارير", "تقرير متأخر", "متأخر منذ أكثر من سنتين"),
    ],
)
def test_who_reports_shows_each_states_light_in_the_visitors_language(
    client, compliance, language, title, amber, red
):
    html = page(client, "dashboard:reporting", language=language)
    text = text_of(html)

    assert f"<h1>{title}</h1>" in html
    assert figure(html, "reporting-light-TR") == "amber"
    assert figure(html, "reporting-light-SN") == "red"
    assert amber in text and red in text
    assert int(figure(html, "reporting-rate")) == 33
    assert int(figure(html, "reporting-overdue")) == 2
    assert 'id="chart-reporting-rate"' in html
    # The navigation names the page, marked as current.
    assert f'aria-current="page">{title}</a>' in html


def test_the_state_page_shows_its_own_light(client, compliance):
    html = page(client, "dashboard:state", {"slug": "senegal"})

    assert figure(html, "state-reporting-light-SN") == "red"
    assert "1 report overdue" in text_of(html)


def test_a_focal_point_reports_nothing_new_in_my_state(client, compliance, turkiye_focal_point):
    late = compliance["late"]
    client.force_login(turkiye_focal_point)
    form = client.get(reverse("my_state:progress_report", kwargs={"pk": late.pk}))
    assert "Report nothing new" in form.content.decode()

    response = client.post(
        reverse("my_state:nothing_new", kwargs={"pk": late.pk}),
        {"nothing-note": "Waiting for the budget."},
    )

    assert response.status_code == 302
    report = ProgressReport.objects.get(commitment=late, nothing_new=True)
    assert (report.narrative, report.review_status, report.reported_by) == (
        "Waiting for the budget.",
        "submitted",
        turkiye_focal_point,
    )


def test_a_focal_point_cannot_report_nothing_new_for_another_state(
    client, compliance, turkiye_focal_point
):
    client.force_login(turkiye_focal_point)
    response = client.post(
        reverse("my_state:nothing_new", kwargs={"pk": compliance["silent"].pk}), {}
    )
    assert response.status_code == 404
    assert not ProgressReport.objects.filter(nothing_new=True).exists()


def api_client_for(user) -> APIClient:
    client = APIClient()
    _token, key = AuthToken.objects.create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_nothing_new_through_the_api_with_a_field_and_a_filter(
    compliance, turkiye_focal_point, senegal_focal_point
):
    focal = api_client_for(turkiye_focal_point)

    response = focal.post(
        "/api/v1/progress-reports/nothing-new/",
        {"commitment": compliance["late"].pk},
        format="json",
    )
    refused = api_client_for(senegal_focal_point).post(
        "/api/v1/progress-reports/nothing-new/",
        {"commitment": compliance["late"].pk},
        format="json",
    )

    assert response.status_code == 201, response.content
    assert (response.json()["nothing_new"], response.json()["review_status"]) == (
        True,
        "submitted",
    )
    assert refused.status_code == 403
    assert "own state" in refused.json()["detail"]
    listed = focal.get("/api/v1/progress-reports/?nothing_new=true").json()["results"]
    assert [row["id"] for row in listed] == [response.json()["id"]]
    others = focal.get("/api/v1/progress-reports/?nothing_new=false").json()["results"]
    assert response.json()["id"] not in [row["id"] for row in others]


# --- Reminders -------------------------------------------------------------------------------


@pytest.fixture
def due_reports(
    turkiye, senegal, paragraph_training, turkiye_focal_point, senegal_focal_point, secretariat
):
    """Reports due in 20 days and 10 days overdue for Türkiye; 100 days overdue for Senegal."""
    soon = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Due in 20 days",
        pledged_on=selectors.add_months(TODAY + datetime.timedelta(days=20), -12),
    )
    late = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Ten days late",
        pledged_on=selectors.add_months(days_ago(10), -12),
    )
    silent = CommitmentFactory(
        state=senegal,
        paragraph=paragraph_training,
        title="A hundred days late",
        pledged_on=selectors.add_months(days_ago(100), -12),
    )
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Not due for months",
        pledged_on=days_ago(30),
    )
    return {"soon": soon, "late": late, "silent": silent}


def test_reminders_escalate_and_each_is_sent_once_per_period(
    settings,
    due_reports,
    turkiye_focal_point,
    senegal_focal_point,
    secretariat,
    mailoutbox,
    secretariat_mail,
):
    assert send_reporting_reminders(today=TODAY) == 3

    mails = {mail.to[0]: mail for mail in mailoutbox}
    assert set(mails) == {
        "ayse.turkiye@example.org",
        "moussa.senegal@example.org",
        "sara@oic.example",
    }
    turkish = mails["ayse.turkiye@example.org"]
    assert turkish.subject == "Reports of Türkiye due on the portal"
    assert "Ten days late (Paragraph 8) — report due since" in turkish.body
    assert "Due in 20 days (Paragraph 8) — report due on" in turkish.body
    assert "Not due for months" not in turkish.body
    escalation = mails["sara@oic.example"]
    assert escalation.subject == "Member states silent on their reports: 1"
    assert "Senegal:" in escalation.body and "A hundred days late" in escalation.body
    assert "Türkiye" not in escalation.body

    assert send_reporting_reminders(today=TODAY) == 0
    assert len(mailoutbox) == 3
    assert sorted(ReportingReminder.objects.values_list("commitment__title", "stage")) == [
        ("A hundred days late", "overdue"),
        ("A hundred days late", "secretariat"),
        ("Due in 20 days", "before_due"),
        ("Ten days late", "overdue"),
    ]


def test_the_reminder_after_the_due_date_follows_the_one_before(
    due_reports, turkiye_focal_point, mailoutbox, secretariat_mail
):
    send_reporting_reminders(today=TODAY)
    mailoutbox.clear()

    # Thirty days on, "Due in 20 days" is overdue: its second reminder, once.
    later = TODAY + datetime.timedelta(days=30)
    assert send_reporting_reminders(today=later) == 1
    [mail] = mailoutbox
    assert "Due in 20 days" in mail.body and "Ten days late" not in mail.body
    assert send_reporting_reminders(today=later) == 0


def test_a_validated_report_starts_a_new_period_without_reminders(
    due_reports, turkiye_focal_point, secretariat, mailoutbox, secretariat_mail
):
    report = submit(turkiye_focal_point, due_reports["late"])
    services.progress_report_validate(user=secretariat, report=report)
    mailoutbox.clear()

    send_reporting_reminders(today=TODAY)

    assert all("Ten days late" not in mail.body for mail in mailoutbox)


def test_reminders_are_written_in_the_readers_language(
    due_reports, turkiye_focal_point, mailoutbox, secretariat_mail
):
    turkiye_focal_point.focal_point.preferred_language = "fr"
    turkiye_focal_point.focal_point.save()

    send_reporting_reminders(today=TODAY)

    mail = next(mail for mail in mailoutbox if mail.to == ["ayse.turkiye@example.org"])
    assert "/fr/my-state/commitments/" in mail.body
    with translation.override("fr"):
        assert mail.subject == "Rapports à remettre sur le portail — Türkiye"


@pytest.fixture
def secretariat_mail(settings):
    settings.SECRETARIAT_EMAILS = ["sara@oic.example"]


@pytest.mark.parametrize("months", [1, 6, 12, 13])
def test_one_date_splits_the_overdue_from_the_on_time(months):
    """The reporting rate is counted in the database against one date; on every day of a leap
    year and the next, it splits exactly as the next-report-due rule does, month ends too."""
    start = datetime.date(2024, 1, 1)
    for offset in range(0, 731, 1):
        day = start + datetime.timedelta(days=offset)
        since = selectors._reporting_since(day, months)
        for delta in range(-40, 41):
            last = since + datetime.timedelta(days=delta)
            overdue = selectors._next_due(last, last, months) < day
            assert overdue == (last < since), (day, months, last)


def test_the_counted_rate_agrees_with_each_commitments_light_at_month_ends(
    turkiye, paragraph_training, turkiye_focal_point, secretariat
):
    for pledged in ("2024-01-31", "2024-02-29", "2024-03-31", "2024-05-31", "2024-08-30"):
        CommitmentFactory(
            state=turkiye,
            paragraph=paragraph_training,
            title=f"Pledged {pledged}",
            pledged_on=datetime.date.fromisoformat(pledged),
        )
    reported_late = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Reported on a month's last day",
        pledged_on=datetime.date(2023, 3, 31),
    )
    report = submit(turkiye_focal_point, reported_late, on=datetime.date(2024, 2, 29))
    services.progress_report_validate(user=secretariat, report=report)
    reported(report, datetime.date(2024, 2, 29))
    for day in ("2025-01-31", "2025-02-28", "2025-03-01", "2025-03-31", "2025-04-01"):
        as_of = datetime.date.fromisoformat(day)
        items = selectors.commitments_reporting(as_of=as_of)
        rate = selectors.reporting_rate(as_of)
        assert (rate.on_time, rate.expected) == (
            sum(1 for item in items if not item.is_overdue),
            len(items),
        ), day
        assert rate.expected > 0


def summarised(item) -> tuple:
    return (
        item.state.name,
        item.light,
        item.overdue_count,
        item.last_report_on,
        item.next_due_on,
    )


@pytest.mark.parametrize("as_of", [None, days_ago(365), datetime.date(2019, 3, 31)])
def test_the_who_reports_summaries_counted_in_the_database_match_each_states_commitments(
    compliance, as_of
):
    """The Who reports page counts in the database what ``states_reporting`` derives from each
    commitment: the same light, counts and dates for every state, on every date."""
    counted = selectors.state_reporting_summaries(as_of=as_of)
    derived = selectors.states_reporting(as_of=as_of)

    assert [summarised(item) for item in counted] == [summarised(item) for item in derived]
    assert [item.commitment_count for item in counted] == [
        len(item.commitments) for item in derived
    ]
    assert [item.commitment_lights for item in counted] == [
        selectors.light_counts(item.commitments) for item in derived
    ]
    if as_of is None:
        lights = {summary.state.name: summary.light for summary in counted}
        assert (lights["Türkiye"], lights["Senegal"]) == ("amber", "red")
