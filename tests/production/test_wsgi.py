"""The WSGI entry point gunicorn loads in every worker."""

from __future__ import annotations

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
