"""Abstract model bases shared by the domain apps."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from oic_mediation.audit import AuditedManager


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


class HttpsURLField(models.URLField):
    """A link whose forms read an address typed without a scheme as https:// (Django 6's default,
    chosen now: without it every form built from the field warns of the change)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class RefusesNullCharactersModel(models.Model):
    """``full_clean()`` also refuses NUL characters, with the other field errors."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            refuse_null_characters(self, exclude=exclude)
        except ValidationError as error:
            for name, messages in error.error_dict.items():
                errors.setdefault(name, []).extend(messages)
        if errors:
            raise ValidationError(errors)


class TrackedModel(RefusesNullCharactersModel):
    """A record that is edited over time.

    ``version`` grows by one on every save. Writers that show a record to a person and save it later
    call ``save_if_version`` with the version they showed, so a stale form or API update is refused
    rather than silently overwriting newer data (optimistic locking).
    """

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    # Bulk updates are audited and bump the version too (see oic_mediation.audit).
    objects = AuditedManager()

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
