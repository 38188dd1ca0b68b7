"""Errors reach ADMINS by e-mail (at once, through the delivery backend) and Sentry when
SENTRY_DSN is set: a real process, a real HTTP server standing in for Sentry."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

FAILING_REQUEST = """
import logging
from django.test import RequestFactory
request = RequestFactory().get("/en/")
try:
    raise RuntimeError("the planted failure")
except RuntimeError:
    logging.getLogger("django.request").error(
        "Internal Server Error: /en/", exc_info=True, extra={"status_code": 500, "request": request}
    )
    # What a task that failed for good logs (Sentry's Django integration takes request errors
    # from Django's signal, task failures from the log).
    logging.getLogger("django_tasks").error(
        "Task id=1 path=oic_mediation.mail.tasks.deliver_email state=FAILED", exc_info=True
    )
"""


class Envelopes(BaseHTTPRequestHandler):
    received: list[tuple[str, bytes]] = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        Envelopes.received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_an_error_is_mailed_to_the_admins_and_sent_to_sentry(tmp_path):
    server = HTTPServer(("127.0.0.1", 0), Envelopes)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    mail = tmp_path / "mail"
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))},
        "DJANGO_VAR_DIR": str(tmp_path),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "e" * 60,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_HTTPS": "false",
        "DJANGO_ADMINS": "Portal operations <ops@oic-oci.example>",
        "EMAIL_URL": f"filemail:///{mail}",
        "SENTRY_DSN": f"http://public@127.0.0.1:{server.server_port}/1",
    }
    try:
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", FAILING_REQUEST],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        server.shutdown()

    assert result.returncode == 0, result.stderr
    text = "".join(path.read_text() for path in mail.glob("*.log"))
    assert "To: ops@oic-oci.example" in text
    assert "[Django] ERROR (EXTERNAL IP): Internal Server Error: /en/" in text
    assert "the planted failure" in text
    assert "[Django] ERROR: Task id=1 path=oic_mediation.mail.tasks.deliver_email" in text
    assert Envelopes.received, result.stderr[-2000:]
    assert any(
        path.startswith("/api/1/") and b"the planted failure" in body
        for path, body in Envelopes.received
    )
