"""Graded evidence: every delivered figure carries the grade of its evidence — declared (never in
a public total), verified, independently confirmed — on the public pages, in the API (a field and
a filter) and in the implementation report, with the share of each grade in every total."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation
from rest_framework.test import APIClient

from oic_mediation.reports.data import implementation_report
from oic_mediation.reports.rendering import render_html
from resolutions import selectors, services
from resolutions.models import ProgressReport
from tests.factories import CommitmentFactory
from tests.truth.surfaces import figure, page, text_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def report(focal, commitment, quantity, *, on=None):
    return services.progress_report_submit(
        user=focal,
        commitment=commitment,
        status="in_progress",
        quantity_delivered=quantity,
        delivered_on=on or TODAY,
        narrative=f"{quantity} trained",
    )


@pytest.fixture
def graded(
    turkiye, senegal, paragraph_training, turkiye_focal_point, senegal_focal_point, secretariat
):
    """Türkiye: 4 verified, then 6 more declared (awaiting validation); Senegal: 3 delivered and
    independently confirmed."""
    verified = CommitmentFactory(
        state=turkiye, paragraph=paragraph_training, title="Train ten diplomats"
    )
    services.progress_report_validate(
        user=secretariat, report=report(turkiye_focal_point, verified, 4)
    )
    report(turkiye_focal_point, verified, 10)
    confirmed = CommitmentFactory(
        state=senegal, paragraph=paragraph_training, title="Train five diplomats", target_quantity=5
    )
    done = report(senegal_focal_point, confirmed, 3, on=datetime.date(2020, 6, 1))
    services.progress_report_validate(user=secretariat, report=done)
    services.progress_report_confirm(
        user=secretariat,
        report=done,
        source="UNITAR attendance list",
        source_url="https://unitar.example/list.pdf",
    )
    return {"verified": verified, "confirmed": confirmed, "report": done}


def test_each_delivery_carries_its_grade_and_declared_figures_stay_out_of_totals(graded):
    commitments = {c.title: c for c in selectors.commitments_with_gap()}

    assert commitments["Train ten diplomats"].evidence_grade == "verified"
    assert commitments["Train ten diplomats"].declared_quantity == 10
    assert commitments["Train five diplomats"].evidence_grade == "confirmed"
    [shares] = selectors.grade_shares()
    assert (shares.verified, shares.confirmed, shares.declared, shares.delivered) == (4, 3, 6, 7)
    # The total delivered is the one of gap_by_unit: declared figures are not in it.
    [unit] = selectors.gap_by_unit()
    assert unit.delivered == shares.delivered == 7
    assert round(shares.share("confirmed"), 3) == round(3 / 7, 3)


def test_grades_are_given_as_of_a_date(graded):
    # Before Türkiye's delivery, only Senegal's, confirmed (the confirmation is dated today, so
    # it was still "verified" on that date).
    [shares] = selectors.grade_shares(as_of=datetime.date(2021, 1, 1))
    assert (shares.verified, shares.confirmed, shares.declared) == (3, 0, 0)


def test_only_the_secretariat_confirms_and_only_a_validated_report(
    graded, turkiye_focal_point, secretariat
):
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(PermissionDenied):
        services.progress_report_confirm(
            user=turkiye_focal_point, report=graded["report"], source="Myself"
        )
    pending = ProgressReport.objects.get(review_status="submitted")
    with pytest.raises(ValidationError, match="Only a validated report"):
        services.progress_report_confirm(user=secretariat, report=pending, source="UN report")


def test_the_secretariat_records_a_confirmation_in_the_admin(client, secretariat, graded):
    validated = graded["verified"].progress_reports.get(review_status="validated")
    client.force_login(secretariat)
    url = f"/admin/resolutions/progressreport/{validated.pk}/change/"

    refused = client.post(
        url, {"independent_source": "", "independent_source_url": "https://x.example/a"}
    )
    response = client.post(url, {"independent_source": "OSCE observers' note"})

    assert refused.status_code == 200
    assert "Name the source document or the independent reviewer." in refused.content.decode()
    assert response.status_code == 302
    validated.refresh_from_db()
    assert (validated.independent_source, validated.confirmed_by) == (
        "OSCE observers' note",
        secretariat,
    )
    assert selectors.commitments_with_gap().get(pk=graded["verified"].pk).evidence_grade == (
        "confirmed"
    )


@pytest.mark.parametrize(
    ("language", "verified", "confirmed"),
    [
        ("en", "Verified", "Independently confirmed"),
        ("fr", "Vérifié", "Confirmé de manière indépendante"),
        ("ar", "مُتحقَّق منه", "مؤكَّد بصورة مستقلة"),
    ],
)
def test_public_pages_show_the_grade_beside_each_figure_and_the_share_of_each(
    client, graded, language, verified, confirmed
):
    home = page(client, "dashboard:home", language=language)
    state = page(client, "dashboard:state", {"slug": "senegal"}, language=language)
    text = text_of(home)

    assert (int(figure(home, "grade-verified-all-diplomats_trained"))) == 4
    assert (int(figure(home, "grade-confirmed-all-diplomats_trained"))) == 3
    assert (int(figure(home, "grade-declared-all-diplomats_trained"))) == 6
    assert figure(home, f"commitment-grade-{graded['verified'].pk}") == "verified"
    assert verified in text and confirmed in text
    assert figure(state, f"commitment-grade-{graded['confirmed'].pk}") == "confirmed"
    assert int(figure(state, "grade-confirmed-SN-diplomats_trained")) == 3


def test_the_api_gives_the_grade_and_filters_on_it(graded):
    api = APIClient()

    rows = {row["id"]: row for row in api.get("/api/v1/commitments/").json()["results"]}
    confirmed = api.get("/api/v1/commitments/?evidence_grade=confirmed").json()["results"]
    wrong = api.get("/api/v1/commitments/?evidence_grade=excellent")

    assert rows[graded["verified"].pk]["evidence_grade"] == "verified"
    assert rows[graded["verified"].pk]["declared_quantity"] == 10
    assert rows[graded["confirmed"].pk]["evidence_grade"] == "confirmed"
    assert [row["id"] for row in confirmed] == [graded["confirmed"].pk]
    assert wrong.status_code == 400


def test_the_report_gives_the_share_of_each_grade(graded):
    report = implementation_report(since=datetime.date(2019, 1, 1), until=TODAY, language="fr")
    with translation.override("fr"):
        html = render_html(report)

    assert int(figure(html, "report-grade-verified-diplomats_trained")) == 4
    assert int(figure(html, "report-grade-confirmed-diplomats_trained")) == 3
    assert "Réalisé, par niveau de preuve" in text_of(html)
