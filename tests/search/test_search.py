"""The portal's search: the public one in each language, My state's and the Secretariat's, on
PostgreSQL's full-text search (ranked, highlighted, paginated, answered from the GIN indexes)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from core.text_search import TextQuery
from oic_mediation import search
from tests.factories import (
    CommitmentFactory,
    ConferenceFactory,
    DocumentFactory,
    ParagraphFactory,
    ProgrammeFactory,
    ProgressReportFactory,
    RecommendationFactory,
    RosterMemberFactory,
    StaffFactory,
)
from tests.reliability.conftest import MODEL_BACKEND

pytestmark = pytest.mark.django_db


def results(client, language: str, **params) -> tuple[list[dict], str]:
    with translation.override(language):
        url = reverse("dashboard:search")
    response = client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    found = [
        {"kind": kind, "title": re.sub(r"<[^>]+>", "", title).strip(), "html": title}
        for kind, title in re.findall(
            r'<li class="search-result search-result--(\w+)">.*?'
            r'<p class="search-result__title" dir="auto"><a href="[^"]*">(.*?)</a></p>',
            html,
            flags=re.S,
        )
    ]
    return found, html


@pytest.fixture
def pledges(turkiye, senegal, paragraph_training):
    return [
        CommitmentFactory(
            state=turkiye,
            paragraph=paragraph_training,
            title_en="Train forty diplomats in mediation",
            title_fr="Former quarante diplomates à la médiation",
            title_ar="تدريب أربعين دبلوماسياً على الوساطة",
            unit="actions",
        ),
        CommitmentFactory(
            state=senegal,
            paragraph=paragraph_training,
            title_en="Host a regional workshop",
            title_fr="Accueillir un atelier régional",
            title_ar="استضافة ورشة عمل إقليمية",
            description_en="A workshop on mediation for young diplomats.",
            unit="actions",
        ),
    ]


@pytest.mark.parametrize(
    ("language", "words", "expected"),
    [
        # Stemmed in each language: "trained" finds "Train", "formés" finds "Former"...
        ("en", "trained diplomats", "Train forty diplomats in mediation"),
        ("fr", "diplomate formé", "Former quarante diplomates à la médiation"),
        ("ar", "الوساطة", "تدريب أربعين دبلوماسياً على الوساطة"),
    ],
)
def test_the_public_search_finds_commitments_in_the_visitors_language(
    client, pledges, language, words, expected
):
    found, html = results(client, language, q=words)

    assert found[0] == {
        "kind": "commitment",
        "title": expected,
        "html": found[0]["html"],
    }
    assert "<mark>" in found[0]["html"]
    assert f'lang="{language}"' in html


def test_a_match_in_the_title_ranks_above_a_match_in_the_body(client, pledges):
    found, _html = results(client, "en", q="mediation", kind="commitment")

    assert [item["title"] for item in found] == [
        "Train forty diplomats in mediation",  # in the title
        "Host a regional workshop",  # in the description only
    ]


def test_a_record_without_a_translation_is_found_in_the_text_the_reader_sees(
    client, turkiye, paragraph_training
):
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title_en="Deploy a standby mediation team",
        unit="actions",
    )

    found, _html = results(client, "ar", q="standby")

    assert [item["title"] for item in found] == ["Deploy a standby mediation team"]


def test_matched_words_are_highlighted_and_stored_markup_is_escaped(
    client, turkiye, paragraph_training
):
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title_en='<script>alert("x")</script> Mediation week',
        unit="actions",
    )

    found, html = results(client, "en", q="mediation", kind="commitment")

    assert found[0]["html"] == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Mediation</mark> week"
    )
    assert "<script>alert" not in html


def test_results_come_a_page_at_a_time_and_the_links_keep_the_query(
    client, turkiye, paragraph_training
):
    for number in range(25):
        CommitmentFactory(
            state=turkiye,
            paragraph=paragraph_training,
            title_en=f"Mediation pledge {number}",
            unit="actions",
        )

    first, first_html = results(client, "en", q="pledge")
    second, _ = results(client, "en", q="pledge", page=2)
    beyond, _ = results(client, "en", q="pledge", page=99)

    assert (len(first), len(second)) == (20, 5)
    assert "25 results for “pledge”" in first_html
    assert 'href="?q=pledge&amp;page=2" rel="next"' in first_html
    assert {item["title"] for item in first} | {item["title"] for item in second} == {
        f"Mediation pledge {number}" for number in range(25)
    }
    assert beyond == second  # past the end: the last page


def test_a_search_can_look_in_one_kind_of_record(client, pledges, paragraph_training):
    everything, _ = results(client, "en", q="training")
    paragraphs, _ = results(client, "en", q="training", kind="paragraph")

    assert {item["kind"] for item in everything} >= {"paragraph"}
    assert [item["title"] for item in paragraphs] == ["Training in mediation"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x" * 201}, "Search for at most 200 characters (you typed 201)."),
        ({"q": "peace\x00"}, "Null characters are not allowed."),
        ({"q": "peace", "kind": "roster_member"}, "Select a valid choice."),
    ],
)
def test_bad_input_gets_a_form_error_and_no_results(client, pledges, params, message):
    found, html = results(client, "en", **params)

    assert found == []
    assert message in html.replace("&#x27;", "'")
    assert 'role="alert"' in html


def test_an_empty_or_stop_word_query_shows_the_form_without_error(client, pledges):
    empty, empty_html = results(client, "en", q="")
    stop_words, stop_html = results(client, "en", q="the of")

    assert empty == [] and "results for" not in empty_html
    assert stop_words == [] and "0 results for “the of”" in stop_html


def test_every_public_kind_is_found_and_links_to_its_page(
    client, turkiye, paragraph_training, resolution
):
    conference = ConferenceFactory(
        ordinal=2,
        title="2nd Conference on Zephyr mediation",
        starts_on=datetime.date(2018, 11, 29),
        city="",
    )
    RecommendationFactory(conference=conference, number=1, text="Zephyr working group")
    DocumentFactory(kind="other", title="Zephyr study", language="en", is_public=True)
    ProgrammeFactory(name="Zephyr programme", slug="zephyr")
    ParagraphFactory(resolution=resolution, number=9, title="Zephyr measure")
    CommitmentFactory(
        state=turkiye, paragraph=paragraph_training, title_en="Zephyr pledge", unit="actions"
    )

    found, html = results(client, "en", q="zephyr")

    assert sorted(item["kind"] for item in found) == [
        "commitment",
        "conference",
        "document",
        "paragraph",
        "programme",
        "recommendation",
    ]
    assert 'href="/en/conferences/2/"' in html
    assert 'href="/en/trainings/zephyr/"' in html
    assert 'href="/en/states/turkiye/commitments/"' in html


def test_unpublished_documents_and_progress_reports_are_not_searched_in_public(
    client, secretariat, turkiye, paragraph_training
):
    DocumentFactory(kind="other", title="Confidential zephyr memo", language="en", is_public=False)
    commitment = CommitmentFactory(
        state=turkiye, paragraph=paragraph_training, title_en="Train diplomats", unit="actions"
    )
    ProgressReportFactory(
        commitment=commitment,
        status="in_progress",
        narrative="Zephyr narrative",
        review_status="validated",
        reviewed_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
        quantity_delivered=0,
    )

    public, _ = results(client, "en", q="zephyr")
    client.force_login(secretariat, backend=MODEL_BACKEND)
    response = client.get(reverse("secretariat_search"), {"q": "zephyr"})

    assert public == []
    assert response.status_code == 200
    page = response.context["page_obj"]
    assert sorted(result.kind for result in page.object_list) == ["document", "progress_report"]


# Uncached, on the database's connection: the count, the page of rows and the page's records of
# each kind (here commitments) in a savepoint. The cache's lookups and stores run on its own
# connection (oic_mediation.database_cache).
SEARCH_QUERIES = 5


@pytest.mark.parametrize("size", [1, 3])
def test_the_public_search_runs_the_same_queries_for_one_or_three_results(
    client, django_assert_num_queries, turkiye, paragraph_training, size
):
    for number in range(size):
        CommitmentFactory(
            state=turkiye,
            paragraph=paragraph_training,
            title_en=f"Quartz pledge {number}",
            unit="actions",
        )

    with django_assert_num_queries(SEARCH_QUERIES):
        found, _ = results(client, "en", q="quartz")

    assert len(found) == size


@pytest.mark.parametrize(
    ("kind", "index"),
    [
        ("paragraph", "paragraph_search"),
        ("commitment", "commitment_search"),
        ("state", "member_state_search"),
        ("conference", "conference_search"),
        ("session", "session_search"),
        ("recommendation", "recommendation_search"),
        ("document", "document_search"),
        ("programme", "programme_search"),
        ("figure", "cited_figure_search"),
        ("resolution", "resolution_search"),
    ],
)
@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_each_public_search_is_answered_from_its_gin_index(kind, index, language):
    query = TextQuery("mediation", language)
    rows = search.KINDS[kind].fields.rows(search.public_parts(query)[kind], query, kind=kind)
    sql, params = rows.query.sql_with_params()

    with connection.cursor() as cursor:
        # The test tables are tiny: without this, PostgreSQL reads them whole (or through any
        # index), whichever index could answer the search. The table's other plain indexes (e.g.
        # the public documents' order) are dropped for the test's transaction, which rolls back.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s "
            "AND indexdef NOT ILIKE '%%USING gin%%' AND indexdef NOT ILIKE 'CREATE UNIQUE%%'",
            [rows.model._meta.db_table],
        )
        for (other_index,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{other_index}"')
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert f"Bitmap Index Scan on {index}_{language}" in plan


# --- My state --------------------------------------------------------------------------------


def test_a_focal_point_searches_their_own_states_records_only(
    client, turkiye_focal_point, turkiye, senegal, paragraph_training
):
    own = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title_en="Zephyr training of our diplomats",
        unit="actions",
    )
    CommitmentFactory(
        state=senegal,
        paragraph=paragraph_training,
        title_en="Zephyr training in Dakar",
        unit="actions",
    )
    ProgressReportFactory(
        commitment=own,
        status="in_progress",
        narrative="Zephyr course held; returned for changes",
        review_status="returned",
        reviewed_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
        quantity_delivered=0,
    )
    RosterMemberFactory(full_name="Zephyr Nominee", gender="female", nominating_state=turkiye)
    RosterMemberFactory(full_name="Zephyr Other Nominee", gender="female", nominating_state=senegal)
    client.force_login(turkiye_focal_point, backend=MODEL_BACKEND)

    response = client.get(reverse("my_state:search", args=["turkiye"]), {"q": "zephyr"})
    refused = client.get(reverse("my_state:search", args=["senegal"]), {"q": "zephyr"})

    assert response.status_code == 200
    page = response.context["page_obj"]
    assert sorted((result.kind, str(result.record)) for result in page.object_list) == [
        ("commitment", "Türkiye: Zephyr training of our diplomats"),
        ("progress_report", str(own.progress_reports.get())),
        ("roster_member", "Zephyr Nominee"),
    ]
    assert refused.status_code == 403


def test_my_state_search_needs_a_sign_in(client, turkiye):
    response = client.get(reverse("my_state:search", args=["turkiye"]), {"q": "zephyr"})

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


# --- The Secretariat -------------------------------------------------------------------------


def test_the_secretariat_searches_every_record_and_opens_it_in_the_admin(
    client, secretariat, turkiye
):
    person = RosterMemberFactory(full_name="Zephyr Mediator", gender="male")
    client.force_login(secretariat, backend=MODEL_BACKEND)

    response = client.get(reverse("secretariat_search"), {"q": "Zephyr"})

    (result,) = response.context["page_obj"].object_list
    assert result.kind == "roster_member"
    assert result.url == reverse("admin:network_rostermember_change", args=[person.pk])
    assert "<mark>Zephyr</mark> Mediator" in response.content.decode()


def test_staff_outside_the_secretariat_and_anonymous_visitors_are_refused(client):
    staff = StaffFactory(username="other.staff")

    anonymous = client.get(reverse("secretariat_search"), {"q": "x"})
    client.force_login(staff, backend=MODEL_BACKEND)
    other_staff = client.get(reverse("secretariat_search"), {"q": "x"})

    assert anonymous.status_code == 302
    assert other_staff.status_code == 403


def test_the_admins_home_offers_the_secretariat_its_search(client, secretariat):
    client.force_login(secretariat, backend=MODEL_BACKEND)

    html = client.get(reverse("admin:index")).content.decode()

    assert f'<form method="get" action="{reverse("secretariat_search")}" role="search">' in html
