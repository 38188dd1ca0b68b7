"""The demo-data generator: its counts at a tiny scale, reproducibility, and refusing real data."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import OuterRef, Subquery

from conferences.models import Conference, Document, Recommendation, RecommendationFollowUp
from network.models import ContactGroupMeeting, MemberState, RosterMember, RosterRole
from resolutions.models import Commitment, CommitmentStatus, ProgressReport
from resolutions.services import commitment_create
from seed import demo_data
from trainings.models import Edition, Participant


def generate(*extra: str) -> None:
    call_command("generate_demo_data", "--no-progress", *extra)


def test_a_hundredth_of_the_scale_gives_the_planned_counts(db):
    generate("--scale", "0.01", "--seed", "7")

    assert MemberState.objects.count() == 57
    assert Commitment.objects.count() == 6
    assert ProgressReport.objects.count() == 60
    assert RosterMember.objects.count() == 15
    assert RosterRole.objects.count() == 15 + 3
    assert Edition.objects.count() == 3
    assert Participant.objects.count() == 120
    assert Conference.objects.count() == 1
    assert Recommendation.objects.count() == 4
    assert RecommendationFollowUp.objects.count() == 8
    assert ContactGroupMeeting.objects.count() == 1
    assert Document.objects.count() == 1


def test_scale_one_plans_a_decade_and_scale_ten_ten_times_as_much():
    decade = demo_data.planned_counts(1)
    assert (decade["commitments"], decade["progress_reports"]) == (600, 6000)
    assert (decade["roster_members"], decade["editions"], decade["participants"]) == (
        1500,
        300,
        12000,
    )
    assert (decade["conferences"], decade["recommendations"]) == (12, 400)
    tenfold = demo_data.planned_counts(10)
    assert tenfold["commitments"] == 6000
    assert tenfold["participants"] == 120000


def test_each_commitment_shows_its_latest_validated_report(db):
    generate("--scale", "0.05", "--seed", "3")

    latest = ProgressReport.objects.filter(
        commitment=OuterRef("pk"), review_status=ProgressReport.Review.VALIDATED
    ).order_by("-reported_at", "-id")
    commitments = Commitment.objects.annotate(
        latest_status=Subquery(latest.values("status")[:1]),
        latest_quantity=Subquery(latest.values("quantity_delivered")[:1]),
    )
    for commitment in commitments:
        if commitment.latest_status is None:
            assert (commitment.status, commitment.delivered_quantity) == (
                CommitmentStatus.PLEDGED,
                0,
            )
        else:
            assert (commitment.status, commitment.delivered_quantity) == (
                commitment.latest_status,
                commitment.latest_quantity,
            )
    reviews = set(ProgressReport.objects.values_list("review_status", flat=True))
    assert reviews == {"validated", "submitted", "returned"}


def test_only_people_who_consented_have_a_public_profile(db):
    generate("--scale", "0.05")

    public = RosterMember.objects.filter(visibility=RosterMember.Visibility.PUBLIC)
    assert public.exists()
    assert not public.filter(consent_given_on__isnull=True).exists()
    assert RosterMember.objects.exclude(visibility="public").count() > public.count()


@pytest.mark.django_db(transaction=True)
def test_the_same_seed_gives_identical_data_in_fresh_databases():
    digests = []
    for seed in ("7", "7", "8"):
        call_command("flush", interactive=False, verbosity=0)  # empty, with ids from 1 again
        generate("--scale", "0.01", "--seed", seed)
        digests.append(demo_data.digest())

    assert digests[0] == digests[1]
    assert digests[2] != digests[0]


def test_refuses_a_database_that_holds_real_commitments(secretariat, turkiye, paragraph_training):
    commitment_create(
        user=secretariat, paragraph=paragraph_training, state=turkiye, title="Train 20 diplomats"
    )

    with pytest.raises(CommandError) as refusal:
        generate("--scale", "0.01")

    assert "real data (commitments: 1)" in str(refusal.value)
    assert "--force" in str(refusal.value)
    assert Commitment.objects.count() == 1
    assert not RosterMember.objects.exists()


def test_force_generates_beside_real_data(secretariat, turkiye, paragraph_training):
    commitment_create(
        user=secretariat, paragraph=paragraph_training, state=turkiye, title="Train 20 diplomats"
    )

    generate("--scale", "0.01", "--force")

    assert Commitment.objects.count() == 1 + 6
    assert demo_data.real_data_counts() == {"commitments": 1}


def test_refuses_to_generate_twice_into_the_same_database(db):
    generate("--scale", "0.01")

    with pytest.raises(CommandError, match="already holds demo data"):
        generate("--scale", "0.01", "--force")
    assert Commitment.objects.count() == 6


@pytest.mark.parametrize("scale", ["0", "-1", "1000", "lots"])
def test_a_scale_out_of_range_is_refused_with_a_reason(db, scale):
    with pytest.raises(CommandError, match="--scale must be"):
        generate("--scale", scale)
    assert not Commitment.objects.exists()
