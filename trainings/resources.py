"""Spreadsheet import and export of training participants.

A row names its edition by the programme slug and the edition number (``mediation-for-peace`` and
``2``), or by the edition's start date (``2019-09-09``) when it has no number; the participant's
state by its ISO code and organisation by its slug.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from import_export import fields, widgets

from network.resources import (
    NullIfBlankWidget,
    StrictResource,
    organisation_widget,
    state_widget,
)
from trainings import models


class EditionWidget(widgets.ForeignKeyWidget):
    """An edition by the row's ``programme`` slug and an edition number or start date."""

    def __init__(self):
        super().__init__(models.Edition)

    def clean(self, value, row=None, **kwargs):
        slug = str((row or {}).get("programme") or "").strip()
        if not slug:
            raise ValueError(_("The programme is missing (its slug, e.g. mediation-for-peace)."))
        if value is None or str(value).strip() == "":
            raise ValueError(_("The edition is missing (its number or start date)."))
        editions = models.Edition.objects.filter(programme__slug=slug)
        key = value if isinstance(value, datetime.date) else str(value).strip()
        if isinstance(key, datetime.datetime):
            found = editions.filter(starts_on=key.date()).first()
        elif isinstance(key, datetime.date):
            found = editions.filter(starts_on=key).first()
        elif key.removesuffix(".0").isdigit():
            found = editions.filter(number=int(key.removesuffix(".0"))).first()
        else:
            try:
                starts_on = datetime.date.fromisoformat(key)
            except ValueError:
                raise ValueError(
                    _("“%(key)s” is neither an edition number nor a date (YYYY-MM-DD).")
                    % {"key": key}
                ) from None
            found = editions.filter(starts_on=starts_on).first()
        if found is None:
            raise ValueError(
                _("Programme “%(slug)s” has no edition “%(key)s”.") % {"slug": slug, "key": key}
            )
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return str(value.number) if value.number is not None else value.starts_on.isoformat()


class ParticipantResource(StrictResource):
    programme = fields.Field(
        attribute="edition__programme__slug", column_name="programme", readonly=True
    )
    edition = fields.Field(attribute="edition", column_name="edition", widget=EditionWidget())
    state = fields.Field(attribute="state", column_name="state", widget=state_widget())
    organisation = fields.Field(
        attribute="organisation", column_name="organisation", widget=organisation_widget()
    )
    certificate_number = fields.Field(
        attribute="certificate_number",
        column_name="certificate_number",
        # Stored as NULL when empty: the column is unique among certificates actually issued.
        widget=NullIfBlankWidget(),
    )

    class Meta:
        model = models.Participant
        fields = (
            "id",
            "programme",
            "edition",
            "full_name",
            "gender",
            "state",
            "organisation",
            "position",
            "level",
            "email",
            "completion",
            "certificate_number",
            "certificate_issued_on",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
