"""Reminders: to focal points about their state's overdue and soon-due commitments, and about
the reports their commitments are due (``send_reporting_reminders``), escalating to the
Secretariat for states still silent.

Each is sent at most once per period (``ReminderSent`` is unique per focal point and month,
``ReportingReminder`` per commitment, stage and report due date), so the scheduled task may run
daily (``oic_mediation.background.schedule``): a second run in the same period sends nothing new.
This module decides who is told what and when; ``send_portal_email`` sends.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from typing import cast

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import send_portal_email
from network.models import FocalPoint, MemberState
from resolutions.models import Commitment, ReminderSent, ReportingReminder, ReportingSchedule
from resolutions.selectors import OPEN_STATUSES, CommitmentReporting, commitments_reporting

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


# --- Reports due -----------------------------------------------------------------------------

Stage = ReportingReminder.Stage


def reporting_stage(
    item: CommitmentReporting, *, today: datetime.date, schedule: ReportingSchedule
) -> str | None:
    """Which reminder a commitment's report calls for today: the focal points are told from
    ``remind_before_days`` before the due date, again once it is overdue, and the Secretariat
    once it is more than ``escalate_after_days`` overdue; None when nothing is due."""
    if item.days_overdue > schedule.escalate_after_days:
        return Stage.SECRETARIAT
    if item.days_overdue > 0:
        return Stage.OVERDUE
    if item.next_due_on - datetime.timedelta(days=schedule.remind_before_days) <= today:
        return Stage.BEFORE_DUE
    return None


def reporting_reminders_due(
    *, today: datetime.date, schedule: ReportingSchedule
) -> dict[str, list[CommitmentReporting]]:
    """The commitments whose reminder of each stage is due and not yet sent for this period."""
    due: dict[str, list[CommitmentReporting]] = {stage: [] for stage in Stage.values}
    items = commitments_reporting(as_of=today, schedule=schedule)
    sent = set(
        ReportingReminder.objects.filter(
            commitment__in=[item.commitment.pk for item in items]
        ).values_list("commitment_id", "stage", "due_on")
    )
    for item in items:
        stage = reporting_stage(item, today=today, schedule=schedule)
        if stage is None:
            continue
        stages = [stage]
        if stage == Stage.SECRETARIAT:
            # A state silent for that long is also still told itself, once.
            stages.append(Stage.OVERDUE)
        for name in stages:
            if (item.commitment.pk, name, item.next_due_on) not in sent:
                due[name].append(item)
    return due


def send_reporting_reminders(*, today: datetime.date | None = None) -> int:
    """E-mail each active focal point the reports their state has due soon or overdue, and the
    Secretariat the states still silent past the escalation; return how many e-mails were sent."""
    today = today or timezone.localdate()
    schedule = ReportingSchedule.current()
    due = reporting_reminders_due(today=today, schedule=schedule)
    sent = 0
    by_state: defaultdict[int | None, dict[str, list[CommitmentReporting]]] = defaultdict(
        lambda: {Stage.BEFORE_DUE: [], Stage.OVERDUE: []}
    )
    for stage in (Stage.BEFORE_DUE, Stage.OVERDUE):
        for item in due[stage]:
            by_state[item.commitment.state_id][stage].append(item)
    focal_points: defaultdict[int | None, list[FocalPoint]] = defaultdict(list)
    for focal_point in (
        FocalPoint.objects.filter(is_active=True, user__is_active=True, state_id__in=by_state)
        .exclude(user__email="")
        .select_related("user", "state")
        .order_by("pk")
    ):
        focal_points[focal_point.state_id].append(focal_point)
    for state_id, stages in by_state.items():
        recipients = focal_points.get(state_id, [])
        if not recipients:
            # Nobody to tell: nothing is recorded, so a focal point named later is told.
            continue
        try:
            with transaction.atomic():
                _record(stages, recipients=len(recipients))
                for focal_point in recipients:
                    _send_reporting_reminder(focal_point, stages, today=today)
        except IntegrityError:
            continue  # another run sent these meanwhile
        except OSError:
            logger.exception("Could not send a reporting reminder to state %s", state_id)
            continue
        sent += len(recipients)
    silent = due[Stage.SECRETARIAT]
    addresses = _secretariat_addresses()
    if silent and addresses:
        try:
            with transaction.atomic():
                _record({Stage.SECRETARIAT: silent}, recipients=len(addresses))
                for address in addresses:
                    _send_escalation(address, silent, today=today, schedule=schedule)
        except IntegrityError:
            pass
        except OSError:
            logger.exception("Could not send the reporting escalation to the Secretariat")
        else:
            sent += len(addresses)
    return sent


def _record(stages: dict[str, list[CommitmentReporting]], *, recipients: int) -> None:
    ReportingReminder.objects.bulk_create(
        [
            ReportingReminder(
                commitment=item.commitment,
                stage=stage,
                due_on=item.next_due_on,
                recipients=recipients,
            )
            for stage, items in stages.items()
            for item in items
        ]
    )


def _secretariat_addresses() -> list[str]:
    from resolutions.services import secretariat_recipients

    return secretariat_recipients()


def _send_reporting_reminder(focal_point: FocalPoint, stages: dict, *, today) -> None:
    send_portal_email(
        template="emails/reporting_reminder",
        subject=lambda: (
            _("Reports of %(state)s due on the portal") % {"state": focal_point.state.name}
        ),
        context={
            "focal_point": focal_point,
            "soon": stages[Stage.BEFORE_DUE],
            "overdue": stages[Stage.OVERDUE],
            "today": today,
        },
        to=focal_point.user,
    )


def _send_escalation(address: str, items: list[CommitmentReporting], *, today, schedule) -> None:
    by_state: defaultdict[MemberState, list[CommitmentReporting]] = defaultdict(list)
    for item in items:
        # commitments_reporting lists state commitments only.
        by_state[cast(MemberState, item.commitment.state)].append(item)
    states = sorted(by_state.items(), key=lambda pair: pair[0].name)
    send_portal_email(
        template="emails/reporting_escalation",
        subject=lambda: (
            _("Member states silent on their reports: %(count)s") % {"count": len(states)}
        ),
        context={"states": states, "today": today, "days": schedule.escalate_after_days},
        to=address,
    )
