"""Query parameters read as the schema declares them, for every list endpoint at once.

Schemathesis (all checks, data that fits the schema and data that does not) found the API
accepting what its schema refuses and refusing what it allows; these rules hold for any filter
or list added later, as they read each filter's form field rather than a list of names:

- a parameter given twice where one value is expected (``?offset=1&offset=2``) is a 400;
- an empty value for a typed parameter (``?year=``: a number, a date, a choice) is a 400, while
  an empty text parameter still means "no filter";
- a well-formed key of a record that does not exist (``?conference=99``) matches nothing: an empty
  list, not a 400 (the schema cannot list which records exist);
- ``limit`` and ``offset`` that are not whole numbers are a 400 instead of being ignored.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models.fields import AutoFieldMixin
from django.utils.translation import gettext_lazy as _
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import get_model_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.negotiation import DefaultContentNegotiation

from oic_mediation.api.pagination import CappedLimitOffsetPagination

_WHOLE_NUMBER = re.compile(r"^-?\d+$")
# Form fields whose schema type is not free text: an empty value does not fit it.
_TYPED_FIELDS = (
    forms.IntegerField,
    forms.DecimalField,
    forms.FloatField,
    forms.DateField,
    forms.DateTimeField,
    forms.NullBooleanField,
    forms.BooleanField,
    forms.ChoiceField,
    forms.ModelChoiceField,
)
_MULTIPLE_FIELDS = (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)


def refuse_repeated(request, names) -> None:
    repeated = sorted(name for name in names if len(request.query_params.getlist(name)) > 1)
    if repeated:
        raise ValidationError(
            {name: [_("Give this parameter once.")] for name in repeated}, code="invalid"
        )


def _is_free_text(field) -> bool:
    if isinstance(field, forms.ModelChoiceField):
        key = field.to_field_name or field.queryset.model._meta.pk.name
        return field.queryset.model._meta.get_field(key).get_internal_type() in (
            "CharField",
            "SlugField",
            "TextField",
        )
    return not isinstance(field, _TYPED_FIELDS)


def _is_unknown_record(field, value) -> bool:
    """A value of the key's own type and range that names no record."""
    if not isinstance(field, forms.ModelChoiceField) or value in (None, ""):
        return False
    key = field.to_field_name or field.queryset.model._meta.pk.name
    model_field = field.queryset.model._meta.get_field(key)
    try:
        python_value = model_field.to_python(value)
        if not isinstance(model_field, models.CharField | AutoFieldMixin):
            # A number's range is in the schema (minimum 0 for a positive one); a text key's
            # length is not, so any text is a well-formed key, nor an id's, so any whole number
            # is a well-formed id (one beyond the column's range names nothing either).
            model_field.run_validators(python_value)
    except (DjangoValidationError, ValueError, TypeError):
        return False
    return True


_BOOLEAN_VALUES = {"true", "false", "True", "False", "1", "0"}


def _malformed(filterset, name, field, value) -> str | None:
    """Why ``value`` does not fit the type the schema gives this parameter, if it does not:
    a number filter on a whole-number column takes whole numbers, a yes/no filter true or false
    (django-filter would read 0.5 as a decimal and "AAA" as "either")."""
    if value in (None, ""):
        return None
    if isinstance(field, forms.NullBooleanField | forms.BooleanField):
        return None if value in _BOOLEAN_VALUES else str(_("Give true or false."))
    filter_ = filterset.filters.get(name)
    model_field = get_model_field(filterset._meta.model, getattr(filter_, "field_name", name))
    if (
        isinstance(field, forms.DecimalField)
        and isinstance(model_field, models.IntegerField)
        and not _WHOLE_NUMBER.match(value)
    ):
        return str(_("A whole number is required."))
    return None


class PortalFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        form = filterset.form
        single = [
            name for name, field in form.fields.items() if not isinstance(field, _MULTIPLE_FIELDS)
        ]
        refuse_repeated(request, single)
        empty = sorted(
            name
            for name, field in form.fields.items()
            if request.query_params.get(name) == "" and not _is_free_text(field)
        )
        if empty:
            raise ValidationError(
                {name: [_("Give a value, or leave the parameter out.")] for name in empty},
                code="invalid",
            )
        malformed = {
            name: [reason]
            for name, field in form.fields.items()
            if (reason := _malformed(filterset, name, field, request.query_params.get(name)))
        }
        if malformed:
            raise ValidationError(malformed, code="invalid")
        if not filterset.is_valid():
            unknown = all(
                _is_unknown_record(form.fields[name], request.query_params.get(name))
                for name in filterset.errors
            )
            if unknown:
                return queryset.none()
            raise utils.translate_validation(filterset.errors)
        return filterset.qs


class FiltersFirstNegotiation(DefaultContentNegotiation):
    """``?format=`` picks a renderer (the schema's ``?format=json``), unless the list has a filter
    of that name (training editions: ``?format=online``), which it then is."""

    def select_renderer(self, request, renderers, format_suffix=None):
        view = (getattr(request, "parser_context", None) or {}).get("view")
        filterset = getattr(view, "filterset_class", None)
        parameter = self.settings.URL_FORMAT_OVERRIDE
        if filterset is not None and parameter in filterset.base_filters:
            renderer = renderers[0]
            return renderer, renderer.media_type
        return super().select_renderer(request, renderers, format_suffix)


class PortalOrderingFilter(OrderingFilter):
    """``?ordering=`` given once (a list of fields is one comma-separated value)."""

    def get_ordering(self, request, queryset, view):
        refuse_repeated(request, [self.ordering_param])
        return super().get_ordering(request, queryset, view)


class StrictLimitOffsetPagination(CappedLimitOffsetPagination):
    """``limit`` and ``offset`` must be whole numbers, given once."""

    def _checked(self, request, name):
        values = request.query_params.getlist(name)
        if len(values) > 1:
            refuse_repeated(request, [name])
        if values and not _WHOLE_NUMBER.match(values[0]):
            raise ValidationError({name: [_("A whole number is required.")]}, code="invalid")

    def get_limit(self, request):
        self._checked(request, self.limit_query_param)
        return super().get_limit(request)

    def get_offset(self, request):
        self._checked(request, self.offset_query_param)
        return super().get_offset(request)
