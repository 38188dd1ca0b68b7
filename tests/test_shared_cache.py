"""The cache is shared by every process: what one worker writes, another reads at once.

A per-process memory cache would keep serving a worker's stale figures after another worker handled
a write. These tests run a second Django process (``manage.py shell``) on the same test database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from network.models import MemberState
from oic_mediation.dashboard.cache import GENERATION_KEY, generation

ROOT = Path(__file__).resolve().parent.parent
# Each test runs on the database cache and on Redis (tests/conftest.py).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.slow,
    pytest.mark.cache_backends,
]


def in_other_process(code: str) -> str:
    """Run ``code`` in a separate Django process on this test database; return what it printed."""
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST']}:"
        f"{settings['PORT']}/{settings['NAME']}"
    )
    environment = {**os.environ, "DATABASE_URL": url}
    # The other process uses the same shared cache as this one: this database's, or Redis.
    environment.pop("REDIS_URL", None)
    if django_settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        environment["REDIS_URL"] = django_settings.CACHES["default"]["LOCATION"]
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_value_written_by_another_process_is_read_here_at_once():
    cache.delete("shared-cache-test")

    in_other_process(
        "from django.core.cache import cache; cache.set('shared-cache-test', 'from the other one')"
    )

    assert cache.get("shared-cache-test") == "from the other one"


def test_a_value_written_here_is_read_by_another_process_at_once():
    cache.set("shared-cache-test", "from the test process")

    printed = in_other_process(
        "from django.core.cache import cache; print(cache.get('shared-cache-test'))"
    )

    assert printed == "from the test process"


def test_a_domain_write_in_another_process_invalidates_the_dashboard_figures_here():
    cache.delete(GENERATION_KEY)
    before = generation()

    in_other_process(
        "from network.models import MemberState; "
        "MemberState.objects.create(iso_code='SN', iso3_code='SEN', name='Senegal', slug='senegal')"
    )

    assert MemberState.objects.filter(iso_code="SN").exists()
    assert generation() > before


def test_a_page_this_worker_keeps_in_memory_shows_a_write_from_another_process_at_once():
    MemberState.objects.create(iso_code="TR", iso3_code="TUR", name="Türkiye", slug="turkiye")
    cache.clear()
    visitor = Client()
    visitor.get("/en/states/")
    with CaptureQueriesContext(connection) as queries:
        kept = visitor.get("/en/states/")
    assert len(queries) == 1  # the generation; the page itself from this worker's memory

    in_other_process(
        "from network.models import MemberState; "
        "MemberState.objects.create(iso_code='SN', iso3_code='SEN', name='Senegal', slug='senegal')"
    )
    after = Client().get("/en/states/")

    assert "Senegal" not in kept.content.decode()
    assert "Senegal" in after.content.decode()
