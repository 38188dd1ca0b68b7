"""Writes about e-mail: the language a person reads the portal's e-mails in."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import translation

from core.mail import LANGUAGE_CODES
from oic_mediation.mail.models import LanguagePreference


def language_set(*, user, language: str) -> None:
    """Record the language ``user`` reads e-mails in (a focal point's, or anyone else's)."""
    if language not in LANGUAGE_CODES:
        raise ValidationError({"language": translation.gettext("Choose one of the languages.")})
    focal_point = getattr(user, "focal_point", None)
    if focal_point is not None:
        focal_point.preferred_language = language
        focal_point.save(update_fields=["preferred_language", "version", "updated_at"])
    else:
        LanguagePreference.objects.update_or_create(user=user, defaults={"language": language})
