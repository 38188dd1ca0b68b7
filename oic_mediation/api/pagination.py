"""Pagination: limit/offset with a cap, so one request cannot ask for the whole table."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import LimitOffsetPagination

MAX_PAGE_SIZE = 200


class CappedLimitOffsetPagination(LimitOffsetPagination):
    """``?limit=`` above the cap is served as the cap; the open-data exports give whole tables."""

    max_limit = MAX_PAGE_SIZE

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        descriptions = {
            "count": _("How many records match, over every page."),
            "next": _("The address of the next page; null on the last."),
            "previous": _("The address of the previous page; null on the first."),
            "results": _("The records of this page."),
        }
        for name, description in descriptions.items():
            paginated["properties"][name]["description"] = str(description)
        return paginated
