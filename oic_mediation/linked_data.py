"""schema.org descriptions of the public pages, embedded as JSON-LD.

- a resolution is a ``Legislation`` (its paragraphs are its parts);
- a conference is an ``Event``, and so is a contact-group meeting;
- a training programme is a ``Course``, its editions ``CourseInstance``\\ s;
- a member state is a ``GovernmentOrganization``, member of the OIC.

The context is written out (schema.org as the vocabulary) rather than fetched from schema.org, so
that any JSON-LD processor reads the documents offline, as the tests do. Every text is in the
page's language (``inLanguage``). Only what the page already holds is used: no query is added.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from network.models import DatePrecision
from oic_mediation.public_urls import absolute_url

CONTEXT = {
    "@vocab": "https://schema.org/",
    "url": {"@type": "@id"},
    "sameAs": {"@type": "@id"},
}
OIC = {
    "@type": "Organization",
    "@id": "https://www.oic-oci.org/#organization",
    "name": "Organisation of Islamic Cooperation",
    "url": "https://www.oic-oci.org/",
}
COURSE_MODES = {
    "in_person": "onsite",
    "online": "online",
    "hybrid": "blended",
    "simulation": "onsite",
}


def _clean(node: dict) -> dict:
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def graph(*nodes: dict) -> dict:
    """One JSON-LD document holding ``nodes``."""
    nodes = [node for node in nodes if node]
    if not nodes:
        return {}
    return {"@context": CONTEXT, "@graph": nodes}


def _page(path: str, fragment: str) -> str:
    return f"{absolute_url(path)}#{fragment}"


def state_node(state) -> dict:
    page = reverse("dashboard:state", args=[state.slug])
    return _clean(
        {
            "@type": "GovernmentOrganization",
            "@id": _page(page, "state"),
            "name": state.name,
            "url": absolute_url(page),
            "identifier": state.iso_code,
            "address": {"@type": "PostalAddress", "addressCountry": state.iso_code},
            "memberOf": OIC if state.is_full_member else None,
        }
    )


def _organisation(organisation) -> dict:
    return _clean(
        {
            "@type": "Organization",
            "name": organisation.name,
            "alternateName": organisation.acronym
            if organisation.acronym != organisation.name
            else "",
            "url": organisation.website,
        }
    )


def _host(state) -> dict | None:
    if state is None:
        return None
    return _clean(
        {
            "@type": "GovernmentOrganization",
            "@id": _page(reverse("dashboard:state", args=[state.slug]), "state"),
            "name": state.name,
        }
    )


def resolution_node(resolution) -> dict:
    paragraphs = getattr(resolution, "paragraph_list", [])
    return _clean(
        {
            "@type": "Legislation",
            "@id": _page(reverse("dashboard:home"), f"resolution-{resolution.pk}"),
            "name": resolution.title,
            "legislationIdentifier": resolution.symbol,
            "legislationType": _("Resolution"),
            "legislationDate": resolution.adopted_from.isoformat(),
            "legislationPassedBy": {
                "@type": "Organization",
                "name": _("Council of Foreign Ministers of the OIC"),
                "parentOrganization": OIC,
            },
            "legislationJurisdiction": OIC["name"],
            "inLanguage": get_language(),
            "abstract": resolution.summary,
            "sameAs": resolution.text_url,
            "url": absolute_url(reverse("dashboard:home")),
            "hasPart": [
                _clean(
                    {
                        "@type": "Legislation",
                        "@id": _page(reverse("dashboard:paragraph", args=[p.pk]), "paragraph"),
                        "name": f"{p.label}: {p.title}",
                        "legislationIdentifier": (
                            f"{resolution.symbol} ¶{p.number}" if p.number else ""
                        ),
                        "text": p.text,
                        "url": absolute_url(reverse("dashboard:paragraph", args=[p.pk])),
                    }
                )
                for p in paragraphs
            ],
        }
    )


def conference_node(conference) -> dict:
    page = reverse("dashboard:conference", args=[conference.ordinal])
    organisers = [_host(conference.host_state)] if conference.host_state else []
    organisers += [
        _organisation(organisation) for organisation in conference.partner_organisations.all()
    ]
    return _clean(
        {
            "@type": "Event",
            "@id": _page(page, "conference"),
            "name": conference.title,
            "description": conference.theme or conference.summary,
            "startDate": conference.starts_on.isoformat(),
            "endDate": (conference.ends_on or conference.starts_on).isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": _clean(
                {
                    "@type": "Place",
                    "name": conference.venue or conference.city,
                    "address": _clean(
                        {
                            "@type": "PostalAddress",
                            "addressLocality": conference.city,
                            "addressCountry": (
                                conference.host_state.iso_code if conference.host_state else ""
                            ),
                        }
                    ),
                }
            ),
            "organizer": organisers,
            "inLanguage": get_language(),
            "url": absolute_url(page),
        }
    )


def _meeting_date(meeting) -> str:
    # A meeting known only to the month is dated by its month (ISO 8601 allows "2018-11").
    if meeting.date_precision == DatePrecision.MONTH:
        return meeting.held_on.strftime("%Y-%m")
    return meeting.held_on.isoformat()


def meeting_node(meeting, group) -> dict:
    page = reverse("dashboard:contact_group_meetings", args=[group.slug])
    if meeting.number:
        name = _("%(group)s — meeting no. %(number)s") % {
            "group": group.name,
            "number": meeting.number,
        }
    else:
        name = _("%(group)s — meeting") % {"group": group.name}
    return _clean(
        {
            "@type": "Event",
            "@id": _page(page, f"meeting-{meeting.pk}"),
            "name": name,
            "startDate": _meeting_date(meeting),
            "endDate": _meeting_date(meeting),
            "description": meeting.outcome or meeting.agenda,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": meeting.place},
            "organizer": {"@type": "Organization", "name": group.name, "parentOrganization": OIC},
            "inLanguage": get_language(),
            "url": absolute_url(page),
        }
    )


def group_nodes(group, meetings) -> list[dict]:
    return [meeting_node(meeting, group) for meeting in meetings]


def _provider(programme) -> list[dict]:
    providers = []
    if programme.organiser_state:
        providers.append(_host(programme.organiser_state))
    if programme.organiser_organisation:
        providers.append(_organisation(programme.organiser_organisation))
    return providers or [OIC]


def course_node(programme, editions=()) -> dict:
    page = reverse("dashboard:programme", args=[programme.slug])
    return _clean(
        {
            "@type": "Course",
            "@id": _page(page, "course"),
            "name": programme.name,
            "description": programme.description or programme.name,
            "provider": _provider(programme),
            "inLanguage": get_language(),
            "educationalCredentialAwarded": (
                _("Certificate") if programme.awards_certificate else ""
            ),
            "sameAs": programme.website,
            "url": absolute_url(page),
            "hasCourseInstance": [edition_node(edition, programme) for edition in editions],
        }
    )


def edition_node(edition, programme) -> dict:
    location = ", ".join(
        part
        for part in (edition.place, edition.host_state.name if edition.host_state else "")
        if part
    )
    return _clean(
        {
            "@type": "CourseInstance",
            # Not str(edition), which reads the programme again.
            "name": edition.title
            or (f"{programme.name} — #{edition.number}" if edition.number else programme.name),
            "startDate": edition.starts_on.isoformat(),
            "endDate": (edition.ends_on or edition.starts_on).isoformat(),
            "courseMode": COURSE_MODES.get(edition.format, ""),
            "location": {"@type": "Place", "name": location} if location else None,
            "description": edition.description,
        }
    )
