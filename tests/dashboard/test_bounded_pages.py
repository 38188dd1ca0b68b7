"""Pages whose lists grow with the years show a bounded part, with a link to the rest a page at a
time, and run the same number of queries whatever the data size."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from network.models import ContactGroup, ContactGroupMeeting, MemberState
from oic_mediation.dashboard import selectors, views
from resolutions.models import Commitment, Paragraph
from tests.dashboard import dataset
from tests.dashboard.test_pages import text_of, url
from tests.dashboard.test_query_counts import without_csrf_token
from tests.factories import (
    CommitmentFactory,
    ConferenceFactory,
    ContactGroupMeetingFactory,
    EditionFactory,
    ProgrammeFactory,
    RecommendationFactory,
)
from tests.queries import all_queries
from trainings.models import Edition, Participant, Programme

pytestmark = pytest.mark.django_db


def add_commitments(paragraph: Paragraph, count: int) -> None:
    state = paragraph.commitments.exclude(state=None).first().state
    Commitment.objects.bulk_create(
        CommitmentFactory.build(
            paragraph=paragraph,
            state=state,
            title=f"Extra commitment {index:03}",
            status="pledged",
            target_quantity=None,
            unit="actions",
            pledged_on=timezone.localdate(),
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
        EditionFactory.build(
            programme=programme, number=10 + index, starts_on=datetime.date(2020 + index, 1, 6)
        )
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
def test_paragraph_page_query_count_does_not_grow_with_the_data(client, size):
    dataset.build(size)
    paragraph = Paragraph.objects.order_by("pk").first()
    cache.clear()

    with all_queries() as cold_queries:
        cold = client.get(url("dashboard:paragraph", {"pk": paragraph.pk}))
    with all_queries() as warm_queries:
        warm = client.get(url("dashboard:paragraph", {"pk": paragraph.pk}))

    assert (cold_queries.count, warm_queries.count) == (PARAGRAPH_COLD, 1)
    assert cold.status_code == warm.status_code == 200
    assert without_csrf_token(warm.content) == without_csrf_token(cold.content)


# With the recommendations on the paragraph and the course of its pledges and deliveries (one
# query per year since the first pledge, 2018).
# With the delivered figures by the grade of their evidence (one query) and the count of the
# recommendations on it (its 10 latest are shown); the figures shared by the three languages are
# read and stored in the cache once more.
PARAGRAPH_COLD = 29


def test_trainings_list_programmes_ten_at_a_time(client):
    dataset.build(1)
    Programme.objects.bulk_create(
        ProgrammeFactory.build(name=f"Course {index:02}", slug=f"course-{index:02}")
        for index in range(11)
    )

    first = client.get(url("dashboard:trainings"))
    second = client.get(url("dashboard:trainings") + "?page=2")

    assert [p.name for p in first.context["programmes"]][:2] == ["Course 00", "Course 01"]
    assert len(first.context["programmes"]) == 10
    assert [p.name for p in second.context["programmes"]] == ["Course 10", "Mediation for Peace"]
    assert "12 programmes" in text_of(first)
    assert "Page 2 of 2" in text_of(second)


def test_state_page_shows_ten_of_each_list_and_links_to_every_commitment(client):
    dataset.build(3)
    turkiye = MemberState.objects.get(slug="turkiye")
    paragraph = Paragraph.objects.get(number=8)
    Commitment.objects.bulk_create(
        CommitmentFactory.build(
            paragraph=paragraph,
            state=turkiye,
            title=f"Delivered {index:02}",
            status="delivered",
            target_quantity=None,
            unit="actions",
            pledged_on=timezone.localdate(),
            progress_as_of=datetime.date(2020, 1, 1) + datetime.timedelta(days=index),
        )
        for index in range(12)
    )
    Commitment.objects.bulk_create(
        CommitmentFactory.build(
            paragraph=paragraph,
            state=turkiye,
            title=f"Pending {index:02}",
            status="pledged",
            target_quantity=None,
            unit="actions",
            pledged_on=timezone.localdate(),
            due_on=datetime.date(2030, 1, 1) + datetime.timedelta(days=index),
        )
        for index in range(30)
    )
    total = Commitment.objects.filter(state=turkiye).count()

    page = client.get(url("dashboard:state", {"slug": "turkiye"}))
    every = client.get(url("dashboard:state_commitments", {"slug": "turkiye"}))
    second = client.get(url("dashboard:state_commitments", {"slug": "turkiye"}) + "?page=2")

    profile = page.context["profile"]
    assert (profile.delivered_count, profile.pending_count) == (3 + 12, 30)
    assert len(profile.delivered) == len(profile.pending) == selectors.STATE_LIST_SIZE == 10
    # The latest delivered, and the pending ones due first (the dataset's due in 2021).
    assert profile.delivered[0].title == "Delivered 11"
    assert [c.title for c in profile.pending[:2]] == ["Pending 00", "Pending 01"]
    assert "10 of 15 shown." in text_of(page)
    assert "10 of 30 shown." in text_of(page)
    link = url("dashboard:state_commitments", {"slug": "turkiye"})
    assert f'href="{link}"' in page.content.decode()
    assert total == 45
    assert len(every.context["page_obj"].object_list) == views.PAGE_SIZE
    assert len(second.context["page_obj"].object_list) == total - views.PAGE_SIZE
    assert "Page 2 of 2" in text_of(second)


def test_state_page_counts_its_trainees_even_where_someone_else_withdrew(client):
    dataset.build(3)
    turkiye = MemberState.objects.get(slug="turkiye")
    senegal = MemberState.objects.get(slug="senegal")
    edition = Edition.objects.filter(participants__state=turkiye).order_by("starts_on").first()
    edition.participants.create(
        full_name="Withdrawn",
        gender="male",
        state=senegal,
        completion=Participant.Completion.WITHDRAWN,
    )
    edition.participants.create(
        full_name="Also withdrawn",
        gender="male",
        state=turkiye,
        completion=Participant.Completion.WITHDRAWN,
    )
    expected = (
        Participant.objects.filter(state=turkiye)
        .exclude(completion=Participant.Completion.WITHDRAWN)
        .count()
    )

    profile = client.get(url("dashboard:state", {"slug": "turkiye"})).context["profile"]

    assert expected == 9
    assert profile.trainee_total == expected
    assert profile.training_edition_count == 9
    assert sum(edition.state_participants for edition in profile.trainings) == 9


def test_contact_group_shows_the_latest_meetings_and_links_to_every_meeting(client):
    dataset.build(1)
    group = ContactGroup.objects.get(slug="friends-of-mediation")
    ContactGroupMeeting.objects.bulk_create(
        ContactGroupMeetingFactory.build(
            group=group,
            number=index + 2,
            held_on=datetime.date(2019, 1, 1) + datetime.timedelta(days=30 * index),
            place=f"Place {index:02}",
            level="ambassador",
        )
        for index in range(29)
    )

    page = client.get(url("dashboard:contact_group"))
    every = client.get(url("dashboard:contact_group_meetings", {"slug": group.slug}))
    second = client.get(url("dashboard:contact_group_meetings", {"slug": group.slug}) + "?page=2")
    unknown = client.get(url("dashboard:contact_group_meetings", {"slug": "no-such-group"}))

    (shown,) = page.context["groups"]
    assert shown.meeting_count == 30
    assert [m.place for m in shown.latest_meetings[:2]] == ["Place 28", "Place 27"]
    assert len(shown.latest_meetings) == selectors.LATEST_MEETINGS == 10
    assert "10 of 30 shown." in text_of(page)
    assert f'href="{url("dashboard:contact_group_meetings", {"slug": group.slug})}"' in (
        page.content.decode()
    )
    assert "30 meetings" in text_of(every)
    assert len(every.context["page_obj"].object_list) == views.PAGE_SIZE
    assert len(second.context["page_obj"].object_list) == 5
    assert unknown.status_code == 404


def test_a_paragraph_page_shows_the_latest_recommendations_on_it_and_how_many_there_are(
    client, paragraph_training
):

    paragraph = paragraph_training
    conference = ConferenceFactory(
        ordinal=9, title="9th Conference", starts_on=datetime.date(2030, 5, 1), city=""
    )
    for number in range(1, 13):
        recommendation = RecommendationFactory(
            conference=conference, number=number, text=f"Recommendation numbered {number:02}"
        )
        recommendation.paragraphs.add(paragraph)
    cache.clear()

    text = text_of(client.get(url("dashboard:paragraph", {"pk": paragraph.pk})))

    shown = [number for number in range(1, 13) if f"Recommendation numbered {number:02}" in text]
    assert shown == list(range(1, 11))
    assert "10 of 12 shown." in text
