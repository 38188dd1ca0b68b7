"""Reads of the network's figures, each one query whatever the size of the roster."""

from __future__ import annotations

from django.db.models import Count

from network.models import RosterMember


def nominees_by_state() -> dict[int, int]:
    """The people each member state nominated to the roster (whatever their vetting), by the
    state's id; states that nominated nobody are left out. One pass over the roster."""
    rows = (
        RosterMember.objects.filter(nominating_state__isnull=False)
        .order_by()
        .values("nominating_state")
        .annotate(total=Count("id"))
    )
    return {row["nominating_state"]: row["total"] for row in rows}
