"""Abstract model bases shared by the domain apps."""

from __future__ import annotations

import datetime
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rules.contrib.models import RulesModelBase, RulesModelMixin

from core import dates
from core.audit import AuditedQuerySet


class StaleVersionError(Exception):
    """Someone else saved the record since the writer loaded it."""

    def __init__(self, *, expected: int, current: int | None):
        self.expected = expected
        self.current = current
        super().__init__(
            gettext(
                "The record was changed by someone else (you edited version %(expected)s, "
                "it is now at version %(current)s)."
            )
            % {"expected": expected, "current": current}
        )


def refuse_null_characters(instance: models.Model, exclude=None) -> None:
    """Raise ValidationError for text containing a NUL character, which PostgreSQL cannot store.

    Forms and serializers refuse it already; this covers services called with raw values.
    """
    errors = {
        field.name: ValidationError(
            _("Null characters are not allowed."), code="null_characters_not_allowed"
        )
        for field in instance._meta.concrete_fields
        if field.name not in (exclude or ())
        and isinstance(getattr(instance, field.attname, None), str)
        and "\x00" in getattr(instance, field.attname)
    }
    if errors:
        raise ValidationError(errors)


# In a one-line field (a title, a name, a place): control characters — line breaks, tabs, escape
# — and Unicode's line and paragraph separators. A title travels into e-mail subjects, calendar
# lines and spreadsheet cells, where a line break splits or breaks a header.
_NOT_ON_ONE_LINE = re.compile(r"[\x01-\x1f\x7f-\x9f\u2028\u2029]")
# In a link, also every invisible formatting character (Unicode category Cf): a right-to-left
# override (U+202E) makes an address read differently from where it leads.
_UNSAFE_IN_LINK = re.compile(r"[\s\x01-\x1f\x7f-\x9f]")


def _invisible_formatting(value: str) -> bool:
    return any(unicodedata.category(character) == "Cf" for character in value)


def unsafe_value_errors(instance: models.Model, exclude=None) -> dict[str, ValidationError]:
    """Field errors for values no door may store: text on several lines in a one-line field, an
    invisible formatting character in a link, and a date outside ``core.dates``."""
    errors = {}
    for field in instance._meta.concrete_fields:
        if field.name in (exclude or ()):
            continue
        value = getattr(instance, field.attname, None)
        original = getattr(field, "translated_field", None)
        if (
            original is not None
            and original.name not in (exclude or ())
            and getattr(instance, original.attname, None) == value
        ):
            continue  # title_en, the column of the active language: reported once, as title
        if isinstance(value, str) and value:
            if isinstance(field, models.URLField):
                if _UNSAFE_IN_LINK.search(value) or _invisible_formatting(value):
                    errors[field.name] = ValidationError(
                        _("A link cannot hold spaces or invisible formatting characters."),
                        code="unsafe_characters",
                    )
            elif isinstance(field, models.CharField) and _NOT_ON_ONE_LINE.search(value):
                errors[field.name] = ValidationError(
                    _("Write this on one line, without line breaks or control characters."),
                    code="unsafe_characters",
                )
        elif isinstance(value, datetime.date) and not dates.is_within_bounds(value):
            errors[field.name] = ValidationError(
                dates.out_of_bounds_message(), code="date_out_of_range"
            )
    return errors


class HttpsURLField(models.URLField):
    """A link whose forms read an address typed without a scheme as https:// (Django 6's default,
    chosen now: without it every form built from the field warns of the change)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class RefusesNullCharactersModel(RulesModelMixin, models.Model, metaclass=RulesModelBase):
    """``full_clean()`` also refuses NUL characters, line breaks in one-line fields, invisible
    characters in links and dates out of range (``unsafe_value_errors``), with the other field
    errors.

    A subclass declares who may act on its records in ``Meta.rules_permissions`` (django-rules;
    see ``network.rules``)."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            refuse_null_characters(self, exclude=exclude)
        except ValidationError as error:
            for name, messages in error.error_dict.items():
                errors.setdefault(name, []).extend(messages)
        for name, unsafe in unsafe_value_errors(self, exclude=exclude).items():
            if name not in errors:
                errors[name] = [unsafe]
        if errors:
            raise ValidationError(errors)


class TrackedQuerySet(AuditedQuerySet):
    """An audited queryset whose bulk updates also bump ``version``, so that a form opened before
    the bulk change is refused as stale rather than overwriting it."""

    def bulk_update_defaults(self) -> dict:
        return {"version": F("version") + 1, "updated_at": timezone.now()}


# An assignment, the one form of ``from_queryset`` the django-stubs plugin reads.
# (AuditedManager adds nothing to its queryset's methods; this one is the same on TrackedQuerySet.)
_TrackedManagerBase = models.Manager.from_queryset(TrackedQuerySet)


class TrackedManager(_TrackedManagerBase):
    pass


class TrackedModel(RefusesNullCharactersModel):
    """A record that is edited over time.

    ``version`` grows by one on every save. Writers that show a record to a person and save it later
    call ``save_if_version`` with the version they showed, so a stale form or API update is refused
    rather than silently overwriting newer data (optimistic locking).
    """

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    # Bulk updates are audited and bump the version too (see core.audit).
    objects = TrackedManager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)

    def save_if_version(self, expected_version: int, **kwargs) -> None:
        """Save only if the stored row is still at ``expected_version``; lock it meanwhile."""
        with transaction.atomic():
            current = (
                type(self)
                ._default_manager.select_for_update()
                .filter(pk=self.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current != expected_version:
                raise StaleVersionError(expected=expected_version, current=current)
            self.version = expected_version
            self.save(**kwargs)
