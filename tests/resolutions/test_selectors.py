"""resolutions.selectors: the pledge-vs-delivery figures on a small hand-made case."""

import datetime

import pytest

from resolutions import selectors
from tests.factories import CommitmentFactory, ParagraphFactory, ParagraphStatusUpdateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hand_made_case(turkiye, senegal, paragraph_training, resolution):
    network = ParagraphFactory(resolution=resolution, number=7, title="Network")
    ParagraphFactory(resolution=resolution, number=4, title="PSCU")
    training = {"paragraph": paragraph_training, "unit": "diplomats_trained"}
    experts = {"paragraph": network, "unit": "experts_nominated"}
    CommitmentFactory(
        state=turkiye, **training, target_quantity=40, delivered_quantity=40, status="delivered"
    )
    CommitmentFactory(
        state=turkiye,
        **training,
        target_quantity=20,
        delivered_quantity=5,
        status="in_progress",
        due_on=datetime.date(2020, 1, 1),
    )
    CommitmentFactory(state=senegal, **training, target_quantity=10, delivered_quantity=0)
    CommitmentFactory(
        state=senegal, **experts, target_quantity=3, delivered_quantity=1, status="in_progress"
    )
    CommitmentFactory(state=senegal, **experts, target_quantity=5, status="withdrawn")
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
    ParagraphStatusUpdateFactory(
        paragraph=hand_made_case, status="implemented", as_of=datetime.date(2019, 1, 1)
    )
    ParagraphStatusUpdateFactory(
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
