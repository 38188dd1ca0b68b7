"""Settings come from the environment; bad values stop start-up with a message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "p" * 20 + "roduction-secret-key-that-is-long-and-random-0123456789",
    "DJANGO_ALLOWED_HOSTS": "mediation.oic-oci.example",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://mediation.oic-oci.example",
    "DJANGO_HTTPS": "true",
    "EMAIL_URL": "smtp+tls://portal:secret@smtp.oic-oci.example:587",
    "DJANGO_ADMINS": "Portal operations <ops@oic-oci.example>",
}


def manage(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "EMAIL_URL", "REDIS_URL", "SENTRY_"))
    }
    clean["DJANGO_VAR_DIR"] = str(tmp_path)
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_a_tls_proxy_may_take_over_the_https_redirect(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
        **PRODUCTION,
        DJANGO_BEHIND_TLS_PROXY="true",
        DJANGO_SECURE_SSL_REDIRECT="false",
    )
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**PRODUCTION, "DJANGO_SECRET_KEY": ""}
    result = manage("check", tmp_path=tmp_path, **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off" in result.stderr


def test_development_generates_a_secret_key_once_and_keeps_it(tmp_path):
    assert manage("check", tmp_path=tmp_path, DJANGO_DEBUG="true").returncode == 0
    first = (tmp_path / "secret_key").read_text()
    assert manage("check", tmp_path=tmp_path, DJANGO_DEBUG="true").returncode == 0
    assert (tmp_path / "secret_key").read_text() == first
    assert len(first) >= 50


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DJANGO_DEBUG", "maybe", "DJANGO_DEBUG='maybe' is not a boolean"),
        ("DATABASE_URL", "mysqlish://nowhere", "DATABASE_URL must be a PostgreSQL URL"),
        ("DJANGO_TIME_ZONE", "Mars/Olympus", "DJANGO_TIME_ZONE='Mars/Olympus' is not a known"),
        ("DJANGO_CSRF_TRUSTED_ORIGINS", "oic.example", "DJANGO_CSRF_TRUSTED_ORIGINS contains"),
        ("DJANGO_SESSION_AGE", "ten", "DJANGO_SESSION_AGE='ten' is not a whole number"),
        ("EMAIL_URL", "pigeon://coop", "EMAIL_URL is not a valid e-mail URL"),
        ("REDIS_URL", "localhost:6379", "REDIS_URL='localhost:6379' must start with redis://"),
        ("DJANGO_ADMINS", "ops", "DJANGO_ADMINS must list e-mail addresses"),
        ("DJANGO_X_ACCEL_REDIRECT", "protected", "DJANGO_X_ACCEL_REDIRECT='protected' must be"),
        ("DJANGO_OPEN_DATA_LICENCE", "MIT", "DJANGO_OPEN_DATA_LICENCE='MIT' is not one of"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(tmp_path, variable, value, message):
    env = {"DJANGO_DEBUG": "true", variable: value}
    result = manage("check", tmp_path=tmp_path, **env)
    assert result.returncode != 0
    assert message in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_check_deploy_warns_of_mail_left_on_the_console_and_nobody_told_of_errors(tmp_path):
    env = {**PRODUCTION, "EMAIL_URL": "", "DJANGO_ADMINS": ""}
    result = manage("check", "--deploy", tmp_path=tmp_path, **env)

    assert "oic.W001" in result.stderr and "E-mail is printed on the console" in result.stderr
    assert "oic.W002" in result.stderr and "ADMINS is empty" in result.stderr


@pytest.mark.django_db
def test_check_deploy_with_the_database_warns_when_no_worker_was_seen():
    from oic_mediation.background.checks import check_a_worker_is_alive
    from oic_mediation.background.models import Worker

    assert check_a_worker_is_alive(databases=None) == []  # without --database: no query
    [warning] = check_a_worker_is_alive(databases=["default"])
    assert warning.id == "oic.W003"

    Worker.objects.create(worker_id="worker-1", hostname="app-1", pid=1)
    assert check_a_worker_is_alive(databases=["default"]) == []
