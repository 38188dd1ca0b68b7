"""Who is asking: the client's address, one definition for the sign-in lockout (django-axes,
``AXES_CLIENT_IP_CALLABLE``) and the API throttles (``oic_mediation.api.throttling``).

``X-Forwarded-For`` is whatever the client wrote, followed by what each proxy appended: only the
entries appended by proxies we run can be believed. ``DJANGO_PROXY_COUNT`` says how many stand
in front of the portal (0: clients connect directly, the header is ignored; 1: one nginx, which
appends the address it saw). The client is then the address the outermost of our proxies saw:
with ``n`` proxies, the ``n``-th entry from the right of the header followed by ``REMOTE_ADDR``.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [part.strip() for part in forwarded.split(",") if part.strip()] + [remote]
    # Fewer entries than proxies: a request that did not come through all of them; the entry
    # furthest left is the closest to the client that we have.
    candidate = chain[-(proxies + 1)] if len(chain) > proxies else chain[0]
    return _valid(candidate) or remote
