"""OpenAPI generation: every operation documents the errors it can answer, in the one error format.

Clients (and the schemathesis conformance run) can then rely on the schema for 4xx answers too.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import FieldDoesNotExist
from django.test import RequestFactory
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import force_instance
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request


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


def _has_file_field(serializer) -> bool:
    serializer = force_instance(serializer)
    fields = getattr(serializer, "fields", None) if serializer is not None else None
    return bool(fields) and any(
        isinstance(field, serializers.FileField) for field in fields.values()
    )


class PortalTokenScheme(OpenApiAuthenticationExtension):
    """How the schema documents the portal's token (django-rest-knox has no extension of its own)."""

    target_class = "oic_mediation.api.authentication.PortalTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": str(
                _("“Token <key>”, with the key from POST /api/v1/auth/token/ (it expires).")
            ),
        }


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


def _anonymous_request():
    request = Request(RequestFactory().get("/"))
    request.user = AnonymousUser()
    return request


class PortalAutoSchema(AutoSchema):
    def _get_serializer_field_meta(self, field, direction):
        """Every field is described: the schema is the API's documentation."""
        meta = super()._get_serializer_field_meta(field, direction)
        if "description" not in meta and isinstance(field, serializers.Field):
            description = field_description(field)
            if description:
                meta["description"] = description
        return meta

    def get_auth(self):
        """Reads that anyone may make say so (``{}``: no credentials), whatever the view's write
        rules: asked as an anonymous visitor, do the view's permissions let the read through?"""
        auth = super().get_auth()
        if self.method in SAFE_METHODS and {} not in auth:
            anonymous = _anonymous_request()
            if all(
                permission.has_permission(anonymous, self.view)
                for permission in self.view.get_permissions()
            ):
                auth = [*auth, {}]
        return auth

    def map_parsers(self):
        """One request body per operation: JSON, or multipart where a file can be sent.

        The views also read forms, but a schema listing the same body under three media types
        made generated clients declare it three times under one name (and fail to import)."""
        parsers = super().map_parsers()
        serializer = self.get_request_serializer()
        if _has_file_field(serializer) and "multipart/form-data" in parsers:
            return ["multipart/form-data"]
        return [media_type for media_type in parsers if media_type == "application/json"] or parsers

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


# A "default" that its own schema refuses (an e-mail or a link field defaulting to "") makes
# the document invalid for openapi-spec-validator; the server fills such blanks itself.
_FORMATS_WITHOUT_BLANK = {"email", "uri", "date", "date-time", "uuid", "ipv4", "ipv6", "hostname"}


def drop_defaults_their_schema_refuses(result, generator, request, public):
    """drf-spectacular post-processing hook (``SPECTACULAR_SETTINGS``)."""
    pending = [result]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if node.get("default") == "" and node.get("format") in _FORMATS_WITHOUT_BLANK:
                del node["default"]
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return result
