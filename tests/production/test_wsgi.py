"""The WSGI entry point gunicorn loads in every worker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_worker_freezes_what_start_up_loaded_out_of_the_garbage_collector():
    """Full collections run every few dozen requests; scanning Django and the apps' registries
    each time made them the slowest requests of every page."""
    frozen = subprocess.run(
        [
            sys.executable,
            "-c",
            "import gc, oic_mediation.wsgi; print(gc.get_freeze_count())",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_DEBUG": "true"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert int(frozen) > 50_000


SERVE_REQUESTS = """
import gc, io, json
from django.core.signals import request_started
from django.test.client import RequestFactory
from oic_mediation.wsgi import application

factory = RequestFactory(HTTP_HOST="localhost")
inside = [False]
full = {"inside": 0, "between": 0}


def count_full_collections(phase, info):
    if phase == "stop" and info["generation"] == 2:
        full["inside" if inside[0] else "between"] += 1


def work_like_a_page(**_kwargs):
    # What a page's render leaves: objects alive across young collections, then cycles.
    rows = []
    for number in range(3000):
        row = {"number": number}
        row["self"] = row
        rows.append(row)


gc.callbacks.append(count_full_collections)
request_started.connect(work_like_a_page)
grew = 0
for _request in range(120):
    environ = factory.get("/bench/bare/").environ
    environ["wsgi.input"] = io.BytesIO(b"")
    inside[0] = True
    body = application(environ, lambda status, headers, exc_info=None: None)
    b"".join(body)
    inside[0] = False  # the server wrote the response; it closes it, which ends the request
    frozen = gc.get_freeze_count()
    body.close()
    grew = max(grew, gc.get_freeze_count() - frozen)
print(json.dumps({**full, "most_frozen_by_one_close": grew}))
"""


def test_full_collections_run_between_requests_never_inside_one(tmp_path):
    """A full collection that starts in the middle of a request holds it tens of milliseconds
    (the bench's slowest requests): they run once a response was sent, and what the first
    requests loaded for good is frozen with the rest."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "OIC_"))
    }
    done = subprocess.run(
        [sys.executable, "-c", SERVE_REQUESTS],
        cwd=ROOT,
        env={
            **environment,
            "DJANGO_DEBUG": "true",
            "DJANGO_VAR_DIR": str(tmp_path),
            "OIC_BENCH": "1",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    collections = json.loads(done.stdout.strip().splitlines()[-1])
    assert collections["inside"] == 0
    assert collections["between"] >= 1
    assert collections["most_frozen_by_one_close"] > 0
