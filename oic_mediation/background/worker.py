"""The background worker: django_tasks_db's worker loop, plus a heartbeat thread that

- records that this worker is alive (``Worker.last_seen_at``: the health endpoint and
  ``check --deploy`` read it);
- enqueues the periodic tasks of ``schedule.SCHEDULE`` once per slot, whichever worker of
  whichever host gets there first (``ScheduledRun`` is unique per task and slot);
- gives back to the queue the tasks that a worker which has since gone silent had claimed (a
  killed process leaves its task "running" for ever otherwise), at most ``MAX_CLAIMS`` times.
"""

from __future__ import annotations

import logging
import os
import socket
import threading

from django.db import IntegrityError, close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from oic_mediation.background.models import HEARTBEAT_SECONDS, WORKER_TIMEOUT, ScheduledRun, Worker

logger = logging.getLogger(__name__)

# A task claimed this many times by workers that died is not tried again.
MAX_CLAIMS = 3


def beat(worker_id: str) -> None:
    now = timezone.now()
    Worker.objects.update_or_create(
        worker_id=worker_id,
        defaults={"last_seen_at": now, "hostname": socket.gethostname()[:255], "pid": os.getpid()},
        create_defaults={
            "started_at": now,
            "last_seen_at": now,
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
        },
    )


def enqueue_due_periodic_tasks(*, now=None) -> list[str]:
    """Enqueue each periodic task whose current slot has not been enqueued yet; return their names."""
    from oic_mediation.background.schedule import SCHEDULE

    now = now or timezone.now()
    enqueued = []
    for entry in SCHEDULE:
        slot = entry.slot(now)
        if ScheduledRun.objects.filter(name=entry.name, slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(name=entry.name, slot=slot, enqueued_at=now)
                entry.task.enqueue()
        except IntegrityError:
            continue  # another worker enqueued this slot's run first
        enqueued.append(entry.name)
    return enqueued


def requeue_abandoned_tasks(*, now=None) -> int:
    """Tasks left "running" by a worker that stopped beating: back to the queue, or failed."""
    now = now or timezone.now()
    alive = set(Worker.objects.alive(now=now).values_list("worker_id", flat=True))
    count = 0
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING, started_at__lt=now - WORKER_TIMEOUT
        )
        for result in running:
            if result.worker_ids and result.worker_ids[-1] in alive:
                continue
            if len(result.worker_ids) >= MAX_CLAIMS:
                result.set_failed(RuntimeError("Abandoned by workers that stopped; not retried."))
                logger.error(
                    "Task %s (%s) abandoned %d times.", result.id, result.task_path, MAX_CLAIMS
                )
            else:
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                logger.warning("Task %s (%s) given back to the queue.", result.id, result.task_path)
            count += 1
    return count


def housekeeping(worker_id: str, *, schedule: bool = True) -> None:
    beat(worker_id)
    if schedule:
        enqueue_due_periodic_tasks()
    requeue_abandoned_tasks()


class Heartbeat(threading.Thread):
    def __init__(self, worker_id: str):
        super().__init__(name="heartbeat", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                close_old_connections()
                housekeeping(self.worker_id)
            except Exception:
                logger.exception("The worker's heartbeat failed; trying again.")
            self.stopped.wait(HEARTBEAT_SECONDS)
        connection.close()

    def stop(self) -> None:
        self.stopped.set()
