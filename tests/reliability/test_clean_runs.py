"""`make test` always starts clean: a run interrupted halfway (a timeout, Ctrl-C) never poisons
the next one. Runs pytest itself on a small part of the suite, kills it once its test database is
made and loaded, then runs it again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

# A test that loads the reference data (what collided with a reused database before).
VICTIM = "tests/tooling/test_reference_data.py"


def pytest_command() -> list[str]:
    return [sys.executable, "-m", "pytest", VICTIM, "-x", "-v", "-p", "no:cacheprovider", "-n", "0"]


def test_an_interrupted_run_never_poisons_the_next_one(tmp_path):
    settings = connection.settings_dict
    # Databases of their own, apart from this run's.
    url = (
        f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/"
        f"oic_clean_run_{os.getpid()}"
    )
    environment = {**os.environ, "DATABASE_URL": url, "DJANGO_VAR_DIR": str(tmp_path)}
    environment.pop("PYTEST_XDIST_WORKER", None)
    environment.pop("PYTEST_XDIST_TESTRUNUID", None)

    first = subprocess.Popen(
        pytest_command(),
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    # Wait until it has created its database and passed a test (it loaded data), then kill it.
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        line = first.stdout.readline()
        assert line, "the first run ended before passing a test"
        if "PASSED" in line:
            break
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL

    second = subprocess.run(
        pytest_command(), cwd=ROOT, env=environment, capture_output=True, text=True, timeout=900
    )

    assert second.returncode == 0, second.stdout[-3000:]
    assert " passed" in second.stdout
    assert "error" not in second.stdout.splitlines()[-1]
