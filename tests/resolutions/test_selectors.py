"""The pledge-vs-delivery figures on a small hand-made case."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from resolutions import selectors, services
from resolutions.models import Commitment, Paragraph, ParagraphStatusUpdate, ProgressReport

pytestmark = pytest.mark.django_db


def pledge(
    state,
    paragraph,
    *,
    target,
    delivered=0,
    status="pledged",
    unit="diplomats_trained",
    due_on=None,
):
    return Commitment.objects.create(
        state=state,
        paragraph=paragraph,
        title=f"{target} {unit}",
        target_quantity=target,
        delivered_quantity=delivered,
        status=status,
        unit=unit,
        pledged_on=datetime.date(2019, 1, 1),
        due_on=due_on,
    )


@pytest.fixture
def hand_made_case(turkiye, senegal, paragraph_training, resolution):
    network = Paragraph.objects.create(resolution=resolution, number=7, title="Network")
    Paragraph.objects.create(resolution=resolution, number=4, title="PSCU")
    pledge(turkiye, paragraph_training, target=40, delivered=40, status="delivered")
    pledge(
        turkiye,
        paragraph_training,
        target=20,
        delivered=5,
        status="in_progress",
        due_on=datetime.date(2020, 1, 1),
    )
    pledge(senegal, paragraph_training, target=10, delivered=0)
    pledge(senegal, network, target=3, delivered=1, status="in_progress", unit="experts_nominated")
    pledge(senegal, network, target=5, status="withdrawn", unit="experts_nominated")
    return network


def test_paragraph_figures_count_delivery_gap_and_completion(hand_made_case, paragraph_training):
    figures = {p.number: p for p in selectors.paragraphs_with_figures()}

    training = figures[8]
    assert training.commitments_count == 3
    assert training.delivered_count == 1
    assert training.overdue_count == 1
    assert training.gap_total == 0 + 15 + 10
    assert training.completion == pytest.approx((1 + 0.25 + 0) / 3)
    assert training.status == "in_progress"

    network = figures[7]
    assert network.commitments_count == 1  # the withdrawn pledge does not count
    assert network.gap_total == 2
    assert figures[4].commitments_count == 0
    assert figures[4].status == "not_started"


def test_secretariat_assessment_overrides_derived_paragraph_status(hand_made_case):
    ParagraphStatusUpdate.objects.create(
        paragraph=hand_made_case, status="implemented", as_of=datetime.date(2019, 1, 1)
    )
    ParagraphStatusUpdate.objects.create(
        paragraph=hand_made_case, status="not_started", as_of=datetime.date(2018, 1, 1)
    )
    by_number = {p.number: p.status for p in selectors.paragraphs_with_figures()}
    assert by_number[7] == "implemented"


def test_state_figures_and_gap_by_unit(hand_made_case, turkiye, senegal):
    states = {s.iso_code: s for s in selectors.states_with_figures()}
    assert (states["TR"].commitments_count, states["TR"].delivered_count) == (2, 1)
    assert states["TR"].gap_total == 15
    assert (states["SN"].commitments_count, states["SN"].gap_total) == (2, 12)

    totals = {row.unit: (row.pledged, row.delivered, row.gap) for row in selectors.gap_by_unit()}
    assert totals == {"diplomats_trained": (70, 45, 25), "experts_nominated": (3, 1, 2)}


def test_only_validated_reports_move_public_figures(
    turkiye, focal_turkiye, secretariat, paragraph_training
):
    commitment = pledge(turkiye, paragraph_training, target=10)
    report = services.progress_report_submit(
        user=focal_turkiye,
        commitment=commitment,
        status="in_progress",
        quantity_delivered=4,
        narrative="Four diplomats trained in Ankara.",
    )
    commitment.refresh_from_db()
    assert (commitment.status, commitment.delivered_quantity) == ("pledged", 0)

    services.progress_report_validate(user=secretariat, report=report)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.delivered_quantity) == ("in_progress", 4)
    assert selectors.commitments_with_gap().get(pk=commitment.pk).gap_quantity == 6


def test_review_transitions_are_refused_when_invalid(
    turkiye, focal_turkiye, secretariat, paragraph_training
):
    commitment = pledge(turkiye, paragraph_training, target=10)
    report = services.progress_report_submit(
        user=focal_turkiye,
        commitment=commitment,
        status="delivered",
        quantity_delivered=10,
        narrative="Done.",
    )
    with pytest.raises(PermissionDenied):
        services.progress_report_validate(user=focal_turkiye, report=report)
    with pytest.raises(ValidationError, match="Say what needs to change"):
        services.progress_report_return(user=secretariat, report=report, comment=" ")
    services.progress_report_return(user=secretariat, report=report, comment="Add evidence.")
    with pytest.raises(ValidationError, match="already returned"):
        services.progress_report_validate(user=secretariat, report=report)
    report.refresh_from_db()
    assert report.review_status == ProgressReport.Review.RETURNED


def test_focal_point_cannot_pledge_or_report_for_another_state(
    focal_senegal, turkiye, paragraph_training
):
    with pytest.raises(PermissionDenied):
        services.commitment_create(
            user=focal_senegal, state=turkiye, paragraph=paragraph_training, title="Not mine"
        )
    commitment = pledge(turkiye, paragraph_training, target=5)
    with pytest.raises(PermissionDenied):
        services.progress_report_submit(
            user=focal_senegal,
            commitment=commitment,
            status="delivered",
            quantity_delivered=5,
            narrative="Not mine either.",
        )
    assert ProgressReport.objects.count() == 0


def test_stale_commitment_update_is_refused_and_first_write_survives(
    focal_turkiye, turkiye, paragraph_training
):
    commitment = services.commitment_create(
        user=focal_turkiye,
        state=turkiye,
        paragraph=paragraph_training,
        title="Train 10",
        target_quantity=10,
    )
    first_copy = Commitment.objects.get(pk=commitment.pk)
    second_copy = Commitment.objects.get(pk=commitment.pk)
    services.commitment_update(
        user=focal_turkiye, commitment=first_copy, expected_version=1, target_quantity=12
    )
    with pytest.raises(ValidationError, match="Someone else saved this commitment"):
        services.commitment_update(
            user=focal_turkiye, commitment=second_copy, expected_version=1, target_quantity=99
        )
    commitment.refresh_from_db()
    assert (commitment.target_quantity, commitment.version) == (12, 2)
