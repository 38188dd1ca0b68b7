"""OpenAPI generation: every operation documents the errors it can answer, in the one error format.

Clients (and the schemathesis conformance run) can then rely on the schema for 4xx answers too.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
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


def _model_field(field):
    """The model field a serializer field reads, when its serializer is a ModelSerializer."""
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    source = field.source if field.source and "." not in field.source else field.field_name
    if model is None or not source or source == "*":
        return None
    try:
        return model._meta.get_field(source)
    except FieldDoesNotExist:  # a property or an annotation
        return None


def field_description(field) -> str:
    """A field's description: its help text, else its model field's help text or name."""
    if field.help_text:
        return str(field.help_text)
    model_field = _model_field(field)
    if model_field is not None:
        if getattr(model_field, "help_text", ""):
            return capfirst(str(model_field.help_text))
        name = getattr(model_field, "verbose_name", "")
        if name:
            return capfirst(str(name)) + "."
    if field.field_name == "id":
        return str(_("The record's id in this API."))
    if field.label:
        return capfirst(str(field.label)) + "."
    return ""


class PortalAutoSchema(AutoSchema):
    def _get_serializer_field_meta(self, field, direction):
        """Every field is described: the schema is the API's documentation."""
        meta = super()._get_serializer_field_meta(field, direction)
        if "description" not in meta and isinstance(field, serializers.Field):
            description = field_description(field)
            if description:
                meta["description"] = description
        return meta

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
