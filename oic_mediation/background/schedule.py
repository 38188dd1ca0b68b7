"""What the workers run on their own, and how often.

Each entry is enqueued once per slot (its day or its hour, UTC) by whichever worker sees the slot
first (``worker.enqueue_due_periodic_tasks``); none needs cron. Every task here is safe to run
twice: reminders are recorded once per focal point and month, the clean-ups delete what is due.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django_tasks.base import Task

from oic_mediation.background import tasks


@dataclass(frozen=True)
class Periodic:
    name: str
    task: Task
    every: str  # "hour" or "day"

    def slot(self, now: datetime.datetime) -> str:
        now = now.astimezone(datetime.UTC)
        return f"{now:%Y-%m-%dT%H}" if self.every == "hour" else f"{now:%Y-%m-%d}"


SCHEDULE = [
    Periodic("send_reminders", tasks.send_reminders, "day"),
    Periodic("clear_expired_sessions", tasks.clear_expired_sessions, "day"),
    Periodic("prune_sign_in_logs", tasks.prune_sign_in_logs, "day"),
    Periodic("remove_orphan_files", tasks.remove_orphan_files, "hour"),
    Periodic("prune_task_records", tasks.prune_task_records, "day"),
]
