"""What a newcomer's `make run` does, on the embedded SQLite default: migrate, load the reference
data, create the first login, serve the main pages. Runs real processes and real HTTP."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def sqlite_env(tmp_path_factory):
    var = tmp_path_factory.mktemp("sqlite-var")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(DJANGO_DEBUG="true", DJANGO_VAR_DIR=str(var))
    return env, var


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_make_run_steps_work_on_the_embedded_sqlite_database(sqlite_env):
    env, var = sqlite_env
    for step in (
        ["migrate", "--no-input"],
        ["createcachetable"],
        ["load_reference_data"],
        # The worker `make run` starts beside the server runs on SQLite too.
        ["run_worker", "--batch"],
    ):
        result = manage(env, *step)
        assert result.returncode == 0, result.stderr
    assert (var / "db.sqlite3").exists()

    first = manage(env, "ensure_secretariat_login")
    assert first.returncode == 0, first.stderr
    password = re.search(r"password: (\S+)", first.stdout).group(1)
    assert len(password) >= 12
    second = manage(env, "ensure_secretariat_login")
    assert "already created" in second.stdout
    assert password not in second.stdout

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/en/", timeout=5)
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the development server did not start"
                time.sleep(0.3)
        for path, expected in [
            ("/en/", "53/45-POL"),
            ("/fr/", "53/45-POL"),
            ("/ar/", 'dir="rtl"'),
            ("/admin/login/", "OIC Mediation Capacity Portal"),
            # The search's plain fallback (no full-text search on SQLite), still highlighted.
            ("/en/search/?q=Mediation+peace", "<mark>Mediation</mark> for <mark>Peace</mark>"),
            ("/fr/search/?q=m%C3%A9diation", "<mark>médiation</mark>"),
        ]:
            with urllib.request.urlopen(base + path, timeout=10) as response:
                body = response.read().decode()
            assert response.status == 200, path
            assert expected in body, path
    finally:
        server.terminate()
        server.wait(timeout=10)
