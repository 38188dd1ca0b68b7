"""Run a background worker: ``manage.py run_worker``.

django_tasks_db's worker loop (one task at a time, each claimed with ``SELECT … FOR UPDATE SKIP
LOCKED``, so a task runs on exactly one worker however many run) with the portal's heartbeat,
schedule and recovery (``oic_mediation.background.worker``). Run as many as needed, on any host;
each needs only the database. SIGTERM lets the current task finish.
"""

from __future__ import annotations

import socket

from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker as TaskLoop

from oic_mediation.background.models import Worker
from oic_mediation.background.worker import Heartbeat, housekeeping


class Command(BaseCommand):
    help = "Run a background worker (e-mails, report rendering, scheduled clean-ups)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between polls of an empty queue"
        )
        parser.add_argument(
            "--batch", action="store_true", help="run the tasks that are ready, then exit"
        )
        parser.add_argument("--worker-id", default="", help="unique id (default: host and random)")

    def handle(self, *, interval, batch, worker_id, verbosity, **options):
        worker_id = worker_id or f"{socket.gethostname()[:40]}-{get_random_string(12)}"
        loop = TaskLoop(
            queue_names=["*"],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=not batch,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        # A batch run (tests, a cron job) runs what is ready: it enqueues no periodic task.
        housekeeping(worker_id, schedule=not batch)
        heartbeat = None
        if not batch:
            heartbeat = Heartbeat(worker_id)
            heartbeat.start()
        if verbosity:
            self.stdout.write(f"Worker {worker_id} started.")
        try:
            loop.configure_signals()
            loop.run()
        finally:
            if heartbeat is not None:
                heartbeat.stop()
            Worker.objects.filter(worker_id=worker_id).delete()
