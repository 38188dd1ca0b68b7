"""One error format for the whole API.

Every error answers ``{"detail": "...", "code": "...", "fields": {...}}``: ``fields`` maps a field
name (or ``non_field_errors``) to its messages and is present for validation errors only. The
services raise Django's ``ValidationError`` and ``PermissionDenied``; they become 400 and 403 here
with their messages kept, as the web forms show them.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("The record changed since you read it.")
    default_code = "stale"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = _("Send the version you edited, in an If-Match header or a “version” field.")
    default_code = "version_required"


def error_response(status_code: int, detail, code: str, headers=None) -> Response:
    """An error answered without raising, in the same format."""
    return Response({"detail": str(detail), "code": code}, status=status_code, headers=headers)


def json_error_response(status_code: int, detail, code: str) -> JsonResponse:
    """The same format outside DRF's views: Django's error handlers answer it under /api/ for a
    failure no view handled (a server error, a bad request, a refusal in a middleware)."""
    return JsonResponse({"detail": str(detail), "code": code}, status=status_code)


def django_validation_error_detail(error: DjangoValidationError) -> dict | list:
    """Field messages of a Django ValidationError, with ``__all__`` renamed as DRF names it."""
    if hasattr(error, "error_dict"):
        return {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
            for field, messages in error.message_dict.items()
        }
    return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}


def _first_message(detail) -> str:
    if isinstance(detail, dict):
        for value in detail.values():
            return _first_message(value)
        return ""
    if isinstance(detail, list):
        return _first_message(detail[0]) if detail else ""
    return str(detail)


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(django_validation_error_detail(exc))
    elif isinstance(exc, DjangoPermissionDenied):
        # DRF would replace the service's reason with a generic message.
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail
        if not isinstance(detail, dict):
            detail = {api_settings.NON_FIELD_ERRORS_KEY: detail}
        response.data = {
            "detail": str(_("Invalid input: %(reason)s") % {"reason": _first_message(detail)}),
            "code": "invalid",
            "fields": detail,
        }
    elif isinstance(exc, exceptions.APIException):
        detail = exc.detail
        response.data = {
            "detail": _first_message(detail) if not isinstance(detail, str) else str(detail),
            "code": getattr(detail, "code", None) or exc.default_code,
        }
    return response
