"""Caching of the dashboard's figures, refreshed as soon as any record of the domain changes.

Every cached value is keyed by a *generation* number kept in the shared cache (the database cache,
or Redis): any save or delete in the four domain apps bumps the generation, so each worker
recomputes on its next request. The bump happens at once and again after the transaction commits,
so a request that read the old data while the write was in flight cannot keep it cached.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

GENERATION_KEY = "dashboard:generation"
# Short enough that a bulk load, which sends no signal, shows within minutes anyway.
TIMEOUT_SECONDS = 15 * 60
DOMAIN_APPS = {"network", "resolutions", "trainings", "conferences"}

T = TypeVar("T")


def _first_generation() -> int:
    # Random rather than 1, so that after the shared cache is emptied (a flush, a restart of Redis)
    # the generation never repeats one from before: copies a worker keeps in memory under an old
    # generation (oic_mediation.response_cache) can never be reached again.
    return secrets.randbits(62)


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        first = _first_generation()
        value = (
            first if cache.add(GENERATION_KEY, first, timeout=None) else cache.get(GENERATION_KEY)
        )
    return value


def bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _first_generation(), timeout=None)


def cached(name: str, build: Callable[[], T], *parts: object) -> T:
    """``build()``'s result, cached per language and generation under ``name`` and ``parts``."""
    key = ":".join(["dashboard", str(generation()), name, get_language() or "", *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=TIMEOUT_SECONDS)
    return value


def _on_domain_change(sender, **kwargs) -> None:
    if sender._meta.app_label not in DOMAIN_APPS:
        return
    bump_generation()
    transaction.on_commit(bump_generation)


def connect_invalidation() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_domain_change, dispatch_uid=f"dashboard-invalidation-{id(signal)}")
