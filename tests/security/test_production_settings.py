"""The production settings themselves, as `manage.py` loads them from the environment
(`check --deploy` passing is tested in tests/production/test_settings.py)."""

from __future__ import annotations

import json

from tests.production.test_settings import PRODUCTION, manage

SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({name: getattr(s, name) "
    "for name in ['SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_SSL_REDIRECT', "
    "'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_NAME', "
    "'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_NAME', 'LANGUAGE_COOKIE_NAME', 'STAFF_IDLE_MINUTES', "
    "'SESSION_COOKIE_AGE', 'STAFF_OTP_REQUIRED', 'AXES_LOCKOUT_PARAMETERS', "
    "'AXES_HTTP_RESPONSE_CODE']}))"
)


def production_settings(tmp_path, **env) -> dict:
    result = manage("shell", "-c", SHOW, tmp_path=tmp_path, **PRODUCTION, **env)
    assert result.returncode == 0, result.stderr
    # The last line: `shell` may first report the models it imported.
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_uses_hsts_for_a_year_and_host_only_secure_cookies(tmp_path):
    assert production_settings(tmp_path) == {
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "LANGUAGE_COOKIE_NAME": "__Host-language",
        "STAFF_IDLE_MINUTES": 30,
        "SESSION_COOKIE_AGE": 8 * 3600,
        "STAFF_OTP_REQUIRED": False,
        "AXES_LOCKOUT_PARAMETERS": [["username", "ip_address"]],
        "AXES_HTTP_RESPONSE_CODE": 429,
    }


def test_staff_idle_time_and_mandatory_second_factor_come_from_the_environment(tmp_path):
    values = production_settings(
        tmp_path, DJANGO_STAFF_IDLE_MINUTES="15", DJANGO_STAFF_OTP_REQUIRED="true"
    )

    assert (values["STAFF_IDLE_MINUTES"], values["STAFF_OTP_REQUIRED"]) == (15, True)


def test_a_bad_staff_idle_time_stops_start_up_naming_the_variable(tmp_path):
    result = manage("check", tmp_path=tmp_path, DJANGO_DEBUG="true", DJANGO_STAFF_IDLE_MINUTES="0")

    assert result.returncode != 0
    assert "DJANGO_STAFF_IDLE_MINUTES" in result.stderr
