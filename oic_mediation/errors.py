"""Error pages: under /api/ in the API's JSON error format (``{"detail", "code"}``), elsewhere
Django's own pages. Django calls these for whatever a view did not answer itself — a request body
too large, a crash, a refused host — so an API client never gets an HTML page."""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults

API_PREFIX = "/api/"


def _api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def bad_request(request, exception, template_name=defaults.ERROR_400_TEMPLATE_NAME):
    if _api(request):
        return JsonResponse({"detail": _("Bad request."), "code": "bad_request"}, status=400)
    return defaults.bad_request(request, exception, template_name)


def permission_denied(request, exception, template_name=defaults.ERROR_403_TEMPLATE_NAME):
    if _api(request):
        detail = str(exception) if exception and str(exception) else _("Not allowed to do this.")
        return JsonResponse({"detail": detail, "code": "permission_denied"}, status=403)
    return defaults.permission_denied(request, exception, template_name)


def page_not_found(request, exception, template_name=defaults.ERROR_404_TEMPLATE_NAME):
    if _api(request):
        return JsonResponse({"detail": _("Not found."), "code": "not_found"}, status=404)
    return defaults.page_not_found(request, exception, template_name)


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    if _api(request):
        return JsonResponse(
            {"detail": _("Server error; the Secretariat has been told."), "code": "server_error"},
            status=500,
        )
    return defaults.server_error(request, template_name)
