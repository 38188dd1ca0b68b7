"""The contact groups in Popolo JSON (https://www.popoloproject.com/specs/):
``/<language>/contact-group/popolo.json``.

- ``organizations``: each contact group (part of the OIC), the OIC itself, and every member state
  and organisation that belongs or belonged to a group or co-chaired it, with its ISO codes;
- ``posts``: one "co-chair" post per group;
- ``memberships``: each membership of a group (``member`` is the state or organisation), and each
  co-chair period (a membership of the co-chair post), with their dates.

Names are in the reader's language; identifiers are the same in every language. Popolo is about
people too, but none is published here: the groups' members are states and organisations.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from network.models import ContactGroup, MemberState, Organisation
from oic_mediation.dashboard import selectors
from oic_mediation.public_urls import absolute_url

OIC_ID = "organization/oic"


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _without_empty(record: dict) -> dict:
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def _participant_id(participant) -> str:
    if isinstance(participant, MemberState):
        return f"state/{participant.iso_code}"
    return f"organisation/{participant.slug}"


def _participant(participant) -> dict:
    if isinstance(participant, MemberState):
        return _without_empty(
            {
                "id": _participant_id(participant),
                "name": participant.name,
                "classification": "member state",
                "identifiers": [
                    {"scheme": "ISO 3166-1 alpha-2", "identifier": participant.iso_code},
                    {"scheme": "ISO 3166-1 alpha-3", "identifier": participant.iso3_code},
                ],
                "links": [
                    {
                        "url": absolute_url(reverse("dashboard:state", args=[participant.slug])),
                        "note": _("Page of the member state on the portal"),
                    }
                ],
            }
        )
    assert isinstance(participant, Organisation)
    return _without_empty(
        {
            "id": _participant_id(participant),
            "name": participant.name,
            "other_names": [{"name": participant.acronym}] if participant.acronym else [],
            "classification": participant.get_kind_display(),
            "links": [{"url": participant.website}] if participant.website else [],
        }
    )


def _group_id(group: ContactGroup) -> str:
    return f"contact-group/{group.slug}"


def document() -> dict:
    groups = selectors.contact_groups()
    organizations = {
        OIC_ID: {
            "id": OIC_ID,
            "name": _("Organisation of Islamic Cooperation"),
            "classification": "intergovernmental organization",
        }
    }
    posts, memberships = [], []
    for group in groups:
        organizations[_group_id(group)] = _without_empty(
            {
                "id": _group_id(group),
                "name": group.name,
                "classification": "contact group",
                "parent_id": OIC_ID,
                "founding_date": _date(group.established_on),
                "links": [
                    {
                        "url": absolute_url(reverse("dashboard:contact_group")),
                        "note": _("Page of the contact group on the portal"),
                    }
                ],
            }
        )
        post_id = f"{_group_id(group)}/co-chair"
        posts.append(
            {
                "id": post_id,
                "label": _("Co-chair of the %(group)s") % {"group": group.name},
                "role": _("Co-chair"),
                "organization_id": _group_id(group),
            }
        )
        for membership in group.membership_list:
            member = membership.participant
            organizations.setdefault(_participant_id(member), _participant(member))
            memberships.append(
                _without_empty(
                    {
                        "id": f"membership/{membership.pk}",
                        "role": _("Member"),
                        "member": {"@type": "Organization", "id": _participant_id(member)},
                        "organization_id": _group_id(group),
                        "start_date": _date(membership.joined_on),
                        "end_date": _date(membership.left_on),
                    }
                )
            )
        for period in group.co_chair_list:
            chair = period.participant
            organizations.setdefault(_participant_id(chair), _participant(chair))
            memberships.append(
                _without_empty(
                    {
                        "id": f"co-chair/{period.pk}",
                        "role": _("Co-chair"),
                        "member": {"@type": "Organization", "id": _participant_id(chair)},
                        "organization_id": _group_id(group),
                        "post_id": post_id,
                        "start_date": _date(period.started_on),
                        "end_date": _date(period.ended_on),
                    }
                )
            )
    return {
        "organizations": list(organizations.values()),
        "posts": posts,
        "memberships": memberships,
    }
