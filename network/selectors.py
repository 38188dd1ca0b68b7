"""Reads about who takes part: the network of mediators, envoys and experts, its public profiles,
and the contact groups' members and co-chairs. Each public figure is defined here once; the
dashboard, the API, the exports, the report and roster matching call these.

Every function takes ``as_of`` (a date; ``None`` for today) so that a report on a past period
counts what was true at its end.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict, cast

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext_noop

from core.db import SubqueryCount
from core.definitions import defines
from network.models import (
    MEETING_SEARCH,
    MEMBER_STATE_SEARCH,
    ROSTER_MEMBER_SEARCH,
    CoChairPeriod,
    ContactGroup,
    ContactGroupMeeting,
    ContactGroupMembership,
    Deployment,
    ExpertiseArea,
    Gender,
    GeographicGroup,
    Language,
    MemberState,
    Region,
    RosterMember,
    RosterRole,
)
from network.periods import current_on

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

# --- Periods: memberships, co-chairs and roles -------------------------------------------------
# When a period is current: network.periods.


@defines(
    "contact_group_member",
    term=gettext_noop("Member of a contact group"),
    text=gettext_noop(
        "A state or organisation is a current member of a contact group from the day it joined "
        "(or always, when the day is not known) until the day it left: on the day it leaves, it "
        "is no longer a member."
    ),
)
def current_memberships(as_of: datetime.date | None = None) -> QuerySet[ContactGroupMembership]:
    return ContactGroupMembership.objects.filter(current_on("joined_on", "left_on", as_of))


@defines(
    "contact_group_co_chair",
    term=gettext_noop("Co-chair of a contact group"),
    text=gettext_noop(
        "A co-chair serves from the start of its period until its end, on the same terms as a "
        "membership."
    ),
)
def current_co_chairs(as_of: datetime.date | None = None) -> QuerySet[CoChairPeriod]:
    return CoChairPeriod.objects.filter(current_on("started_on", "ended_on", as_of))


def in_a_contact_group(as_of: datetime.date | None = None) -> Exists:
    """For a MemberState queryset: the state is a current member of some contact group."""
    return Exists(current_memberships(as_of).filter(state=OuterRef("pk")))


def contact_groups(latest_meetings: int = 10) -> list[ContactGroup]:
    """Every contact group with its members, co-chair periods, its ``latest_meetings`` latest
    meetings, and the counts of its current members and of its meetings."""
    memberships = ContactGroupMembership.objects.select_related("state", "organisation").order_by(
        "state__name", "organisation__name"
    )
    return list(
        ContactGroup.objects.prefetch_related(
            Prefetch("memberships", queryset=memberships, to_attr="membership_list"),
            Prefetch(
                "co_chair_periods",
                queryset=CoChairPeriod.objects.select_related("state", "organisation"),
                to_attr="co_chair_list",
            ),
            Prefetch(
                "meetings",
                queryset=group_meetings()[:latest_meetings],
                to_attr="latest_meetings",
            ),
        )
        .annotate(
            member_count=SubqueryCount(current_memberships().filter(group=OuterRef("pk"))),
            meeting_count=SubqueryCount(ContactGroupMeeting.objects.filter(group=OuterRef("pk"))),
        )
        .order_by("name")
    )


def contact_groups_for_api() -> QuerySet[ContactGroup]:
    return ContactGroup.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=ContactGroupMembership.objects.select_related("state", "organisation"),
        ),
        Prefetch(
            "co_chair_periods",
            queryset=CoChairPeriod.objects.select_related("state", "organisation"),
        ),
    )


def group_meetings(group: ContactGroup | None = None) -> QuerySet[ContactGroupMeeting]:
    """A group's meetings (every group's without one), the latest first."""
    meetings = ContactGroupMeeting.objects.order_by("-held_on", "-id")
    return meetings if group is None else meetings.filter(group=group)


def meetings_for_api() -> QuerySet[ContactGroupMeeting]:
    return ContactGroupMeeting.objects.select_related("group").prefetch_related(
        "states_present", "organisations_present"
    )


class GroupInPeriod(TypedDict):
    members_recorded: int
    members_joined: int
    meetings_in_period: int
    reported_count_applies: bool  # set on each group, not by the database


class MeetingInPeriod(TypedDict):
    states_count: int


def contact_groups_in_period(
    since: datetime.date, until: datetime.date
) -> tuple[
    list[WithAnnotations[ContactGroup, GroupInPeriod]],
    list[WithAnnotations[ContactGroupMeeting, MeetingInPeriod]],
]:
    """The groups established by ``until`` with their members on that day, the members who joined
    in the period and the meetings held in it; and those meetings, with the states present."""
    groups = cast(
        "list[WithAnnotations[ContactGroup, GroupInPeriod]]",
        list(
            ContactGroup.objects.filter(
                Q(established_on__isnull=True) | Q(established_on__lte=until)
            )
            .annotate(
                members_recorded=SubqueryCount(
                    current_memberships(until).filter(group=OuterRef("pk"))
                ),
                members_joined=SubqueryCount(
                    ContactGroupMembership.objects.filter(
                        group=OuterRef("pk"), joined_on__gte=since, joined_on__lte=until
                    )
                ),
                meetings_in_period=SubqueryCount(
                    ContactGroupMeeting.objects.filter(
                        group=OuterRef("pk"), held_on__gte=since, held_on__lte=until
                    )
                ),
            )
            .order_by("name")
        ),
    )
    for group in groups:
        group.reported_count_applies = (
            group.reported_member_count is not None
            and group.reported_members_as_of is not None
            and group.reported_members_as_of <= until
        )
    meetings = list(
        ContactGroupMeeting.objects.filter(held_on__gte=since, held_on__lte=until)
        .select_related("group")
        .annotate(states_count=Count("states_present", distinct=True))
        .order_by("held_on", "id")
    )
    return groups, meetings


# --- The network -----------------------------------------------------------------------------


@defines(
    "network_member",
    term=gettext_noop("People in the network"),
    text=gettext_noop(
        "A person nominated to the network of mediators, special envoys and experts counts in it "
        "once their consent is recorded, until they withdraw it, unless the Secretariat declined "
        "the nomination. People whose vetting is pending count; people without recorded consent "
        "do not."
    ),
)
def in_network(as_of: datetime.date | None = None) -> QuerySet[RosterMember]:
    """For a past day, counts the people nominated and consenting by then whose consent was not
    withdrawn by then (the vetting decision is the current one: its date is not recorded)."""
    members = RosterMember.objects.exclude(vetting_status=RosterMember.Vetting.DECLINED)
    if as_of is None:
        return members.filter(consent_given_on__isnull=False, consent_withdrawn_on__isnull=True)
    return members.filter(
        Q(nominated_on__lte=as_of) | Q(nominated_on__isnull=True, created_at__date__lte=as_of),
        consent_given_on__lte=as_of,
    ).filter(Q(consent_withdrawn_on__isnull=True) | Q(consent_withdrawn_on__gt=as_of))


@defines(
    "public_profile",
    term=gettext_noop("Public profile"),
    text=gettext_noop(
        "A person in the network is named in public only when they chose a public profile; their "
        "e-mail, phone, address, vetting and nominator are never public."
    ),
)
def public_profiles() -> QuerySet[RosterMember]:
    """In the network with a public profile, without contact details, by name."""
    return (
        in_network()
        .filter(visibility=RosterMember.Visibility.PUBLIC)
        .select_related("nationality", "nominating_state")
        .prefetch_related(
            "expertise",
            "languages",
            "regions",
            Prefetch(
                "roles",
                queryset=current_roles().order_by("role", "id"),
                to_attr="open_roles",
            ),
        )
        .defer("email", "phone", "postal_address")
        .order_by("full_name", "id")
    )


def current_roles(as_of: datetime.date | None = None) -> QuerySet[RosterRole]:
    """Roles held on the day (started by then, not ended)."""
    return RosterRole.objects.filter(current_on("started_on", "ended_on", as_of))


@dataclass(frozen=True)
class Tally:
    """One line of a breakdown: ``key`` is the stored value (None for "none")."""

    key: object
    label: str
    count: int


@dataclass
class NetworkBreakdown:
    total: int
    by_role: list[Tally] = field(default_factory=list)
    by_gender: list[Tally] = field(default_factory=list)
    by_region: list[Tally] = field(default_factory=list)
    by_expertise: list[Tally] = field(default_factory=list)
    by_language: list[Tally] = field(default_factory=list)
    by_group: list[Tally] = field(default_factory=list)
    public_count: int = 0
    vetted: int = 0
    nominated_by_secretariat: int = 0


def _tallies(rows, key: str, labels: dict) -> list[Tally]:
    """Every choice in ``labels``' order, with 0 where nobody has it."""
    found = {row[key]: row["total"] for row in rows}
    return [Tally(value, str(label), found.get(value, 0)) for value, label in labels.items()]


def network_breakdown(as_of: datetime.date | None = None) -> NetworkBreakdown:
    """The size and balance of the network (see ``in_network``), in a fixed number of queries.

    By role counts the people holding each role on the day; by region, expertise and language the
    people with each (a person may count under several); by geographic group the nominating
    state's group (key None: nominated by the General Secretariat; "": the state's group is not
    recorded).
    """
    members = in_network(as_of)
    figures = members.aggregate(
        total=Count("id"),
        vetted=Count("id", filter=Q(vetting_status=RosterMember.Vetting.VETTED)),
        by_secretariat=Count("id", filter=Q(nominating_state__isnull=True)),
        public=Count("id", filter=Q(visibility=RosterMember.Visibility.PUBLIC)),
    )
    roles = (
        current_roles(as_of)
        .filter(person__in=members)
        .order_by()
        .values("role")
        .annotate(total=Count("person", distinct=True))
    )
    genders = members.order_by().values("gender").annotate(total=Count("id"))

    def by_model(model, relation_key: str) -> list[Tally]:
        # Instances, not values(): the translated name falls back to English when missing.
        items = model.objects.annotate(
            total=Count("roster_members", filter=Q(roster_members__in=members), distinct=True)
        ).order_by("name")
        return [Tally(getattr(item, relation_key), str(item), item.total) for item in items]

    groups = (
        members.order_by().values("nominating_state__geographic_group").annotate(total=Count("id"))
    )
    group_labels: dict = dict(GeographicGroup.choices)
    by_group = _tallies(
        groups, "nominating_state__geographic_group", {**group_labels, "": "", None: ""}
    )
    return NetworkBreakdown(
        total=figures["total"],
        by_role=_tallies(roles, "role", dict(RosterRole.Role.choices)),
        by_gender=_tallies(genders, "gender", dict(Gender.choices)),
        by_region=by_model(Region, "slug"),
        by_expertise=by_model(ExpertiseArea, "slug"),
        by_language=by_model(Language, "code"),
        by_group=by_group,
        public_count=figures["public"] if as_of is None else 0,
        vetted=figures["vetted"],
        nominated_by_secretariat=figures["by_secretariat"],
    )


def nominees_of(state: MemberState) -> dict:
    """The people a state nominated who are in the network: total, vetted, pending vetting."""
    return (
        in_network()
        .filter(nominating_state=state)
        .aggregate(
            total=Count("id"),
            vetted=Count("id", filter=Q(vetting_status=RosterMember.Vetting.VETTED)),
            pending=Count("id", filter=Q(vetting_status=RosterMember.Vetting.PENDING)),
        )
    )


def nominated_in_period(since: datetime.date, until: datetime.date) -> int:
    return in_network(until).filter(nominated_on__gte=since, nominated_on__lte=until).count()


def deployments_in_period(since: datetime.date, until: datetime.date) -> dict:
    """Deployments under way at some time in the period, and in how many contexts."""
    deployments = Deployment.objects.filter(started_on__lte=until).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=since)
    )
    return {
        "deployments": deployments.count(),
        "deployment_contexts": deployments.values("context").distinct().count(),
    }


# --- Search ----------------------------------------------------------------------------------
# The records that match a query (core.text_search); the portal's search
# (oic_mediation.search) ranks and combines them.


def search_states(query, states: QuerySet[MemberState] | None = None) -> QuerySet:
    states = states if states is not None else MemberState.objects.all()
    return MEMBER_STATE_SEARCH.matching(states, query)


def search_meetings(query, meetings: QuerySet[ContactGroupMeeting] | None = None) -> QuerySet:
    meetings = meetings if meetings is not None else ContactGroupMeeting.objects.all()
    return MEETING_SEARCH.matching(meetings, query)


def search_roster_members(query, people: QuerySet[RosterMember]) -> QuerySet:
    """People by name: for the Secretariat's search only, never in public."""
    return ROSTER_MEMBER_SEARCH.matching(people, query)
