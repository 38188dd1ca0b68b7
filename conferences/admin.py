"""The Secretariat's admin for the annual conferences: sessions and speakers, recommendations and
their follow-up, documents and the figures cited there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from conferences import models
from core.admin import PortalTranslationAdmin, TrackedInlineMixin

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


def conference_being_edited(request) -> str | None:
    """The id of the conference whose change page is open, to narrow its inlines' choices."""
    match = request.resolver_match
    if match is None or match.url_name != "conferences_conference_change":
        return None
    return match.kwargs.get("object_id")


class SessionInline(TrackedInlineMixin, TranslationTabularInline):
    model = models.Session
    fields = ("order", "kind", "title")
    extra = 0
    show_change_link = True


class RecommendationInline(TrackedInlineMixin, TranslationStackedInline):
    model = models.Recommendation
    fields = ("number", "session", "text", "addressee", "is_priority", "paragraphs")
    autocomplete_fields = ("paragraphs",)
    extra = 0
    show_change_link = True

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "session":
            # Only this conference's sessions; none yet on the add page.
            kwargs["queryset"] = models.Session.objects.filter(
                # None (the add page) is IS NULL: no session; the stubs refuse None here.
                conference_id=conference_being_edited(request)  # type: ignore[misc]
            ).select_related("conference")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DocumentInline(TrackedInlineMixin, TranslationTabularInline):
    model = models.Document
    fields = ("kind", "title", "language", "un_symbol", "author", "published_on", "file", "url")
    autocomplete_fields = ("author",)
    extra = 0
    show_change_link = True


@admin.register(models.Conference)
class ConferenceAdmin(PortalTranslationAdmin):
    list_display = (
        "ordinal",
        "title",
        "starts_on",
        "city",
        "host_state",
        "participants",
        "reported_states",
        "session_count",
        "recommendation_count",
    )
    list_display_links = ("ordinal", "title")
    list_filter = ("host_state",)
    list_select_related = ("host_state",)
    search_fields = ("title_en", "title_fr", "title_ar", "theme_en", "city_en")
    date_hierarchy = "starts_on"
    autocomplete_fields = ("host_state", "partner_organisations")
    inlines = (SessionInline, RecommendationInline, DocumentInline)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _session_count=Count("sessions", distinct=True),
                _recommendation_count=Count("recommendations", distinct=True),
            )
        )

    @admin.display(description=_("participants"), ordering="reported_participants")
    def participants(self, obj) -> str:
        return obj.participants_display

    @admin.display(description=_("sessions"), ordering="_session_count")
    def session_count(self, obj) -> int:
        return obj._session_count

    @admin.display(description=_("recommendations"), ordering="_recommendation_count")
    def recommendation_count(self, obj) -> int:
        return obj._recommendation_count


@admin.register(models.Speaker)
class SpeakerAdmin(PortalTranslationAdmin):
    list_display = ("__str__", "position", "organisation", "state", "affiliation")
    list_filter = ("state",)
    list_select_related = ("organisation", "state")
    search_fields = ("full_name", "position_en", "affiliation_en", "organisation__name_en")
    autocomplete_fields = ("organisation", "state")


class SessionSpeakerInline(admin.TabularInline):
    model = models.SessionSpeaker
    fields = ("speaker", "role", "order", "note")
    autocomplete_fields = ("speaker",)
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")


@admin.register(models.Session)
class SessionAdmin(PortalTranslationAdmin):
    list_display = ("title", "conference", "order", "kind", "speaker_count")
    list_filter = ("kind", "conference")
    list_select_related = ("conference",)
    search_fields = ("title_en", "title_fr", "title_ar", "conference__title_en")
    autocomplete_fields = ("conference",)
    inlines = (SessionSpeakerInline,)

    def get_queryset(self, request):
        # Also serves the autocomplete of recommendations; __str__ reads the conference.
        return (
            super()
            .get_queryset(request)
            .select_related("conference")
            .annotate(_speaker_count=Count("appearances"))
        )

    @admin.display(description=_("speakers"), ordering="_speaker_count")
    def speaker_count(self, obj) -> int:
        return obj._speaker_count


@admin.register(models.SessionSpeaker)
class SessionSpeakerAdmin(SimpleHistoryAdmin):
    list_display = ("speaker", "session", "role", "order")
    list_filter = ("role", "session__conference")
    list_select_related = ("speaker", "session__conference")
    search_fields = ("speaker__full_name", "session__title_en", "note")
    autocomplete_fields = ("session", "speaker")


class RecommendationFollowUpInline(TrackedInlineMixin, TranslationTabularInline):
    model = models.RecommendationFollowUp
    fields = ("as_of", "status", "note", "recorded_by")
    readonly_fields = ("recorded_by",)
    extra = 0


@admin.register(models.Recommendation)
class RecommendationAdmin(PortalTranslationAdmin):
    list_display = (
        "__str__",
        "conference",
        "number",
        "session",
        "is_priority",
        "current_follow_up",
    )
    list_filter = ("is_priority", "conference")
    list_select_related = ("conference", "session__conference")
    search_fields = ("text_en", "text_fr", "text_ar", "addressee_en")
    autocomplete_fields = ("conference", "session", "paragraphs")
    inlines = (RecommendationFollowUpInline,)

    def get_queryset(self, request):
        latest = models.RecommendationFollowUp.objects.filter(
            recommendation=OuterRef("pk")
        ).order_by("-as_of", "-id")
        # Selecting related rows here turns off list_select_related in the changelist: name them all.
        return (
            super()
            .get_queryset(request)
            .select_related(*self.list_select_related)
            .annotate(_current_follow_up=Subquery(latest.values("status")[:1]))
        )

    @admin.display(description=_("follow-up"), ordering="_current_follow_up")
    def current_follow_up(self, obj) -> StrPromise:
        if obj._current_follow_up is None:
            return models.FollowUpStatus.PENDING.label
        return models.FollowUpStatus(obj._current_follow_up).label

    def save_formset(self, request, form, formset, change):
        if formset.model is models.RecommendationFollowUp:
            for inline_form in formset.forms:
                if inline_form.has_changed() and inline_form.instance.pk is None:
                    inline_form.instance.recorded_by = request.user
        super().save_formset(request, form, formset, change)


@admin.register(models.RecommendationFollowUp)
class RecommendationFollowUpAdmin(PortalTranslationAdmin):
    list_display = ("recommendation", "status", "as_of", "recorded_by")
    list_filter = ("status", "recommendation__conference")
    list_select_related = ("recommendation__conference", "recorded_by")
    search_fields = ("note_en", "recommendation__text_en")
    date_hierarchy = "as_of"
    autocomplete_fields = ("recommendation",)
    readonly_fields = ("recorded_by",)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(models.Document)
class DocumentAdmin(PortalTranslationAdmin):
    list_display = (
        "title",
        "kind",
        "language",
        "conference",
        "author",
        "published_on",
        "is_public",
    )
    list_filter = ("kind", "language", "is_public", "conference")
    list_select_related = ("conference", "author")
    search_fields = ("title_en", "title_fr", "title_ar", "un_symbol")
    date_hierarchy = "published_on"
    autocomplete_fields = ("conference", "author")


@admin.register(models.CitedFigure)
class CitedFigureAdmin(PortalTranslationAdmin):
    list_display = ("__str__", "source", "source_year", "conference", "position")
    list_filter = ("source_year", "conference")
    list_select_related = ("conference",)
    search_fields = ("statement_en", "source_en")
    autocomplete_fields = ("source_document", "conference")
