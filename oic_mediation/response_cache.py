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

Each worker also keeps its latest hits in memory (``LocalCopies``, at most ``LOCAL_MAX_BYTES``),
under the same key. That key carries the generation, read from the shared cache on every request,
so a write in any worker makes every worker's copies unreachable at once: a copy saves fetching and
unpickling the body from the shared cache (one query per hit instead of two), never freshness. The
generation starts at a random number, so it does not repeat after the shared cache is emptied.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections import OrderedDict

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
LOCAL_MAX_BYTES = 32 * 1024 * 1024


class LocalCopies:
    """A worker's most recently used responses, bounded in bytes, each until it expires."""

    def __init__(self, max_bytes: int = LOCAL_MAX_BYTES):
        self.max_bytes = max_bytes
        self.entries: OrderedDict[str, tuple[float, tuple]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str) -> tuple | None:
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            expires, entry = found
            if expires < time.monotonic():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple, timeout: float) -> None:
        size = len(entry[2])
        if size > self.max_bytes // 4:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = (time.monotonic() + timeout, entry)
            self.size += size
            while self.size > self.max_bytes:
                self._drop(next(iter(self.entries)))

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _drop(self, key: str) -> None:
        _expires, entry = self.entries.pop(key)
        self.size -= len(entry[2])


local_copies = LocalCopies()
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
        stored = local_copies.get(key)
        if stored is None:
            stored = cache.get(key)
            if stored is not None:
                # Kept no longer than the shared entry could still be there.
                local_copies.put(key, stored, timeout=TIMEOUT_SECONDS / 4)
        if stored is not None:
            return self._rebuild(request, stored)
        response = self.get_response(request)
        entry = self._entry(request, response)
        if entry is not None:
            cache.set(key, entry, timeout=TIMEOUT_SECONDS)
            local_copies.put(key, entry, timeout=TIMEOUT_SECONDS / 4)
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
