"""The shared database cache under concurrent writers, on real PostgreSQL connections.

Issue 13 (finding 6): under load, 3 requests in ~8,400 answered 500 with ``DeadlockDetected`` in
``DatabaseCache._cull``. Django's database cache writes on the request's own connection, inside the
request's transaction (``ATOMIC_REQUESTS``): a row it writes stays locked until the request ends,
and its cull deletes a third of the table in one statement, waiting for whatever rows other
requests hold while holding the rows it already deleted. These tests run requests the way gunicorn
does — threads, each with its own connections, each request in a transaction — and fail on any
error the cache raises.
"""

from __future__ import annotations

import random
import threading

import pytest
from django.core.cache import cache, caches
from django.db import connection, connections, transaction

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

THREADS = 6
REQUESTS = 40


def run_concurrently(work, threads: int = THREADS) -> list[BaseException]:
    """``work(index)`` in ``threads`` threads started together; the errors they raised."""
    start = threading.Barrier(threads)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            start.wait()
            work(index)
        except BaseException as error:  # noqa: BLE001 - every failure is what the test reports
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=run, args=(index,)) for index in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    assert not any(worker.is_alive() for worker in workers), "a writer is still blocked"
    return errors


def test_concurrent_requests_writing_the_cache_past_its_size_never_fail(settings):
    # A small table, so that nearly every write culls, as a full production table does.
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "OPTIONS": {"MAX_ENTRIES": 40, "CULL_FREQUENCY": 3, "CULL_CHECK_EVERY": 1},
        }
    }
    small = caches.create_connection("default")
    small.clear()

    def requests(index: int) -> None:
        chance = random.Random(index)
        for _request in range(REQUESTS):
            # What one request does: a throttle history, a page's figures, the page itself, in an
            # order that differs from one request to the next, inside the request's transaction.
            keys = chance.sample(range(200), 4)
            with transaction.atomic():
                for key in keys:
                    small.set(f"page:{key}", "x" * 200)
                    small.get(f"page:{chance.randrange(200)}")

    errors = run_concurrently(requests)

    assert errors == []


def test_a_write_to_the_cache_is_seen_by_another_connection_before_the_request_ends():
    # The cache keeps its own autocommit connection: what a request stores is there for every
    # worker at once, whether or not the request's transaction commits later.
    cache.delete("seen-at-once")
    stored, seen = threading.Event(), []

    def reader() -> None:
        stored.wait(timeout=30)
        seen.append(cache.get("seen-at-once"))
        connections.close_all()

    thread = threading.Thread(target=reader)
    thread.start()
    with transaction.atomic():
        cache.set("seen-at-once", "value")
        stored.set()
        thread.join(timeout=30)

    assert seen == ["value"]


def test_concurrent_increments_are_all_counted():
    cache.set("counted", 0)

    def increments(_index: int) -> None:
        for _step in range(25):
            with transaction.atomic():
                cache.incr("counted")

    errors = run_concurrently(increments)

    assert errors == []
    assert cache.get("counted") == THREADS * 25


def test_the_cache_uses_a_connection_of_its_own():
    from django.db import router

    alias = router.db_for_write(cache.cache_model_class)

    assert alias != connection.alias
    assert connections[alias].settings_dict["NAME"] == connection.settings_dict["NAME"]
    assert connections[alias].settings_dict["ATOMIC_REQUESTS"] is False
