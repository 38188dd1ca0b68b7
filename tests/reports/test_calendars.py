"""The iCalendar feeds, parsed with the icalendar library."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from network.models import ContactGroupMeeting, MemberState
from tests.factories import ContactGroupMeetingFactory
from trainings.models import Edition


@pytest.fixture(autouse=True)
def every_event(request, settings):
    """The 2018 events of these tests are older than a feed's window: show every event, except
    in the tests of the window itself."""
    if "feed_window" not in request.fixturenames:
        settings.OIC_CALENDAR_PAST_DAYS = None


@pytest.fixture
def feed_window(settings):
    settings.OIC_CALENDAR_PAST_DAYS = 365


def events(client, path: str, **extra) -> dict[str, dict]:
    response = client.get(path, **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {
        str(event["uid"]): {
            "summary": str(event["summary"]),
            "start": event.decoded("dtstart"),
            "end": event.decoded("dtend"),
            "stamp": event.decoded("dtstamp"),
        }
        for event in calendar.walk("VEVENT")
    }


def summaries(feed: dict) -> list[str]:
    return sorted(event["summary"] for event in feed.values())


def test_public_feed_has_every_meeting_edition_and_conference(client, year_2018):
    feed = events(client, "/en/calendar.ics")

    assert summaries(feed) == [
        "2nd Conference of OIC Member States on Mediation",
        "Contact Group of the Friends of Mediation — meeting no. 1",
        "Contact Group of the Friends of Mediation — meeting no. 3",
        "Mediation for Peace — edition no. 1",
        "Mediation for Peace — edition no. 2",
        "Mediation for Peace — edition no. 3",
    ]


def test_events_last_whole_days_with_an_exclusive_end(client, year_2018):
    feed = events(client, "/en/calendar.ics")
    by_summary = {event["summary"]: event for event in feed.values()}

    dakar = by_summary["Mediation for Peace — edition no. 2"]  # 7 to 9 May 2018
    assert (dakar["start"], dakar["end"]) == (datetime.date(2018, 5, 7), datetime.date(2018, 5, 10))
    conference = by_summary["2nd Conference of OIC Member States on Mediation"]
    assert (conference["start"], conference["end"]) == (
        datetime.date(2018, 11, 29),
        datetime.date(2018, 11, 30),
    )
    assert all(event["stamp"].tzinfo is not None for event in feed.values())


def test_a_meeting_known_to_the_month_spans_the_month(client, year_2018):
    ContactGroupMeeting.objects.filter(number=3).update(
        held_on=datetime.date(2019, 6, 1), date_precision="month"
    )

    feed = events(client, "/en/calendar.ics")

    meeting = next(e for e in feed.values() if e["summary"].endswith("meeting no. 3"))
    assert (meeting["start"], meeting["end"]) == (
        datetime.date(2019, 6, 1),
        datetime.date(2019, 7, 1),
    )


def test_summaries_follow_the_language_and_uids_do_not(client, year_2018):
    english = events(client, "/en/calendar.ics")
    french = events(client, "/fr/calendar.ics")
    arabic = events(client, "/ar/calendar.ics")

    assert english.keys() == french.keys() == arabic.keys()
    assert "Deuxième Conférence des États membres de l'OCI sur la médiation" in summaries(french)
    assert ["الوساطة من أجل السلام", "edition no. 1"][0] in " ".join(summaries(arabic))
    assert "مجموعة الاتصال لأصدقاء الوساطة" in " ".join(summaries(arabic))


def test_state_feed_has_what_the_state_hosts_attends_or_belongs_to(client, year_2018):
    turkiye = summaries(events(client, "/en/states/turkiye/calendar.ics"))
    senegal = summaries(events(client, "/en/states/senegal/calendar.ics"))

    # Türkiye: member of the group (both meetings), host of edition 1 and of the conference,
    # sent a participant to edition 2 (withdrawn, but enrolled in it).
    assert turkiye == [
        "2nd Conference of OIC Member States on Mediation",
        "Contact Group of the Friends of Mediation — meeting no. 1",
        "Contact Group of the Friends of Mediation — meeting no. 3",
        "Mediation for Peace — edition no. 1",
        "Mediation for Peace — edition no. 2",
    ]
    # Senegal: member of the group, host of edition 2; no conference, no edition 1 or 3.
    assert senegal == [
        "Contact Group of the Friends of Mediation — meeting no. 1",
        "Contact Group of the Friends of Mediation — meeting no. 3",
        "Mediation for Peace — edition no. 2",
    ]


def test_unknown_state_feed_is_a_404(client, db):
    assert client.get("/en/states/atlantis/calendar.ics").status_code == 404


@pytest.mark.parametrize("path", ["/en/calendar.ics", "/en/states/turkiye/calendar.ics"])
def test_feeds_take_the_same_queries_for_1_or_3_events_of_each_kind(client, year_2018, path):
    def cold() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    Edition.objects.filter(number__in=[1, 3]).delete()
    ContactGroupMeeting.objects.filter(number=3).delete()
    one = cold()
    group = ContactGroupMeeting.objects.get().group
    for number in (4, 5):
        ContactGroupMeetingFactory(
            group=group,
            number=number,
            held_on=datetime.date(2020, number, 1),
            place="Jeddah",
            level="expert",
        )

    assert cold() == one


def test_feed_leaves_out_events_that_ended_over_a_year_ago(client, year_2018, feed_window):
    today = datetime.date.today()
    edition = Edition.objects.get(number=2)
    edition.starts_on = today - datetime.timedelta(days=400)
    edition.ends_on = today - datetime.timedelta(days=360)
    edition.save()
    Edition.objects.filter(number=3).update(
        starts_on=today + datetime.timedelta(days=30), ends_on=None
    )

    feed = events(client, "/en/calendar.ics")

    assert summaries(feed) == [
        "Mediation for Peace — edition no. 2",
        "Mediation for Peace — edition no. 3",
    ]


def parsed(client, path: str, **extra) -> Calendar:
    response = client.get(path, **extra)
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def test_the_whole_history_is_there_on_request(client, year_2018, feed_window):
    recent = parsed(client, "/en/calendar.ics")
    history = parsed(client, "/en/calendar.ics?history=all")

    # The 2018 events ended more than a year ago: out of the default feed, all in the history.
    assert recent.walk("VEVENT") == []
    assert len(history.walk("VEVENT")) == 6
    assert len(parsed(client, "/en/states/senegal/calendar.ics?history=all").walk("VEVENT")) == 3


def test_an_unknown_history_value_is_refused_with_the_reason(client, year_2018):
    response = client.get("/fr/calendar.ics?history=everything")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text == (
        "Valeur inconnue pour history\u202f: «\u202feverything\u202f». Ajoutez ?history=all pour "
        "tous les événements depuis le premier, ou omettez-le pour l'année écoulée et les "
        "événements à venir."
    )


def test_a_feed_without_events_is_a_valid_calendar_that_says_so(client, year_2018, feed_window):
    """RFC 5545 (3.6): a calendar holds at least one component. A feed with no event holds one
    VFREEBUSY: the period it covers, with no busy time in it; no invented event."""
    today = datetime.date.today()

    calendar = parsed(client, "/en/states/senegal/calendar.ics")

    assert [component.name for component in calendar.subcomponents] == ["VFREEBUSY"]
    freebusy = calendar.subcomponents[0]
    senegal = MemberState.objects.get(iso_code="SN")
    assert str(freebusy["uid"]) == f"feed-state-{senegal.pk}-recent@oic-mediation-portal"
    assert freebusy.decoded("dtstamp").tzinfo is not None
    assert freebusy.decoded("dtstart") == datetime.datetime.combine(
        today - datetime.timedelta(days=365), datetime.time(), tzinfo=datetime.UTC
    )
    assert freebusy.decoded("dtend") == datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time(), tzinfo=datetime.UTC
    )
    assert "FREEBUSY" not in freebusy


def test_the_free_busy_component_gives_each_events_days_in_order(client, year_2018):
    calendar = parsed(client, "/en/calendar.ics?history=all")
    raw = calendar.to_ical().decode()

    events = sorted(
        (event.decoded("dtstart"), event.decoded("dtend")) for event in calendar.walk("VEVENT")
    )
    (freebusy,) = calendar.walk("VFREEBUSY")
    busy = [line for line in raw.splitlines() if line.startswith("FREEBUSY")]
    assert busy == [
        f"FREEBUSY;FBTYPE=BUSY:{start:%Y%m%d}T000000Z/{end:%Y%m%d}T000000Z" for start, end in events
    ]
    assert freebusy.decoded("dtstart").date() == events[0][0]
    assert freebusy.decoded("dtend").date() >= events[-1][1]


def test_uids_are_the_same_whatever_host_or_base_url(client, year_2018, settings):
    first = events(client, "/en/calendar.ics")
    settings.PORTAL_BASE_URL = "https://mediation.example.org"
    cache.clear()
    second = events(client, "/en/calendar.ics", HTTP_HOST="localhost")

    assert first.keys() == second.keys()
    assert all(uid.endswith("@oic-mediation-portal") for uid in first)
    assert not any("127.0.0.1" in uid or "localhost" in uid or "example" in uid for uid in first)


def test_arabic_feeds_keep_left_to_right_runs_whole(client, year_2018):
    year_2018.conference.theme_ar = "تنفيذ القرار رقم 53/45-POL: التحديات والفرص"
    year_2018.conference.save()

    feed = Calendar.from_ical(client.get("/ar/calendar.ics").content)

    (conference,) = [e for e in feed.walk("VEVENT") if str(e["uid"]).startswith("conference-")]
    assert (
        str(conference["description"]) == "تنفيذ القرار رقم \u206653/45-POL\u2069: التحديات والفرص"
    )
