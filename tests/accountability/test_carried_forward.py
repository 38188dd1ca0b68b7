"""Recommendations carried forward: each conference page shows what became of the previous
conference's recommendations; the implementation report gives each recommendation its whole
follow-up history."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import translation

from conferences import selectors
from conferences.models import Conference
from oic_mediation.reports.data import implementation_report
from oic_mediation.reports.rendering import render_html
from tests.factories import ConferenceFactory, RecommendationFactory, RecommendationFollowUpFactory
from tests.truth.surfaces import figure, page, text_of

pytestmark = pytest.mark.django_db


def conference(ordinal: int, year: int) -> Conference:
    return ConferenceFactory(
        ordinal=ordinal,
        title=f"Conference {ordinal}",
        title_fr=f"Conférence {ordinal}",
        title_ar=f"المؤتمر {ordinal}",
        starts_on=datetime.date(year, 11, 20),
        city="Istanbul",
    )


def follow(recommendation, status: str, on: datetime.date, note: str = "") -> None:
    RecommendationFollowUpFactory(recommendation=recommendation, status=status, as_of=on, note=note)


@pytest.fixture
def conferences(db):
    """The 1st conference's recommendation 1 went from pending to in progress to implemented;
    recommendation 2 has no follow-up; recommendations 3… (``size``) are in progress."""

    def build(size: int = 1):
        first, second = conference(1, 2017), conference(2, 2018)
        one = RecommendationFactory(conference=first, number=1, text="Map conflicts")
        follow(one, "pending", datetime.date(2018, 1, 10))
        follow(one, "in_progress", datetime.date(2018, 6, 1), note="Working group formed")
        follow(one, "implemented", datetime.date(2019, 3, 1))
        RecommendationFactory(conference=first, number=2, text="Early warning")
        for number in range(3, 3 + size):
            extra = RecommendationFactory(
                conference=first, number=number, text=f"Recommendation {number}"
            )
            follow(extra, "in_progress", datetime.date(2018, 3, 1))
        RecommendationFactory(conference=second, number=1, text="Keep it annual")
        return first, second

    return build


def test_the_next_conference_shows_what_became_of_the_previous_ones_recommendations(
    client, conferences
):
    conferences()
    carried = selectors.carried_forward(Conference.objects.get(ordinal=2))

    html = page(client, "dashboard:conference", {"ordinal": 2})

    assert carried.conference.ordinal == 1
    assert carried.counts == {"pending": 1, "in_progress": 1, "implemented": 1, "not_pursued": 0}
    assert int(figure(html, "carried-forward-followed-up-2")) == carried.followed_up_count == 2
    for status, count in carried.counts.items():
        assert int(figure(html, f"carried-forward-2-{status}")) == count
    text = text_of(html)
    assert "What became of the previous conference's recommendations" in text
    assert "Map conflicts Implemented as of 1 March 2019" in text
    # The earlier steps of its history are listed under it.
    assert re.search(r"10 January 2018\s*: Not yet acted on", text)


def test_the_first_conference_has_no_previous_one(client, conferences):
    conferences()
    html = page(client, "dashboard:conference", {"ordinal": 1})
    assert "previous conference" not in text_of(html)


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "What became of the previous conference's recommendations"),
        ("fr", "Suite donnée aux recommandations de la conférence précédente"),
        ("ar", "ما آلت إليه توصيات المؤتمر السابق"),
    ],
)
def test_the_carried_forward_section_reads_in_each_language(client, conferences, language, heading):
    conferences()
    html = page(client, "dashboard:conference", {"ordinal": 2}, language=language)
    assert heading in text_of(html)


@pytest.mark.parametrize("size", [1, 3])
def test_the_conference_page_costs_the_same_with_1_and_3_recommendations_carried_forward(
    client, conferences, django_assert_num_queries, size
):
    conferences(size)
    cache.clear()
    # The whole page with an empty cache, on the database's connection (the cache's lookups and
    # stores run on its own), with the previous conference and its recommendations' follow-ups
    # and measures.
    with django_assert_num_queries(14):
        page(client, "dashboard:conference", {"ordinal": 2})


def test_the_report_gives_each_recommendation_its_whole_follow_up_history(conferences):
    first, _second = conferences()
    # A report on 2017–2018: the 1st conference is the latest held; its follow-up of 2019 comes
    # after the period and is left out.
    report = implementation_report(
        since=datetime.date(2017, 1, 1), until=datetime.date(2018, 10, 31), language="en"
    )
    with translation.override("en"):
        html = render_html(report)
    text = text_of(html)

    assert report.conference == first
    assert "Recommendation 1: its follow-up" in text
    assert (
        "10 January 2018 — Not yet acted on 1 June 2018 — In progress: Working group formed" in text
    )
    assert "1 March 2019" not in text
    assert "Recommendation 2: its follow-up Early warning No follow-up recorded." in text
