"""Reads about who takes part: member states, the contact group, the roster."""

from __future__ import annotations

from django.db.models import QuerySet

from network.models import (
    MEETING_SEARCH,
    MEMBER_STATE_SEARCH,
    ROSTER_MEMBER_SEARCH,
    ContactGroupMeeting,
    MemberState,
    RosterMember,
)

# --- Search ----------------------------------------------------------------------------------
# The records that match a query (oic_mediation.text_search); the portal's search
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
