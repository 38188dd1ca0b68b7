"""Whole-response caching of the public pages and the open-data API for anonymous visitors.

The public site is read far more than it is written. An anonymous GET of a dashboard page or an API
read is the same for every visitor, so it is rendered once and then served from the shared cache
(the database cache, or Redis) until the next write to the domain: the key carries the dashboard's
*generation* (``oic_mediation.dashboard.cache``), which every save or delete in the four domain apps
bumps, so no worker ever serves figures older than the last write, whichever worker handled it.

What is never cached: signed-in users (a session cookie), API clients with a token (an
``Authorization`` header), requests with other cookies (e.g. a pending message), anything but a
plain 200 (errors, redirects, streaming exports), responses that set a cookie, and any path outside
the ``dashboard`` and ``api`` URL namespaces (sign-in, password reset, the admin) and the API's
token, export, schema and documentation endpoints. The key also carries the language, the ``Accept`` header (JSON or the browsable API)
and the full path with its query string.

The language switcher's forms carry a CSRF token, which is personal. It is stored as a placeholder
and each visitor gets a fresh token of their own on every hit (and the CSRF cookie if they had
none), exactly as an uncached page would.

Anonymous API reads served from the cache skip DRF's throttling: a hit is cheaper than counting it.
"""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils.translation import get_language

from oic_mediation.dashboard.cache import generation

CACHED_NAMESPACES = {"dashboard", "api"}
UNCACHED_URL_NAMES = {"api:token", "api:export", "api:schema", "api:docs"}
TIMEOUT_SECONDS = 6 * 3600
CSRF_PLACEHOLDER = b"\x00csrf-token\x00"
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
# Cookies that do not change a public page: the language is part of the key, the CSRF token is
# substituted per visitor.
HARMLESS_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META or set(request.COOKIES) - HARMLESS_COOKIES:
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    namespace = match.namespaces[0] if match.namespaces else ""
    return namespace in CACHED_NAMESPACES and match.view_name not in UNCACHED_URL_NAMES


def _key(request: HttpRequest) -> str:
    varies = "\n".join(
        [
            request.method,
            request.get_full_path(),
            get_language() or "",
            request.META.get("HTTP_ACCEPT", ""),
        ]
    )
    digest = hashlib.sha256(varies.encode()).hexdigest()
    return f"response:{generation()}:{digest}"


class PublicResponseCacheMiddleware:
    """Serve anonymous public GETs from the shared cache; see the module docstring.

    Sits after the authentication middleware (it must know the visitor is anonymous, which costs
    nothing without a session cookie) and after CSRF (which sets the cookie on the way out); the
    middleware below it (security headers, CSP, …) runs on a miss and their headers are stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request) or request.user.is_authenticated:
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return self._rebuild(request, stored)
        response = self.get_response(request)
        entry = self._entry(request, response)
        if entry is not None:
            cache.set(key, entry, timeout=TIMEOUT_SECONDS)
        return response

    @staticmethod
    def _entry(request: HttpRequest, response: HttpResponse) -> tuple | None:
        if (
            response.status_code != 200
            or response.streaming
            or response.cookies
            or "private" in response.get("Cache-Control", "")
            or "no-store" in response.get("Cache-Control", "")
        ):
            return None
        content = response.content
        # get_token() flags the request; the forms' tokens (one per render) become a placeholder.
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            tokens = set(CSRF_INPUT.findall(content))
            if len(tokens) != 1:
                return None  # a token used elsewhere than the forms: leave the page uncached
            content = content.replace(tokens.pop(), CSRF_PLACEHOLDER)
        elif CSRF_INPUT.search(content):
            return None
        headers = [(name, value) for name, value in response.items() if name != "Content-Length"]
        return response.status_code, headers, content

    @staticmethod
    def _rebuild(request: HttpRequest, entry: tuple) -> HttpResponse:
        status, headers, content = entry
        if CSRF_PLACEHOLDER in content:
            content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response
