"""Reads of the training figures, each one query whatever the number of participants."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from trainings.models import Participant


def counted_participants() -> QuerySet[Participant]:
    """The participants who count as trained: all but those who withdrew."""
    return Participant.objects.exclude(completion=Participant.Completion.WITHDRAWN)


def trainees_by_state() -> dict[int, int]:
    """Participants who did not withdraw, by the id of their member state; states without any are
    left out. One pass over the participants."""
    rows = (
        counted_participants()
        .filter(state__isnull=False)
        .order_by()
        .values("state")
        .annotate(total=Count("id"))
    )
    return {row["state"]: row["total"] for row in rows}
