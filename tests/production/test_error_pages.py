"""Error pages: 400, 403, 404, 429 and 500 in the site's layout and the request's language, saying
what happened and what to do; JSON in the API's error shape under /api/; a refusal logged once,
as one warning line without a traceback."""

from __future__ import annotations

import html as html_module
import io
import logging
import re
import socket

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone

from tests.conftest import PASSWORD
from tests.factories import CommitmentFactory, StaffFactory

LANGUAGES = ["ar", "en", "fr"]
BRAND = {
    "ar": "بوابة قدرات الوساطة لمنظمة التعاون الإسلامي",
    "en": "OIC Mediation Capacity Portal",
    "fr": "Portail des capacités de médiation de l'OCI",
}


def text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment."""
    return html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment))).strip()


def h1(html: str) -> str:
    return text(re.search(r"<h1>(.*?)</h1>", html, re.S).group(1))


def lead(html: str) -> str:
    return text(re.search(r'<p class="hero__lead"[^>]*>(.*?)</p>', html, re.S).group(1))


def what_to_do(html: str) -> list[str]:
    section = re.search(r'aria-labelledby="what-to-do">(.*?)</section>', html, re.S).group(1)
    return [text(item) for item in re.findall(r"<li>(.*?)</li>", section, re.S)]


def assert_in_the_site(html: str, language: str) -> None:
    """The page is the site's: its language and direction, the header with the brand in that
    language, the main navigation and the footer."""
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert '<header class="site-header">' in html
    brand = re.search(r'<span class="brand__name">(.*?)</span>', html).group(1)
    assert text(brand) == BRAND[language]
    assert 'id="site-nav"' in html
    assert '<footer class="site-footer">' in html


# --- 404 ---------------------------------------------------------------------------------------

NOT_FOUND = {
    "ar": "تعذر العثور على الصفحة",
    "en": "Page not found",
    "fr": "Page introuvable",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_is_the_sites_page_in_the_requests_language(client, language):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    html = response.text
    assert_in_the_site(html, language)
    assert h1(html) == NOT_FOUND[language]
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert text(title) == f"{NOT_FOUND[language]} · {BRAND[language]}"
    assert len(what_to_do(html)) == 2


@pytest.mark.django_db
def test_a_missing_record_says_so_in_words_not_in_djangos(client):
    response = client.get("/en/states/atlantis/")

    assert response.status_code == 404
    assert h1(response.text) == "Page not found"
    assert lead(response.text) == (
        "There is no page at this address. The link may be mistyped, or the page may have moved."
    )
    assert what_to_do(response.text) == [
        "Check the address for a typing mistake.",
        "Start again from the overview, or use the menu above.",
    ]
    assert "MemberState" not in response.text


# --- 403 ---------------------------------------------------------------------------------------

REFUSED = {
    "ar": ("الوصول مرفوض", "لا يمكنك التصرف إلا باسم دولتك."),
    "en": ("Access refused", "You can only act for your own state."),
    "fr": ("Accès refusé", "Vous ne pouvez agir que pour votre propre État."),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_focal_point_refused_another_states_page_is_told_why_in_their_language(
    client, turkiye_focal_point, senegal, language
):
    client.force_login(turkiye_focal_point)

    response = client.get(f"/{language}/my-state/senegal/")

    assert response.status_code == 403
    html = response.text
    assert_in_the_site(html, language)
    heading, reason = REFUSED[language]
    assert h1(html) == heading
    assert lead(html) == reason
    section = re.search(r'aria-labelledby="what-to-do">(.*?)</section>', html, re.S).group(1)
    assert f'<a href="/{language}/my-state/">' in section


def test_the_refusal_in_english_says_what_to_do(client, turkiye_focal_point, senegal):
    client.force_login(turkiye_focal_point)

    response = client.get("/en/my-state/senegal/")

    assert what_to_do(response.text) == [
        "Go to My state: your own state's records are there.",
        "If you think you should have access, ask the OIC Secretariat.",
        "Start again from the overview, or use the menu above.",
    ]


@pytest.mark.django_db
def test_staff_outside_the_secretariat_are_refused_roster_matching_with_a_page(client):
    clerk = StaffFactory(username="clerk")
    client.force_login(clerk)

    response = client.get("/admin/roster-matching/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 403
    assert_in_the_site(response.text, "fr")
    assert lead(response.text) == "Votre compte ne donne pas accès à cette page."
    # Not sent to My state, which is not for them either.
    assert what_to_do(response.text) == [
        "Si vous pensez devoir y avoir accès, adressez-vous au Secrétariat de l'OCI.",
        "Repartez de la vue d'ensemble, ou utilisez le menu ci-dessus.",
    ]


@pytest.mark.django_db
def test_a_form_sent_without_its_csrf_token_gets_the_sites_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/fr/accounts/login/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert_in_the_site(response.text, "fr")
    assert h1(response.text) == "Le formulaire n'a pas été accepté"
    assert what_to_do(response.text)[:2] == [
        "Revenez en arrière, rechargez la page et envoyez de nouveau le formulaire.",
        "Autorisez les cookies pour ce site.",
    ]


# --- 400 ---------------------------------------------------------------------------------------

BAD_REQUEST = {"ar": "طلب غير صالح", "en": "Bad request", "fr": "Demande incorrecte"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_request_for_a_host_the_portal_does_not_serve_gets_the_sites_400_page(client, language):
    response = client.get(f"/{language}/", HTTP_HOST="portal.attacker.example")

    assert response.status_code == 400
    assert_in_the_site(response.text, language)
    assert h1(response.text) == BAD_REQUEST[language]
    assert "attacker" not in response.text


# --- 429 ---------------------------------------------------------------------------------------

LOCKED = {
    "ar": "محاولات تسجيل دخول فاشلة كثيرة جداً",
    "en": "Too many failed sign-in attempts",
    "fr": "Trop de tentatives de connexion infructueuses",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_locked_out_sign_in_gets_the_sites_429_page(
    client, settings, turkiye_focal_point, language
):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        client.post(
            f"/{language}/accounts/login/",
            {"username": "ayse.turkiye", "password": "wrong"},
            REMOTE_ADDR="192.0.2.10",
        )

    response = client.post(
        f"/{language}/accounts/login/",
        {"username": "ayse.turkiye", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10",
    )

    assert response.status_code == 429
    assert_in_the_site(response.text, language)
    assert h1(response.text) == LOCKED[language]


# --- 500, with the database down -----------------------------------------------------------------

SERVER_ERROR = {"ar": "حدث خطأ ما", "en": "Something went wrong", "fr": "Une erreur s'est produite"}


@pytest.fixture
def database_down(django_db_blocker):
    """PostgreSQL refuses connections: the portal's connection points to a port nobody listens
    on, so the first query of the request (the page cache, the view) fails for real."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    connection = connections["default"]
    settings_dict = connection.settings_dict
    port, options = settings_dict["PORT"], settings_dict.get("OPTIONS", {})
    pooled = "pool" in options and hasattr(connection, "close_pool")
    connection.close()
    settings_dict["PORT"] = closed_port
    if pooled:
        # The connection pool holds connections opened to the real port: a new pool, on the
        # closed port, that gives up after a second instead of waiting for a connection.
        connection.close_pool()
        settings_dict["OPTIONS"] = {**options, "pool": {**options["pool"], "timeout": 1}}
    try:
        with django_db_blocker.unblock():
            yield
    finally:
        connection.close()
        if pooled:
            connection.close_pool()
        settings_dict["PORT"], settings_dict["OPTIONS"] = port, options


@pytest.mark.parametrize("language", LANGUAGES)
def test_with_the_database_down_a_page_gets_the_sites_500_page(database_down, language):
    client = Client(raise_request_exception=False)

    response = client.get(f"/{language}/states/")

    assert response.status_code == 500
    html = response.text
    assert_in_the_site(html, language)
    assert h1(html) == SERVER_ERROR[language]
    # No sign-in link that the page cannot know to be right: the user is not read.
    assert "accounts/login" not in html
    # The language switcher still points to the same page in the other languages.
    others = [code for code in LANGUAGES if code != language]
    for other in others:
        assert re.search(f'hreflang="{other}" href="[^"]*/{other}/states/"', html)


def test_with_the_database_down_the_api_answers_json(database_down):
    client = Client(raise_request_exception=False)

    response = client.get("/api/v1/states/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "Le portail n'a pas pu répondre à cette demande. Réessayez dans quelques minutes.",
        "code": "server_error",
    }


# --- The API keeps its JSON -----------------------------------------------------------------------


@pytest.mark.django_db
def test_every_api_failure_is_json_in_the_apis_error_shape(
    client, turkiye_focal_point, senegal, paragraph_training
):
    senegals = CommitmentFactory(
        state=senegal,
        paragraph=paragraph_training,
        title="Host a simulation",
        target_quantity=1,
        unit="actions",
        pledged_on=timezone.localdate(),
    )
    failures = {
        "unknown path": client.get("/api/v1/no-such-list/"),
        "unknown record": client.get("/api/v1/states/XX/"),
        "unknown host": client.get("/api/v1/states/", HTTP_HOST="portal.attacker.example"),
        "form without CSRF token": Client(enforce_csrf_checks=True).post("/api/v1/no-such-list/"),
    }
    client.force_login(turkiye_focal_point)
    failures["invalid write"] = client.post(
        "/api/v1/commitments/", {}, content_type="application/json"
    )
    failures["refused write"] = client.patch(
        f"/api/v1/commitments/{senegals.pk}/",
        {"title": "Taken over", "version": senegals.version},
        content_type="application/json",
    )

    statuses = {name: response.status_code for name, response in failures.items()}
    assert statuses == {
        "unknown path": 404,
        "unknown record": 404,
        "unknown host": 400,
        "form without CSRF token": 403,
        "invalid write": 400,
        "refused write": 403,
    }
    for name, response in failures.items():
        assert response["Content-Type"] == "application/json", name
        body = response.json()
        assert {"detail", "code"} <= set(body) <= {"detail", "code", "fields"}, name
        assert body["detail"] and body["code"], name


# --- Logging ---------------------------------------------------------------------------------------


def forbidden_records(caplog, path):
    return [
        record
        for record in caplog.records
        if record.name == "django.request" and path in record.getMessage()
    ]


@pytest.mark.django_db
def test_a_refused_page_is_logged_once_as_a_warning_without_a_traceback(
    client, turkiye_focal_point, senegal, caplog
):
    client.force_login(turkiye_focal_point)
    caplog.set_level(logging.INFO)

    client.get("/fr/my-state/senegal/")

    records = forbidden_records(caplog, "/fr/my-state/senegal/")
    assert [(r.levelname, r.getMessage()) for r in records] == [
        ("WARNING", "Forbidden (Permission denied): /fr/my-state/senegal/")
    ]
    assert records[0].exc_info is None
    assert "Traceback" not in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [False, True])
def test_the_console_shows_a_refusal_once_without_a_traceback(
    client, settings, turkiye_focal_point, senegal, debug
):
    """What an operator reads: every stream handler the portal configured (Django's own console
    handler prints in debug mode, the root's always)."""
    settings.DEBUG = debug
    client.force_login(turkiye_focal_point)
    configured = [
        handler
        for name in ("django.request", "django", "")
        for handler in logging.getLogger(name or None).handlers
        if type(handler) is logging.StreamHandler
    ]
    assert configured, "the portal's console handler is configured"
    console = io.StringIO()
    previous = [handler.setStream(console) for handler in configured]
    try:
        client.get("/en/my-state/senegal/")
    finally:
        for handler, stream in zip(configured, previous, strict=True):
            handler.setStream(stream)

    output = console.getvalue()
    assert output.count("Forbidden (Permission denied): /en/my-state/senegal/") == 1
    assert "Traceback" not in output
