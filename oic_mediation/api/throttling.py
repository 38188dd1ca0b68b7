"""API throttles that hold under concurrency, on the database cache and on Redis alike.

DRF's own throttles keep a list of timestamps per client, read it, append and write it back: two
requests at once both read the old list and one count is lost (8 threads got 700 of 700 requests
through a 600/minute rate). Here each request claims one numbered slot of the client's current
window with ``cache.add``, which is atomic on every Django cache backend (an INSERT on a unique key
in the database, SETNX in Redis): at most ``rate`` requests of a window can win a slot, however
many arrive together. The window is fixed (the current minute for ``…/minute``); a free slot is
found by a binary search over the slots already taken, a few reads.

Slots live in their own cache (``CACHES["throttle"]``), so that culling the page cache never
deletes them. Clients are identified by ``oic_mediation.client_address``, as django-axes does.
"""

from __future__ import annotations

from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from oic_mediation.client_address import client_address

THROTTLE_CACHE = "throttle"


class AtomicSlotThrottleMixin:
    """``allow_request`` by atomic slots in a fixed window; the rest is DRF's."""

    @property
    def cache(self):
        return caches[THROTTLE_CACHE]

    def get_ident(self, request) -> str:
        return client_address(request)

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        now = self.timer()
        window = int(now // self.duration)
        self.wait_seconds = (window + 1) * self.duration - now
        prefix = f"{self.key}:{window}"
        timeout = self.duration + 1
        slot = self._first_free_slot(prefix)
        while slot < self.num_requests:
            if self.cache.add(f"{prefix}:{slot}", 1, timeout):
                return True
            slot += 1  # taken meanwhile by a concurrent request: try the next one
        return self.throttle_failure()

    def _first_free_slot(self, prefix: str) -> int:
        """The lowest slot after the taken ones (slots are claimed in order, so taken slots form
        a prefix, apart from the slot of a request whose transaction was rolled back)."""
        low, high = 0, self.num_requests  # slots below ``low`` are taken; ``high`` is free
        while low < high:
            middle = (low + high) // 2
            if self.cache.get(f"{prefix}:{middle}") is None:
                high = middle
            else:
                low = middle + 1
        return low

    def wait(self) -> float:
        return max(self.wait_seconds, 0)


class PortalAnonRateThrottle(AtomicSlotThrottleMixin, AnonRateThrottle):
    """Anonymous clients, by address (``DJANGO_API_ANON_RATE``)."""


class PortalUserRateThrottle(AtomicSlotThrottleMixin, UserRateThrottle):
    """Signed-in clients, by account (``DJANGO_API_USER_RATE``). Anonymous clients have the anon
    rate only: DRF checks every throttle even after one refused, so a second count by address
    would be spent by refused requests and refuse allowed ones."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
