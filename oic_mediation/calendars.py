"""iCalendar feeds of contact-group meetings, training editions and conferences.

- ``/<language>/calendar.ics``: every event of the past year and every upcoming one;
- ``/<language>/states/<slug>/calendar.ics``: the events a member state hosts, attends or belongs
  to (meetings of a contact group it is a member of or attended, editions it hosts or sent
  participants to, conferences it hosts).

Every event lasts whole days (``DTEND`` is the day after the last one, as iCalendar wants); a
meeting known only to the month spans that month. Summaries are in the feed's language, their
left-to-right runs isolated in Arabic (``oic_mediation.direction``). UIDs stay the same across
languages, hosts and time ("conference-2@oic-mediation-portal": no host name, which would change
with the address the feed is read from), so a subscribed calendar updates instead of duplicating;
``DTSTAMP`` is when the record last changed.

A feed carries the events that end at most ``settings.OIC_CALENDAR_PAST_DAYS`` days ago (one
year; ``None`` for every event) and every later one: what a subscribed
calendar needs, while the feed does not keep growing with the years of history. ``?history=all``
gives every event since the first.

Every feed ends with one ``VFREEBUSY``: the period the feed covers (``DTSTART``/``DTEND``) and
the days its events take (``FREEBUSY``). RFC 5545 (3.6) wants at least one component in a
calendar, and a feed can rightly hold no event (a state with none this year): it then still says
something true and checkable, "nothing in this period", instead of being an invalid empty
VCALENDAR or holding an invented event or an unused time zone.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, FreeBusy, vPeriod

from conferences.models import Conference
from core.dates import EARLIEST_DATE, LATEST_DATE
from network.models import ContactGroupMeeting, ContactGroupMembership, DatePrecision, MemberState
from oic_mediation import direction
from oic_mediation.dashboard.cache import cached
from trainings.models import Edition, Participant
from trainings.selectors import public_editions

ONE_DAY = datetime.timedelta(days=1)


# The part of every UID after "@": fixed, so that an event keeps its identity whatever address
# the portal is reached by (RFC 7986 advises against host names in UIDs).
UID_DOMAIN = "oic-mediation-portal"
WHOLE_HISTORY = "all"


def feed_starts_on(*, whole_history: bool = False) -> datetime.date | None:
    """The earliest day a feed's events may end on, or None for every event."""
    days = settings.OIC_CALENDAR_PAST_DAYS
    if whole_history or days is None:
        return None
    return timezone.localdate() - datetime.timedelta(days=days)


def _midnight_utc(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _event(*, uid: str, summary: str, start, end, changed, location="", description="") -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", (changed or timezone.now()).astimezone(datetime.UTC))
    event.add("summary", direction.isolate_runs(summary))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("transp", "TRANSPARENT")
    if location:
        event.add("location", direction.isolate_runs(location))
    if description:
        event.add("description", direction.isolate_runs(description))
    return event


def coverage(events: list[Event], *, uid: str, since: datetime.date | None) -> FreeBusy:
    """The feed's period and the days its events take, as a published free/busy component.

    The period runs from the feed's first day (a year ago; for the whole history, today), or the
    first event's start if earlier, to the later of tomorrow and the last event's end. All-day events have no time
    zone: their days are given from midnight UTC, as FREEBUSY must be in UTC."""
    today = timezone.localdate()
    periods = sorted(
        (_midnight_utc(event.decoded("dtstart")), _midnight_utc(event.decoded("dtend")))
        for event in events
    )
    first = min([since or today, *(start.date() for start, _ in periods)])
    last = max([today + ONE_DAY, *(end.date() for _, end in periods)])
    component = FreeBusy()
    component.add("uid", f"{uid}@{UID_DOMAIN}")
    component.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    component.add("dtstart", _midnight_utc(first))
    component.add("dtend", _midnight_utc(last))
    for period in periods:
        busy = vPeriod(period)
        # PERIOD is FREEBUSY's only value type: RFC 5545 lists no VALUE parameter for it.
        busy.params.pop("VALUE", None)
        busy.params["FBTYPE"] = "BUSY"
        component.add("freebusy", busy)
    return component


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


def calendar_for(state: MemberState | None = None, *, whole_history: bool = False) -> Calendar:
    """The calendar of every event, or of those of one member state."""
    meetings = ContactGroupMeeting.objects.select_related("group")
    editions = public_editions().select_related("programme", "host_state")
    conferences = Conference.objects.all()
    since = feed_starts_on(whole_history=whole_history)
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

    # A row stored before dates were bounded could not get its "day after": leave it out.
    meetings = meetings.filter(held_on__range=(EARLIEST_DATE, LATEST_DATE))
    editions = editions.filter(starts_on__range=(EARLIEST_DATE, LATEST_DATE)).exclude(
        ends_on__gt=LATEST_DATE
    )
    conferences = conferences.filter(starts_on__range=(EARLIEST_DATE, LATEST_DATE)).exclude(
        ends_on__gt=LATEST_DATE
    )

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
    calendar.add("x-wr-calname", direction.isolate_runs(name))
    calendar.add("x-wr-timezone", "UTC")
    events = [
        *(meeting_event(meeting) for meeting in meetings.order_by("held_on", "pk")),
        *(edition_event(edition) for edition in editions.order_by("starts_on", "pk")),
        *(conference_event(conference) for conference in conferences.order_by("starts_on", "pk")),
    ]
    for event in events:
        calendar.add_component(event)
    feed = "feed" if state is None else f"feed-state-{state.pk}"
    calendar.add_component(
        coverage(events, uid=f"{feed}-{'history' if since is None else 'recent'}", since=since)
    )
    return calendar


def _ics_response(request, state: MemberState | None, filename: str) -> HttpResponse:
    history = request.GET.get("history")
    if history not in (None, WHOLE_HISTORY):
        return HttpResponseBadRequest(
            _(
                "Unknown value for history: “%(value)s”. Add ?history=all for every event since "
                "the first, or leave it out for the past year and what is to come."
            )
            % {"value": history},
            content_type="text/plain; charset=utf-8",
        )
    body = calendar_body(state, whole_history=history == WHOLE_HISTORY)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_body(state=None, *, whole_history: bool = False) -> bytes:
    """The feed as it is served (the open-data page gives its size from the same copy)."""
    # Drawing a feed costs about 1.5 ms an event (ten times as many at scale 10): it is kept
    # until a table it read changes, or the day changes (oic_mediation.dashboard.cache).
    return cached(
        "calendar",
        lambda: calendar_for(state, whole_history=whole_history).to_ical(),
        state.pk if state else "",
        feed_starts_on(),
        "all" if whole_history else "",
    )


def calendar_feed(request):
    return _ics_response(request, None, f"oic-mediation-{get_language()}.ics")


def state_calendar_feed(request, slug: str):
    state = get_object_or_404(MemberState, slug=slug)
    return _ics_response(request, state, f"oic-mediation-{state.slug}-{get_language()}.ics")
