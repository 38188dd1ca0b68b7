"""Query expressions shared by the apps."""

from __future__ import annotations

from django.db import models


class SubqueryCount(models.Subquery):
    """The number of rows of a correlated queryset, as a scalar subquery (0 when there are none).

    ``Count("relation")`` joins and groups the whole table before the changelist or the API can
    take its page, so its cost grows with the data; this subquery is evaluated for the rows
    returned only. ``queryset`` is filtered with ``OuterRef``, e.g.
    ``SubqueryCount(Participant.objects.filter(edition=OuterRef("pk")))``.
    """

    template = "(SELECT count(*) FROM (%(subquery)s) _counted)"
    output_field = models.IntegerField()

    def __init__(self, queryset, **extra):
        super().__init__(queryset.order_by().values("pk"), **extra)
