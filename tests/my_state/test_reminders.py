"""The reminders cron job: overdue and soon-due commitments, once per focal point and period."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from network.models import FocalPoint
from resolutions.models import ReminderSent
from tests.conftest import make_focal_point
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 27)


def run(*args) -> str:
    out = StringIO()
    call_command("send_reminders", f"--today={TODAY.isoformat()}", *args, stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def due_commitments(turkiye, senegal, paragraph_training):
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Overdue training",
        due_on=datetime.date(2026, 6, 30),
    )
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Training due soon",
        due_on=datetime.date(2026, 12, 15),
    )
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Training due next year",
        due_on=datetime.date(2027, 6, 1),
    )
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Delivered training",
        due_on=datetime.date(2026, 1, 1),
        status="delivered",
    )
    CommitmentFactory(
        state=senegal,
        paragraph=paragraph_training,
        title="Senegal, nothing due",
        due_on=datetime.date(2028, 1, 1),
    )


def test_each_focal_point_gets_their_overdue_and_soon_due_commitments_once_per_period(
    due_commitments, turkiye_focal_point, senegal_focal_point, mailoutbox
):
    assert run() == "Reminders sent: 1"
    [mail] = mailoutbox
    assert mail.to == ["ayse.turkiye@example.org"]
    assert mail.subject == "Commitments of Türkiye overdue or due soon"
    assert "Overdue training (Paragraph 8) — overdue since 2026-06-30" in mail.body
    assert "Training due soon (Paragraph 8) — due on 2026-12-15" in mail.body
    assert "next year" not in mail.body and "Delivered" not in mail.body
    assert list(
        ReminderSent.objects.values_list(
            "focal_point__user__username", "period", "commitment_count"
        )
    ) == [("ayse.turkiye", "2026-11", 2)]

    assert run() == "Reminders sent: 0"
    assert len(mailoutbox) == 1

    assert run("--period=2026-12") == "Reminders sent: 1"
    assert len(mailoutbox) == 2


def test_every_active_focal_point_of_the_state_is_reminded_but_not_inactive_ones(
    due_commitments, turkiye_focal_point, turkiye, mailoutbox
):
    second = make_focal_point("mehmet.turkiye", turkiye)
    retired = make_focal_point("retired.turkiye", turkiye)
    FocalPoint.objects.filter(user=retired).update(is_active=False)
    run()
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "ayse.turkiye@example.org",
        f"{second.username}@example.org",
    ]


def test_reminder_is_written_in_the_focal_points_language(
    due_commitments, turkiye_focal_point, mailoutbox
):
    FocalPoint.objects.filter(user=turkiye_focal_point).update(preferred_language="fr")
    run()
    assert "/fr/my-state/commitments/" in mailoutbox[0].body


def test_a_bad_date_is_refused_with_a_message(db):
    with pytest.raises(CommandError, match="is not a date"):
        call_command("send_reminders", "--today=27/11/2026")
