"""The Secretariat's admin for resolutions, their paragraphs, commitments and progress reports.

Progress reports are append-only: nothing of a stored report is edited here and nobody may delete
one. Reviewing goes only through the "validate" and "return" actions, which call
``resolutions.services`` so that the commitment's figures and the e-mails follow.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    ImportExportAdminMixin,
    LargeTableAdminMixin,
    PortalTranslationAdmin,
    TrackedInlineMixin,
)
from core.db import SubqueryCount
from resolutions import models, services
from resolutions.admin_actions import ReviewActionsMixin
from resolutions.evidence import validate_evidence_file
from resolutions.resources import CommitmentResource

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

PROGRESS_REPORT_CONTENT_FIELDS = (
    "commitment",
    "status",
    "quantity_delivered",
    "delivered_on",
    "period_start",
    "narrative",
    "language",
    "evidence_url",
    "evidence_file",
    "reported_by",
    "reported_at",
)
PROGRESS_REPORT_REVIEW_FIELDS = ("review_status", "review_comment", "reviewed_by", "reviewed_at")
CONFIRMATION_INPUTS = ("independent_source", "independent_source_url")
PROGRESS_REPORT_CONFIRMATION_FIELDS = (*CONFIRMATION_INPUTS, "confirmed_by", "confirmed_at")
# A stored report shows its evidence as a link to the view that checks permissions
# (oic_mediation.files), never to the file's storage URL.
PROGRESS_REPORT_STORED_FIELDS = tuple(
    "evidence_link" if name == "evidence_file" else name for name in PROGRESS_REPORT_CONTENT_FIELDS
)


@admin.display(description=_("evidence (file)"))
def evidence_link(report):
    if not report.evidence_file:
        return "—"
    return format_html(
        '<a href="{}">{}</a>',
        reverse("files:evidence", kwargs={"pk": report.pk}),
        posixpath.basename(report.evidence_file.name),
    )


class ConfirmationForm(forms.ModelForm):
    """The independent confirmation of a validated report: a source is named whenever a link is
    given (the rule of ``services.progress_report_confirm``, said as a form error)."""

    class Meta:
        model = models.ProgressReport
        fields = ("independent_source", "independent_source_url")

    def clean(self):
        cleaned = super().clean()
        if (
            self.cleaned_data.get("independent_source_url")
            and not self.cleaned_data.get("independent_source", "").strip()
        ):
            self.add_error(
                "independent_source", _("Name the source document or the independent reviewer.")
            )
        return cleaned


class NewProgressReportForm(forms.ModelForm):
    """Checks an uploaded evidence file by its content, as the focal points' form does."""

    class Meta:
        model = models.ProgressReport
        fields = PROGRESS_REPORT_CONTENT_FIELDS[:-2]

    def clean_evidence_file(self):
        evidence = self.cleaned_data.get("evidence_file")
        if evidence and hasattr(evidence, "content_type"):  # a new upload, not the stored file
            try:
                validate_evidence_file(evidence)
            except ValidationError as error:
                raise ValidationError(error.message_dict["evidence_file"]) from None
        return evidence


# --- Resolutions and paragraphs -----------------------------------------------------------------


class ParagraphInline(TrackedInlineMixin, TranslationTabularInline):
    model = models.Paragraph
    fields = ("number", "title", "theme", "addressee", "position")
    extra = 0
    show_change_link = True


@admin.register(models.Resolution)
class ResolutionAdmin(PortalTranslationAdmin):
    list_display = (
        "symbol",
        "title",
        "cfm_session",
        "place",
        "adopted_from",
        "proposed_by",
        "paragraph_count",
    )
    list_filter = ("cfm_session",)
    list_select_related = ("proposed_by",)
    search_fields = ("symbol", "title_en", "title_fr", "title_ar")
    date_hierarchy = "adopted_from"
    autocomplete_fields = ("proposed_by", "follows_up")
    readonly_fields = ("hijri_dates",)
    inlines = (ParagraphInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_paragraph_count=Count("paragraphs"))

    @admin.display(description=_("paragraphs and measures"), ordering="_paragraph_count")
    def paragraph_count(self, obj) -> int:
        return obj._paragraph_count

    @admin.display(description=_("Hijri dates"))
    def hijri_dates(self, obj) -> str:
        return obj.hijri_dates if obj.pk else ""


class ParagraphStatusUpdateInline(TrackedInlineMixin, TranslationTabularInline):
    model = models.ParagraphStatusUpdate
    fields = ("as_of", "status", "note", "source")
    extra = 0


@admin.register(models.Paragraph)
class ParagraphAdmin(PortalTranslationAdmin):
    list_display = (
        "__str__",
        "number",
        "theme",
        "addressee",
        "current_status",
        "commitment_count",
    )
    list_display_links = ("__str__",)
    list_filter = ("resolution", "theme", "addressee")
    list_select_related = ("resolution",)
    search_fields = ("resolution__symbol", "title_en", "title_fr", "title_ar", "text_en")
    autocomplete_fields = ("resolution",)
    inlines = (ParagraphStatusUpdateInline,)

    def get_queryset(self, request):
        latest_status = models.ParagraphStatusUpdate.objects.filter(
            paragraph=OuterRef("pk")
        ).order_by("-as_of", "-id")
        return (
            super()
            .get_queryset(request)
            .select_related("resolution")
            .annotate(
                _commitment_count=SubqueryCount(
                    models.Commitment.objects.filter(paragraph=OuterRef("pk"))
                ),
                _current_status=Subquery(latest_status.values("status")[:1]),
            )
        )

    @admin.display(description=_("current status"), ordering="_current_status")
    def current_status(self, obj) -> str | StrPromise:
        if obj._current_status is None:
            return "—"
        return models.ImplementationStatus(obj._current_status).label

    @admin.display(description=_("commitments"), ordering="_commitment_count")
    def commitment_count(self, obj) -> int:
        return obj._commitment_count


@admin.register(models.ParagraphStatusUpdate)
class ParagraphStatusUpdateAdmin(PortalTranslationAdmin):
    list_display = ("paragraph", "status", "as_of", "source")
    list_filter = ("status", "paragraph__resolution")
    list_select_related = ("paragraph__resolution",)
    search_fields = ("paragraph__title_en", "note_en", "source")
    date_hierarchy = "as_of"
    autocomplete_fields = ("paragraph",)


# --- Commitments and progress reports -----------------------------------------------------------


class ProgressReportInline(admin.StackedInline):
    """The reports already stored, read-only: review them with the progress reports' actions."""

    model = models.ProgressReport
    fields = readonly_fields = (*PROGRESS_REPORT_STORED_FIELDS[1:], *PROGRESS_REPORT_REVIEW_FIELDS)
    evidence_link = staticmethod(evidence_link)
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("reported_by", "reviewed_by")


class NewProgressReportInline(admin.StackedInline):
    """Appends a report on the commitment's page; existing ones are listed above."""

    model = models.ProgressReport
    form = NewProgressReportForm
    verbose_name = _("new progress report")
    verbose_name_plural = _("new progress reports")
    fields = PROGRESS_REPORT_CONTENT_FIELDS[1:-2]
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Commitment)
class CommitmentAdmin(LargeTableAdminMixin, ImportExportAdminMixin, PortalTranslationAdmin):
    resource_classes = [CommitmentResource]
    # The latest pledges first, read from the (pledged_on, id) index.
    ordering = ("-pledged_on", "-id")
    list_display = (
        "title",
        "participant_name",
        "paragraph",
        "status",
        "target_quantity",
        "delivered_quantity",
        "unit",
        "gap_display",
        "due_on",
        "report_count",
        "pending_report_count",
    )
    list_filter = ("status", "unit", "paragraph__resolution", "paragraph__theme", "state")
    list_select_related = ("state", "organisation", "paragraph__resolution")
    search_fields = (
        "title_en",
        "title_fr",
        "title_ar",
        "state__name_en",
        "state__iso_code",
        "organisation__name_en",
        "organisation__acronym_en",
        "paragraph__resolution__symbol",
    )
    date_hierarchy = "pledged_on"
    autocomplete_fields = ("paragraph", "state", "organisation")
    readonly_fields = ("status", "delivered_quantity", "progress_as_of", "created_by")
    inlines = (ProgressReportInline, NewProgressReportInline)

    def get_queryset(self, request):
        reports = models.ProgressReport.objects.filter(commitment=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .select_related("state", "organisation", "paragraph__resolution")
            .annotate(
                _report_count=SubqueryCount(reports),
                _pending_report_count=SubqueryCount(
                    reports.filter(review_status=models.ProgressReport.Review.SUBMITTED)
                ),
            )
        )

    @admin.display(description=_("pledged by"), ordering="state__name")
    def participant_name(self, obj) -> str:
        return str(obj.participant or "")

    @admin.display(description=_("gap"))
    def gap_display(self, obj):
        return "—" if obj.gap is None else obj.gap

    @admin.display(description=_("reports"), ordering="_report_count")
    def report_count(self, obj) -> int:
        return obj._report_count

    @admin.display(description=_("awaiting review"), ordering="_pending_report_count")
    def pending_report_count(self, obj) -> int:
        return obj._pending_report_count

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is models.ProgressReport:
            for inline_form in formset.forms:
                report = inline_form.instance
                if not inline_form.has_changed():
                    continue
                if report.pk is None:
                    report.reported_by = report.reported_by or request.user
        super().save_formset(request, form, formset, change)


@admin.register(models.ProgressReport)
class ProgressReportAdmin(
    LargeTableAdminMixin, ReviewActionsMixin, ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin
):
    """Append-only: a stored report's content never changes and no report is ever deleted."""

    # The latest first (the model's order), read from the (reported_at, id) index.
    ordering = ("-reported_at", "-id")
    list_display = (
        "commitment",
        "status",
        "quantity_delivered",
        "target_check",
        "delivered_on",
        "nothing_new",
        "review_status",
        "reported_by",
        "reported_at",
        "reviewed_at",
    )
    list_filter = (
        "review_status",
        "nothing_new",
        "status",
        "language",
        "commitment__paragraph__resolution",
    )
    list_select_related = ("commitment__state", "commitment__organisation", "reported_by")
    readonly_fields = ("target_check",)
    search_fields = (
        "narrative",
        "commitment__title_en",
        "commitment__state__name_en",
        "commitment__state__iso_code",
    )
    date_hierarchy = "reported_at"
    autocomplete_fields = ("commitment",)

    form = NewProgressReportForm
    evidence_link = staticmethod(evidence_link)

    def get_fields(self, request, obj=None):
        if obj is None:
            return PROGRESS_REPORT_CONTENT_FIELDS[:-2]
        return (
            "target_check",
            "nothing_new",
            *PROGRESS_REPORT_STORED_FIELDS,
            *PROGRESS_REPORT_REVIEW_FIELDS,
            *PROGRESS_REPORT_CONFIRMATION_FIELDS,
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and obj.review_status == models.ProgressReport.Review.VALIDATED:
            kwargs["form"] = ConfirmationForm
        return super().get_form(request, obj, change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        fields = self.get_fields(request, obj)
        if obj.review_status == models.ProgressReport.Review.VALIDATED:
            # The one thing that may still be recorded on a validated report: its independent
            # confirmation (resolutions.services.progress_report_confirm).
            return tuple(name for name in fields if name not in CONFIRMATION_INPUTS)
        return fields

    @admin.display(description=_("against the target"))
    def target_check(self, obj) -> str:
        """Tells the reviewer when a report delivers more than was pledged (allowed; counted as
        complete)."""
        if obj is None or obj.pk is None or not obj.exceeds_target:
            return ""
        return _("Exceeds the target: %(delivered)s delivered against a target of %(target)s") % {
            "delivered": obj.quantity_delivered,
            "target": obj.commitment.target_quantity,
        }

    def review_warning(self, report) -> str:
        if not report.exceeds_target:
            return ""
        return _(
            "“%(report)s” exceeds the target: %(delivered)s delivered against a target of "
            "%(target)s. It counts as complete."
        ) % {
            "report": report,
            "delivered": report.quantity_delivered,
            "target": report.commitment.target_quantity,
        }

    def has_delete_permission(self, request, obj=None):
        return False

    def revert_disabled(self, request, obj=None):
        # Reverting would rewrite a stored report's content.
        return True

    def save_model(self, request, obj, form, change):
        if not change:
            obj.reported_by = request.user
            super().save_model(request, obj, form, change)
            return
        if set(form.changed_data) & set(CONFIRMATION_INPUTS):
            services.progress_report_confirm(
                user=request.user,
                report=obj,
                source=form.cleaned_data.get("independent_source", ""),
                source_url=form.cleaned_data.get("independent_source_url", ""),
            )


@admin.register(models.ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ("focal_point", "period", "sent_at", "commitment_count")
    list_filter = ("period",)
    list_select_related = ("focal_point__user", "focal_point__state")
    search_fields = ("period", "focal_point__user__email", "focal_point__state__name_en")
    date_hierarchy = "sent_at"
    autocomplete_fields = ("focal_point",)


@admin.register(models.ReportingSchedule)
class ReportingScheduleAdmin(admin.ModelAdmin):
    """One row (saved as pk 1 whatever the form: adding one replaces it): how often states
    report, and when reminders go out (resolutions.reminders). Without it, the defaults apply."""

    list_display = ("__str__", "period_months", "remind_before_days", "escalate_after_days")


@admin.register(models.ReportingReminder)
class ReportingReminderAdmin(admin.ModelAdmin):
    """What ``send_reporting_reminders`` sent: the record that stops a repeat (deleting one lets
    that reminder go out again)."""

    list_display = ("commitment", "stage", "due_on", "sent_at", "recipients")
    list_filter = ("stage",)
    list_select_related = ("commitment__state", "commitment__organisation")
    date_hierarchy = "sent_at"
    raw_id_fields = ("commitment",)


class PublishedReportAdmin(ObjectPermissionsModelAdminMixin, admin.ModelAdmin):
    """Published implementation reports, read-only: a report is never typed in, it is drawn from
    the data and published as drawn.

    Registered by the report interface (``oic_mediation/reports/admin.py``), whose subclass makes
    "Add" the page that draws a report (preview, PDF, publish).
    """

    list_display = ("title", "language", "period_start", "period_end", "published_at", "pdf_link")
    list_filter = ("language", "period_end")
    list_select_related = ("published_by",)
    date_hierarchy = "published_at"
    fields = (
        "title",
        "language",
        "period_start",
        "period_end",
        "published_at",
        "published_by",
        "pdf_link",
    )
    readonly_fields = fields
    change_list_template = "reports/admin/publishedreport_change_list.html"

    @admin.display(description=_("PDF"))
    def pdf_link(self, obj):
        if not obj.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("dashboard:report_pdf", kwargs={"pk": obj.pk}),
            gettext("Download"),
        )

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return request.user.has_perm("resolutions.publish_publishedreport")
