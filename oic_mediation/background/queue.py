"""The portal's use of Django's task API (``django_tasks``, the backport of Django 6's
``django.tasks``; the database backend of ``django_tasks_db`` in production).

- ``portal_task`` declares a task that is retried with a growing delay when it raises: the
  attempt that fails schedules the next and ends quietly, only the last one fails for good (and is
  logged as an error, which reaches ADMINS and Sentry).
- ``enqueue`` queues a task as part of the caller's transaction: with the database backend the
  task's row is written in that transaction, so a task exists if and only if the data it is about
  was committed, and a request never waits for (nor fails because of) the work itself. Other
  backends (the immediate one of the test suite) get the task after the commit.
"""

from __future__ import annotations

import datetime
import functools
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task as django_task
from django_tasks.base import Task

logger = logging.getLogger(__name__)

ATTEMPT_ARGUMENT = "_attempt"


def retry_delay(attempt: int, *, base: int) -> datetime.timedelta:
    """Delay before attempt ``attempt + 1``: base, 4 × base, 16 × base… capped at six hours."""
    return datetime.timedelta(seconds=min(base * 4 ** (attempt - 1), 6 * 3600))


def portal_task(
    *, retries: int = 0, retry_base_seconds: int = 60, retry_on=(Exception,), **options
):
    """A task retried ``retries`` times after a failure (``retry_on``), then failed for good."""

    def decorate(func):
        @functools.wraps(func)
        def run(*args, **kwargs):
            attempt = kwargs.pop(ATTEMPT_ARGUMENT, 1)
            try:
                return func(*args, **kwargs)
            except retry_on as error:
                if attempt > retries:
                    raise
                delay = retry_delay(attempt, base=retry_base_seconds)
                logger.warning(
                    "Task %s failed (attempt %d of %d: %s); retrying in %d s.",
                    func.__name__,
                    attempt,
                    retries + 1,
                    error.__class__.__name__,
                    delay.total_seconds(),
                )
                next_task = this_task
                backend = this_task.get_backend()
                if backend.supports_defer:
                    next_task = this_task.using(run_after=timezone.now() + delay)
                next_task.enqueue(*args, **{**kwargs, ATTEMPT_ARGUMENT: attempt + 1})
                return {"retrying": True, "attempt": attempt, "error": repr(error)[:500]}

        this_task = django_task(**options)(run)
        return this_task

    return decorate


def uses_database_queue(task: Task) -> bool:
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task.get_backend(), DatabaseBackend)


def enqueue(task: Task, *args, **kwargs) -> None:
    """Queue ``task`` with JSON-serialisable arguments, atomically with the caller's writes."""
    if uses_database_queue(task):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
