"""The OpenAPI schema: it validates, the API conforms to it under schemathesis, and its
documentation page is served by the project itself under the CSP.

Schemathesis runs ``SCHEMATHESIS_MAX_EXAMPLES`` examples per operation (a few in ``make test``,
many in ``make fuzz``), anonymously and as the Secretariat, whose writes go deepest.
"""

from __future__ import annotations

import os
import re

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from knox.models import AuthToken
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from oic_mediation.wsgi import application

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "5"))


def test_the_schema_validates_without_a_single_warning(tmp_path):
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    text = target.read_text()
    assert "/api/v1/commitments/{id}/:" in text
    assert "/api/v1/export/{dataset}.{file_format}:" in text


@pytest.fixture
def wsgi_keeps_the_test_transaction():
    """Django's real WSGI handler closes "old" connections around each request, which would close
    the test's open transaction; Django's own test client switches this off the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


# The WSGI transport hands schemathesis the body as sent, without undoing a Content-Encoding: ask
# for it uncompressed (public responses are gzipped for clients that accept it).
IDENTITY = {"Accept-Encoding": "identity"}

# Loaded when the module is collected: serving the schema touches no database.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
# Every check schemathesis has, on data that fits the schema and data that does not.
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])


def call_and_validate_with_every_check(case, headers=None):
    """Every check of schemathesis, but one for writes: a body that fits the schema may name a
    paragraph or a state that does not exist, which the API refuses with a 400 naming the field
    (positive-data acceptance still holds for every read)."""
    excluded = [positive_data_acceptance] if case.method.upper() in ("POST", "PATCH") else None
    # Uncompressed, so that every check reads the body as sent (public responses are gzipped).
    case.call_and_validate(headers={**(headers or {}), **IDENTITY}, excluded_checks=excluded)


@pytest.fixture
def secretariat_headers(secretariat):
    _token, key = AuthToken.objects.create(user=secretariat)
    return {"Authorization": f"Token {key}"}


@pytest.fixture
def focal_point_headers(turkiye_focal_point):
    _token, key = AuthToken.objects.create(user=turkiye_focal_point)
    return {"Authorization": f"Token {key}"}


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_conforms_to_its_schema_for_an_anonymous_client(
    case, world, wsgi_keeps_the_test_transaction
):
    call_and_validate_with_every_check(case)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_conforms_to_its_schema_for_the_secretariat(
    case, world, secretariat_headers, wsgi_keeps_the_test_transaction
):
    call_and_validate_with_every_check(case, secretariat_headers)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_conforms_to_its_schema_for_a_focal_point(
    case, world, focal_point_headers, wsgi_keeps_the_test_transaction
):
    call_and_validate_with_every_check(case, focal_point_headers)


def test_the_docs_page_loads_every_script_and_style_from_the_project(api_client):
    response = api_client.get("/api/docs/")

    html = response.content.decode()
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    # No inline script or style: every <script> has a src, and there is no <style> block.
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert "<style" not in html
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert all(source.startswith("/") for source in sources), sources
    static = [s for s in sources if s.startswith("/static/")]
    assert len(static) == 4  # the CSS, the favicon, the bundle and the standalone preset
    for source in static:
        assert finders.find(source.removeprefix("/static/")), source
    init_script = next(s for s in sources if "script" in s and not s.startswith("/static/"))
    script = api_client.get(init_script)
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert b"/api/schema/" in script.content
