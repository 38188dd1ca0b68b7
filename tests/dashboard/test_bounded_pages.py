"""Pages whose lists grow with the years show a bounded part, with a link to the rest a page at a
time, and run the same number of queries whatever the data size."""

import datetime

import pytest
from django.core.cache import cache

from oic_mediation.dashboard import selectors, views
from resolutions.models import Commitment, Paragraph
from tests.dashboard import dataset
from tests.dashboard.test_pages import text_of, url
from tests.dashboard.test_query_counts import without_csrf_token
from trainings.models import Edition, Programme

pytestmark = pytest.mark.django_db


def add_commitments(paragraph: Paragraph, count: int) -> None:
    state = paragraph.commitments.exclude(state=None).first().state
    Commitment.objects.bulk_create(
        Commitment(
            paragraph=paragraph,
            state=state,
            title=f"Extra commitment {index:03}",
            status="pledged",
        )
        for index in range(count)
    )


def test_home_shows_the_first_commitments_of_each_paragraph_and_links_to_the_rest(client):
    dataset.build(3)
    paragraph = Paragraph.objects.get(number=8)
    add_commitments(paragraph, 30)

    response = client.get(url("dashboard:home"))

    training = {p.number: p for p in response.context["resolutions"][0].paragraph_list}[8]
    assert len(training.commitment_list) == selectors.TOP_COMMITMENTS == 5
    assert f'href="{url("dashboard:paragraph", {"pk": paragraph.pk})}"' in response.content.decode()
    assert "Every commitment under Paragraph 8, with its delivery" in text_of(response)


def test_paragraph_page_lists_every_commitment_a_page_at_a_time(client):
    dataset.build(3)
    paragraph = Paragraph.objects.get(number=8)
    add_commitments(paragraph, 30)
    total = paragraph.commitments.count()

    first = client.get(url("dashboard:paragraph", {"pk": paragraph.pk}))
    last = client.get(url("dashboard:paragraph", {"pk": paragraph.pk}) + "?page=2")
    beyond = client.get(url("dashboard:paragraph", {"pk": paragraph.pk}) + "?page=99")
    malformed = client.get(url("dashboard:paragraph", {"pk": paragraph.pk}) + "?page=x")

    assert total == 34
    assert len(first.context["page_obj"].object_list) == views.PAGE_SIZE == 25
    assert len(last.context["page_obj"].object_list) == 34 - 25
    assert "Page 1 of 2" in text_of(first)
    assert "Next page" in text_of(first)
    assert beyond.context["page_obj"].number == 2
    assert malformed.context["page_obj"].number == 1
    assert [u.gap for u in first.context["units"]] == [91 - 42]


def test_unknown_paragraph_is_a_404(client):
    dataset.build(1)

    assert client.get(url("dashboard:paragraph", {"pk": 999999})).status_code == 404


def test_network_lists_public_profiles_a_page_at_a_time(client):
    dataset.build(3)

    response = client.get(url("dashboard:network"))

    assert response.context["public_count"] == 2
    assert [p.full_name for p in response.context["page_obj"].object_list] == [
        "Amina Diallo",
        "Layla Haddad",
    ]
    assert "Next page" not in text_of(response)


def test_trainings_show_the_latest_editions_and_link_to_the_programme_page(client):
    dataset.build(1)
    programme = Programme.objects.get(slug="programme-0")
    Edition.objects.bulk_create(
        Edition(programme=programme, number=10 + index, starts_on=datetime.date(2020 + index, 1, 6))
        for index in range(6)
    )

    trainings = client.get(url("dashboard:trainings"))
    page = client.get(url("dashboard:programme", {"slug": "programme-0"}))

    shown = trainings.context["programmes"][0].edition_list
    assert [edition.number for edition in shown] == [15, 14, 13, 12, 11]
    assert "All 8 editions of Mediation for Peace" in text_of(trainings)
    assert len(page.context["page_obj"].object_list) == 8
    assert "8 editions" in text_of(page)


def test_conferences_list_counts_what_each_produced_and_links_to_its_page(client):
    dataset.build(3)

    response = client.get(url("dashboard:conferences"))

    latest = response.context["conferences"][0]
    assert (latest.ordinal, latest.session_count, latest.recommendation_count) == (3, 3, 3)
    assert f'href="{url("dashboard:conference", {"ordinal": 3})}"' in response.content.decode()


def test_unknown_conference_or_programme_is_a_404(client):
    dataset.build(1)

    assert client.get(url("dashboard:conference", {"ordinal": 99})).status_code == 404
    assert client.get(url("dashboard:programme", {"slug": "nothing"})).status_code == 404


@pytest.mark.parametrize("size", [1, 3])
def test_paragraph_page_query_count_does_not_grow_with_the_data(
    client, django_assert_num_queries, size
):
    dataset.build(size)
    paragraph = Paragraph.objects.order_by("pk").first()
    cache.clear()

    with django_assert_num_queries(PARAGRAPH_COLD):
        cold = client.get(url("dashboard:paragraph", {"pk": paragraph.pk}))
    with django_assert_num_queries(1):
        warm = client.get(url("dashboard:paragraph", {"pk": paragraph.pk}))

    assert cold.status_code == warm.status_code == 200
    assert without_csrf_token(warm.content) == without_csrf_token(cold.content)


PARAGRAPH_COLD = 25


def test_trainings_list_programmes_ten_at_a_time(client):
    dataset.build(1)
    Programme.objects.bulk_create(
        Programme(name=f"Course {index:02}", slug=f"course-{index:02}") for index in range(11)
    )

    first = client.get(url("dashboard:trainings"))
    second = client.get(url("dashboard:trainings") + "?page=2")

    assert [p.name for p in first.context["programmes"]][:2] == ["Course 00", "Course 01"]
    assert len(first.context["programmes"]) == 10
    assert [p.name for p in second.context["programmes"]] == ["Course 10", "Mediation for Peace"]
    assert "12 programmes" in text_of(first)
    assert "Page 2 of 2" in text_of(second)
