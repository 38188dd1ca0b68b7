"""What a failed request answers: the site's error pages, and JSON under /api/.

Django calls these views for 400, 403, 404 and 500 (``handler400`` … in ``oic_mediation.urls``)
and for a refused CSRF check (``CSRF_FAILURE_VIEW``). A page is in the site's layout and in the
request's language (``LocaleMiddleware`` has activated it), says what happened and what to do;
under /api/ the answer keeps the API's error shape ``{"detail", "code"}``
(``oic_mediation.api.exceptions``), whatever failed.

The 500 page is rendered without the context processors and without ``request.user``: the
failure may be the database itself, and the error page must not fail in turn.

A refused access is logged once, as one warning line (``oic_mediation.log_filters``).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from oic_mediation.api.exceptions import json_error_response

API_PREFIX = "/api/"


def _for_the_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def _page(request: HttpRequest, template: str, status: int, **context) -> HttpResponse:
    return render(request, template, {"status_code": status, **context}, status=status)


@requires_csrf_token
def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    """A request Django could not accept (a malformed body, a host the portal does not serve).
    The exception's text is not shown: it may hold what the request sent."""
    if _for_the_api(request):
        return json_error_response(400, _("The request could not be understood."), "bad_request")
    return _page(request, "400.html", 400)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    """A refused access, with the reason the rule or the view gave ("You can only act for your
    own state."), when it gave one."""
    reason = str(exception or "")
    if _for_the_api(request):
        return json_error_response(
            403, reason or _("You do not have permission to do this."), "permission_denied"
        )
    return _page(request, "403.html", 403, reason=reason)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    """No page at this address. The exception's text ("No MemberState matches the given
    query.") is for developers, not readers: not shown."""
    if _for_the_api(request):
        return json_error_response(404, _("Not found."), "not_found")
    return _page(request, "404.html", 404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """An unexpected failure. Nothing here may touch the database: no context processors, no
    user (read from the session), only the request's path for the language switcher."""
    if _for_the_api(request):
        return json_error_response(
            500,
            _("The portal failed to answer this request. Try again in a few minutes."),
            "server_error",
        )
    context = {"status_code": 500, "request": request, "csrf_token": get_token(request)}
    return HttpResponse(loader.get_template("500.html").render(context), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid CSRF token (an old page, cookies blocked)."""
    if _for_the_api(request):
        return json_error_response(
            403,
            _("The request was refused: %(reason)s") % {"reason": reason},
            "permission_denied",
        )
    return _page(request, "403_csrf.html", 403)
