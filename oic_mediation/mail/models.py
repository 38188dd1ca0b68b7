from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguagePreference(models.Model):
    """The language a person who is not a focal point reads the portal's e-mails in.

    A focal point's language is ``FocalPoint.preferred_language`` (set at the invitation);
    ``messages.recipient_language`` is the one rule that reads either.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="language_preference",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("language of e-mails"), max_length=2, choices=settings.LANGUAGES, default="en"
    )

    class Meta:
        verbose_name = _("language preference")
        verbose_name_plural = _("language preferences")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_language_display()}"
