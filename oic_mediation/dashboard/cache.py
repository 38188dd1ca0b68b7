"""Freshness of what is cached from the database: a *generation* per table, bumped by every write.

A cached page or figure records the tables it read and the generation of each when it was
computed; it is served only while every one of them is unchanged. So a write empties exactly what
shows its data: a progress report leaves the conference pages cached, and a new conference leaves
the member states' pages cached.

How the two halves are known, without a list kept by hand that could go out of date:

- **What a write changes**: every statement run through Django's database connections passes
  ``_watch`` (an execute wrapper installed on each connection): an ``INSERT``, ``UPDATE``,
  ``DELETE`` or ``TRUNCATE`` bumps the generation of the tables it names. That covers saves and
  deletes, ``QuerySet.update()``, ``bulk_create()``, ``bulk_update()``, many-to-many changes, the
  admin, imports, the demo-data generator and management commands alike — not only what sends model
  signals. Inside a transaction the bump happens after the statement (so the writer's own next
  read sees it, as in tests) and again after the commit (so a request that read the data while the
  write was in flight cannot keep it cached).
- **What a page shows**: while a page or a figure is computed (``reading()``), the same wrapper
  notes the tables each ``SELECT`` reads; a cached figure used inside a page adds its own tables.

The generations are taken *before* the page reads anything (``snapshot()``), so a write that commits
during the render leaves the stored copy already outdated. A generation is a random number (never
an increment that could repeat after the cache is emptied); one missing from the shared cache (a
flush, an eviction) counts as changed. ``bump_generation()`` changes the generation that every
cached item depends on: everything is recomputed.

Writes made outside Django (``psql``, ``pg_restore``) are not seen: empty the cache afterwards
(``manage.py shell -c "from django.core.cache import cache; cache.clear()"``); every entry also
expires (``TIMEOUT_SECONDS`` here, ``oic_mediation.response_cache.TIMEOUT_SECONDS`` for pages).
Tables written on every signed-in request and never shown publicly (sessions, sign-in attempts)
are not watched.
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from functools import cache as memoize
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

KEY_PREFIX = "generation:"
# The generation every cached item depends on, whatever it read.
EVERYTHING = "*"
# Kept for callers that named the old single generation: it is the one of EVERYTHING.
GENERATION_KEY = KEY_PREFIX + EVERYTHING
# Figures cached by ``cached()``; fresh as long as their tables are unchanged.
TIMEOUT_SECONDS = 15 * 60
# Apps whose tables change on every signed-in request and never appear on a public page.
UNWATCHED_APPS = {"sessions", "axes"}
# The connection the database cache writes on (oic_mediation.database_cache) is not watched.
UNWATCHED_ALIASES = {"cache"}

T = TypeVar("T")


# --- Tables ------------------------------------------------------------------------------------


@memoize
def watched_tables() -> frozenset[str]:
    return frozenset(
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label not in UNWATCHED_APPS
    )


def key_of(table: str) -> str:
    return KEY_PREFIX + table


def _new_generation() -> int:
    return secrets.randbits(62)


# --- Generations -------------------------------------------------------------------------------

_warned = False


def bump(tables: Iterable[str]) -> None:
    """Give each of ``tables`` a new generation: what was cached from them is out of date."""
    global _warned
    values = {key_of(table): _new_generation() for table in tables}
    if not values:
        return
    try:
        cache.set_many(values, timeout=None)
    except DatabaseError:
        # The cache table is missing (a first `migrate`, before `createcachetable`): then nothing
        # can have been cached from these tables either.
        if not _warned:
            logger.warning("Could not record a write in the cache's generations.", exc_info=True)
            _warned = True


def bump_generation() -> None:
    """Everything cached is out of date (e.g. after writes made outside Django)."""
    bump([EVERYTHING])


def snapshot() -> dict[str, int]:
    """The current generation of every watched table (and of EVERYTHING), created if missing."""
    keys = [key_of(EVERYTHING), *(key_of(table) for table in sorted(watched_tables()))]
    found = cache.get_many(keys)
    missing = {key: _new_generation() for key in keys if key not in found}
    if missing:
        # A new random generation never matches what anything was cached with, so writing it
        # over one another process has just created (or bumped) is as safe as a bump.
        cache.set_many(missing, timeout=None)
        found.update(missing)
    return found


def dependencies(tables: Iterable[str], generations: dict[str, int]) -> dict[str, int]:
    """The generations (from ``generations``) an item that read ``tables`` depends on."""
    keys = {key_of(EVERYTHING)} | {key_of(table) for table in tables if table in watched_tables()}
    return {key: generations[key] for key in sorted(keys)}


def is_fresh(depends_on: dict[str, int], generations: dict[str, int] | None = None) -> bool:
    """Whether none of the tables an item read has changed since (one query without
    ``generations``, which would be a snapshot taken before this request read anything)."""
    current = generations if generations is not None else cache.get_many(list(depends_on))
    return all(current.get(key) == value for key, value in depends_on.items())


# --- Reads -------------------------------------------------------------------------------------

_local = threading.local()


def _readers() -> list[set[str]]:
    readers = getattr(_local, "readers", None)
    if readers is None:
        readers = _local.readers = []
    return readers


@contextmanager
def reading():
    """Collect the tables read inside the block (nested blocks each get theirs)."""
    tables: set[str] = set()
    readers = _readers()
    readers.append(tables)
    try:
        yield tables
    finally:
        # By identity: two readers may hold equal sets.
        del readers[next(index for index, each in enumerate(readers) if each is tables)]


def note_read(depends_on: Iterable[str]) -> None:
    """A cached item used inside ``reading()`` blocks: its tables count as read there."""
    readers = _readers()
    if readers:
        tables = {key.removeprefix(KEY_PREFIX) for key in depends_on} - {EVERYTHING}
        for reader in readers:
            reader.update(tables)


class Render:
    """A public page being rendered (``computing_with``): the snapshot of the generations taken
    before it read anything and when; and what the cached figures it used add. A figure served
    within the staleness bound without a check (``cached``) brings the generations it was
    computed with (``pinned``: the page is out of date as soon as the figure is) and the moment
    it is known current as of (``as_of``: the page is no more recent than its oldest figure)."""

    # A generation no table ever has: two figures pinned different ones for the same table.
    CONFLICT = -1

    def __init__(self, generations: dict[str, int], as_of: float) -> None:
        self.generations = generations
        # When the snapshot was taken: what the figures computed in this render are current as of.
        self.started = as_of
        self.as_of = as_of
        self.pinned: dict[str, int] = {}

    def pin(self, depends_on: dict[str, int], as_of: float) -> None:
        for key, value in depends_on.items():
            if self.pinned.setdefault(key, value) != value:
                self.pinned[key] = self.CONFLICT
        self.as_of = min(self.as_of, as_of)

    def depends_on(self, tables: Iterable[str]) -> dict[str, int]:
        return dependencies(tables, {**self.generations, **self.pinned})

    @contextmanager
    def computing(self):
        """A figure computed in the render: what the figures it uses pin is pinned for it (its
        entry's generations and moment), then for the page."""
        outer = self.pinned, self.as_of
        self.pinned, self.as_of = {}, self.started
        try:
            yield self
        finally:
            figure = self.pinned, self.as_of
            self.pinned, self.as_of = outer
            self.pin(*figure)


@contextmanager
def computing_with(generations: dict[str, int], as_of: float | None = None):
    """While a public page is rendered: the snapshot taken before it (at ``as_of``), for the
    figures cached inside; yields the ``Render``."""
    previous = getattr(_local, "render", None)
    render = _local.render = Render(generations, time.time() if as_of is None else as_of)
    try:
        yield render
    finally:
        _local.render = previous


# --- Watching the connections --------------------------------------------------------------------

_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"([^"]+)"', re.IGNORECASE)
_TRUNCATE = re.compile(r"^\s*TRUNCATE\b", re.IGNORECASE)
_QUOTED = re.compile(r'"([^"]+)"')
_READ = re.compile(r'\b(?:FROM|JOIN)\s+"([^"]+)"', re.IGNORECASE)


def _written_tables(sql: str) -> set[str]:
    match = _WRITE.match(sql)
    if match:
        tables = {match.group(1)}
    elif _TRUNCATE.match(sql):
        tables = set(_QUOTED.findall(sql))
    else:
        return set()
    return tables & watched_tables()


class _PendingBumps:
    """The tables a connection's current transaction wrote, bumped again once it commits."""

    def __init__(self) -> None:
        self.tables: set[str] = set()

    def __call__(self) -> None:
        tables, self.tables = self.tables, set()
        bump(tables)


def _after_write(connection, tables: set[str]) -> None:
    if _migrating:
        return
    bump(tables)
    if not connection.in_atomic_block:
        return  # committed already
    pending = connection.__dict__.get("_oic_pending_bumps")
    if pending is None:
        pending = connection.__dict__["_oic_pending_bumps"] = _PendingBumps()
    # After a rollback its tables stay pending: bumping them once more is harmless.
    pending.tables |= tables
    if not any(callback is pending for _sids, callback, _robust in connection.run_on_commit):
        connection.on_commit(pending)


def _watch(execute, sql, params, many, context):
    connection = context["connection"]
    if connection.vendor == "sqlite" and isinstance(sql, str):
        # SQLite (make run): an INSERT … RETURNING is only complete once its row has been read,
        # after this wrapper returns; a cache write on the same connection in between (Django's
        # database cache opens a transaction) made SQLite drop the insert. Bumped before instead:
        # one process serves make run, and a write in a transaction is bumped again on commit.
        written = _written_tables(sql)
        if written:
            _after_write(connection, written)
        result = execute(sql, params, many, context)
        _note_reads(sql)
        return result
    result = execute(sql, params, many, context)
    if not isinstance(sql, str):
        return result
    if _note_reads(sql):
        return result
    written = _written_tables(sql)
    if written:
        _after_write(connection, written)
    return result


def _note_reads(sql: str) -> bool:
    """Add the tables a SELECT reads to the renders being recorded; whether it was one."""
    readers = getattr(_local, "readers", None)
    if readers and sql.lstrip()[:4].upper() in ("SELE", "WITH"):
        tables = set(_READ.findall(sql))
        for reader in readers:
            reader.update(tables)
        return True
    return False


def _install(sender, connection, **kwargs) -> None:
    if connection.alias not in UNWATCHED_ALIASES and _watch not in connection.execute_wrappers:
        # First, not last: ``connection.execute_wrapper()`` blocks pop the last one on the way out.
        connection.execute_wrappers.insert(0, _watch)


# While `migrate` runs, writes are not bumped one by one (the cache table may not exist yet);
# everything is bumped once it is done.
_migrating = False


def _before_migrate(sender, **kwargs) -> None:
    global _migrating
    _migrating = True


def _after_migrate(sender, **kwargs) -> None:
    global _migrating
    if _migrating:
        _migrating = False
        bump_generation()


def connect_invalidation() -> None:
    connection_created.connect(_install, dispatch_uid="dashboard-generations")
    pre_migrate.connect(_before_migrate, dispatch_uid="dashboard-generations-migrate")
    post_migrate.connect(_after_migrate, dispatch_uid="dashboard-generations-migrated")


# --- Cached figures ------------------------------------------------------------------------------


def cached(name: str, build: Callable[[], T], *parts: object, per_language: bool = True) -> T:
    """``build()``'s result, cached under ``name`` and ``parts`` until one of the tables it read
    changes: per language, or once for every language with ``per_language=False`` (for figures
    that hold no translated text, so that the three languages' pages share one computation).

    Inside a public page's render (``computing_with``) a figure computed at most
    ``PUBLIC_CACHE_STALE_SECONDS`` ago is used without a check, as the page itself would be
    served: the Arabic, English and French pages rendered within that time share one computation
    even while writes keep coming, and the page counts as no more recent than the figure
    (``Render.pin``), so that a visitor is never further behind than the bound. Signed-in users
    and everything outside a public render always get figures checked against the tables."""
    language = (get_language() or "") if per_language else "*"
    key = ":".join(["figures", name, language, *map(str, parts)])
    render: Render | None = getattr(_local, "render", None)
    generations = render.generations if render is not None else None
    entry = cache.get(key)
    lock = None
    if entry is not None and len(entry) == 3:
        depends_on, value, as_of = entry
        if is_fresh(depends_on, generations):
            note_read(depends_on)
            return value
        if render is not None:
            use, lock = _outdated_use(key, as_of)
            if use:
                note_read(depends_on)
                render.pin(depends_on, as_of)
                return value
    try:
        if render is None:
            as_of = time.time()
            generations = snapshot()
            with reading() as tables:
                value = build()
            depends_on = dependencies(tables, generations)
        else:
            with render.computing() as figure, reading() as tables:
                value = build()
                as_of = figure.as_of
                depends_on = figure.depends_on(tables)
        cache.set(key, (depends_on, value, as_of), timeout=TIMEOUT_SECONDS)
    finally:
        if lock is not None:
            cache.delete(lock)
    return value


FIGURE_LOCK_PREFIX = "figure-lock:"
# A figure's lock expires by itself if its holder dies.
FIGURE_LOCK_SECONDS = 30


def _outdated_use(key: str, as_of: float) -> tuple[bool, str | None]:
    """Whether a public render may use a figure that is out of date, known current as of
    ``as_of`` (and the lock it took to compute it afresh, if any): within the staleness bound;
    or up to ``WAIT_SECONDS`` past it while another render computes it (the pages of the three
    languages, whose bounds run out together, would otherwise compute it at once on two
    workers)."""
    from oic_mediation.response_cache import WAIT_SECONDS

    bound = settings.PUBLIC_CACHE_STALE_SECONDS
    age = time.time() - as_of
    if age <= bound:
        return True, None
    if bound <= 0 or age > bound + WAIT_SECONDS:
        return False, None
    lock = f"{FIGURE_LOCK_PREFIX}{key}"
    if cache.add(lock, True, timeout=FIGURE_LOCK_SECONDS):
        return False, lock
    return True, None
