"""Spreadsheet import and export of the roster, with keys a person can type.

A member state is written as its ISO code (``TR``), an organisation as its slug (``sesric``), an
area of expertise or a region as its slug and a language as its code, several separated by ``;``.
Every unknown key is reported as an error on its row, and then nothing is stored.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models as models_
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from network import models

LIST_SEPARATOR = ";"


class LookupWidget(widgets.ForeignKeyWidget):
    """A foreign key by a natural key; an unknown value is a validation error on the row.

    ``ForeignKeyWidget`` raises ``DoesNotExist``, which import-export shows as a crash with a
    traceback; a ``ValueError`` becomes a readable error on the row and the field instead.
    """

    def __init__(self, model, field, *, label: str, uppercase: bool = False):
        super().__init__(model, field)
        self.label = label
        self.uppercase = uppercase

    def normalise(self, value):
        value = str(value).strip()
        return value.upper() if self.uppercase else value

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        key = self.normalise(value)
        try:
            return self.get_queryset(key, row, **kwargs).get(**{self.field: key})
        except self.model.DoesNotExist:
            raise ValueError(
                _("No %(label)s with the key “%(key)s”.") % {"label": self.label, "key": key}
            ) from None


class LookupListWidget(widgets.ManyToManyWidget):
    """Several natural keys in one cell, separated by ``;``; every key must exist."""

    def __init__(self, model, field, *, label: str):
        super().__init__(model, separator=LIST_SEPARATOR, field=field)
        self.label = label

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return self.model.objects.none()
        keys = [key.strip() for key in str(value).split(self.separator) if key.strip()]
        found = self.model.objects.filter(**{f"{self.field}__in": keys})
        missing = sorted(set(keys) - {getattr(obj, self.field) for obj in found})
        if missing:
            raise ValueError(
                _("No %(label)s with the key(s) %(keys)s.")
                % {"label": self.label, "keys": ", ".join(f"“{key}”" for key in missing)}
            )
        return found


class NullIfBlankWidget(widgets.CharWidget):
    """Text stored as NULL when the cell is empty (nullable columns: translations, unique codes)."""

    def __init__(self, **kwargs):
        kwargs["allow_blank"] = False
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        if value is None:
            return None
        return value.strip() or None


class CalendarDateWidget(widgets.DateWidget):
    """A date; spreadsheet programs hand back date cells as midnight datetimes."""

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        if isinstance(value, datetime.datetime):
            return value.date()
        return value


def _same_cell(cell, current) -> bool:
    """Whether a spreadsheet cell holds the exported value (a number may come back as 8.0)."""
    left, right = str(cell).strip(), str(current if current is not None else "").strip()
    if left == right:
        return True
    try:
        return float(left) == float(right)
    except ValueError:
        return False


def is_nullable_text(django_field) -> bool:
    return isinstance(django_field, (models_.CharField, models_.TextField)) and django_field.null


def state_widget() -> LookupWidget:
    return LookupWidget(models.MemberState, "iso_code", label=_("member state"), uppercase=True)


def organisation_widget() -> LookupWidget:
    return LookupWidget(models.Organisation, "slug", label=_("organisation"))


class StrictResource(resources.ModelResource):
    """Validates whole rows (model ``clean``, choices, constraints) and checks list cells early."""

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        # An empty cell in a nullable text column (the Arabic or French translation of a title,
        # say) is stored as NULL like the admin does, so a re-imported export changes nothing.
        if is_nullable_text(f):
            return NullIfBlankWidget
        if type(f) is models_.DateField:
            return CalendarDateWidget
        return super().widget_from_django_field(f, default)

    @classmethod
    def widget_kwargs_for_field(cls, field_name, django_field):
        kwargs = super().widget_kwargs_for_field(field_name, django_field)
        if is_nullable_text(django_field):
            kwargs.pop("allow_blank", None)
        return kwargs

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        if import_validation_errors:
            # A value that could not be read (unknown key, bad date) is the row's error; checking
            # the half-filled record as well would only add confusing consequences of it.
            raise ValidationError(import_validation_errors)
        super().validate_instance(instance, import_validation_errors, validate_unique)

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        """A cell that cannot be read says so in words (a malformed number raised
        ``decimal.InvalidOperation``, shown as ``[<class 'decimal.ConversionSyntax'>]``)."""
        try:
            super().import_field(field, instance, row, is_m2m, **kwargs)
        except (ArithmeticError, TypeError):
            value = row.get(field.column_name)
            if isinstance(field.widget, widgets.IntegerWidget):
                message = _("“%(value)s” is not a whole number.")
            elif isinstance(field.widget, widgets.NumberWidget):
                message = _("“%(value)s” is not a number.")
            else:
                message = _("“%(value)s” cannot be read here.")
            raise ValueError(message % {"value": value}) from None

    def _read_only_cell_errors(self, instance, row) -> dict:
        """A column that is exported but never imported (a commitment's status, say) must hold
        what the record holds, or nothing: a changed or unknown value ("teleported") would
        otherwise be dropped without a word."""
        errors = {}
        for field in self.get_export_fields():
            if not field.readonly or field.column_name not in row:
                continue
            cell = row[field.column_name]
            if cell is None or str(cell).strip() == "":
                continue
            try:
                current = field.export(instance)
            except ObjectDoesNotExist:
                continue  # the cells it depends on are wrong, and reported
            if not _same_cell(cell, current):
                errors[field.attribute] = ValidationError(
                    _(
                        "The “%(column)s” column is not imported; it holds “%(current)s” for "
                        "this record, not “%(value)s”. Leave the exported value or empty the cell."
                    )
                    % {"column": field.column_name, "current": current, "value": cell},
                    code="read_only",
                )
        return errors

    def import_instance(self, instance, row, **kwargs):
        errors: dict[str, Any] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not errors:  # otherwise the cells it reads from are wrong, and reported
            errors = self._read_only_cell_errors(instance, row)
        # Many-to-many cells are only applied after saving; check them now so that an unknown key
        # is reported in the dry run like any other bad value.
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row, **kwargs)
                except ValueError as error:
                    errors[field.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)


class RosterMemberResource(StrictResource):
    nationality = fields.Field(
        attribute="nationality", column_name="nationality", widget=state_widget()
    )
    nominating_state = fields.Field(
        attribute="nominating_state", column_name="nominating_state", widget=state_widget()
    )
    expertise = fields.Field(
        attribute="expertise",
        column_name="expertise",
        widget=LookupListWidget(models.ExpertiseArea, "slug", label=_("area of expertise")),
    )
    languages = fields.Field(
        attribute="languages",
        column_name="languages",
        widget=LookupListWidget(models.Language, "code", label=_("language")),
    )
    regions = fields.Field(
        attribute="regions",
        column_name="regions",
        widget=LookupListWidget(models.Region, "slug", label=_("region")),
    )

    class Meta:
        model = models.RosterMember
        fields = (
            "id",
            "full_name",
            "honorific",
            "gender",
            "nationality",
            "email",
            "phone",
            "postal_address",
            "current_position_en",
            "current_position_fr",
            "current_position_ar",
            "biography_en",
            "biography_fr",
            "biography_ar",
            "expertise",
            "languages",
            "regions",
            "nominating_state",
            "nominated_on",
            "vetting_status",
            "availability",
            "consent_given_on",
            "consent_withdrawn_on",
            "visibility",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
