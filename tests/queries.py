"""Counting the SQL a request runs on every connection: the database's and the cache's own
(oic_mediation.database_cache gives the database cache a connection of its own)."""

from __future__ import annotations

from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from django.db import connections
from django.test.utils import CaptureQueriesContext


@dataclass
class Queries:
    by_alias: dict[str, CaptureQueriesContext] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(captured) for captured in self.by_alias.values())

    def of(self, alias: str) -> int:
        captured = self.by_alias.get(alias)
        return len(captured) if captured is not None else 0

    def __len__(self) -> int:
        return self.count


@contextmanager
def all_queries():
    """``with all_queries() as queries:`` … ``queries.count`` (``queries.of("cache")``)."""
    queries = Queries()
    with ExitStack() as stack:
        for alias in connections:
            queries.by_alias[alias] = stack.enter_context(CaptureQueriesContext(connections[alias]))
        yield queries
