"""Spreadsheet import and export of commitments.

A row names its paragraph by the resolution symbol and the paragraph number (``53/45-POL`` and
``8``), or by the measure's English short title when it has no number yet; the pledging party by
a state ISO code (``TR``) or an organisation slug. ``status`` and ``delivered_quantity`` are
exported but never imported: only a validated progress report changes them.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from import_export import fields, widgets

from network.resources import StrictResource, organisation_widget, state_widget
from resolutions import models


class ParagraphWidget(widgets.ForeignKeyWidget):
    """A paragraph by the row's ``resolution`` symbol and a number or measure title."""

    def __init__(self):
        super().__init__(models.Paragraph)

    def clean(self, value, row=None, **kwargs):
        symbol = str((row or {}).get("resolution") or "").strip()
        key = "" if value is None else str(value).strip()
        if not symbol:
            raise ValueError(_("The resolution symbol is missing (e.g. 53/45-POL)."))
        if not key:
            raise ValueError(_("The paragraph number is missing."))
        paragraphs = models.Paragraph.objects.filter(resolution__symbol=symbol)
        if key.removesuffix(".0").isdigit():
            # Spreadsheets often turn 8 into 8.0.
            found = paragraphs.filter(number=int(key.removesuffix(".0"))).first()
        else:
            found = paragraphs.filter(number__isnull=True, title_en__iexact=key).first()
        if found is None:
            raise ValueError(
                _("Resolution %(symbol)s has no paragraph “%(key)s”.")
                % {"symbol": symbol, "key": key}
            )
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return str(value.number) if value.number is not None else value.title_en


class CommitmentResource(StrictResource):
    resolution = fields.Field(
        attribute="paragraph__resolution__symbol", column_name="resolution", readonly=True
    )
    paragraph = fields.Field(
        attribute="paragraph", column_name="paragraph", widget=ParagraphWidget()
    )
    state = fields.Field(attribute="state", column_name="state", widget=state_widget())
    organisation = fields.Field(
        attribute="organisation", column_name="organisation", widget=organisation_widget()
    )
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    delivered_quantity = fields.Field(
        attribute="delivered_quantity", column_name="delivered_quantity", readonly=True
    )

    class Meta:
        model = models.Commitment
        fields = (
            "id",
            "resolution",
            "paragraph",
            "state",
            "organisation",
            "title_en",
            "title_fr",
            "title_ar",
            "description_en",
            "description_fr",
            "description_ar",
            "target_quantity",
            "unit",
            "pledged_on",
            "due_on",
            "status",
            "delivered_quantity",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        if instance.pk is None and user is not None and instance.created_by_id is None:
            instance.created_by = user
