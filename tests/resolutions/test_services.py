"""resolutions.services: a progress report moves public figures once validated, reviews refuse
invalid transitions, and a stale update of a commitment is refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from resolutions import selectors, services
from resolutions.models import Commitment, ProgressReport
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_only_validated_reports_move_public_figures(
    turkiye, turkiye_focal_point, secretariat, paragraph_training
):
    commitment = CommitmentFactory(state=turkiye, paragraph=paragraph_training, target_quantity=10)
    report = services.progress_report_submit(
        user=turkiye_focal_point,
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
    turkiye, turkiye_focal_point, secretariat, paragraph_training
):
    commitment = CommitmentFactory(state=turkiye, paragraph=paragraph_training, target_quantity=10)
    report = services.progress_report_submit(
        user=turkiye_focal_point,
        commitment=commitment,
        status="delivered",
        quantity_delivered=10,
        narrative="Done.",
    )
    with pytest.raises(PermissionDenied):
        services.progress_report_validate(user=turkiye_focal_point, report=report)
    with pytest.raises(ValidationError, match="Say what needs to change"):
        services.progress_report_return(user=secretariat, report=report, comment=" ")
    services.progress_report_return(user=secretariat, report=report, comment="Add evidence.")
    with pytest.raises(ValidationError, match="already returned"):
        services.progress_report_validate(user=secretariat, report=report)
    report.refresh_from_db()
    assert report.review_status == ProgressReport.Review.RETURNED


def test_stale_commitment_update_is_refused_and_first_write_survives(
    turkiye_focal_point, turkiye, paragraph_training
):
    commitment = services.commitment_create(
        user=turkiye_focal_point,
        state=turkiye,
        paragraph=paragraph_training,
        title="Train 10",
        target_quantity=10,
    )
    first_copy = Commitment.objects.get(pk=commitment.pk)
    second_copy = Commitment.objects.get(pk=commitment.pk)
    services.commitment_update(
        user=turkiye_focal_point, commitment=first_copy, expected_version=1, target_quantity=12
    )
    with pytest.raises(ValidationError, match="Someone else saved this commitment"):
        services.commitment_update(
            user=turkiye_focal_point, commitment=second_copy, expected_version=1, target_quantity=99
        )
    commitment.refresh_from_db()
    assert (commitment.target_quantity, commitment.version) == (12, 2)
