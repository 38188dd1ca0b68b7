"""Reminders to focal points about their state's overdue and soon-due commitments.

Sent at most once per focal point and period (``ReminderSent`` is unique on both), so the
scheduled task may run daily (``oic_mediation.background.schedule``): a second run in the same
period sends nothing new.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.models import FocalPoint
from oic_mediation.mail.messages import send_portal_email
from resolutions.models import Commitment, ReminderSent
from resolutions.selectors import OPEN_STATUSES

logger = logging.getLogger(__name__)

DEFAULT_SOON_DAYS = 30


def monthly_period(day: datetime.date) -> str:
    return f"{day:%Y-%m}"


def commitments_to_remind(*, today: datetime.date, soon_days: int):
    """Open state commitments that are overdue or due within ``soon_days`` days."""
    return (
        Commitment.objects.filter(
            state__isnull=False,
            status__in=OPEN_STATUSES,
            due_on__isnull=False,
            due_on__lte=today + datetime.timedelta(days=soon_days),
        )
        .select_related("paragraph__resolution", "state")
        .order_by("due_on", "id")
    )


def send_commitment_reminders(
    *,
    today: datetime.date | None = None,
    period: str | None = None,
    soon_days: int = DEFAULT_SOON_DAYS,
) -> int:
    """E-mail each active focal point their state's due commitments; return how many were sent."""
    today = today or timezone.localdate()
    period = period or monthly_period(today)
    by_state = defaultdict(list)
    for commitment in commitments_to_remind(today=today, soon_days=soon_days):
        by_state[commitment.state_id].append(commitment)
    if not by_state:
        return 0
    focal_points = (
        FocalPoint.objects.filter(is_active=True, user__is_active=True, state_id__in=by_state)
        .exclude(user__email="")
        .exclude(reminders__period=period)
        .select_related("user", "state")
    )
    sent = 0
    for focal_point in focal_points:
        commitments = by_state[focal_point.state_id]
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    focal_point=focal_point, period=period, commitment_count=len(commitments)
                )
                # Inside the transaction: the queued e-mail and the record are written together.
                _send_reminder(focal_point, commitments, today=today)
        except IntegrityError:
            # Another run recorded this focal point's reminder meanwhile.
            continue
        except OSError:
            logger.exception("Could not send a reminder to focal point %s", focal_point.pk)
            continue
        sent += 1
    return sent


def _send_reminder(focal_point: FocalPoint, commitments: list[Commitment], *, today) -> None:
    send_portal_email(
        template="emails/commitment_reminder",
        subject=lambda: (
            _("Commitments of %(state)s overdue or due soon") % {"state": focal_point.state.name}
        ),
        context={"focal_point": focal_point, "commitments": commitments, "today": today},
        to=focal_point.user,
    )
