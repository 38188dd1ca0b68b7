"""``/health/``: what a load balancer asks before sending a host traffic.

Each check is timed; the answer is 200 when the database, the cache, the file storage and the
task queue all answer, 503 (with the failing check named) otherwise. The queue's part also says how
many workers were heard from in the last minute and how long the oldest waiting task has waited:
a host stays in service without a worker of its own (workers may run elsewhere), but the report
shows the backlog ("warning" when no worker is alive). No personal data, never cached.
"""

from __future__ import annotations

import time
import uuid

from django.core.cache import cache, caches
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache() -> dict:
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 30)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return the value just written")
    cache.delete(key)
    return {"backend": caches["default"].__class__.__name__}


def check_storage() -> dict:
    # A lookup (a HEAD request on a bucket): proves the storage answers and the keys are accepted.
    default_storage.exists("health/probe")
    return {"backend": default_storage.__class__.__name__}


def check_queue() -> dict:
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from oic_mediation.background.models import Worker

    now = timezone.now()
    workers = Worker.objects.alive(now=now).count()
    oldest = (
        DBTaskResult.objects.ready()
        .filter(status=TaskResultStatus.READY)
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    waiting = round((now - oldest).total_seconds()) if oldest else 0
    result = {"workers_alive": workers, "oldest_waiting_seconds": waiting}
    if not workers:
        result["warning"] = "no worker was heard from in the last minute"
    return result


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "queue": check_queue,
}


@transaction.non_atomic_requests
@never_cache
@require_safe
def health(request):
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            result = {"ok": True, **check()}
        except Exception as error:  # any failure of a dependency is the answer, not a 500
            healthy = False
            result = {"ok": False, "error": f"{error.__class__.__name__}: {error}"[:300]}
        result["ms"] = round((time.monotonic() - started) * 1000, 1)
        results[name] = result
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": results}, status=200 if healthy else 503
    )
