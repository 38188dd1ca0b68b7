from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def last_year() -> tuple[datetime.date, datetime.date]:
    year = timezone.localdate().year - 1
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


class ReportForm(forms.Form):
    since = forms.DateField(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("First day of the period covered."),
    )
    until = forms.DateField(
        label=_("Until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Last day of the period covered, included."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Several languages give one preview each, or one ZIP of PDFs."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        since, until = last_year()
        self.fields["since"].initial = since
        self.fields["until"].initial = until
        self.fields["languages"].initial = [code for code, _name in settings.LANGUAGES]

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("The period cannot end before it starts."))
        return cleaned
