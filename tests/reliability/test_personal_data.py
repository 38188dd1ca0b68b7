"""Personal data never leaves through a public page, an API answer, an export or a log line; a
person's data can be exported and erased on request, with the public figures unchanged."""

from __future__ import annotations

import datetime
import json
import logging
import shutil
import subprocess
from urllib.parse import quote, quote_plus

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Count
from django.urls import URLPattern, URLResolver, resolve, reverse
from django.utils import translation
from django.utils.html import escape

from conferences.models import Conference
from network.models import ContactGroup, MemberState, RosterMember, RosterRole
from network.privacy import roster_member_data_export, roster_member_erase
from oic_mediation import feeds
from oic_mediation.api import exports
from oic_mediation.api import urls as api_urls
from oic_mediation.dashboard import urls as dashboard_urls
from oic_mediation.reports.drawing import draw_report
from resolutions.models import Paragraph, PublishedReport
from resolutions.services import published_report_publish
from tests.admin.test_pages import admin_url, form_fields
from tests.api.conftest import make_world
from tests.reliability.conftest import MODEL_BACKEND
from tests.reliability.sentinels import (
    MARK,
    SENTINEL_IP,
    found_in,
    plant,
    sentinel,
    sentinel_email,
)
from trainings.models import Participant, Programme
from trainings.privacy import participant_erase

pytestmark = pytest.mark.django_db

LANGUAGES = ("ar", "en", "fr")
# Routes that answer only a POST, or need a signed-in user: the crawl cannot GET them.
NOT_CRAWLED = {
    "api:token",
    "api:progress-report-validate",
    "api:progress-report-return",
    "api:progress-report-nothing-new",
    "api:nomination-list",
    "api:own-tokens",
    "api:own-token",
}


@pytest.fixture
def planted(turkiye, senegal, paragraph_training, turkiye_focal_point, secretariat):
    world = make_world(0, turkiye=turkiye, senegal=senegal, paragraph=paragraph_training)
    return {
        **world,
        **plant(state=turkiye, commitment=world["commitment"], edition=world["edition"]),
    }


@pytest.fixture
def published_report(planted, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return published_report_publish(
        user=secretariat,
        since=datetime.date(2018, 1, 1),
        until=datetime.date(2026, 1, 1),
        language="en",
        draw=draw_report,
    )


def route_names(patterns, namespace: str) -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            names |= route_names(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}")
    return names


def url_arguments() -> dict[str, list]:
    """For each public page that takes a parameter, every value it takes. A new route missing
    here fails the crawl with a KeyError naming it, rather than going unchecked."""
    states = list(MemberState.objects.values_list("slug", flat=True))
    reports = list(PublishedReport.objects.values_list("pk", flat=True))
    paragraphs = list(Paragraph.objects.values_list("pk", flat=True))
    return {
        "paragraph": paragraphs,
        "paragraph_feed": paragraphs,
        "state_feed": states,
        "feed": ["changes", *feeds.KINDS],
        "state": states,
        "state_commitments": states,
        "state_calendar": states,
        "contact_group_meetings": list(ContactGroup.objects.values_list("slug", flat=True)),
        "programme": list(Programme.objects.values_list("slug", flat=True)),
        "conference": list(Conference.objects.values_list("ordinal", flat=True)),
        "report_pdf": reports,
        "report_html": reports,
    }


def public_urls() -> list[str]:
    """Every public page and read endpoint, in every language."""
    urls = []
    arguments = url_arguments()
    for language in LANGUAGES:
        with translation.override(language):
            for pattern in dashboard_urls.urlpatterns:
                (parameter,) = pattern.pattern.converters or [None]
                if parameter is None:
                    urls.append(reverse(f"dashboard:{pattern.name}"))
                else:
                    urls += [
                        reverse(f"dashboard:{pattern.name}", kwargs={parameter: value})
                        for value in arguments[pattern.name]
                    ]
            urls += [reverse("accounts:login"), reverse("accounts:password_reset")]
    urls += [reverse("api:api-root"), reverse("api:roster-summary")]
    urls += [reverse("api:schema"), reverse("api:docs"), reverse("api:datapackage")]
    urls += [reverse("robots_txt"), reverse("sitemap")]
    urls += [
        reverse("api:export", kwargs={"dataset": dataset, "file_format": file_format})
        for dataset in exports.DATASETS
        for file_format in exports.FORMATS
    ]
    return urls


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"] == "application/pdf":
        if shutil.which("pdftotext") is None:
            # Without poppler-utils the PDF is not read; its HTML twin, crawled too, is.
            return str(dict(response.headers))
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
        ).stdout.decode()
    else:
        text = content.decode()
    return text + "\n" + str(dict(response.headers))


def crawl(client) -> tuple[dict[str, str], set[str]]:
    """Every public URL's text, following each API list to every detail; and the routes seen."""
    pages = {}
    for url in public_urls():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, url
        pages[url] = body(response)
    for _prefix, viewset, basename in api_urls.router.registry:
        if basename == "nomination":
            continue
        list_url = reverse(f"api:{basename}-list")
        for language in LANGUAGES:
            response = client.get(f"{list_url}?limit=500", HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, list_url
            pages[f"{list_url} ({language})"] = body(response)
        payload = response.json()
        items = payload["results"] if isinstance(payload, dict) else payload
        field = viewset.lookup_field
        for item in items:
            detail = reverse(
                f"api:{basename}-detail", kwargs={field: item["id" if field == "pk" else field]}
            )
            response = client.get(detail)
            assert response.status_code == 200, detail
            pages[detail] = body(response)
    seen = set()
    for url in pages:
        path = url.split("?")[0].split(" ")[0]
        prefix = path.split("/")[1]
        with translation.override(prefix if prefix in LANGUAGES else "en"):
            match = resolve(path)
        seen.add(f"{match.namespace.split(':')[-1] or match.namespace}:{match.url_name}")
    return pages, seen


def test_no_personal_value_appears_in_any_public_page_api_answer_export_or_log_line(
    client, planted, published_report, caplog
):
    caplog.set_level(logging.DEBUG)
    # Sign-in attempts with a planted username from a planted address: axes logs them.
    login = reverse("accounts:login")
    client.post(
        login,
        {"username": sentinel("focal-username"), "password": "wrong"},
        REMOTE_ADDR=SENTINEL_IP,
    )
    client.post(
        reverse("api:token"),
        {"username": sentinel("staff-username"), "password": "wrong"},
        REMOTE_ADDR=SENTINEL_IP,
    )

    pages, seen = crawl(client)
    hidden = client.get(f"/api/v1/roster/profiles/{planted['private'].pk}/")

    leaks = {url: found_in(text) for url, text in pages.items() if found_in(text)}
    assert leaks == {}
    assert hidden.status_code == 404
    assert found_in(body(hidden)) == []
    assert found_in(caplog.text) == []
    # The crawl reached every public route (a new endpoint must be crawled or listed above).
    expected = route_names(dashboard_urls.urlpatterns, "dashboard") | route_names(
        api_urls.urlpatterns, "api"
    )
    assert expected - seen - NOT_CRAWLED == set()
    assert len(pages) > 60
    # The public profile is there, without its contact details.
    assert "Public Mediator Aylin" in pages["/api/v1/roster/profiles/ (en)"]


# What a visitor might type to find a person: the mark every planted value starts with (the
# search splits "zqsentinel-private-name" into its words), and whole values of each kind.
SEARCHED_FOR = [
    MARK,
    sentinel("private-name"),
    sentinel("secretariat-current_position-fr"),
    sentinel("private-biography-ar"),
    sentinel("private-role-en"),
    sentinel("private-mandate"),
    sentinel("participant-name"),
    sentinel("participant-position"),
    sentinel("cert"),
    sentinel("focal-title"),
    sentinel("focal-first"),
    sentinel("staff-last"),
    sentinel_email("private-email"),
    sentinel_email("participant-email"),
]


def without_the_query(text: str, query: str) -> str:
    """A results page says what was searched for (in the box, the title, the links to the same
    page in other languages): that echo is the visitor's own text, not a leak."""
    for form in (query, quote_plus(query), quote(query), escape(query)):
        text = text.replace(form, "")
    return text


def test_no_personal_value_is_found_by_the_public_search(client, planted):
    found = {}
    for language in LANGUAGES:
        with translation.override(language):
            url = reverse("dashboard:search")
        for query in SEARCHED_FOR:
            response = client.get(url, {"q": query})
            assert response.status_code == 200
            text = without_the_query(body(response), query)
            if 'class="search-result ' in text or found_in(text):
                found[(language, query)] = found_in(text) or "a result"

    assert found == {}
    # The search itself works on the same data: the public profile's name is not personal, the
    # commitment the planted people reported on is found.
    response = client.get(reverse("dashboard:search"), {"q": planted["commitment"].title})
    assert 'class="search-result search-result--commitment"' in response.content.decode()


def test_the_secretariat_exports_everything_held_about_a_roster_member_as_json(
    client, planted, secretariat
):
    person = planted["private"]
    client.force_login(secretariat, backend=MODEL_BACKEND)

    response = client.post(
        admin_url(RosterMember, "changelist"),
        {"action": "export_personal_data", "_selected_action": [person.pk]},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="rostermember-{person.pk}-personal-data.json"'
    )
    document = json.loads(response.content)
    assert document["record"]["email"] == f"{MARK}.private-email@example.org"
    assert document["record"]["biography_fr"] == sentinel("private-biography-fr")
    assert document["record"]["nationality"] == {
        "id": planted["private"].nationality_id,
        "label": "Türkiye",
    }
    assert [role["title_ar"] for role in document["roles"]] == [sentinel("private-role-ar")]
    assert [d["mandate"] for d in document["deployments"]] == [sentinel("private-mandate")]
    assert [row["history_type"] for row in document["history"]] == ["+"]


def test_only_the_secretariat_may_export_or_erase_personal_data(planted, turkiye_focal_point):
    with pytest.raises(PermissionDenied):
        roster_member_data_export(user=turkiye_focal_point, person=planted["private"])
    with pytest.raises(PermissionDenied):
        roster_member_erase(user=turkiye_focal_point, person=planted["private"])
    with pytest.raises(PermissionDenied):
        participant_erase(user=planted["staff_user"], participant=planted["participant"])

    assert RosterMember.objects.get(pk=planted["private"].pk).email.startswith(MARK)


# Every planted value of the two people who ask to be erased.
ERASED_VALUES = [
    f"{MARK}-private-",
    f"{MARK}.private-",
    f"{MARK}-participant-",
    f"{MARK}.participant-",
    f"{MARK}-cert",
]


def figures() -> dict:
    """What the public figures are counted from: people by gender, state and role."""
    return {
        "roster": list(
            RosterMember.objects.order_by()
            .values("gender", "nationality", "nominating_state", "visibility")
            .annotate(n=Count("id"))
            .order_by("gender", "nationality", "nominating_state", "visibility")
        ),
        "roles": list(
            RosterRole.objects.order_by().values("role").annotate(n=Count("id")).order_by("role")
        ),
        "participants": list(
            Participant.objects.order_by()
            .values("gender", "state", "level", "completion")
            .annotate(n=Count("id"), certificates=Count("certificate_number"))
            .order_by("gender", "state", "level", "completion")
        ),
    }


def tables_containing(value: str) -> list[str]:
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(
                f'SELECT count(*) FROM "{table}" AS row WHERE row::text ILIKE %s', [f"%{value}%"]
            )
            if cursor.fetchone()[0]:
                found.append(table)
    return found


def test_erasure_leaves_no_trace_in_any_table_or_history_and_keeps_the_figures(
    client, planted, secretariat, django_capture_on_commit_callbacks
):
    private, participant = planted["private"], planted["participant"]
    client.force_login(secretariat, backend=MODEL_BACKEND)
    # An admin edit: history rows and an admin log entry that names the person.
    url = admin_url(RosterMember, "change", private.pk)
    data = form_fields(client.get(url))
    data["availability"] = "limited"
    assert client.post(url, data).status_code == 302
    assert LogEntry.objects.filter(object_repr=sentinel("private-name")).count() == 1
    public_summary = client.get("/api/v1/roster/summary/").json()
    before = figures()
    assert "network_historicalrostermember" in tables_containing(sentinel("private-name"))

    with django_capture_on_commit_callbacks(execute=True):
        confirm = client.post(
            admin_url(RosterMember, "changelist"),
            {"action": "erase_personal_data", "_selected_action": [private.pk]},
        )
        erased = client.post(
            admin_url(RosterMember, "changelist"),
            {
                "action": "erase_personal_data",
                "_selected_action": [private.pk],
                "confirm_erasure": "yes",
            },
        )
        client.post(
            admin_url(Participant, "changelist"),
            {
                "action": "erase_personal_data",
                "_selected_action": [participant.pk],
                "confirm_erasure": "yes",
            },
        )

    assert confirm.status_code == 200
    assert sentinel("private-name") in confirm.content.decode()
    assert erased.status_code == 302
    for value in ERASED_VALUES:
        assert tables_containing(value) == [], value
    private.refresh_from_db()
    participant.refresh_from_db()
    assert private.full_name == f"Erased person {private.pk}"
    assert (private.email, private.phone, private.biography_fr) == ("", "", "")
    assert participant.full_name == f"Erased participant {participant.pk}"
    assert participant.certificate_number == f"ERASED-{participant.pk}"
    assert private.history.count() == 3
    assert set(private.history.values_list("full_name", flat=True)) == {private.full_name}
    assert figures() == before
    assert client.get("/api/v1/roster/summary/").json() == public_summary
    # The other people, who asked for nothing, keep their data.
    assert RosterMember.objects.get(pk=planted["secretariat_only"].pk).full_name == sentinel(
        "secretariat-name"
    )
