"""Anonymous public pages and API reads come from the shared cache until a table they show changes
(within a bound of a few seconds); one request renders an outdated page while the others wait;
public responses are compressed, pages with a CSRF token never."""

from __future__ import annotations

import datetime
import functools
import gzip
import threading
import time

import pytest
from django.core.cache import cache
from django.db import connections
from django.test import Client, RequestFactory
from django.test.signals import template_rendered
from django.utils import translation

from oic_mediation import response_cache
from oic_mediation.dashboard import cache as dashboard_cache
from oic_mediation.dashboard import selectors as dashboard_selectors
from oic_mediation.response_cache import local_copies
from tests.factories import ConferenceFactory, MemberStateFactory
from tests.queries import all_queries

# Each test runs on the database cache and on Redis (tests/conftest.py).
pytestmark = pytest.mark.cache_backends


@pytest.fixture(autouse=True)
def empty_cache(db):
    cache.clear()


def get(client: Client, path: str, **headers):
    with all_queries() as queries:
        response = client.get(path, **headers)
    assert response.status_code == 200
    return response, queries


def test_a_second_visitor_gets_the_page_from_the_cache_in_one_query(turkiye):
    first, _ = get(Client(), "/en/states/")

    second, queries = get(Client(), "/en/states/")

    # The generations of the tables the page read; the page itself from this worker's copy.
    assert queries.count == 1
    assert queries.of("default") == 0
    assert second.content == first.content
    assert "Türkiye" in second.content.decode()


def test_a_write_to_a_table_the_page_shows_shows_on_the_next_visit(turkiye):
    get(Client(), "/en/states/")

    MemberStateFactory(iso_code="SN", iso3_code="SEN", name="Senegal", slug="senegal")
    response, queries = get(Client(), "/en/states/")

    assert "Senegal" in response.content.decode()
    assert queries.of("default") > 0


def test_a_write_to_a_table_the_page_does_not_show_leaves_it_cached(turkiye):
    get(Client(), "/en/states/")
    get(Client(), "/en/conferences/")

    ConferenceFactory(
        ordinal=1,
        title="1st Conference of OIC Member States on Mediation",
        starts_on=datetime.date(2017, 11, 21),
        ends_on=datetime.date(2017, 11, 21),
        city="Istanbul",
    )
    states, states_queries = get(Client(), "/en/states/")
    conferences, conferences_queries = get(Client(), "/en/conferences/")

    assert states_queries.of("default") == 0
    assert "Türkiye" in states.content.decode()
    assert conferences_queries.of("default") > 0
    assert "1st Conference of OIC Member States on Mediation" in conferences.content.decode()


def test_a_public_page_carries_no_csrf_token_and_sets_no_cookie(turkiye):
    first, _ = get(Client(), "/en/states/")
    cached, _ = get(Client(), "/en/states/")

    for response in (first, cached):
        assert b"csrfmiddlewaretoken" not in response.content
        assert not response.cookies


def test_each_language_is_cached_apart(turkiye):
    get(Client(), "/en/states/")

    french, queries = get(Client(), "/fr/states/")

    assert queries.of("default") > 0
    assert 'lang="fr"' in french.content.decode()


def test_a_signed_in_user_never_gets_the_anonymous_copy(turkiye, secretariat):
    get(Client(), "/en/states/")
    signed_in = Client()
    signed_in.force_login(secretariat)

    response, queries = get(signed_in, "/en/states/")

    assert queries.of("default") > 2
    assert "Sign out" in response.content.decode()


def test_an_anonymous_api_read_is_cached_per_language(turkiye):
    get(Client(), "/api/v1/states/")

    again, queries = get(Client(), "/api/v1/states/")
    french, french_queries = get(Client(), "/api/v1/states/", HTTP_ACCEPT_LANGUAGE="fr")

    assert (queries.count, queries.of("default")) == (1, 0)
    assert again.json()["results"][0]["iso_code"] == "TR"
    assert french_queries.of("default") > 0


def test_api_reads_with_a_token_are_not_served_from_the_cache(turkiye):
    get(Client(), "/api/v1/states/")

    response = Client().get("/api/v1/states/", HTTP_AUTHORIZATION="Token not-a-valid-token")

    assert response.status_code == 401  # refused, not the cached anonymous list
    assert "results" not in response.json()


# --- Compression ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/en/states/", "/api/v1/states/"])
def test_public_pages_and_api_reads_are_compressed_for_clients_that_accept_gzip(turkiye, path):
    plain, _ = get(Client(), path)

    for _visit in ("rendered", "from the cache"):
        local_copies.clear()
        compressed, _ = get(Client(), path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

        assert compressed["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in compressed["Vary"]
        assert gzip.decompress(compressed.content) == plain.content
        assert len(compressed.content) < len(plain.content)
    assert not plain.has_header("Content-Encoding")
    assert "Accept-Encoding" in plain["Vary"]


def test_a_public_page_outside_the_cache_is_compressed_too(turkiye):
    # Another cookie (a pending message, an analytics id) bypasses the cache, not compression.
    response, _ = get(Client(HTTP_COOKIE="probe=1"), "/en/states/", HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert b"Senegal" not in gzip.decompress(response.content)


def test_a_page_with_a_csrf_token_is_never_compressed_even_with_reflected_input(db):
    # The sign-in form carries a CSRF token and reflects ?next=: compressing it would let an
    # attacker guess the token from the response's length (BREACH).
    response = Client().get(
        "/en/accounts/login/?next=/en/states/%3Fcsrfmiddlewaretoken%3D", HTTP_ACCEPT_ENCODING="gzip"
    )

    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert not response.has_header("Content-Encoding")


def test_a_signed_in_users_page_is_never_compressed(turkiye, secretariat):
    signed_in = Client()
    signed_in.force_login(secretariat)

    response = signed_in.get("/en/states/", HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert b"csrfmiddlewaretoken" in response.content  # the sign-out form


# --- Bounded staleness, no stampede --------------------------------------------------------------

BOUND = 5


def senegal_joins() -> None:
    MemberStateFactory(iso_code="SN", iso3_code="SEN", name="Senegal", slug="senegal")


def another_request_is_rendering(path: str) -> str:
    """Take the render lock of ``path``'s English page, as a request rendering it would."""
    with translation.override("en"):
        key = response_cache._key(RequestFactory().get(path))
    lock = f"render-lock:{key}"
    assert cache.add(lock, True, timeout=60)
    return key


class Clock:
    """The response cache's clock (``time.time``), moved on by hand."""

    def __init__(self, monkeypatch):
        self.now = time.time()
        monkeypatch.setattr(response_cache.time, "time", lambda: self.now)

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch, settings):
    assert settings.PUBLIC_CACHE_STALE_SECONDS == BOUND  # the production default
    return Clock(monkeypatch)


@pytest.fixture
def states_renders():
    """The renders of the states page's template from now on."""
    renders: list = []

    def counted(sender, template, **kwargs):
        if template.name == "dashboard/states.html":
            renders.append(template.name)

    template_rendered.connect(counted)
    yield renders
    template_rendered.disconnect(counted)


@pytest.mark.bounded_staleness
def test_within_the_bound_a_hit_costs_no_query_and_a_write_shows_after_it(
    turkiye, clock, states_renders
):
    get(Client(), "/en/states/")
    renders = states_renders
    renders.clear()  # the first render
    for seconds in (0, 1, 2, 2):  # four writes in four seconds, a visit after each
        clock.advance(seconds)
        MemberStateFactory()
        response, queries = get(Client(), "/en/states/")
        assert queries.count == 0
        assert "Senegal" not in response.content.decode()
    senegal_joins()
    assert renders == []  # the page was not rendered once per write

    clock.advance(BOUND - 4.5)  # more than the bound since it was computed
    response, queries = get(Client(), "/en/states/")

    assert "Senegal" in response.content.decode()  # every write at once, in one render
    assert renders == ["dashboard/states.html"]
    # Known current again: served as it is for the next few seconds.
    clock.advance(BOUND - 1)
    assert get(Client(), "/en/states/")[1].count == 0


@pytest.mark.bounded_staleness
def test_a_page_found_unchanged_is_served_without_a_check_for_the_bound(turkiye, clock):
    get(Client(), "/en/states/")
    clock.advance(BOUND + 1)

    _, checked = get(Client(), "/en/states/")
    clock.advance(BOUND - 1)
    _, unchecked = get(Client(), "/en/states/")

    # The generations, on the cache's connection; then nothing.
    assert (checked.count, checked.of("default")) == (1, 0)
    assert unchecked.count == 0


@pytest.mark.bounded_staleness
def test_while_another_request_renders_the_previous_version_is_served_without_waiting(
    turkiye, clock
):
    get(Client(), "/en/states/")
    senegal_joins()
    another_request_is_rendering("/en/states/")
    clock.advance(BOUND + response_cache.WAIT_SECONDS - 0.5)

    started = time.monotonic()
    response, queries = get(Client(), "/en/states/")

    assert time.monotonic() - started < response_cache.WAIT_SECONDS
    assert "Senegal" not in response.content.decode()
    assert queries.of("default") == 0


@pytest.mark.bounded_staleness
def test_an_outdated_version_older_than_the_bound_is_never_served(turkiye, clock, monkeypatch):
    get(Client(), "/en/states/")
    senegal_joins()
    another_request_is_rendering("/en/states/")
    monkeypatch.setattr(response_cache, "WAIT_SECONDS", 0.2)
    # Past the bound, and past it by more than a render may take.
    clock.advance(BOUND + 0.2 + 1)

    started = time.monotonic()
    response, _ = get(Client(), "/en/states/")

    # It waited for the other render (which never comes here), then rendered the page itself.
    assert time.monotonic() - started >= 0.2
    assert "Senegal" in response.content.decode()


@pytest.fixture
def figure_computations(monkeypatch):
    """The computations of the states page's figures (shared by its three languages)."""
    computations: list = []
    original = dashboard_selectors.states_with_engagement

    @functools.wraps(original)
    def counted():
        computations.append(translation.get_language())
        return original()

    monkeypatch.setattr(dashboard_selectors, "states_with_engagement", counted)
    return computations


@pytest.mark.bounded_staleness
def test_the_languages_rendered_within_the_bound_share_one_computation_while_writes_come(
    turkiye, clock, figure_computations
):
    """After a write, each language's page is rendered when its own bound runs out: without the
    bound on the figures, each recomputed them, since a write came in between (one a second on a
    busy day)."""
    get(Client(), "/en/states/")
    senegal_joins()
    clock.advance(1)

    french, _ = get(Client(), "/fr/states/")

    assert figure_computations == ["en"]
    # The figures as they were a second ago, as the English page shows them.
    assert "/fr/states/senegal/" not in french.content.decode()


@pytest.mark.bounded_staleness
def test_a_page_is_no_more_recent_than_the_figures_it_used(turkiye, clock, figure_computations):
    """The French page, rendered after the write with the figures of before it, is out of date
    once their bound runs out, though nothing was written since it was rendered."""
    get(Client(), "/en/states/")
    senegal_joins()
    clock.advance(1)
    get(Client(), "/fr/states/")
    clock.advance(BOUND)

    french, _ = get(Client(), "/fr/states/")

    assert "/fr/states/senegal/" in french.content.decode()
    assert figure_computations == ["en", "fr"]


@pytest.mark.bounded_staleness
def test_while_another_render_computes_an_outdated_figure_the_previous_one_is_used(
    turkiye, clock, figure_computations
):
    """The languages' pages run out of their bound together (they are as old as the figures
    they share): the first computes the figures, the others use the previous ones meanwhile."""
    get(Client(), "/en/states/")
    senegal_joins()
    clock.advance(BOUND + 1)
    # The figures shared by the three languages (dashboard.views.language_free).
    lock = f"{dashboard_cache.FIGURE_LOCK_PREFIX}figures:states_with_engagement:*"
    assert cache.add(lock, True, timeout=60)  # another render computes them

    french, _ = get(Client(), "/fr/states/")

    assert figure_computations == ["en"]
    assert "/fr/states/senegal/" not in french.content.decode()
    cache.delete(lock)
    # Past the bound by more than a render may take: computed, whoever holds the lock.
    clock.advance(response_cache.WAIT_SECONDS + 1)
    arabic, _ = get(Client(), "/ar/states/")
    assert figure_computations == ["en", "ar"]
    assert "/ar/states/senegal/" in arabic.content.decode()


@pytest.mark.bounded_staleness
def test_a_signed_in_user_gets_the_figures_checked_within_the_bound(
    turkiye, clock, secretariat, figure_computations
):
    get(Client(), "/en/states/")
    senegal_joins()
    clock.advance(1)
    signed_in = Client()
    signed_in.force_login(secretariat)

    french, _ = get(signed_in, "/fr/states/")

    assert "/fr/states/senegal/" in french.content.decode()


@pytest.mark.bounded_staleness
def test_visitors_waiting_for_a_render_take_it_when_it_used_figures_from_within_the_bound(
    turkiye, clock, states_renders, monkeypatch
):
    """The render they wait for may have used figures computed a few seconds before a write: it
    is then stored as out of date, yet recent enough to serve. Before, each waiting visitor
    rendered the page again once the lock was gone."""
    get(Client(), "/en/states/")
    senegal_joins()
    key = another_request_is_rendering("/en/states/")
    clock.advance(BOUND + response_cache.WAIT_SECONDS + 1)  # the stored version is too old
    rendered = dict(cache.get(key), computed_at=clock.now - 1)  # recent, on outdated figures
    states_renders.clear()
    local_copies.clear()

    def the_other_request_stores_its_render(seconds: float) -> None:
        # While this visitor waits, the request holding the lock finishes.
        cache.set(key, rendered)
        cache.delete(f"render-lock:{key}")

    monkeypatch.setattr(response_cache.time, "sleep", the_other_request_stores_its_render)
    get(Client(), "/en/states/")

    assert states_renders == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
@pytest.mark.bounded_staleness
@pytest.mark.parametrize("stored", ["recent", "past the bound", "old"])
def test_concurrent_visitors_of_an_outdated_page_cause_at_most_one_render(stored, monkeypatch):
    MemberStateFactory(iso_code="TR", iso3_code="TUR", name="Türkiye", slug="turkiye")
    Client().get("/en/states/")
    # The waiting visitors wait for the render however long it takes here (2 s in production).
    wait = 60
    monkeypatch.setattr(response_cache, "WAIT_SECONDS", wait)
    if stored != "recent":
        # Past the bound: one visitor renders the page. The others get the previous version
        # while it renders; or, computed longer ago than that allows, wait for the render.
        later = time.time() + BOUND + (1 if stored == "past the bound" else wait + 1)
        monkeypatch.setattr(response_cache.time, "time", lambda: later)
    senegal_joins()
    local_copies.clear()
    renders, bodies = [], []
    start = threading.Barrier(8)

    def counted(sender, template, **kwargs):
        if template.name == "dashboard/states.html":
            renders.append(template.name)

    def visitor() -> None:
        try:
            start.wait()
            bodies.append(Client().get("/en/states/").content.decode())
        finally:
            connections.close_all()

    template_rendered.connect(counted)
    try:
        visitors = [threading.Thread(target=visitor) for _index in range(8)]
        for thread in visitors:
            thread.start()
        for thread in visitors:
            thread.join(timeout=60)
    finally:
        template_rendered.disconnect(counted)

    assert len(bodies) == 8
    with_senegal = sum("Senegal" in body for body in bodies)
    if stored == "old":
        assert len(renders) == 1
        assert with_senegal == 8  # every visitor waited for the one fresh render
    elif stored == "past the bound":
        assert len(renders) == 1
        assert with_senegal >= 1  # the renderer's; the others may get the previous version
    else:
        # Within the bound of the write: the previous version, no render.
        assert (len(renders), with_senegal) == (0, 0)
