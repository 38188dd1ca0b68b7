"""The reference two-host layout (README, "Production layout"), for real: two gunicorn instances,
each with its own local directory and its own background worker, sharing PostgreSQL, Redis and an
S3 bucket (moto's server). Production settings: debug off, manifest static files, the queued mail.

- a write on one host is seen at once on the other (the cached API list included);
- a session opened on one host works on the other;
- a file uploaded through one host is downloaded through the other;
- tasks enqueued on one host run exactly once, whichever worker takes them.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.db import connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from resolutions.models import ProgressReport
from tests.conftest import PASSWORD
from tests.factories import CommitmentFactory, FocalPointFactory, SecretariatFactory
from tests.my_state.conftest import PDF_BYTES
from tests.services import free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
SECRET_KEY = "two-hosts-" + "s" * 60


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class Host:
    def __init__(self, name: str, root: Path, shared: dict):
        self.name = name
        self.var = root / name
        self.mail = self.var / "mail"
        self.mail.mkdir(parents=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.environment = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
            **shared,
            "DJANGO_VAR_DIR": str(self.var),
            "DJANGO_MEDIA_ROOT": str(self.var / "media"),
            "EMAIL_URL": f"filemail:///{self.mail}",
            "DJANGO_PORTAL_BASE_URL": self.url,
        }
        self.processes: list[subprocess.Popen] = []

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result

    def start(self) -> None:
        log = open(self.var / "gunicorn.log", "w")  # noqa: SIM115 (closed with the process)
        self.processes.append(
            subprocess.Popen(
                [
                    str(BIN / "gunicorn"),
                    "oic_mediation.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    "2",
                    "--timeout",
                    "120",
                ],
                cwd=ROOT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        worker_log = open(self.var / "worker.log", "w")  # noqa: SIM115
        self.processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "run_worker",
                    "--interval",
                    "0.2",
                    "--worker-id",
                    f"{self.name}-worker",
                ],
                cwd=ROOT,
                env=self.environment,
                stdout=worker_log,
                stderr=subprocess.STDOUT,
            )
        )
        wait_for_port(self.port, self.processes[0], f"gunicorn on {self.name}", timeout=120)

    def wait_until_healthy(self) -> None:
        """The first answer of each worker waits for Django to load (slow on a busy machine)."""
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/health/", timeout=120).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        log = (self.var / "gunicorn.log").read_text()[-3000:]
        raise AssertionError(f"{self.name} never became healthy:\n{log}")

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=120)
            except subprocess.TimeoutExpired:
                process.kill()

    def delivered_subjects(self) -> list[str]:
        """The subjects of the messages this host's worker delivered (Django's file backend writes
        each message followed by a line of 79 dashes)."""
        subjects = []
        for path in self.mail.glob("*.log"):
            for chunk in path.read_text().split("-" * 79):
                if chunk.strip():
                    message = email.message_from_string(chunk.strip(), policy=email.policy.default)
                    subjects.append(str(message["Subject"]).strip())
        return subjects


def sign_in(session: requests.Session, host: Host, username: str) -> None:
    page = session.get(f"{host.url}/en/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{host.url}/en/accounts/login/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{host.url}/en/accounts/login/"},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]


def wait_until(condition, *, timeout: float = 120, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def hosts(tmp_path, redis_server, s3_server, turkiye, paragraph_training, settings):
    # The hosts verify passwords with the production hashers, not the suite's fast one.
    from django.conf import global_settings

    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    bucket = s3_server.create_bucket("oic-two-hosts")
    redis_server.flush()
    shared = {
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_server.url,
        "DJANGO_STORAGE_BUCKET": bucket,
        "DJANGO_STORAGE_ENDPOINT_URL": s3_server.endpoint_url,
        "DJANGO_STORAGE_REGION": "us-east-1",
        **s3_server.environment,
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECRETARIAT_EMAILS": "",
        "DJANGO_API_ANON_RATE": "100000/minute",
        "DJANGO_API_USER_RATE": "100000/minute",
    }
    a, b = Host("host-a", tmp_path, shared), Host("host-b", tmp_path, shared)
    a.manage("collectstatic", "--no-input", "-v", "0")
    shutil.copytree(a.var / "staticfiles", b.var / "staticfiles")
    SecretariatFactory(username="sara", email="sara@oic.example")
    FocalPointFactory(
        user__username="ayse", user__email="ayse@example.org", state=turkiye, title="Director"
    )
    commitment = CommitmentFactory(
        state=turkiye, paragraph=paragraph_training, title="Train 10 diplomats"
    )
    # Pledged today: no report is due, so the daily schedule sends no reporting reminder and the
    # e-mails counted below are the test's own (resolutions.reminders.send_reporting_reminders).
    type(commitment).objects.filter(pk=commitment.pk).update(pledged_on=timezone.localdate())
    try:
        a.start()
        b.start()
        a.wait_until_healthy()
        b.wait_until_healthy()
        yield a, b
    finally:
        a.stop()
        b.stop()


def test_two_hosts_share_writes_sessions_files_and_tasks(hosts, paragraph_training, s3_server):
    a, b = hosts

    # A write on A is seen on B, whose cached copy of the list is then out of date, within the
    # public pages' bound (DJANGO_PUBLIC_CACHE_STALE_SECONDS, 5 s, plus a render's 2 s) for an
    # anonymous reader, and at once by the signed-in focal point below.
    before = requests.get(f"{b.url}/api/v1/commitments/", timeout=120).json()
    assert [c["title"] for c in before["results"]] == ["Train 10 diplomats"]
    token = requests.post(
        f"{a.url}/api/v1/auth/token/", json={"username": "ayse", "password": PASSWORD}, timeout=120
    ).json()["token"]
    written = requests.post(
        f"{a.url}/api/v1/commitments/",
        json={"paragraph": paragraph_training.pk, "title": "Written on host A"},
        headers={"Authorization": f"Token {token}"},
        timeout=120,
    )
    assert written.status_code == 201, written.text
    written_at = time.monotonic()
    seen: set[str] = set()
    while time.monotonic() - written_at < 15:  # the bound, with room for a slow machine
        after = requests.get(f"{b.url}/api/v1/commitments/", timeout=120).json()
        seen = {c["title"] for c in after["results"]}
        if "Written on host A" in seen:
            break
        time.sleep(0.5)
    assert seen == {"Train 10 diplomats", "Written on host A"}

    # A session opened on A works on B.
    focal = requests.Session()
    sign_in(focal, a, "ayse")
    area = focal.get(f"{b.url}/en/my-state/turkiye/", allow_redirects=False)
    assert area.status_code == 200
    assert "Written on host A" in area.text

    # A file uploaded through B is downloaded through A, from the bucket.
    commitment_id = written.json()["id"]
    form = focal.get(f"{b.url}/en/my-state/commitments/{commitment_id}/report/")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    uploaded = focal.post(
        f"{b.url}/en/my-state/commitments/{commitment_id}/report/",
        data={
            "csrfmiddlewaretoken": csrf,
            "status": "in_progress",
            "quantity_delivered": "2",
            "narrative": "Two diplomats trained.",
            "language": "en",
        },
        files={"evidence_file": ("ankara.pdf", PDF_BYTES, "application/pdf")},
        headers={"Referer": form.url},
        allow_redirects=False,
    )
    assert uploaded.status_code == 302, uploaded.text[:1000]
    report = ProgressReport.objects.get()
    assert report.evidence_file.name in s3_server.keys("oic-two-hosts")
    assert not any(path.is_file() for path in (b.var / "media").rglob("*"))
    secretariat = requests.Session()
    sign_in(secretariat, a, "sara")
    evidence = secretariat.get(f"{a.url}/files/evidence/{report.pk}/")
    assert evidence.status_code == 200
    assert evidence.content == PDF_BYTES

    # Tasks enqueued on A run exactly once, on whichever host's worker takes them: the
    # Secretariat's notice of the report, and 20 more e-mails.
    a.manage(
        "shell",
        "-c",
        "from django.core.mail import send_mail\n"
        "for n in range(20):\n"
        "    send_mail(f'Batch {n}', 'Body', None, ['someone@example.org'])\n",
    )
    deliveries = DBTaskResult.objects.filter(task_path="oic_mediation.mail.tasks.deliver_email")
    wait_until(
        lambda: (
            deliveries.count() == 21
            and not deliveries.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
        ),
        what="21 deliveries",
    )
    subjects = a.delivered_subjects() + b.delivered_subjects()
    assert sorted(subjects) == sorted(
        [f"Batch {n}" for n in range(20)]
        + ["Progress report to review: Türkiye: Written on host A"]
    )
    assert all(len(task.worker_ids) == 1 for task in deliveries)
    workers = {task.worker_ids[0] for task in deliveries}
    assert workers <= {"host-a-worker", "host-b-worker"}
