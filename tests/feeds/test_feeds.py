"""What changed, as Atom feeds: overall, by kind, per state and per paragraph, in each language."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from oic_mediation import feeds
from resolutions.models import Commitment, PublishedReport
from tests.factories import (
    CommitmentFactory,
    ConferenceFactory,
    DocumentFactory,
    ProgressReportFactory,
    RecommendationFactory,
    RecommendationFollowUpFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
VALIDATED_AT = datetime.datetime(2021, 3, 1, 10, tzinfo=datetime.UTC)


def read(client, name: str, *args, language: str = "en") -> ET.Element:
    with translation.override(language):
        url = reverse(f"dashboard:{name}", args=args)
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def entries(feed: ET.Element) -> list[dict]:
    return [
        {
            "id": entry.findtext(f"{ATOM}id"),
            "title": entry.findtext(f"{ATOM}title"),
            "kind": entry.find(f"{ATOM}category").get("term"),
            "link": entry.find(f"{ATOM}link").get("href"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def report(commitment, *, review_status="validated", narrative="Ten diplomats trained", day=1):
    return ProgressReportFactory(
        commitment=commitment,
        status="in_progress",
        quantity_delivered=4,
        narrative=narrative,
        review_status=review_status,
        reviewed_at=None if review_status == "submitted" else VALIDATED_AT.replace(day=day),
    )


@pytest.fixture
def changes(turkiye, senegal, paragraph_training, resolution):
    pledge = CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title_en="Train 10 diplomats",
        title_fr="Former 10 diplomates",
        title_ar="تدريب 10 دبلوماسيين",
        target_quantity=10,
        unit="diplomats_trained",
        pledged_on=datetime.date(2020, 1, 1),
    )
    other = CommitmentFactory(
        state=senegal,
        paragraph=paragraph_training,
        title_en="Host a workshop",
        target_quantity=1,
        unit="actions",
        pledged_on=timezone.localdate(),
    )
    validated = report(pledge)
    report(pledge, review_status="submitted", narrative="Not yet validated")
    report(other, review_status="returned", narrative="Returned for changes")
    conference = ConferenceFactory(
        ordinal=2,
        title="2nd Conference on Mediation",
        starts_on=datetime.date(2018, 11, 29),
        city="",
    )
    recommendation = RecommendationFactory(
        conference=conference, number=4, text="Offer targeted training"
    )
    recommendation.paragraphs.add(paragraph_training)
    follow_up = RecommendationFollowUpFactory(
        recommendation=recommendation, status="in_progress", as_of=datetime.date(2021, 2, 1)
    )
    public = DocumentFactory(kind="speech", title="Opening speech", language="en")
    DocumentFactory(kind="other", title="Internal memo", language="en", is_public=False)
    published = PublishedReport.objects.create(
        language="fr",
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2020, 12, 31),
        title="Rapport de mise en œuvre 2020",
        pdf_file="reports/2021/report.pdf",
        html="<p>…</p>",
    )
    return {
        "pledge": pledge,
        "other": other,
        "validated": validated,
        "follow_up": follow_up,
        "document": public,
        "report": published,
    }


def test_the_overall_feed_lists_every_kind_of_public_change_and_nothing_unpublished(
    client, changes
):
    feed = read(client, "feed", "changes")

    found = {(entry["kind"], entry["id"].rsplit(":", 1)[1]) for entry in entries(feed)}
    assert found == {
        ("Validated progress", f"progress-report-{changes['validated'].pk}"),
        ("New commitments", f"commitment-{changes['pledge'].pk}"),
        ("New commitments", f"commitment-{changes['other'].pk}"),
        ("Recommendation follow-ups", f"recommendation-follow-up-{changes['follow_up'].pk}"),
        ("New documents", f"document-{changes['document'].pk}"),
        # The report published in French is in the French feed only.
    }
    text = ET.tostring(feed, encoding="unicode")
    for unpublished in ("Not yet validated", "Returned for changes", "Internal memo"):
        assert unpublished not in text


def test_each_language_has_its_feed_with_the_same_entry_ids(client, changes):
    english = entries(read(client, "feed", "commitments", language="en"))
    french_feed = read(client, "feed", "commitments", language="fr")
    arabic = entries(read(client, "feed", "commitments", language="ar"))
    french = entries(french_feed)

    assert french_feed.get(XML_LANG) == "fr"
    assert [e["id"] for e in english] == [e["id"] for e in french] == [e["id"] for e in arabic]
    pledge_id = next(e["id"] for e in english if "Train 10 diplomats" in e["title"])
    assert "Former 10 diplomates" in next(e["title"] for e in french if e["id"] == pledge_id)
    assert "تدريب 10 دبلوماسيين" in next(e["title"] for e in arabic if e["id"] == pledge_id)
    assert all(entry["link"].startswith("http://127.0.0.1:8000/fr/") for entry in french)


def test_published_reports_are_followed_in_their_own_language(client, changes):
    french = entries(read(client, "feed", "reports", language="fr"))
    english = entries(read(client, "feed", "reports", language="en"))

    assert [entry["title"] for entry in french] == ["Rapport de mise en œuvre 2020"]
    assert (
        french[0]["link"] == f"http://127.0.0.1:8000/fr/reports/{changes['report'].pk}/report.pdf"
    )
    assert english == []


def test_a_states_feed_follows_that_state_only(client, changes):
    turkiye = entries(read(client, "state_feed", "turkiye"))
    senegal = entries(read(client, "state_feed", "senegal"))

    assert {entry["id"].rsplit(":", 1)[1] for entry in turkiye} == {
        f"progress-report-{changes['validated'].pk}",
        f"commitment-{changes['pledge'].pk}",
    }
    assert {entry["id"].rsplit(":", 1)[1] for entry in senegal} == {
        f"commitment-{changes['other'].pk}"
    }
    assert turkiye[0]["link"] == "http://127.0.0.1:8000/en/states/turkiye/commitments/"


def test_a_paragraphs_feed_follows_its_commitments_and_recommendations(
    client, changes, paragraph_training
):
    found = entries(read(client, "paragraph_feed", paragraph_training.pk))

    assert sorted(entry["kind"] for entry in found) == [
        "New commitments",
        "New commitments",
        "Recommendation follow-ups",
        "Validated progress",
    ]


def test_stored_text_is_escaped_in_an_entrys_html_summary(client, changes):
    report(changes["pledge"], narrative='<img src=x onerror="alert(1)"> held', day=5)

    feed = read(client, "feed", "progress")

    summary = feed.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; held</p>"


def test_an_unknown_feed_state_or_paragraph_is_not_found(client, changes):
    assert client.get("/en/feeds/everything.atom").status_code == 404
    assert client.get("/en/states/atlantis/feed.atom").status_code == 404
    assert client.get("/en/paragraphs/999999/feed.atom").status_code == 404


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/en/", "/en/feeds/changes.atom"),
        ("/en/states/turkiye/", "/en/states/turkiye/feed.atom"),
        ("/en/conferences/", "/en/feeds/follow-ups.atom"),
        ("/en/reports/", "/en/feeds/reports.atom"),
    ],
)
def test_pages_link_the_feeds_that_follow_them(client, changes, page, feed):
    html = client.get(page).content.decode()

    assert re.search(
        rf'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="{feed}">', html
    )
    assert f'class="feed-link" href="{feed}"' in html


def test_a_paragraph_page_links_its_feed(client, changes, paragraph_training):
    html = client.get(f"/en/paragraphs/{paragraph_training.pk}/").content.decode()

    feed = f"/en/paragraphs/{paragraph_training.pk}/feed.atom"
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="What changed under Paragraph 8" href="{feed}">'
        in html
    )
    assert f'class="feed-link" href="{feed}"' in html


# Uncached, on the database's connection: a savepoint around the view, one query per kind of
# change (and the state or paragraph). The cache's lookups and stores run on its own connection
# (oic_mediation.database_cache).
@pytest.mark.parametrize(
    ("name", "args", "queries"),
    [
        ("feed", ("changes",), 7),
        ("feed", ("progress",), 3),
        ("state_feed", ("turkiye",), 5),
        ("paragraph_feed", (None,), 6),
    ],
)
@pytest.mark.parametrize("size", [1, 3])
def test_a_feed_runs_the_same_queries_for_one_or_three_changes_of_each_kind(
    client, django_assert_num_queries, turkiye, paragraph_training, size, name, args, queries
):
    for number in range(size):
        pledge = CommitmentFactory(
            state=turkiye,
            paragraph=paragraph_training,
            title=f"Pledge {number}",
            target_quantity=None,
            unit="actions",
            pledged_on=timezone.localdate(),
        )
        report(pledge)
        conference = ConferenceFactory(
            ordinal=number + 1,
            title=f"Conference {number}",
            starts_on=datetime.date(2019, 1, 1),
            city="",
        )
        recommendation = RecommendationFactory(conference=conference, number=1, text="x")
        recommendation.paragraphs.add(paragraph_training)
        RecommendationFollowUpFactory(recommendation=recommendation, status="pending")
        DocumentFactory(
            kind="other", title=f"Document {number}", language="en", conference=conference
        )
    args = (paragraph_training.pk,) if name == "paragraph_feed" else args

    with django_assert_num_queries(queries):
        feed = read(client, name, *args)

    assert len(entries(feed)) >= size


def test_a_feed_is_never_longer_than_its_size(client, turkiye, paragraph_training):
    Commitment.objects.bulk_create(
        CommitmentFactory.build(
            state=turkiye,
            paragraph=paragraph_training,
            title=f"Pledge {number}",
            target_quantity=None,
            unit="actions",
            pledged_on=timezone.localdate(),
        )
        for number in range(feeds.FEED_SIZE + 5)
    )

    assert len(entries(read(client, "feed", "commitments"))) == feeds.FEED_SIZE
