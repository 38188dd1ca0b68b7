"""OpenAPI generation: every operation documents the errors it can answer, in the one error format.

Clients (and the schemathesis conformance run) can then rely on the schema for 4xx answers too.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class FieldErrorsField(serializers.DictField):
    """Field name -> list of messages (nested for nested input)."""

    child = serializers.JSONField()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("A sentence saying what went wrong."))
    code = serializers.CharField(help_text=_("A stable code, e.g. invalid, not_found, stale."))
    fields = FieldErrorsField(
        required=False,
        help_text=_("For invalid input: each field's messages; non_field_errors for the rest."),
    )


ERROR_RESPONSES = {
    "400": _("Invalid input or query parameters; see “fields”."),
    "401": _("Not signed in: send your token (Authorization: Token …), or it was refused."),
    "403": _("Not allowed to do this."),
    "404": _("No such record."),
    "429": _("Too many requests; retry later."),
}
BODY_ERROR_RESPONSES = {
    "415": _("The request body is not JSON, a form or multipart."),
}


def error_response(description) -> OpenApiResponse:
    return OpenApiResponse(response=ErrorSerializer, description=description)


class PortalAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction=direction)
        errors = dict(ERROR_RESPONSES)
        if self.method in ("POST", "PUT", "PATCH"):
            errors.update(BODY_ERROR_RESPONSES)
        for code, description in errors.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    error_response(description), code, direction=direction
                )
        return responses
