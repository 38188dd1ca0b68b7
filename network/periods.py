"""When a period with an optional start and end — a membership, a co-chair's term, a roster role
— is current: one definition, as a query (``current_on``) and for a record in memory
(``is_current_on``). Used by ``network.selectors`` and by the models' ``is_current``."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone


def _day(as_of: datetime.date | None) -> datetime.date:
    return as_of or timezone.localdate()


def current_on(start: str, end: str, as_of: datetime.date | None = None, prefix: str = "") -> Q:
    """A period with an optional start and end is current on a day when it started on or before
    that day and ends after it: the day a member leaves, a co-chair steps down or a role ends is
    the first day they no longer hold it."""
    day = _day(as_of)
    return (Q(**{f"{prefix}{start}__isnull": True}) | Q(**{f"{prefix}{start}__lte": day})) & (
        Q(**{f"{prefix}{end}__isnull": True}) | Q(**{f"{prefix}{end}__gt": day})
    )


def is_current_on(
    start: datetime.date | None, end: datetime.date | None, as_of: datetime.date | None = None
) -> bool:
    """``current_on`` for one record already in memory."""
    day = _day(as_of)
    return (start is None or start <= day) and (end is None or end > day)
