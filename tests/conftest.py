"""The fixed cast every permission test uses, built by the factories of ``tests/factories.py``.

- ``secretariat``: a staff user in the Secretariat group, may act on everything;
- ``turkiye_focal_point``: the focal point of Türkiye (``focal_turkiye`` is the same user);
- ``senegal_focal_point``: the focal point of Senegal (``focal_senegal`` is the same user);
- ``anonymous``: Django's test client without a login (the same object as ``client``).

``turkiye`` and ``senegal`` are the states as the reference data loads them; ``resolution`` is
53/45-POL and ``paragraph_training`` its paragraph 8.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connections
from django.utils import translation

from network.models import MemberState
from oic_mediation.response_cache import local_copies
from resolutions.models import Paragraph, Resolution
from tests.factories import (
    PASSWORD,
    FocalPointFactory,
    MemberStateFactory,
    ParagraphFactory,
    ResolutionFactory,
    SecretariatFactory,
    StaffFactory,
)

__all__ = ["PASSWORD", "make_focal_point"]

# WhiteNoise warns at every start of the middleware when STATIC_ROOT does not exist; the suite
# collects nothing there, an empty directory is enough.
Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture
def turkiye(db) -> MemberState:
    return MemberStateFactory.from_reference("TR")


@pytest.fixture
def senegal(db) -> MemberState:
    return MemberStateFactory.from_reference("SN")


@pytest.fixture
def secretariat(db):
    return SecretariatFactory(username="sara.secretariat", email="sara@oic.example")


def make_focal_point(username: str, state: MemberState):
    """The account of a new focal point of ``state`` (``FocalPointFactory``)."""
    return FocalPointFactory(user__username=username, state=state).user


@pytest.fixture
def turkiye_focal_point(turkiye):
    return make_focal_point("ayse.turkiye", turkiye)


@pytest.fixture
def senegal_focal_point(senegal):
    return make_focal_point("moussa.senegal", senegal)


@pytest.fixture
def focal_turkiye(turkiye_focal_point):
    return turkiye_focal_point


@pytest.fixture
def focal_senegal(senegal_focal_point):
    return senegal_focal_point


@pytest.fixture
def anonymous(client):
    """A visitor who has not signed in: the test client, without a login."""
    return client


MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def secretariat_client(client, secretariat):
    """The test client signed in as the Secretariat (no second factor asked)."""
    client.force_login(secretariat, backend=MODEL_BACKEND)
    return client


@pytest.fixture
def staff_outside_secretariat(db):
    """A staff user outside the Secretariat group: may open the admin, may act on nothing."""
    return StaffFactory(username="omar.staff", email="omar@oic.example")


@pytest.fixture
def resolution(db) -> Resolution:
    return ResolutionFactory()


@pytest.fixture
def paragraph_training(resolution) -> Paragraph:
    return ParagraphFactory(
        resolution=resolution, number=8, title="Training in mediation", theme="training"
    )


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Serve static files without the production manifest, which needs `collectstatic` first:
    every page extends base.html, whose `{% static %}` tags would otherwise fail in tests."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


# The database caches (pages, API throttles) check their size on the first and every 50th write
# of a process: not in tests, so that they count the same queries every time, whichever test
# runs first (tests/reliability/test_cache_concurrency.py culls).
for _cache in settings.CACHES.values():
    if _cache["BACKEND"] == "oic_mediation.database_cache.DatabaseCache":
        _cache.setdefault("OPTIONS", {})["CULL_CHECK_EVERY"] = 0

# The database cache writes on a connection of its own (oic_mediation.database_cache), a mirror of
# the test database: every test that may touch the database may use it.
if "cache" in settings.DATABASES:
    from django.test import TransactionTestCase

    TransactionTestCase.databases = {"default", "cache"}


def _uses_the_database(request) -> bool:
    return bool(
        request.node.get_closest_marker("django_db")
        or {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test databases, with no connection left open to the database they replace.

    While the test database is migrated, its writes bump the cache's generations through the
    cache's own connection (``DATABASES["cache"]``), which only becomes a mirror of the test
    database afterwards: a connection it opened then would go on using the development
    database."""
    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=True):
            connection.close()
    yield


@pytest.fixture(autouse=True)
def no_cached_responses_from_an_earlier_test(request, django_db_blocker):
    """Each test starts without another test's cached pages.

    The cache has its own autocommit connection, so its rows outlive the rollback of a test's
    transaction (and Django's flush after a transactional test does not empty the cache table);
    each worker process also keeps copies of cached responses in memory. Either could answer
    the next test on that process with the earlier test's page.
    """
    local_copies.clear()
    if _uses_the_database(request):
        request.getfixturevalue("django_db_setup")
        with django_db_blocker.unblock():
            cache.clear()
            caches["throttle"].clear()  # API throttle counts (oic_mediation.api.throttling)
    yield
    local_copies.clear()


@pytest.fixture(autouse=True)
def public_pages_checked_on_every_hit(request, settings):
    """An anonymous visitor's cached page is checked against the generations on every hit, so a
    test sees a write on the next anonymous visit. In production a page may lag behind a write by
    ``PUBLIC_CACHE_STALE_SECONDS``; the tests marked ``bounded_staleness`` run with that bound
    (tests/performance/test_response_cache.py)."""
    if not request.node.get_closest_marker("bounded_staleness"):
        settings.PUBLIC_CACHE_STALE_SECONDS = 0


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Tasks run when enqueued (after the commit), so a test sees their effect at once; the tests
    of the queue itself (tests/background/) use the database backend and a real worker. E-mails
    go to Django's test outbox: pytest-django sets EMAIL_BACKEND to it, and a test that uses the
    queued backend delivers there too."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """The production hasher is slow on purpose; the suite hashes the cast's passwords often."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english_by_default():
    """A request to /ar/ or /fr/ leaves its language active in the thread; without this,
    reverse() in the next test would build Arabic or French URLs."""
    with translation.override("en"):
        yield


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    # As root, Chromium needs --no-sandbox; the rest stop it calling hosts this closed network refuses.
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-gpu",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (its own browser downloads do not work here).

    Skipped when Chromium is missing, unless OIC_REQUIRE_BROWSER=1 (CI), which makes it fail."""
    if not CHROMIUM.exists():
        reason = "Debian's Chromium is not installed (apt-get install chromium)"
        if os.environ.get("OIC_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason}, and OIC_REQUIRE_BROWSER=1 requires the browser tests.")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django would then refuse the
    # test's own database calls as "async unsafe", although they stay synchronous.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A Redis server of the suite's own (tests/services.py)."""
    from tests.services import Redis

    server = Redis(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 API (tests/services.py): a real HTTP server speaking the S3 protocol."""
    from tests.services import S3

    server = S3()
    yield server
    server.stop()


CACHE_BACKENDS = ("database", "redis")


def pytest_generate_tests(metafunc):
    """Tests marked ``cache_backends`` run once on the database cache and once on Redis."""
    if metafunc.definition.get_closest_marker("cache_backends"):
        if "cache_backend" not in metafunc.fixturenames:
            metafunc.fixturenames.append("cache_backend")
        metafunc.parametrize("cache_backend", CACHE_BACKENDS, indirect=True)


@pytest.fixture
def cache_backend(request, settings):
    """The shared cache (and the sessions with it) of the given kind, empty at the start."""
    kind = getattr(request, "param", "database")
    if kind == "redis":
        server = request.getfixturevalue("redis_server")
        server.flush()
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": server.url,
            }
        }
        settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
        settings.REDIS_URL = server.url
    local_copies.clear()
    yield kind
    local_copies.clear()
