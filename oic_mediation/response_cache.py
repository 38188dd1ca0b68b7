"""Whole-response caching of the public pages and the open-data API for anonymous visitors.

The public site is read far more than it is written. An anonymous GET of a dashboard page or an API
read is the same for every visitor, so it is rendered once and then served from the shared cache
(the database cache, or Redis) **until a table it read changes**: each stored response records the
tables its render read and their generations (``oic_mediation.dashboard.cache``), and every write
bumps the generations of the tables it writes, whichever worker or process makes it. A progress
report empties the pages that show commitments, not the conference pages.

What is never cached: signed-in users (a session cookie), API clients with a token (an
``Authorization`` header), requests with other cookies (e.g. a pending message), anything but a
plain 200 (errors, redirects, streaming exports), responses that set a cookie or carry a CSRF
token, and any path outside the ``dashboard`` and ``api`` URL namespaces (sign-in, password reset,
the admin) and the API's token, export, schema and documentation endpoints. The key carries the
language, the ``Accept`` header (JSON or the browsable API) and the full path with its query string.

**Bounded staleness, no stampede.** A stored response is *known current as of* a moment: when its
render began (the generations were taken then), or when a worker last found its generations
unchanged. For ``PUBLIC_CACHE_STALE_SECONDS`` after that moment (a setting, 5 s by default) it is
served as it is, without asking the shared cache whether it is out of date. So a page that every
write changes (on a day when 57 focal points report) is rendered at most once in that time, not
once per write, and most cache hits cost no query at all. Signed-in users (the writers) never go
through this cache: they see their own writes at once.

Once that moment is further back and the page is out of date (or missing), one request renders it
(it holds a lock in the shared cache, ``LOCK_SECONDS`` at most). While it renders, the others of
the same page get the previous version if it is at most ``WAIT_SECONDS`` further back than the
bound, or else wait for the fresh one, up to ``WAIT_SECONDS``, after which they render it
themselves. A visitor therefore never gets a page that misses a write committed more than
``PUBLIC_CACHE_STALE_SECONDS + WAIT_SECONDS`` (7 s) before the visit; and a sync worker is not
held waiting for a render while a recent version can be sent.

The figures a render uses (``oic_mediation.dashboard.cache.cached``) follow the same bound, so the
three languages' pages rendered in that time share one computation while writes keep coming; a
page is stored as known current as of its oldest figure, and depends on the generations that
figure was computed with, so the bound holds for the page as a whole.

**Compression** (gzip, for clients that accept it): public responses only — anonymous, nothing
personal, no cookie set and no CSRF token in the body, so compression can never reveal a secret
through the length of a response that also reflects a visitor's input (BREACH). The language
switcher is made of plain links for that reason: a public page holds no token at all. Pages with
a CSRF token (sign-in, forms, the admin, signed-in pages) are never compressed. A cached response
is compressed once, when stored.

Anonymous API reads served from the cache skip DRF's throttling: a hit is cheaper than counting it.

Each worker also keeps its latest hits in memory (``LocalCopies``, at most ``LOCAL_MAX_BYTES``),
each with the moment it is known current as of: a copy saves fetching and unpickling the body,
and, within ``PUBLIC_CACHE_STALE_SECONDS`` of that moment, the check of its generations.
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
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language

from oic_mediation.dashboard.cache import (
    computing_with,
    is_fresh,
    reading,
    snapshot,
)

CACHED_NAMESPACES = {"dashboard", "api"}
UNCACHED_URL_NAMES = {"api:token", "api:export", "api:schema", "api:docs"}
TIMEOUT_SECONDS = 6 * 3600
LOCAL_MAX_BYTES = 32 * 1024 * 1024
# How long a request waits for another's render before rendering the page itself.
WAIT_SECONDS = 2
POLL_SECONDS = 0.05
# The render lock expires by itself if its holder dies.
LOCK_SECONDS = 30
# Worth compressing: text, JSON and calendars above this size.
COMPRESS_MIN_BYTES = 200
COMPRESSIBLE = re.compile(r"^(text/|application/(json|[\w.+-]+\+json|javascript)\b)")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken"')


class LocalCopies:
    """A worker's most recently used responses, bounded in bytes, each until it expires."""

    def __init__(self, max_bytes: int = LOCAL_MAX_BYTES):
        self.max_bytes = max_bytes
        # key: (expires, entry, known current as of: a time.time())
        self.entries: OrderedDict[str, tuple[float, dict, float]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str) -> tuple[dict, float] | None:
        """The entry and the moment it is known current as of."""
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            expires, entry, as_of = found
            if expires < time.monotonic():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry, as_of

    def put(self, key: str, entry: dict, timeout: float, as_of: float | None = None) -> None:
        size = _size(entry)
        if size > self.max_bytes // 4:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            as_of = entry["computed_at"] if as_of is None else as_of
            self.entries[key] = (time.monotonic() + timeout, entry, as_of)
            self.size += size
            while self.size > self.max_bytes:
                self._drop(next(iter(self.entries)))

    def confirm(self, key: str, entry: dict, as_of: float) -> None:
        """``entry`` was found current at ``as_of``."""
        with self.lock:
            found = self.entries.get(key)
            if found is not None and found[1] is entry:
                self.entries[key] = (found[0], entry, max(found[2], as_of))

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _drop(self, key: str) -> None:
        _expires, entry, _as_of = self.entries.pop(key)
        self.size -= _size(entry)


def _size(entry: dict) -> int:
    return len(entry["content"]) + len(entry["gzip"] or b"")


local_copies = LocalCopies()
# Cookies that do not change a public page: the language is part of the key, and a public page
# holds no CSRF token.
HARMLESS_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def _public_request(request: HttpRequest) -> str | None:
    """The view name of an anonymous-looking GET of a public page or API read, else None."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    namespace = match.namespaces[0] if match.namespaces else ""
    return match.view_name if namespace in CACHED_NAMESPACES else None


def _key(request: HttpRequest) -> str:
    varies = "\n".join(
        [
            request.method,
            request.get_full_path(),
            get_language() or "",
            request.META.get("HTTP_ACCEPT", ""),
        ]
    )
    return "response:" + hashlib.sha256(varies.encode()).hexdigest()


def _public_response(response: HttpResponse) -> bool:
    """Nothing in it is personal: what may be cached and compressed."""
    return not (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or "private" in response.get("Cache-Control", "")
        or "no-store" in response.get("Cache-Control", "")
        or CSRF_INPUT.search(response.content)
    )


def _compressed(response: HttpResponse, content: bytes) -> bytes | None:
    if len(content) < COMPRESS_MIN_BYTES or response.has_header("Content-Encoding"):
        return None
    if not COMPRESSIBLE.match(response.get("Content-Type", "")):
        return None
    compressed = compress_string(content)
    return compressed if len(compressed) < len(content) else None


def _accepts_gzip(request: HttpRequest) -> bool:
    return bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


class PublicResponseCacheMiddleware:
    """Serve anonymous public GETs from the shared cache; see the module docstring.

    Sits after the authentication middleware (it must know the visitor is anonymous, which costs
    nothing without a session cookie) and after CSRF; the middleware below it (security headers,
    CSP, …) runs on a miss and their headers are stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view_name = _public_request(request)
        if view_name is None:
            return self.get_response(request)
        if view_name in UNCACHED_URL_NAMES or set(request.COOKIES) - HARMLESS_COOKIES:
            response = self.get_response(request)
            if not request.user.is_authenticated:
                self._compress(request, response)
            return response
        if request.user.is_authenticated:
            return self.get_response(request)
        return self._cached(request, _key(request))

    # -- the shared cache ---------------------------------------------------------------------

    def _cached(self, request: HttpRequest, key: str) -> HttpResponse:
        now = time.time()
        # Served as it is within this long of the moment it was known current.
        stale_seconds = settings.PUBLIC_CACHE_STALE_SECONDS
        local = local_copies.get(key)
        entry, as_of = local if local is not None else (None, 0.0)
        if entry is not None:
            if now - as_of <= stale_seconds:
                return self._rebuild(request, entry)
            if is_fresh(entry["depends_on"]):
                local_copies.confirm(key, entry, now)
                return self._rebuild(request, entry)
        shared = cache.get(key)
        if shared is not None and (entry is None or shared["computed_at"] != entry["computed_at"]):
            # Kept no longer than the shared entry could still be there.
            local_copies.put(key, shared, timeout=TIMEOUT_SECONDS / 4)
            entry, as_of = shared, shared["computed_at"]
            if now - as_of <= stale_seconds:
                return self._rebuild(request, entry)
            if is_fresh(entry["depends_on"]):
                local_copies.confirm(key, entry, now)
                return self._rebuild(request, entry)
        # Missing or out of date: one request renders; the others get the previous version while
        # it renders, if it is at most WAIT_SECONDS past the bound, or wait for the render.
        lock = f"render-lock:{key}"
        if cache.add(lock, True, timeout=LOCK_SECONDS):
            try:
                return self._render(request, key)
            finally:
                cache.delete(lock)
        if entry is not None and now - as_of <= stale_seconds + WAIT_SECONDS:
            return self._rebuild(request, entry)
        fresh = self._wait(key, lock, stale_seconds)
        if fresh is not None:
            return self._rebuild(request, fresh)
        return self._render(request, key)

    @staticmethod
    def _wait(key: str, lock: str, stale_seconds: float) -> dict | None:
        """The fresh entry another request is rendering, or None when it does not come in time
        (or the render was not cacheable). Fresh: current, or known current recently enough to
        be served as a previous version is (a render may use figures from within the bound, and
        is then as old as they are)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            found = cache.get_many([key, lock])
            entry = found.get(key)
            if entry is not None and (
                time.time() - entry["computed_at"] <= stale_seconds + WAIT_SECONDS
                or is_fresh(entry["depends_on"])
            ):
                local_copies.put(key, entry, timeout=TIMEOUT_SECONDS / 4)
                return entry
            if lock not in found:
                return None
        return None

    def _render(self, request: HttpRequest, key: str) -> HttpResponse:
        # The generations before anything is read: a write committed during the render leaves
        # the stored copy already out of date.
        computed_at = time.time()
        generations = snapshot()
        with computing_with(generations, computed_at) as render, reading() as tables:
            response = self.get_response(request)
        if not _public_response(response):
            return response
        # As old as the oldest figure it used without a check (dashboard.cache.cached).
        entry = self._entry(response, render.depends_on(tables), render.as_of)
        cache.set(key, entry, timeout=TIMEOUT_SECONDS)
        local_copies.put(key, entry, timeout=TIMEOUT_SECONDS / 4)
        return self._rebuild(request, entry)

    @staticmethod
    def _entry(response: HttpResponse, depends_on: dict, computed_at: float) -> dict:
        patch_vary_headers(response, ("Accept-Encoding",))
        content = response.content
        return {
            "depends_on": depends_on,
            "computed_at": computed_at,
            "status": response.status_code,
            "headers": [
                (name, value) for name, value in response.items() if name != "Content-Length"
            ],
            "content": content,
            "gzip": _compressed(response, content),
        }

    @staticmethod
    def _rebuild(request: HttpRequest, entry: dict) -> HttpResponse:
        gzipped = entry["gzip"] is not None and _accepts_gzip(request)
        response = HttpResponse(
            entry["gzip"] if gzipped else entry["content"], status=entry["status"]
        )
        for name, value in entry["headers"]:
            response[name] = value
        if gzipped:
            response["Content-Encoding"] = "gzip"
        return response

    # -- public responses not served from the cache -------------------------------------------

    @staticmethod
    def _compress(request: HttpRequest, response: HttpResponse) -> None:
        if not _public_response(response):
            return
        patch_vary_headers(response, ("Accept-Encoding",))
        if not _accepts_gzip(request):
            return
        compressed = _compressed(response, response.content)
        if compressed is not None:
            response.content = compressed
            response["Content-Length"] = str(len(compressed))
            response["Content-Encoding"] = "gzip"
