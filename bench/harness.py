"""What `make bench` (bench/run.py) and `make load` (load/run.py) share: the PostgreSQL server to
use, the production-like environment gunicorn runs with, and `manage.py` in that environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PYTHON = str(BIN / "python") if (BIN / "python").exists() else sys.executable
HOST = "127.0.0.1"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def server_url(variable: str) -> str:
    """The PostgreSQL server's URL without a database name: ``variable``'s, DATABASE_URL's, or
    the throwaway server of .ci/postgres.sh (started if need be)."""
    url = os.environ.get(variable) or os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        url = subprocess.run(
            [str(ROOT / ".ci" / "postgres.sh")], check=True, capture_output=True, text=True
        ).stdout.strip()
    return url.rsplit("/", 1)[0]


def production_environment(database_url: str, var_dir: Path, secret_key: str, **extra) -> dict:
    """The environment of a production-like server on 127.0.0.1: DEBUG off, plain HTTP, quiet
    logs, and API throttling raised (a load generator is one client hammering the API: throttling
    would turn it into 429s). The caller's DJANGO_*, OIC_* and REDIS_URL are left out."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REDIS_URL", "OIC_"))
    }
    env.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secret_key,
            "DJANGO_HTTPS": "false",
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_VAR_DIR": str(var_dir),
            "DJANGO_LOG_LEVEL": "WARNING",
            "DJANGO_API_ANON_RATE": "100000000/minute",
            "DJANGO_API_USER_RATE": "100000000/minute",
            **extra,
        }
    )
    return env


def manage(env: dict, *arguments: str, capture: bool = False) -> str:
    """Run ``manage.py`` with ``env``; its standard output when ``capture``."""
    done = subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    )
    return done.stdout if capture else ""
