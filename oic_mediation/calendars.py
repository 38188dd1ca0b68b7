"""iCalendar feeds of contact-group meetings, training editions and conferences.

- ``/<language>/calendar.ics``: every event of the past year and every upcoming one;
- ``/<language>/states/<slug>/calendar.ics``: the events a member state hosts, attends or belongs
  to (meetings of a contact group it is a member of or attended, editions it hosts or sent
  participants to, conferences it hosts).

Every event lasts whole days (``DTEND`` is the day after the last one, as iCalendar wants); a
meeting known only to the month spans that month. Summaries are in the feed's language. UIDs stay
the same across languages and over time, so a subscribed calendar updates instead of duplicating;
``DTSTAMP`` is when the record last changed.

A feed carries the events that end at most ``CALENDAR_PAST_DAYS`` days ago (one year; setting
``OIC_CALENDAR_PAST_DAYS``, ``None`` for every event) and every later one: what a subscribed
calendar needs, while the feed does not keep growing with the years of history (the dashboard's
pages list the past in full).
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from conferences.models import Conference
from network.models import ContactGroupMeeting, ContactGroupMembership, DatePrecision, MemberState
from oic_mediation.dashboard.cache import cached
from trainings.models import Edition, Participant

ONE_DAY = datetime.timedelta(days=1)
CALENDAR_PAST_DAYS = 365


def feed_starts_on() -> datetime.date | None:
    """The earliest day a feed's events may end on, or None for every event."""
    days = getattr(settings, "OIC_CALENDAR_PAST_DAYS", CALENDAR_PAST_DAYS)
    return None if days is None else timezone.localdate() - datetime.timedelta(days=days)


def _uid_domain() -> str:
    return urlsplit(settings.PORTAL_BASE_URL).hostname or "oic-mediation.invalid"


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _event(*, uid: str, summary: str, start, end, changed, location="", description="") -> Event:
    event = Event()
    event.add("uid", f"{uid}@{_uid_domain()}")
    event.add("dtstamp", (changed or timezone.now()).astimezone(datetime.UTC))
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("transp", "TRANSPARENT")
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    return event


def meeting_event(meeting: ContactGroupMeeting) -> Event:
    if meeting.number:
        summary = _("%(group)s — meeting no. %(number)s") % {
            "group": meeting.group.name,
            "number": meeting.number,
        }
    else:
        summary = _("%(group)s — meeting") % {"group": meeting.group.name}
    if meeting.date_precision == DatePrecision.MONTH:
        start = meeting.held_on.replace(day=1)
        end = _next_month(start)
        description = _("The sources give the month of this meeting, not the day.")
    else:
        start, end, description = meeting.held_on, meeting.held_on + ONE_DAY, ""
    return _event(
        uid=f"contact-group-meeting-{meeting.pk}",
        summary=summary,
        start=start,
        end=end,
        changed=meeting.updated_at,
        location=meeting.place,
        description="\n".join(part for part in (description, meeting.outcome) if part),
    )


def edition_event(edition: Edition) -> Event:
    if edition.title:
        summary = _("%(programme)s — %(title)s") % {
            "programme": edition.programme.name,
            "title": edition.title,
        }
    elif edition.number:
        summary = _("%(programme)s — edition no. %(number)s") % {
            "programme": edition.programme.name,
            "number": edition.number,
        }
    else:
        summary = edition.programme.name
    location = ", ".join(
        part
        for part in (edition.place, edition.host_state.name if edition.host_state else "")
        if part
    )
    return _event(
        uid=f"training-edition-{edition.pk}",
        summary=summary,
        start=edition.starts_on,
        end=(edition.ends_on or edition.starts_on) + ONE_DAY,
        changed=edition.updated_at,
        location=location,
    )


def conference_event(conference: Conference) -> Event:
    location = ", ".join(part for part in (conference.venue, conference.city) if part)
    return _event(
        uid=f"conference-{conference.pk}",
        summary=conference.title,
        start=conference.starts_on,
        end=(conference.ends_on or conference.starts_on) + ONE_DAY,
        changed=conference.updated_at,
        location=location,
        description=conference.theme,
    )


def calendar_for(state: MemberState | None = None) -> Calendar:
    """The calendar of every event, or of those of one member state."""
    meetings = ContactGroupMeeting.objects.select_related("group")
    editions = Edition.objects.select_related("programme", "host_state")
    conferences = Conference.objects.all()
    since = feed_starts_on()
    if since is not None:
        # A meeting known to the month is dated the month's first day: it counts until month end.
        meetings = meetings.filter(held_on__gte=since - datetime.timedelta(days=31))
        ended_since = Q(starts_on__gte=since) | Q(ends_on__gte=since)
        editions = editions.filter(ended_since)
        conferences = conferences.filter(ended_since)
    if state is not None:
        member = ContactGroupMembership.objects.filter(group=OuterRef("group"), state=state)
        meetings = meetings.filter(Q(Exists(member)) | Q(states_present=state)).distinct()
        trained = Participant.objects.filter(edition=OuterRef("pk"), state=state)
        editions = editions.filter(Q(host_state=state) | Q(Exists(trained)))
        conferences = conferences.filter(host_state=state)

    calendar = Calendar()
    calendar.add("prodid", "-//OIC Mediation Capacity Portal//Calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if state is None:
        name = _("OIC mediation: meetings, trainings and conferences")
    else:
        name = _("OIC mediation: %(state)s's meetings, trainings and conferences") % {
            "state": state.name
        }
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "UTC")
    for meeting in meetings.order_by("held_on", "pk"):
        calendar.add_component(meeting_event(meeting))
    for edition in editions.order_by("starts_on", "pk"):
        calendar.add_component(edition_event(edition))
    for conference in conferences.order_by("starts_on", "pk"):
        calendar.add_component(conference_event(conference))
    return calendar


def _ics_response(state: MemberState | None, filename: str) -> HttpResponse:
    # Drawing a feed costs about 1.5 ms an event (ten times as many at scale 10): it is kept
    # until a table it read changes, or the day changes (oic_mediation.dashboard.cache).
    body = cached(
        "calendar",
        lambda: calendar_for(state).to_ical(),
        state.pk if state else "",
        feed_starts_on(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_feed(request):
    return _ics_response(None, f"oic-mediation-{get_language()}.ics")


def state_calendar_feed(request, slug: str):
    state = get_object_or_404(MemberState, slug=slug)
    return _ics_response(state, f"oic-mediation-{state.slug}-{get_language()}.ics")
