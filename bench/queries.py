"""Part of `make bench`: list the endpoints to measure and count each one's SQL queries in-process.

Run by bench/run.py with the benchmark's environment (its database, production-like settings).
Prints a JSON list: name, kind, path, auth (needs the Secretariat's session), status, queries with
a warm cache (what the load test sees), queries_cold (right after the cache was emptied) and
queries_bypass (a visitor whose cookie bypasses the response cache: the cold render that
``make bench`` times, with the figures cache as it is). Queries are counted on every connection,
the cache's own included (oic_mediation.database_cache).
Also creates the benchmark's Secretariat login and prints its session cookie for the load test,
and a focal point of Türkiye with an API token and a session for the mixed workload's writes.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oic_mediation.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib import admin  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connections  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from conferences.models import Conference  # noqa: E402
from core.groups import sync_secretariat_group  # noqa: E402
from network.models import ContactGroup, FocalPoint, MemberState  # noqa: E402
from resolutions.models import Commitment, Paragraph  # noqa: E402
from trainings.models import Programme  # noqa: E402

BENCH_USERNAME = "bench-secretariat"
FOCAL_USERNAME = "bench-focal-turkiye"
HOST = "127.0.0.1"
# A cookie the response cache does not know: the page is rendered for this visitor
# (oic_mediation.response_cache), as right after a write.
BYPASS_COOKIE = "oic-bench-cold=1"

# The admin changelists the Secretariat opens most, over the largest tables.
ADMIN_CHANGELISTS = [
    "resolutions.commitment",
    "resolutions.progressreport",
    "network.rostermember",
    "trainings.participant",
    "trainings.edition",
    "conferences.recommendation",
]


def secretariat_client() -> Client:
    user, _ = get_user_model().objects.get_or_create(
        username=BENCH_USERNAME,
        defaults={"email": "bench@bench.invalid", "is_staff": True},
    )
    user.groups.add(sync_secretariat_group())
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client


def dashboard_endpoints() -> list[tuple[str, str]]:
    from oic_mediation.dashboard import urls as dashboard_urls

    endpoints = []
    state = (
        MemberState.objects.filter(slug="turkiye").first() or MemberState.objects.order_by("pk")[0]
    )
    # Detail pages: the busiest item of each kind (the most commitments, editions,
    # recommendations), so the page measured is the largest one.
    paragraph = Paragraph.objects.annotate(n=Count("commitments")).order_by("-n", "pk").first()
    programme = Programme.objects.annotate(n=Count("editions")).order_by("-n", "pk").first()
    conference = (
        Conference.objects.annotate(n=Count("recommendations")).order_by("-n", "pk").first()
    )
    group = ContactGroup.objects.annotate(n=Count("meetings")).order_by("-n", "pk").first()
    detail_kwargs = {
        "paragraph": paragraph and {"pk": paragraph.pk},
        "paragraph_feed": paragraph and {"pk": paragraph.pk},
        "feed": {"kind": "changes"},
        "contact_group_meetings": group and {"slug": group.slug},
        "programme": programme and {"slug": programme.slug},
        "conference": conference and {"ordinal": conference.ordinal},
    }
    with translation.override("en"):
        for pattern in dashboard_urls.urlpatterns:
            name = pattern.name
            try:
                path = reverse(f"dashboard:{name}")
            except NoReverseMatch:
                if detail_kwargs.get(name):
                    path = reverse(f"dashboard:{name}", kwargs=detail_kwargs[name])
                elif "slug" in str(pattern.pattern) and name not in detail_kwargs:
                    path = reverse(f"dashboard:{name}", kwargs={"slug": state.slug})
                else:
                    continue
            if name == "search":
                # The search with words found in thousands of records at scale 10.
                path += "?q=training+mediation"
            endpoints.append((f"page {name}", path))
    return endpoints


def api_endpoints() -> list[tuple[str, str]]:
    from oic_mediation.api import urls as api_urls

    endpoints = []
    for prefix, _viewset, basename in api_urls.router.registry:
        endpoints.append((f"api {prefix}", reverse(f"api:{basename}-list")))
    return endpoints


def admin_endpoints() -> list[tuple[str, str]]:
    registered = {model._meta.label_lower for model in admin.site._registry}
    endpoints = []
    for label in ADMIN_CHANGELISTS:
        if label in registered:
            app_label, model_name = label.split(".")
            endpoints.append(
                (f"admin {model_name}", reverse(f"admin:{app_label}_{model_name}_changelist"))
            )
    return endpoints


def count(client: Client, path: str, cookie: str = "") -> tuple[int, int]:
    """The status of a GET of ``path`` and the queries it ran on every connection."""
    headers = {"HTTP_ACCEPT_LANGUAGE": "en"}
    if cookie:
        headers["HTTP_COOKIE"] = cookie
    captured = [CaptureQueriesContext(connections[alias]) for alias in connections]
    for capture in captured:
        capture.__enter__()
    try:
        response = client.get(path, **headers)
        if response.streaming:
            for _chunk in response.streaming_content:
                pass
    finally:
        for capture in captured:
            capture.__exit__(None, None, None)
    return response.status_code, sum(len(capture) for capture in captured)


def measure(kind: str, name: str, path: str, anonymous: Client, secretariat: Client) -> dict:
    client = secretariat if kind == "admin" else anonymous
    cache.clear()
    status, cold = count(client, path)
    if kind != "admin" and status in (401, 403):
        client = secretariat
        cache.clear()
        status, cold = count(client, path)
    _status, warm = count(client, path)
    _status, bypass = count(Client(HTTP_HOST=HOST), path, BYPASS_COOKIE)
    return {
        "name": name,
        "kind": kind,
        "path": path,
        "auth": client is secretariat,
        "status": status,
        "queries": warm,
        "queries_cold": cold,
        "queries_bypass": bypass,
    }


def focal_point_credentials() -> dict:
    """A focal point of Türkiye for the mixed workload's writes: an API token, a session cookie,
    a paragraph to pledge under and one of the state's commitments to edit through the form."""
    from knox.models import AuthToken

    state = MemberState.objects.filter(iso_code="TR").first() or MemberState.objects.first()
    user, _ = get_user_model().objects.get_or_create(
        username=FOCAL_USERNAME, defaults={"email": "focal@bench.invalid"}
    )
    FocalPoint.objects.get_or_create(user=user, defaults={"state": state, "title": "Director"})
    # An API token as the portal issues them (django-rest-knox: only its hash is stored).
    _token, key = AuthToken.objects.create(user=user)
    client = Client(HTTP_HOST=HOST)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    paragraph = Paragraph.objects.filter(number=8).first() or Paragraph.objects.first()
    commitment = (
        Commitment.objects.filter(state=state, status__in=["pledged", "in_progress"])
        .order_by("pk")
        .first()
    )
    return {
        "token": key,
        "session_cookie": f"{settings.SESSION_COOKIE_NAME}="
        f"{client.cookies[settings.SESSION_COOKIE_NAME].value}",
        "paragraph": paragraph.pk,
        "commitment": commitment.pk,
    }


def main() -> None:
    assert not settings.DEBUG, "The benchmark counts queries with production settings."
    secretariat = secretariat_client()
    anonymous = Client(HTTP_HOST=HOST)
    rows = []
    for name, path in dashboard_endpoints():
        rows.append(measure("page", name, path, anonymous, secretariat))
    for name, path in api_endpoints():
        rows.append(measure("api", name, path, anonymous, secretariat))
    export = reverse("api:export", kwargs={"dataset": "commitments", "file_format": "csv"})
    rows.append(measure("export", "export commitments.csv", export, anonymous, secretariat))
    for name, path in admin_endpoints():
        rows.append(measure("admin", name, path, anonymous, secretariat))
    session = secretariat.cookies[settings.SESSION_COOKIE_NAME].value
    json.dump(
        {
            "session_cookie": f"{settings.SESSION_COOKIE_NAME}={session}",
            "focal_point": focal_point_credentials(),
            "endpoints": rows,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
