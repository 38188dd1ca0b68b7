"""The shared cache in PostgreSQL, safe under concurrent writers (when REDIS_URL is not set).

Django's ``DatabaseCache`` deadlocked under load here (issue 13: ``DeadlockDetected`` in
``_cull``, 3 × 500 in ~8,400 requests), for two reasons, each fixed at its root:

1. **It wrote on the request's connection, inside the request's transaction** (``ATOMIC_REQUESTS``):
   every row it wrote (a throttle history, a page's figures, the cache generations) stayed locked
   until the request ended, so two requests writing two keys in opposite orders waited for each
   other. The cache now has a connection of its own (the ``cache`` alias in settings, routed by
   ``CacheRouter``): same server and database, autocommit, so each cache statement is a
   transaction of its own that holds a row for the time of one statement. A value is visible to
   every worker as soon as it is stored, whether or not the request commits later.
2. **Its statements locked many rows in no fixed order**: the cull deleted a third of the table in
   one statement, waiting on rows other statements held while holding those it had deleted; a
   write was a read then an insert or update. Here every statement either locks one row (a write
   is one ``INSERT … ON CONFLICT``), or locks rows in key order (``delete_many``, ``set_many``), or
   never waits (the cull takes only rows nobody holds: ``FOR UPDATE SKIP LOCKED``). No cycle of
   waits can form, so no deadlock.

Also: the size is checked on one write in ``CULL_CHECK_EVERY`` (an option, default 50) (counting the table on every write
was a full scan each time), the cull removes the soonest-expiring entries first (so keys stored
without expiry, such as the generations of ``oic_mediation.dashboard.cache``, go last), and
``incr`` is atomic (a row lock between the read and the write), so concurrent increments are all
counted.

On SQLite (``make run`` without ``DATABASE_URL``) this is Django's ``DatabaseCache`` unchanged.
"""

from __future__ import annotations

import base64
import functools
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import InterfaceError, OperationalError, connections, router, transaction
from django.utils.timezone import now as tz_now

# The alias of the cache's own connection (see settings.DATABASES).
CACHE_DATABASE = "cache"


class CacheRouter:
    """Send the database cache's queries to its own connection when settings define one."""

    def _alias(self, model, **hints):
        if model._meta.app_label == "django_cache" and CACHE_DATABASE in settings.DATABASES:
            return CACHE_DATABASE
        return None

    db_for_read = _alias
    db_for_write = _alias


def _reconnecting(method):
    """Run ``method`` again, once, on a fresh connection when the cache's connection was lost (a
    restart of PostgreSQL): the cache's alias skips Django's health check, a query on every
    request, since a cache hit is one query itself."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (InterfaceError, OperationalError):
            connection = self._connection()
            if connection.in_atomic_block or connection.is_usable():
                raise
            connection.close()
            return method(self, *args, **kwargs)

    return run


class DatabaseCache(DjangoDatabaseCache):
    def __init__(self, table, params):
        super().__init__(table, params)
        # One write in this many counts the table to decide whether to cull (0: never): the
        # first, then every CULL_CHECK_EVERY-th of this process's cache, so that the same
        # sequence of requests always runs the same queries.
        self._cull_check_every = int(params.get("OPTIONS", {}).get("CULL_CHECK_EVERY", 50))
        self._writes = 0

    def _connection(self):
        return connections[router.db_for_write(self.cache_model_class)]

    def _postgresql(self) -> bool:
        return self._connection().vendor == "postgresql"

    def _expiry(self, timeout) -> datetime:
        timeout = self.get_backend_timeout(timeout)
        expires = datetime.max if timeout is None else datetime.fromtimestamp(timeout, tz=UTC)
        if expires.tzinfo is None and settings.USE_TZ:
            expires = expires.replace(tzinfo=UTC)
        return expires.replace(microsecond=0)

    @staticmethod
    def _encode(value) -> str:
        return base64.b64encode(pickle.dumps(value, DjangoDatabaseCache.pickle_protocol)).decode(
            "latin1"
        )

    # -- reads ----------------------------------------------------------------------------------

    @_reconnecting
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_reconnecting
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    # -- writes ---------------------------------------------------------------------------------

    @_reconnecting
    def clear(self):
        return super().clear()

    @_reconnecting
    def _base_set(self, mode, key, value, timeout=DEFAULT_TIMEOUT):
        if not self._postgresql():
            return super()._base_set(mode, key, value, timeout)
        self._maybe_cull()
        connection = self._connection()
        table = connection.ops.quote_name(self._table)
        expires = connection.ops.adapt_datetimefield_value(self._expiry(timeout))
        now = connection.ops.adapt_datetimefield_value(tz_now())
        with connection.cursor() as cursor:
            if mode == "touch":
                cursor.execute(
                    f"UPDATE {table} SET expires = %s WHERE cache_key = %s AND expires >= %s",
                    [expires, key, now],
                )
                return cursor.rowcount == 1
            # "add" replaces only an entry that has expired; "set" any.
            condition = f" WHERE {table}.expires < %s" if mode == "add" else ""
            cursor.execute(
                f"INSERT INTO {table} (cache_key, value, expires) VALUES (%s, %s, %s) "
                "ON CONFLICT (cache_key) DO UPDATE "
                f"SET value = EXCLUDED.value, expires = EXCLUDED.expires{condition}",
                [key, self._encode(value), expires] + ([now] if mode == "add" else []),
            )
            return cursor.rowcount == 1

    @_reconnecting
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if not self._postgresql() or not data:
            return super().set_many(data, timeout, version)
        self._maybe_cull()
        connection = self._connection()
        table = connection.ops.quote_name(self._table)
        expires = connection.ops.adapt_datetimefield_value(self._expiry(timeout))
        # In key order: two statements writing overlapping keys lock them in the same order.
        rows = sorted(
            (self.make_and_validate_key(key, version=version), self._encode(value))
            for key, value in data.items()
        )
        values = ", ".join(["(%s, %s, %s)"] * len(rows))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (cache_key, value, expires) VALUES {values} "
                "ON CONFLICT (cache_key) DO UPDATE "
                "SET value = EXCLUDED.value, expires = EXCLUDED.expires",
                [part for key, value in rows for part in (key, value, expires)],
            )
        return []

    @_reconnecting
    def incr(self, key, delta=1, version=None):
        if not self._postgresql():
            return super().incr(key, delta, version)
        key = self.make_and_validate_key(key, version=version)
        connection = self._connection()
        table = connection.ops.quote_name(self._table)
        now = connection.ops.adapt_datetimefield_value(tz_now())
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT value FROM {table} WHERE cache_key = %s AND expires >= %s FOR UPDATE",
                [key, now],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta
            cursor.execute(
                f"UPDATE {table} SET value = %s WHERE cache_key = %s", [self._encode(value), key]
            )
        return value

    @_reconnecting
    def _base_delete_many(self, keys):
        if not self._postgresql() or not keys:
            return super()._base_delete_many(keys)
        connection = self._connection()
        table = connection.ops.quote_name(self._table)
        placeholders = ", ".join(["%s"] * len(keys))
        with connection.cursor() as cursor:
            # The rows locked in key order first, as set_many does.
            cursor.execute(
                f"DELETE FROM {table} WHERE cache_key IN (SELECT cache_key FROM {table} "
                f"WHERE cache_key IN ({placeholders}) ORDER BY cache_key FOR UPDATE)",
                list(keys),
            )
            return bool(cursor.rowcount)

    # -- size -----------------------------------------------------------------------------------

    def _maybe_cull(self) -> None:
        if not self._cull_check_every:
            return
        self._writes += 1
        if (self._writes - 1) % self._cull_check_every:
            return
        connection = self._connection()
        table = connection.ops.quote_name(self._table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {table}")
            count = cursor.fetchone()[0]
            if count > self._max_entries:
                self._cull(connection.alias, cursor, tz_now(), count)

    def _cull(self, db, cursor, now, num):
        if not self._postgresql():
            return super()._cull(db, cursor, now, num)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        # Rows another statement holds are left for the next cull: this one never waits.
        cursor.execute(
            f"DELETE FROM {table} WHERE cache_key IN (SELECT cache_key FROM {table} "
            "WHERE expires < %s FOR UPDATE SKIP LOCKED)",
            [connection.ops.adapt_datetimefield_value(now)],
        )
        remaining = num - cursor.rowcount
        if remaining <= self._max_entries:
            return
        if self._cull_frequency == 0:
            self.clear()
        else:
            cursor.execute(
                f"DELETE FROM {table} WHERE cache_key IN (SELECT cache_key FROM {table} "
                "ORDER BY expires, cache_key LIMIT %s FOR UPDATE SKIP LOCKED)",
                [remaining // self._cull_frequency],
            )
