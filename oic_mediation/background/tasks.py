"""The periodic tasks (see ``schedule.SCHEDULE``): each calls the one place where its work is
defined, so that a cron job, a command and the schedule do the same thing."""

from __future__ import annotations

import datetime
import logging
from importlib import import_module

from django.conf import settings
from django.utils import timezone

from oic_mediation.background.queue import portal_task

logger = logging.getLogger(__name__)

# Finished tasks and schedule records are kept this long for the admin's view, then deleted.
KEEP_FINISHED_TASKS = datetime.timedelta(days=30)


@portal_task(retries=2)
def send_reminders() -> int:
    from resolutions.reminders import send_commitment_reminders, send_reporting_reminders

    return send_commitment_reminders() + send_reporting_reminders()


@portal_task()
def clear_expired_sessions() -> None:
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()


@portal_task()
def prune_sign_in_logs() -> dict:
    """Sign-in records older than DJANGO_LOCKOUT_LOG_DAYS, and attempts past their cool-off."""
    from axes.handlers.proxy import AxesProxyHandler
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt

    days = settings.LOCKOUT_LOG_DAYS
    removed = {
        "access_logs": AxesProxyHandler.reset_logs(age_days=days),
        "failure_logs": AxesProxyHandler.reset_failure_logs(age_days=days),
    }
    cool_off = get_cool_off()
    if cool_off is not None:
        removed["expired_attempts"], _ = AccessAttempt.objects.filter(
            attempt_time__lt=timezone.now() - cool_off
        ).delete()
    return removed


@portal_task()
def remove_orphan_files() -> list[str]:
    from oic_mediation.files import remove_orphan_files as remove

    return remove()


@portal_task()
def prune_task_records() -> dict:
    from django_tasks_db.models import DBTaskResult

    from oic_mediation.background.models import ScheduledRun, Worker

    before = timezone.now() - KEEP_FINISHED_TASKS
    tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lt=before).delete()
    runs, _ = ScheduledRun.objects.filter(enqueued_at__lt=before).delete()
    workers, _ = Worker.objects.filter(
        last_seen_at__lt=timezone.now() - datetime.timedelta(days=1)
    ).delete()
    return {"tasks": tasks, "scheduled_runs": runs, "workers": workers}
