"""Access policy applied to every request: private pages uncached, staff sessions kept short, the
second factor enforced for staff and the Secretariat, and the lockout answer of django-axes.

Each middleware is listed in ``settings.MIDDLEWARE`` after the authentication and OTP middleware,
whose ``request.user`` (and ``is_verified()``) they read. README.md ("Security and reliability")
lists the tests that prove each rule.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from oic_mediation.accounts.second_factor import (
    confirmed_device,
    has_secretariat_powers,
    second_factor_missing,
)

# Paths (after the language prefix) of pages that show personal or unpublished data to whoever
# is signed in: never stored by a browser's or a proxy's cache.
PRIVATE_PREFIXES = ("/admin/", "/accounts/", "/my-state/")
# The API's responses are public open data unless the caller is signed in; the token endpoint
# answers a secret whoever asks.
API_PREFIX = "/api/"
ALWAYS_PRIVATE_API_PATHS = ("/api/v1/auth/token/",)
# What a signed-in person who still owes a second factor may reach: signing in and out, enrolling,
# resetting a password, choosing a language.
SECOND_FACTOR_OPEN_PATHS = ("/accounts/", "/admin/login/", "/admin/logout/", "/i18n/")


def path_without_language(path: str) -> str:
    """``/fr/my-state/x/`` → ``/my-state/x/``; paths without a language prefix are unchanged."""
    parts = path.split("/", 2)
    if len(parts) == 3 and parts[1] in dict(settings.LANGUAGES):
        return "/" + parts[2]
    return path


def _signed_in(request: HttpRequest) -> bool:
    """Whether the request carries a signed-in user, without touching the session of a visitor
    who has none (which would add ``Vary: Cookie`` to public pages)."""
    session = getattr(request, "session", None)
    has_credentials = bool(request.META.get("HTTP_AUTHORIZATION")) or (
        session is not None and session.session_key is not None
    )
    user = getattr(request, "user", None)
    return has_credentials and user is not None and user.is_authenticated


class PrivatePagesNoStoreMiddleware:
    """``Cache-Control: no-store, private`` on the admin, the account pages, My state, and every API
    response to a signed-in caller (session or token; DRF sets ``request.user`` for the latter)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        path = path_without_language(request.path_info)
        if path.startswith(API_PREFIX):
            private = path.startswith(ALWAYS_PRIVATE_API_PATHS) or _signed_in(request)
        else:
            private = path.startswith(PRIVATE_PREFIXES) or _signed_in(request)
        if private:
            patch_cache_control(response, no_store=True, private=True)
            # A "max-age" or "public" left by a view would contradict no-store.
            response.headers["Cache-Control"] = ", ".join(
                part
                for part in (p.strip() for p in response.headers["Cache-Control"].split(","))
                if not part.startswith(("max-age", "s-maxage", "public"))
            )
        return response


def staff_idle_seconds() -> int:
    return round(settings.STAFF_IDLE_MINUTES * 60)


class StaffIdleTimeoutMiddleware:
    """Staff sessions end after ``DJANGO_STAFF_IDLE_MINUTES`` without a request.

    The session's expiry age is set to that many seconds; as every request saves the session
    (``SESSION_SAVE_EVERY_REQUEST``), the expiry moves forward with each request and the session
    ends only when the staff member has been idle that long. Other users keep
    ``DJANGO_SESSION_AGE``, measured the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _signed_in(request) and has_secretariat_powers(request.user):
            seconds = staff_idle_seconds()
            if request.session.get_expiry_age() != seconds:
                request.session.set_expiry(seconds)
        return self.get_response(request)


class StaffSecondFactorMiddleware:
    """The second factor, enforced for every signed-in request of a person who must prove one
    (``second_factor_missing``: staff or Secretariat members with an authenticator, all of them
    once ``DJANGO_STAFF_OTP_REQUIRED`` is on) — every page, the admin, My state and the session
    API alike; only the sign-in, sign-out and enrolment pages stay open. Without a device they are
    sent to enrol one; with a device but an unverified session (signed in before enrolling
    elsewhere) they are signed out and sign in again with a code. The API answers 403 in its JSON
    error format instead of redirecting."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _signed_in(request) and second_factor_missing(request.user):
            path = path_without_language(request.path_info)
            if not path.startswith(SECOND_FACTOR_OPEN_PATHS):
                return self._refuse(request, path)
        return self.get_response(request)

    @staticmethod
    def _refuse(request: HttpRequest, path: str) -> HttpResponse:
        enrolled = confirmed_device(request.user) is not None
        if path.startswith(API_PREFIX):
            return JsonResponse(
                {
                    "detail": str(
                        _("Sign in again with the code from your authenticator app.")
                        if enrolled
                        else _("Set up two-factor authentication before using the API.")
                    ),
                    "code": "second_factor_required",
                },
                status=403,
            )
        next_query = urlencode({"next": request.get_full_path()})
        if not enrolled:
            return redirect(f"{reverse('accounts:two_factor')}?{next_query}")
        logout(request)
        login = reverse("admin:login") if path.startswith("/admin/") else reverse("accounts:login")
        return redirect(f"{login}?{next_query}")


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in (``AXES_LOCKOUT_CALLABLE``): 429 with the
    reason and a ``Retry-After``; JSON in the API's error format under /api/, a page elsewhere."""
    minutes = max(1, math.ceil(settings.AXES_COOLOFF_TIME * 60))
    if request.path_info.startswith(API_PREFIX):
        response = JsonResponse(
            {
                "detail": ngettext(
                    "Too many failed sign-in attempts; try again in %(minutes)d minute.",
                    "Too many failed sign-in attempts; try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                "code": "locked_out",
            },
            status=429,
        )
    else:
        response = render(
            request,
            "registration/lockout.html",
            {"cooloff_minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
            status=429,
        )
    response["Retry-After"] = str(minutes * 60)
    return response
