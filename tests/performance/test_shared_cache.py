"""The cache is shared by every process: what one worker writes, another reads at once.

A per-process memory cache would keep serving a worker's stale figures after another worker handled
a write. These tests run a second Django process (``manage.py shell``) on the same test database.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.test import Client

from network.models import MemberState
from oic_mediation.dashboard.cache import key_of, snapshot
from oic_mediation.response_cache import local_copies
from tests.factories import MemberStateFactory, ParagraphFactory, ResolutionFactory
from tests.queries import all_queries

ROOT = Path(__file__).resolve().parents[2]
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


def test_a_write_in_another_process_changes_the_generation_of_the_table_it_wrote_only():
    before = snapshot()

    in_other_process(
        "from network.models import MemberState; "
        "MemberState.objects.create(iso_code='SN', iso3_code='SEN', name='Senegal', slug='senegal')"
    )
    after = snapshot()

    changed = {key for key in before if after[key] != before[key]}
    assert MemberState.objects.filter(iso_code="SN").exists()
    assert key_of(MemberState._meta.db_table) in changed
    assert key_of("conferences_conference") not in changed
    assert key_of("resolutions_commitment") not in changed


def test_a_page_this_worker_keeps_in_memory_shows_a_write_from_another_process_at_once():
    MemberStateFactory(iso_code="TR", iso3_code="TUR", name="Türkiye", slug="turkiye")
    cache.clear()
    visitor = Client()
    visitor.get("/en/states/")
    with all_queries() as queries:
        kept = visitor.get("/en/states/")
    assert (queries.count, queries.of("default")) == (1, 0)  # the page from this worker's memory

    in_other_process(
        "from network.models import MemberState; "
        "MemberState.objects.create(iso_code='SN', iso3_code='SEN', name='Senegal', slug='senegal')"
    )
    after = Client().get("/en/states/")

    assert "Senegal" not in kept.content.decode()
    assert "Senegal" in after.content.decode()


# Each area of the domain: a write in another process (a gunicorn worker, a command), the page
# that shows it and must show it at once, and a page that does not show it and stays cached.
AREAS = {
    "network": (
        "from network.models import MemberState; "
        "MemberState.objects.create(iso_code='SN', iso3_code='SEN', name='Senegal', slug='senegal')",
        "/en/states/",
        "Senegal",
        "/en/figures/",
    ),
    "resolutions": (
        "import datetime; from network.models import MemberState; "
        "from resolutions.models import Commitment, Paragraph; "
        "Commitment.objects.create(state=MemberState.objects.get(iso_code='TR'), "
        "paragraph=Paragraph.objects.get(number=8), title='Host a regional mediation course', "
        "target_quantity=1, unit='events', pledged_on=datetime.date(2019, 1, 1))",
        "/en/",
        "Host a regional mediation course",
        "/en/conferences/",
    ),
    "trainings": (
        "from trainings.models import Programme; "
        "Programme.objects.create(name='Mediation for Peace', slug='mediation-for-peace')",
        "/en/trainings/",
        "Mediation for Peace",
        "/en/states/",
    ),
    "conferences": (
        "import datetime; from conferences.models import Conference; "
        "Conference.objects.create(ordinal=2, title='2nd Conference of OIC Member States on "
        "Mediation', starts_on=datetime.date(2018, 11, 29), ends_on=datetime.date(2018, 11, 29), "
        "city='Istanbul')",
        "/en/conferences/",
        "2nd Conference of OIC Member States on Mediation",
        "/en/trainings/",
    ),
}


@pytest.mark.parametrize("area", AREAS)
def test_a_write_in_another_process_refreshes_the_pages_of_its_area_and_only_those(area):
    write, showing, shown, unrelated = AREAS[area]
    turkiye = MemberStateFactory(iso_code="TR", iso3_code="TUR", name="Türkiye", slug="turkiye")
    resolution = ResolutionFactory(
        symbol="53/45-POL",
        title="Strengthening the OIC mediation capacity",
        cfm_session=45,
        place="Dhaka",
        adopted_from=datetime.date(2018, 5, 5),
        adopted_until=datetime.date(2018, 5, 6),
    )
    ParagraphFactory(resolution=resolution, number=8, title="Training", theme="training")
    assert turkiye.pk
    cache.clear()
    for path in (showing, unrelated):
        assert Client().get(path).status_code == 200

    in_other_process(write)
    local_copies.clear()  # as in another worker: what it reads comes from the shared cache
    with all_queries() as unrelated_queries:
        kept = Client().get(unrelated)
    refreshed = Client().get(showing)

    assert shown in refreshed.content.decode()
    assert kept.status_code == 200
    assert unrelated_queries.of("default") == 0  # still served from the shared cache
