"""Pagination: limit/offset with a cap, so one request cannot ask for the whole table."""

from __future__ import annotations

from rest_framework.pagination import LimitOffsetPagination

MAX_PAGE_SIZE = 200


class CappedLimitOffsetPagination(LimitOffsetPagination):
    """``?limit=`` above the cap is served as the cap; the open-data exports give whole tables."""

    max_limit = MAX_PAGE_SIZE
