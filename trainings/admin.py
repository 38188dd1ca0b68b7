"""The Secretariat's admin for training programmes, their editions and participants."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import OuterRef
from django.utils.translation import gettext_lazy as _

from core.admin import (
    ImportExportAdminMixin,
    LargeTableAdminMixin,
    PortalAdmin,
    PortalTranslationAdmin,
    TrackedInlineMixin,
)
from core.db import SubqueryCount
from network.admin_privacy import erase_personal_data, export_personal_data
from resolutions.admin_actions import ReviewActionsMixin
from trainings import models, services
from trainings.privacy import participant_data_export, participant_erase
from trainings.resources import ParticipantResource


class EditionInline(TrackedInlineMixin, admin.TabularInline):
    model = models.Edition
    fields = ("number", "starts_on", "ends_on", "place_en", "format", "level_targeted")
    extra = 0
    show_change_link = True


@admin.register(models.Programme)
class ProgrammeAdmin(PortalTranslationAdmin):
    list_display = (
        "name",
        "organiser_state",
        "organiser_organisation",
        "launched_on",
        "awards_certificate",
        "edition_count",
    )
    list_filter = ("awards_certificate", "organiser_state")
    list_select_related = ("organiser_state", "organiser_organisation")
    search_fields = ("name_en", "name_fr", "name_ar", "slug", "organiser_detail_en")
    date_hierarchy = "launched_on"
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("organiser_state", "organiser_organisation", "partners", "paragraphs")
    inlines = (EditionInline,)

    def get_queryset(self, request):
        editions = models.Edition.objects.filter(programme=OuterRef("pk"))
        return super().get_queryset(request).annotate(_edition_count=SubqueryCount(editions))

    @admin.display(description=_("editions"), ordering="_edition_count")
    def edition_count(self, obj) -> int:
        return obj._edition_count


class ParticipantInline(TrackedInlineMixin, admin.TabularInline):
    """The participants of an edition, one row each with what the figures count (gender, state,
    level, completion) and the certificate; the position, organisation, e-mail and certificate
    date are on each participant's page ("Change"). All ten columns made an edition's page
    2,709 px wide at 1280 px (tests/test_admin_browser.py)."""

    model = models.Participant
    fields = ("full_name", "gender", "state", "level", "completion", "certificate_number")
    autocomplete_fields = ("state",)

    class Media:
        css = {"all": ["portal/admin-participants.css"]}

    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("state", "organisation", "edition__programme")
        )


@admin.register(models.Edition)
class EditionAdmin(LargeTableAdminMixin, ReviewActionsMixin, PortalTranslationAdmin):
    """A focal point's training report arrives submitted: validate it (it then counts in public
    figures) or return it with a comment, as progress reports."""

    review_services = {
        "validate": services.training_edition_validate,
        "return": services.training_edition_return,
    }
    review_argument = "edition"
    review_select_related = ("programme", "reported_by_state")
    list_display = (
        "__str__",
        "programme",
        "number",
        "starts_on",
        "place",
        "host_state",
        "format",
        "level_targeted",
        "participant_count",
        "reported_participants",
        "review_status",
    )
    list_filter = (
        "review_status",
        "format",
        "level_targeted",
        "programme",
        "host_state",
        "reported_by_state",
    )
    list_select_related = ("programme", "host_state")
    search_fields = ("title_en", "title_fr", "programme__name_en", "programme__slug", "place_en")
    date_hierarchy = "starts_on"
    autocomplete_fields = ("programme", "host_state", "reported_by_state")
    readonly_fields = (
        "reported_by_user",
        "review_status",
        "reviewed_by",
        "reviewed_at",
        "review_comment",
    )
    inlines = (ParticipantInline,)
    # The latest first (the model's order), read from the (starts_on, id) index.
    ordering = ("-starts_on", "-id")

    def get_queryset(self, request):
        # Also serves the autocomplete of participants; __str__ reads the programme. Selecting
        # related rows here turns off list_select_related in the changelist: name them all.
        return (
            super()
            .get_queryset(request)
            .select_related(*self.list_select_related)
            .annotate(
                _participant_count=SubqueryCount(
                    models.Participant.objects.filter(edition=OuterRef("pk"))
                )
            )
        )

    @admin.display(description=_("participants recorded"), ordering="_participant_count")
    def participant_count(self, obj) -> int:
        return obj._participant_count


@admin.register(models.Participant)
class ParticipantAdmin(LargeTableAdminMixin, ImportExportAdminMixin, PortalAdmin):
    resource_classes = [ParticipantResource]
    list_display = (
        "full_name",
        "edition",
        "state",
        "organisation",
        "gender",
        "level",
        "completion",
        "certificate_number",
    )
    list_filter = ("completion", "level", "gender", "edition__programme", "state")
    list_select_related = ("edition__programme", "state", "organisation")
    search_fields = ("full_name", "email", "certificate_number", "position")
    autocomplete_fields = ("edition", "state", "organisation")
    actions = [export_personal_data, erase_personal_data]
    privacy_services = (participant_data_export, participant_erase, "participant")

    def get_queryset(self, request):
        # Selecting related rows here turns off list_select_related in the changelist.
        return super().get_queryset(request).select_related(*self.list_select_related)

    def get_export_queryset(self, request):
        return (
            super()
            .get_export_queryset(request)
            .select_related("edition__programme", "state", "organisation")
        )
