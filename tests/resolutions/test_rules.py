"""Who may act on a state's commitments (``network.rules``, applied by ``resolutions.services``):
a focal point pledges and reports for their own state only."""

import pytest
from django.core.exceptions import PermissionDenied

from resolutions import services
from resolutions.models import ProgressReport
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_focal_point_cannot_pledge_or_report_for_another_state(
    senegal_focal_point, turkiye, paragraph_training
):
    with pytest.raises(PermissionDenied):
        services.commitment_create(
            user=senegal_focal_point, state=turkiye, paragraph=paragraph_training, title="Not mine"
        )
    commitment = CommitmentFactory(state=turkiye, paragraph=paragraph_training, target_quantity=5)
    with pytest.raises(PermissionDenied):
        services.progress_report_submit(
            user=senegal_focal_point,
            commitment=commitment,
            status="delivered",
            quantity_delivered=5,
            narrative="Not mine either.",
        )
    assert ProgressReport.objects.count() == 0
