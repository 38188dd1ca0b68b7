"""Inline rows of tracked records in the Secretariat's admin carry the version they showed: a row
someone else saved after the page was loaded is refused with an error on that row, and nothing of
the submission is stored; a reloaded page saves."""

from __future__ import annotations

import datetime

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.admin import TrackedInlineMixin
from core.models import TrackedModel
from network.models import ContactGroupMeeting
from resolutions.models import Paragraph
from tests.admin import test_pages as admin_tests
from tests.admin.test_pages import DOMAIN_APPS, admin_url, form_fields, post_errors
from tests.factories import ContactGroupMeetingFactory, ParagraphFactory, ParticipantFactory
from trainings.models import Edition, Participant

contact_group = admin_tests.contact_group
programme = admin_tests.programme
edition = admin_tests.edition

STALE_MESSAGE = (
    "The record was changed by someone else (you edited version 1, it is now at version 2). "
    "Reload the page to see their changes, then edit again."
)


def row_errors(response, model) -> list[list[str]]:
    """The errors shown on each row of the inline of ``model``, in row order."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return [list(form.non_field_errors()) for form in inline.formset.forms]
    raise AssertionError(f"no inline of {model._meta.label} on the page")


@pytest.fixture
def meeting(contact_group) -> ContactGroupMeeting:
    return ContactGroupMeetingFactory(
        group=contact_group,
        number=1,
        held_on=datetime.date(2018, 9, 24),
        place="New York, alongside UNGA-73",
        level="ministerial",
    )


@pytest.fixture
def participant(edition, senegal) -> Participant:
    return ParticipantFactory(
        edition=edition, full_name="Fatou Ndiaye", gender="female", state=senegal
    )


def test_every_inline_of_a_tracked_model_checks_the_version():
    inlines = {
        inline
        for model_admin in admin.site._registry.values()
        if model_admin.model._meta.app_label in DOMAIN_APPS
        for inline in model_admin.inlines
    }
    tracked = {inline for inline in inlines if issubclass(inline.model, TrackedModel)}

    assert len(tracked) >= 14
    assert [
        inline.__name__ for inline in tracked if not issubclass(inline, TrackedInlineMixin)
    ] == []


def test_each_inline_row_carries_its_version_and_shows_it(secretariat_client, meeting):
    meeting.place = "Istanbul"
    meeting.save()

    response = secretariat_client.get(admin_url(type(meeting.group), "change", meeting.group.pk))

    shown = form_fields(response)
    assert shown["meetings-0-expected_version"] == "2"
    assert 'name="meetings-0-expected_version"' in response.content.decode()
    assert '<div class="readonly">2</div>' in response.content.decode()


def test_a_stale_meeting_row_is_refused_and_nothing_of_the_page_is_stored(
    secretariat_client, contact_group, meeting
):
    url = admin_url(type(contact_group), "change", contact_group.pk)
    shown = form_fields(secretariat_client.get(url))
    meeting.place = "Istanbul, changed meanwhile by a colleague"
    meeting.save()
    shown["meetings-0-place_en"] = "My older edit"
    shown["name_en"] = "A new name typed on the same page"

    response = secretariat_client.post(url, shown)

    assert response.status_code == 200
    assert row_errors(response, ContactGroupMeeting) == [[STALE_MESSAGE]]
    assert STALE_MESSAGE in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.place_en == "Istanbul, changed meanwhile by a colleague"
    assert meeting.version == 2
    contact_group.refresh_from_db()
    assert contact_group.name_en == "Contact Group of the Friends of Mediation"


def test_a_reloaded_meeting_row_saves(secretariat_client, contact_group, meeting):
    url = admin_url(type(contact_group), "change", contact_group.pk)
    meeting.place = "Istanbul, changed meanwhile by a colleague"
    meeting.save()
    shown = form_fields(secretariat_client.get(url))
    shown["meetings-0-place_en"] = "Istanbul, Çırağan Palace"

    response = secretariat_client.post(url, shown)

    assert response.status_code == 302, post_errors(response)
    meeting.refresh_from_db()
    assert meeting.place_en == "Istanbul, Çırağan Palace"
    assert meeting.version == 3


def test_a_stale_participant_row_is_refused_and_a_reloaded_one_saves(
    secretariat_client, edition, participant
):
    url = admin_url(Edition, "change", edition.pk)
    stale = form_fields(secretariat_client.get(url))
    participant.full_name = "Fatou Ndiaye Diop, changed meanwhile"
    participant.save()
    stale["participants-0-full_name"] = "Fatou Ndiaye Sarr"

    refused = secretariat_client.post(url, stale)

    assert refused.status_code == 200
    assert row_errors(refused, Participant) == [[STALE_MESSAGE]]
    participant.refresh_from_db()
    assert participant.full_name == "Fatou Ndiaye Diop, changed meanwhile"

    fresh = form_fields(secretariat_client.get(url))
    fresh["participants-0-full_name"] = "Fatou Ndiaye Sarr"
    saved = secretariat_client.post(url, fresh)

    assert saved.status_code == 302, post_errors(saved)
    participant.refresh_from_db()
    assert participant.full_name == "Fatou Ndiaye Sarr"
    assert participant.version == 3


def test_only_the_stale_paragraph_row_shows_the_error_and_no_row_is_stored(
    secretariat_client, resolution, paragraph_training
):
    other = ParagraphFactory(
        resolution=resolution, number=9, title="Roster of mediators", theme="network", position=2
    )
    url = admin_url(type(resolution), "change", resolution.pk)
    shown = form_fields(secretariat_client.get(url))
    other.title = "Roster of mediators, changed meanwhile"
    other.save()
    first, second = ("paragraphs-0", "paragraphs-1")
    assert shown[f"{first}-id"] == str(paragraph_training.pk)
    shown[f"{first}-title_en"] = "Training in mediation, my edit"
    shown[f"{second}-title_en"] = "Roster of mediators, my older edit"

    response = secretariat_client.post(url, shown)

    assert response.status_code == 200
    assert row_errors(response, Paragraph) == [[], [STALE_MESSAGE]]
    paragraph_training.refresh_from_db()
    other.refresh_from_db()
    assert paragraph_training.title_en == "Training in mediation"
    assert paragraph_training.version == 1
    assert other.title_en == "Roster of mediators, changed meanwhile"


def test_a_stale_row_marked_for_deletion_is_kept(secretariat_client, edition, participant):
    url = admin_url(Edition, "change", edition.pk)
    shown = form_fields(secretariat_client.get(url))
    participant.position = "Counsellor, changed meanwhile"
    participant.save()
    shown["participants-0-DELETE"] = "on"

    response = secretariat_client.post(url, shown)

    assert response.status_code == 200
    assert STALE_MESSAGE in post_errors(response)
    assert STALE_MESSAGE in response.content.decode()
    assert Participant.objects.get(pk=participant.pk).position == "Counsellor, changed meanwhile"


def test_new_rows_are_not_checked_and_untouched_rows_are_not_saved_again(
    secretariat_client, edition, participant, turkiye
):
    url = admin_url(Edition, "change", edition.pk)
    shown = form_fields(secretariat_client.get(url))
    shown.update(
        {
            "participants-TOTAL_FORMS": "2",
            "participants-1-full_name": "Mehmet Yılmaz",
            "participants-1-gender": "male",
            "participants-1-state": str(turkiye.pk),
            "participants-1-level": "junior",
            "participants-1-completion": "completed",
        }
    )

    response = secretariat_client.post(url, shown)

    assert response.status_code == 302, post_errors(response)
    assert list(edition.participants.order_by("full_name").values_list("full_name", "version")) == [
        ("Fatou Ndiaye", 1),
        ("Mehmet Yılmaz", 1),
    ]


def test_versions_cost_no_query_per_row_on_the_change_page(
    secretariat_client, edition, participant, senegal
):
    """Rows show the version they were loaded with; only the edition's own is read again."""
    url = admin_url(Edition, "change", edition.pk)

    def version_reads() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            response = secretariat_client.get(url)
        assert response.status_code == 200
        return [
            query["sql"].split(" FROM ")[1].split()[0]
            for query in queries.captured_queries
            if query["sql"].startswith("SELECT") and '"version" AS "version"' in query["sql"]
        ]

    one_row = version_reads()
    for name in ("Awa Sarr", "Moussa Fall"):
        ParticipantFactory(edition=edition, full_name=name, gender="male", state=senegal)

    assert one_row == ['"trainings_edition"']
    assert version_reads() == one_row
