"""The Secretariat's admin for member states, focal points, organisations, the contact group and
the roster of mediators, special envoys, experts and wise persons.

The base classes (``PortalAdmin``, ``PortalTranslationAdmin``, ``ImportExportAdminMixin``…) are the
ground floor's, in ``core/admin.py``.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from core.admin import (
    ImportExportAdminMixin,
    LargeTableAdminMixin,
    PortalAdmin,
    PortalTranslationAdmin,
    TrackedInlineMixin,
)
from core.db import SubqueryCount
from network import models
from network.admin_invitations import InviteFocalPointAdminMixin, resend_invitation
from network.admin_privacy import erase_personal_data, export_personal_data
from network.privacy import roster_member_data_export, roster_member_erase
from network.resources import RosterMemberResource

admin.site.site_header = _("OIC Mediation Capacity Portal — Secretariat")
admin.site.site_title = _("OIC Mediation Capacity Portal — Secretariat")
admin.site.index_title = _("Records maintained by the Secretariat")

# --- Member states and focal points -------------------------------------------------------------


class FocalPointInline(TrackedInlineMixin, admin.TabularInline):
    model = models.FocalPoint
    fields = ("user", "title", "phone", "preferred_language", "is_active")
    autocomplete_fields = ("user",)
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "state")


@admin.register(models.MemberState)
class MemberStateAdmin(PortalTranslationAdmin):
    list_display = (
        "name",
        "iso_code",
        "iso3_code",
        "status",
        "geographic_group",
        "african_union_member",
        "arab_league_member",
        "focal_point_count",
    )
    list_filter = ("status", "geographic_group", "african_union_member", "arab_league_member")
    search_fields = ("name_en", "name_fr", "name_ar", "iso_code", "iso3_code", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = (FocalPointInline,)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _focal_point_count=Count("focal_points", filter=Q(focal_points__is_active=True))
            )
        )

    @admin.display(description=_("active focal points"), ordering="_focal_point_count")
    def focal_point_count(self, obj) -> int:
        return obj._focal_point_count


@admin.register(models.FocalPoint)
class FocalPointAdmin(InviteFocalPointAdminMixin, PortalAdmin):
    list_display = ("__str__", "user_email", "state", "title", "preferred_language", "is_active")
    list_filter = ("is_active", "preferred_language", "state")
    list_select_related = ("user", "state")
    search_fields = ("user__username", "user__email", "user__first_name", "user__last_name")
    autocomplete_fields = ("user", "state")
    readonly_fields = ("invited_at", "invited_by")
    actions = [resend_invitation]

    def get_queryset(self, request):
        # Also serves the autocomplete of other admins; __str__ reads the user and the state.
        return super().get_queryset(request).select_related("user", "state")

    @admin.display(description=_("e-mail"), ordering="user__email")
    def user_email(self, obj) -> str:
        return obj.user.email


# --- Organisations and the contact group --------------------------------------------------------


@admin.register(models.Organisation)
class OrganisationAdmin(PortalTranslationAdmin):
    list_display = ("name", "acronym", "kind", "parent", "website")
    list_filter = ("kind",)
    list_select_related = ("parent",)
    search_fields = ("name_en", "name_fr", "name_ar", "acronym_en", "acronym_fr", "slug")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name_en",)}


class ContactGroupMembershipInline(TrackedInlineMixin, admin.TabularInline):
    model = models.ContactGroupMembership
    fields = ("state", "organisation", "joined_on", "left_on", "note")
    autocomplete_fields = ("state", "organisation")
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("state", "organisation")


class CoChairPeriodInline(TrackedInlineMixin, admin.TabularInline):
    model = models.CoChairPeriod
    fields = ("state", "organisation", "started_on", "ended_on")
    autocomplete_fields = ("state", "organisation")
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("state", "organisation")


class ContactGroupMeetingInline(TrackedInlineMixin, TranslationStackedInline):
    model = models.ContactGroupMeeting
    fields = ("number", "held_on", "place", "level", "reported_attendance")
    extra = 0
    show_change_link = True


@admin.register(models.ContactGroup)
class ContactGroupAdmin(PortalTranslationAdmin):
    list_display = ("name", "established_on", "member_count", "meeting_count")
    search_fields = ("name_en", "name_fr", "name_ar", "slug")
    date_hierarchy = "established_on"
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = (ContactGroupMembershipInline, CoChairPeriodInline, ContactGroupMeetingInline)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _member_count=Count("memberships", distinct=True),
                _meeting_count=Count("meetings", distinct=True),
            )
        )

    @admin.display(description=_("memberships"), ordering="_member_count")
    def member_count(self, obj) -> int:
        return obj._member_count

    @admin.display(description=_("meetings"), ordering="_meeting_count")
    def meeting_count(self, obj) -> int:
        return obj._meeting_count


@admin.register(models.ContactGroupMembership)
class ContactGroupMembershipAdmin(PortalAdmin):
    list_display = ("participant_name", "group", "joined_on", "left_on", "note")
    list_filter = ("group", "joined_on")
    list_select_related = ("group", "state", "organisation")
    search_fields = ("state__name_en", "organisation__name_en", "organisation__acronym_en", "note")
    autocomplete_fields = ("group", "state", "organisation")

    @admin.display(description=_("member"))
    def participant_name(self, obj) -> str:
        return str(obj.participant or "")


@admin.register(models.CoChairPeriod)
class CoChairPeriodAdmin(PortalAdmin):
    list_display = ("participant_name", "group", "started_on", "ended_on")
    list_filter = ("group",)
    list_select_related = ("group", "state", "organisation")
    search_fields = ("state__name_en", "organisation__name_en", "organisation__acronym_en")
    autocomplete_fields = ("group", "state", "organisation")

    @admin.display(description=_("co-chair"))
    def participant_name(self, obj) -> str:
        return str(obj.participant or "")


@admin.register(models.ContactGroupMeeting)
class ContactGroupMeetingAdmin(PortalTranslationAdmin):
    list_display = ("held_on", "number", "group", "place", "level", "states_present_count")
    list_filter = ("level", "group")
    list_select_related = ("group",)
    search_fields = ("place_en", "place_fr", "agenda_en", "outcome_en")
    date_hierarchy = "held_on"
    autocomplete_fields = ("group", "states_present", "organisations_present")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_states_present_count=Count("states_present", distinct=True))
        )

    @admin.display(description=_("states present"), ordering="_states_present_count")
    def states_present_count(self, obj) -> int:
        return obj._states_present_count


# --- Reference lists of the roster --------------------------------------------------------------


@admin.register(models.ExpertiseArea)
class ExpertiseAreaAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_en", "name_fr", "name_ar", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(models.Language)
class LanguageAdmin(TranslationAdmin):
    list_display = ("name", "code")
    search_fields = ("name_en", "name_fr", "name_ar", "code")


@admin.register(models.Region)
class RegionAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_en", "name_fr", "name_ar", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(models.FieldContext)
class FieldContextAdmin(PortalTranslationAdmin):
    list_display = ("name", "state", "country_code", "has_field_mission")
    list_filter = ("has_field_mission",)
    list_select_related = ("state",)
    search_fields = ("name_en", "name_fr", "name_ar", "slug", "country_code")
    autocomplete_fields = ("state",)
    prepopulated_fields = {"slug": ("name_en",)}


# --- The roster ---------------------------------------------------------------------------------


class RosterRoleInline(TrackedInlineMixin, TranslationTabularInline):
    model = models.RosterRole
    fields = ("role", "title", "started_on", "ended_on")
    extra = 0


class DeploymentInline(TrackedInlineMixin, admin.TabularInline):
    model = models.Deployment
    fields = ("context", "role", "started_on", "ended_on", "mandate")
    autocomplete_fields = ("context",)
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("context", "person")


@admin.register(models.RosterMember)
class RosterMemberAdmin(LargeTableAdminMixin, ImportExportAdminMixin, PortalTranslationAdmin):
    resource_classes = [RosterMemberResource]
    # By name, read from the (full_name, id) index.
    ordering = ("full_name", "id")
    list_display = (
        "full_name",
        "honorific",
        "gender",
        "nationality",
        "nominating_state",
        "role_list",
        "vetting_status",
        "availability",
        "visibility",
        "deployment_count",
    )
    list_filter = (
        "vetting_status",
        "availability",
        "visibility",
        "gender",
        "roles__role",
        "nominating_state",
    )
    list_select_related = ("nationality", "nominating_state")
    search_fields = ("full_name", "email", "current_position_en", "current_position_fr")
    date_hierarchy = "nominated_on"
    autocomplete_fields = ("nationality", "nominating_state")
    filter_horizontal = ("expertise", "languages", "regions")
    readonly_fields = ("nominated_by_user",)
    inlines = (RosterRoleInline, DeploymentInline)
    actions = [export_personal_data, erase_personal_data]
    privacy_services = (roster_member_data_export, roster_member_erase, "person")
    fieldsets = (
        (None, {"fields": ("full_name", "honorific", "gender", "nationality")}),
        (
            _("Contact details (personal data, never public)"),
            {"fields": ("email", "phone", "postal_address")},
        ),
        (
            _("Profile"),
            {"fields": ("current_position", "biography", "expertise", "languages", "regions")},
        ),
        (
            _("Nomination and vetting"),
            {
                "fields": (
                    "nominating_state",
                    "nominated_on",
                    "nominated_by_user",
                    "vetting_status",
                    "availability",
                )
            },
        ),
        (
            _("Consent and visibility"),
            {"fields": ("consent_given_on", "consent_withdrawn_on", "visibility")},
        ),
    )

    def get_queryset(self, request):
        # Counted and prefetched once for the whole page, never per row.
        return (
            super()
            .get_queryset(request)
            .annotate(
                _deployment_count=SubqueryCount(
                    models.Deployment.objects.filter(person=OuterRef("pk"))
                )
            )
            .prefetch_related("roles")
        )

    def get_export_queryset(self, request):
        return (
            super()
            .get_export_queryset(request)
            .prefetch_related("expertise", "languages", "regions")
        )

    @admin.display(description=_("roles"))
    def role_list(self, obj) -> str:
        return ", ".join(
            str(role.get_role_display()) for role in obj.roles.all() if role.ended_on is None
        )

    @admin.display(description=_("deployments"), ordering="_deployment_count")
    def deployment_count(self, obj) -> int:
        return obj._deployment_count

    def save_model(self, request, obj, form, change):
        if not change and obj.nominated_by_user_id is None:
            obj.nominated_by_user = request.user
        super().save_model(request, obj, form, change)


@admin.register(models.RosterRole)
class RosterRoleAdmin(PortalTranslationAdmin):
    list_display = ("person", "role", "title", "started_on", "ended_on")
    list_filter = ("role",)
    list_select_related = ("person",)
    search_fields = ("person__full_name", "title_en", "title_fr")
    autocomplete_fields = ("person",)


@admin.register(models.Deployment)
class DeploymentAdmin(PortalAdmin):
    list_display = ("person", "context", "role", "started_on", "ended_on")
    list_filter = ("role", "context")
    list_select_related = ("person", "context")
    search_fields = ("person__full_name", "context__name_en", "mandate")
    date_hierarchy = "started_on"
    autocomplete_fields = ("person", "context")
