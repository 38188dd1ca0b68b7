"""`make load`: the portal under 50 concurrent clients for 60 s, on PostgreSQL and gunicorn.

1. A database of its own (oic_load, recreated each run) on the server of DATABASE_URL or
   .ci/postgres.sh: migrations, the reference data, a focal point of Türkiye with an API token.
2. gunicorn on 127.0.0.1 with production settings (DEBUG off, the manifest static storage, the
   shared database cache), except plain HTTP on loopback and API throttling raised: 50 clients
   from one address would otherwise be throttled (429) by design.
3. locust headless (load/locustfile.py): public pages in ar/en/fr, API reads and exports, and
   focal-point writes through the API (pledge, edit with If-Match, progress report).

Prints requests per second and p50/p95/p99 latency, writes load/results.json, and fails (exit 1)
on any failed request or server error.

Options (environment): LOAD_USERS (50), LOAD_SECONDS (60), LOAD_WORKERS (4), LOAD_PORT (8123).
"""

from __future__ import annotations

import csv
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    BIN,
    HOST,
    ROOT,
    log,
    manage,
    production_environment,
    server_url,
)

RESULTS = ROOT / "load" / "results.json"
DATABASE = "oic_load"

USERS = int(os.environ.get("LOAD_USERS", "50"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "4"))
PORT = int(os.environ.get("LOAD_PORT", "8123"))

SETUP_FOCAL_POINT = """
from django.contrib.auth import get_user_model
from knox.models import AuthToken
from network.models import FocalPoint, MemberState
from resolutions.models import Paragraph
user, _ = get_user_model().objects.get_or_create(
    username="load.focal@example.org", defaults={"email": "load.focal@example.org"}
)
user.set_unusable_password()
user.save()
FocalPoint.objects.get_or_create(user=user, defaults={"state": MemberState.objects.get(iso_code="TR")})
_token, key = AuthToken.objects.create(user=user, expiry=None)
paragraph = Paragraph.objects.filter(number=8).first() or Paragraph.objects.first()
print(key, paragraph.pk)
"""


def prepare(server: str, env: dict) -> tuple[str, int]:
    log(f"Creating {DATABASE}: migrations, reference data, a focal point with an API token.")
    connection = psycopg.connect(f"{server}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{DATABASE}"')
    connection.close()
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "createcachetable")
    manage(env, "load_reference_data")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    token, paragraph = manage(env, "shell", "-c", SETUP_FOCAL_POINT, capture=True).split()[-2:]
    return token, int(paragraph)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url}")


def aggregated(stats_csv: Path) -> tuple[dict, list[dict]]:
    with stats_csv.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    return total, [row for row in rows if row["Name"] != "Aggregated"]


def main() -> int:
    server = server_url("LOAD_DATABASE_URL")
    work = Path(tempfile.mkdtemp(prefix="oic-load-"))
    env = production_environment(f"{server}/{DATABASE}", work / "var", secrets.token_urlsafe(50))
    token, paragraph = prepare(server, env)

    log(f"gunicorn: {WORKERS} sync workers on {HOST}:{PORT}")
    gunicorn_log = (work / "gunicorn.log").open("ab")
    gunicorn = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "oic_mediation.wsgi:application",
            "--bind",
            f"{HOST}:{PORT}",
            "--workers",
            str(WORKERS),
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=gunicorn_log,
        stderr=gunicorn_log,
    )
    try:
        wait_for(f"http://{HOST}:{PORT}/en/")
        log(f"locust: {USERS} users for {SECONDS} s")
        locust = subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "load" / "locustfile.py"),
                "--headless",
                "--users",
                str(USERS),
                "--spawn-rate",
                str(USERS),
                "--run-time",
                f"{SECONDS}s",
                "--host",
                f"http://{HOST}:{PORT}",
                "--csv",
                str(work / "load"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={**env, "LOAD_TOKEN": token, "LOAD_PARAGRAPH": str(paragraph)},
        )
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
        gunicorn_log.close()

    total, rows = aggregated(work / "load_stats.csv")
    failures = int(total["Failure Count"])
    server_errors = (work / "gunicorn.log").read_text(errors="replace").count("Traceback")
    result = {
        "users": USERS,
        "seconds": SECONDS,
        "workers": WORKERS,
        "requests": int(total["Request Count"]),
        "failures": failures,
        "server_tracebacks": server_errors,
        "rps": round(float(total["Requests/s"]), 1),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "endpoints": [
            {
                "name": f"{row['Type']} {row['Name']}",
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "p95_ms": float(row["95%"]),
                "p99_ms": float(row["99%"]),
            }
            for row in rows
        ],
        "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"\n{result['requests']} requests in {SECONDS} s from {USERS} users: "
        f"{result['rps']} requests/s, p50 {result['p50_ms']:.0f} ms, "
        f"p95 {result['p95_ms']:.0f} ms, p99 {result['p99_ms']:.0f} ms; "
        f"{failures} failed, {server_errors} server tracebacks. ({RESULTS.relative_to(ROOT)})"
    )
    if failures or server_errors or locust.returncode != 0:
        print("make load: FAILED", file=sys.stderr)
        if failures:
            failures_csv = work / "load_failures.csv"
            print(failures_csv.read_text(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
