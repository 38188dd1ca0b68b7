"""/health/: each dependency checked and named; 503 when one fails; never cached."""

from __future__ import annotations

import pytest

from oic_mediation.background.models import Worker

pytestmark = pytest.mark.django_db


def test_health_checks_the_database_cache_storage_and_queue(client):
    Worker.objects.create(worker_id="w1", hostname="app-1", pid=42)

    response = client.get("/health/")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "storage", "queue"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["queue"]["workers_alive"] == 1
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_health_says_when_no_worker_is_alive_without_taking_the_host_out(client):
    body = client.get("/health/").json()

    assert body["status"] == "ok"
    assert body["checks"]["queue"]["warning"] == "no worker was heard from in the last minute"


def test_a_cache_that_does_not_answer_makes_the_host_unhealthy_naming_it(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    response = client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["cache"]["ok"] is False
    assert "ConnectionError" in body["checks"]["cache"]["error"]
    assert body["checks"]["database"]["ok"] is True
