"""One client address for the lockout and the throttles, from the configured proxy count, and
throttles that hold when requests arrive together (issue 13, finding 5).

Spoofed ``X-Forwarded-For`` headers, with and without a proxy in front; then 8 threads against
a real server (``live_server``), with the database cache and with Redis: past the rate, every
request is refused."""

from __future__ import annotations

import itertools
import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest
from django.core.cache import caches
from django.test import RequestFactory, override_settings

from oic_mediation.api.throttling import PortalAnonRateThrottle, PortalUserRateThrottle
from oic_mediation.client_address import client_address
from tests.conftest import PASSWORD

WRONG = "not the password at all"
PROXY = "10.0.0.5"


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_proxy_the_forwarded_header_is_ignored(settings):
    settings.PROXY_COUNT = 0

    assert client_address(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"
    assert client_address(request_from("203.0.113.7")) == "203.0.113.7"


def test_behind_one_proxy_the_address_it_saw_is_the_client(settings):
    settings.PROXY_COUNT = 1

    # nginx appends the address it received from; whatever the client wrote comes first.
    assert client_address(request_from(PROXY, "203.0.113.7")) == "203.0.113.7"
    assert client_address(request_from(PROXY, "1.2.3.4, 203.0.113.7")) == "203.0.113.7"
    assert client_address(request_from(PROXY, "not-an-address")) == PROXY
    assert client_address(request_from(PROXY)) == PROXY


def test_behind_two_proxies_the_outer_proxys_view_counts(settings):
    settings.PROXY_COUNT = 2

    assert client_address(request_from(PROXY, "6.6.6.6, 203.0.113.7, 10.0.0.1")) == "203.0.113.7"


def portal_sign_in(client, forwarded: str, password: str = WRONG):
    return client.post(
        "/en/accounts/login/",
        {"username": "ayse.turkiye", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.fixture
def three_failures_lock(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = 0.5


@pytest.mark.django_db
def test_behind_a_proxy_a_lockout_holds_one_client_and_not_everyone(
    client, settings, turkiye_focal_point, three_failures_lock
):
    settings.PROXY_COUNT = 1

    attacker = [portal_sign_in(client, "203.0.113.66").status_code for _ in range(3)]
    colleague = portal_sign_in(client, "198.51.100.20", PASSWORD)

    assert attacker == [200, 200, 429]
    assert colleague.status_code == 302  # the same username, from another client, signs in


@pytest.mark.django_db
def test_without_a_proxy_a_new_forwarded_address_each_time_does_not_escape_the_lockout(
    client, settings, turkiye_focal_point, three_failures_lock
):
    settings.PROXY_COUNT = 0

    statuses = [portal_sign_in(client, f"198.51.100.{n}").status_code for n in range(1, 5)]

    assert statuses == [200, 200, 429, 429]


@pytest.fixture
def low_rates(monkeypatch):
    """A few requests a day, so the tests stay short (a day: no window ends during a test)."""
    rates = {"anon": "50/day", "user": "50/day"}
    monkeypatch.setattr(PortalAnonRateThrottle, "THROTTLE_RATES", rates)
    monkeypatch.setattr(PortalUserRateThrottle, "THROTTLE_RATES", rates)
    caches["throttle"].clear()
    yield 50
    caches["throttle"].clear()


@pytest.mark.django_db
def test_a_random_forwarded_address_each_time_does_not_escape_the_throttle(
    client, settings, low_rates
):
    settings.PROXY_COUNT = 0

    statuses = [
        client.get(
            f"/api/v1/paragraphs/?offset={n}", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(low_rates + 3)
    ]

    assert statuses == [200] * low_rates + [429] * 3


@pytest.mark.django_db
def test_behind_a_proxy_each_client_has_its_own_allowance(client, settings, low_rates):
    settings.PROXY_COUNT = 1

    def get(n, address):
        return client.get(
            f"/api/v1/paragraphs/?offset={n}", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address
        ).status_code

    first = [get(n, "203.0.113.1") for n in range(low_rates + 1)]
    second = get(100, "203.0.113.2")

    assert first == [200] * low_rates + [429]
    assert second == 200


def hammer(base_url: str, *, threads: int = 8, each: int = 25) -> list[int]:
    """``threads`` clients at once, each sending ``each`` uncached GETs; the statuses."""
    statuses: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(threads)
    offsets = itertools.count(1000)

    def client():
        start.wait()
        for _ in range(each):
            # A distinct URL each time: a page served from the response cache is not throttled.
            url = f"{base_url}/api/v1/paragraphs/?offset={next(offsets)}"
            try:
                with urllib.request.urlopen(url, timeout=60) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            with lock:
                statuses.append(status)

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return statuses


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_eight_threads_at_once_get_no_more_than_the_rate_with_the_database_cache(
    live_server, low_rates
):
    statuses = hammer(live_server.url)

    assert len(statuses) == 200
    assert statuses.count(200) == low_rates
    assert statuses.count(429) == 200 - low_rates


@pytest.fixture
def redis_cache(settings):
    """A Redis server of the test's own on a free port, as the throttle cache."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        redis = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
        # Restored before the server stops, so that later clean-ups reach a live cache.
        with override_settings(CACHES={**settings.CACHES, "throttle": redis}):
            yield caches["throttle"]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_eight_threads_at_once_get_no_more_than_the_rate_with_redis(
    live_server, redis_cache, low_rates
):
    statuses = hammer(live_server.url)

    assert len(statuses) == 200
    assert statuses.count(200) == low_rates
    assert statuses.count(429) == 200 - low_rates
    refused = urllib.request.Request(f"{live_server.url}/api/v1/paragraphs/?offset=1")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(refused, timeout=30)
    assert error.value.code == 429
    assert json.loads(error.value.read())["code"] == "throttled"
    assert int(error.value.headers["Retry-After"]) > 0
