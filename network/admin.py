"""The Secretariat's admin for member states, focal points, organisations, the contact group and
the roster of mediators, special envoys, experts and wise persons.

The base classes defined here (``PortalAdmin``, ``PortalTranslationAdmin``, ``ImportExportAdminMixin``)
are reused by the admins of the other domain apps, which already depend on ``network``.
"""

from __future__ import annotations

import calendar
import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Count, Max, Min, OuterRef, Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from network import models
from network.admin_privacy import erase_personal_data, export_personal_data
from network.privacy import roster_member_data_export, roster_member_erase
from network.resources import RosterMemberResource
from oic_mediation.accounts.admin_views import InviteFocalPointAdminMixin, resend_invitation
from oic_mediation.db import SubqueryCount
from oic_mediation.models import StaleVersionError, TrackedModel
from oic_mediation.spreadsheets import SafeCSV, SafeXLSX

admin.site.site_header = _("OIC Mediation Capacity Portal — Secretariat")
admin.site.site_title = _("OIC Mediation Capacity Portal — Secretariat")
admin.site.index_title = _("Records maintained by the Secretariat")

TRACKED_READONLY_FIELDS = ("version", "created_at", "updated_at")


class VersionCheckedForm(forms.ModelForm):
    """A change form that refuses to overwrite a record someone else saved in the meantime.

    The version shown travels in a hidden field; on submit the row is locked (the request runs in
    a transaction) and its stored version compared, as ``TrackedModel.save_if_version`` does.
    """

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["expected_version"].initial = self._shown_version()

    def _shown_version(self) -> int | None:
        # Read from the table, not the instance: simple-history's revert form hands us an
        # old historical version of the record.
        return self._stored_version(lock=False)

    def _stored_version(self, *, lock: bool) -> int | None:
        queryset = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        if lock:
            queryset = queryset.select_for_update()
        return queryset.values_list("version", flat=True).first()

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        expected = cleaned_data.get("expected_version")
        current = self._stored_version(lock=True)
        if expected is None or expected != current:
            raise forms.ValidationError(
                str(StaleVersionError(expected=expected or 0, current=current))
                + " "
                + str(_("Reload the page to see their changes, then edit again.")),
                code="stale_version",
            )
        return cleaned_data


class TrackedAdminMixin(ObjectPermissionsModelAdminMixin):
    """Shows ``version`` and the timestamps read-only and checks the version on save.

    Viewing, changing and deleting a record ask the model's rules about that record
    (``user.has_perm("<app>.change_<model>", obj)``, see ``network.rules``)."""

    form = VersionCheckedForm

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        return readonly + tuple(f for f in TRACKED_READONLY_FIELDS if f not in readonly)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if self.fieldsets:
            fieldsets.append(
                (
                    _("Record"),
                    {"fields": ("expected_version", *TRACKED_READONLY_FIELDS)},
                )
            )
        return fieldsets

    def save_model(self, request, obj, form, change):
        if change and isinstance(obj, TrackedModel):
            # The version the form checked (and locked); a reverted historical copy carries an
            # older number that must not be saved over the newer one.
            obj.version = form.cleaned_data.get("expected_version") or obj.version
        super().save_model(request, obj, form, change)


class VersionCheckedInlineForm(VersionCheckedForm):
    """One row of an inline: the formset loaded the row just now, so its version is the shown one."""

    def _shown_version(self) -> int | None:
        return self.instance.version


class VersionCheckedInlineFormSet(forms.BaseInlineFormSet):
    """Refuses the whole submission when a row marked for deletion is stale, too.

    Django ignores the errors of rows being deleted; a row someone else changed since the page
    was loaded is not deleted unseen: its stale-version error is shown above the inline.
    """

    def clean(self):
        super().clean()
        stale = [
            error
            for form in self.forms
            if self.can_delete
            and self._should_delete_form(form)
            and form.has_error(NON_FIELD_ERRORS, "stale_version")
            for error in form.non_field_errors()
        ]
        if stale:
            raise forms.ValidationError(stale, code="stale_version")


class TrackedInlineMixin:
    """For inlines of a ``TrackedModel``: each existing row carries the version it showed.

    The hidden ``expected_version`` must be among the inline's fields, or the inline templates
    do not render it; ``version`` is shown read-only. A stale row gets the error on its row and,
    as the admin request runs in one transaction, nothing of the submission is stored. New rows
    are not checked.
    """

    form = VersionCheckedInlineForm
    formset = VersionCheckedInlineFormSet

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        return readonly if "version" in readonly else (*readonly, "version")

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return fields + [name for name in ("expected_version", "version") if name not in fields]


class PortalAdmin(TrackedAdminMixin, SimpleHistoryAdmin):
    """A tracked model without translated fields: history with revert, version check."""

    list_per_page = 50


class PortalTranslationAdmin(TrackedAdminMixin, SimpleHistoryAdmin, TranslationAdmin):
    """A tracked model with fields in Arabic, English and French."""

    list_per_page = 50


class LargeTableAdminMixin:
    """For the changelists of tables that grow every year: no step costs more as rows pile up.

    Put it before the admin base class. Django's changelist would, besides its page, count the
    unfiltered table a second time and group the whole (filtered) table by year, month or day to
    draw the date hierarchy. Here the changelist says "Show all" instead of the second total, and
    the date hierarchy (django-admin-lightweight-date-hierarchy) offers the years from the first
    to the last date in the table (two index lookups), every month of a year and every day of a
    month. The subclass gives ``ordering`` ending with the primary key and an index matching it,
    and counts related rows with ``oic_mediation.db.SubqueryCount``, so the database reads the
    rows of the page and no others.
    """

    show_full_result_count = False
    date_hierarchy_drilldown = False

    def get_date_hierarchy_drilldown(self, year_lookup, month_lookup):
        if year_lookup is None:
            bounds = self.model._default_manager.aggregate(
                first=Min(self.date_hierarchy), last=Max(self.date_hierarchy)
            )
            if bounds["first"] is None:
                return []
            first, last = (
                timezone.localtime(value).date() if isinstance(value, datetime.datetime) else value
                for value in (bounds["first"], bounds["last"])
            )
            return [datetime.date(year, 1, 1) for year in range(first.year, last.year + 1)]
        if month_lookup is None:
            return [datetime.date(year_lookup, month, 1) for month in range(1, 13)]
        days = calendar.monthrange(year_lookup, month_lookup)[1]
        return [datetime.date(year_lookup, month_lookup, day) for day in range(1, days + 1)]


class ImportExportAdminMixin(ImportExportMixin):
    """Spreadsheet import and export in CSV and XLSX, all or nothing.

    The dry run lists every bad row with its number and reason; the confirmed import rolls back
    entirely if any row fails, including rows that only fail model validation.
    """

    import_formats = [CSV, XLSX]
    # Text typed by focal points never runs as a formula in the Secretariat's spreadsheet.
    export_formats = [SafeCSV, SafeXLSX]

    # django-import-export grants import and export to every staff member unless told otherwise:
    # the same model permissions as the admin's own pages decide here. An export shows what the
    # changelist shows; an import adds and changes rows, so it needs both rights.
    def has_export_permission(self, request) -> bool:
        return self.has_view_or_change_permission(request)

    def has_import_permission(self, request) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs.setdefault("rollback_on_validation_errors", True)
        kwargs["use_transactions"] = True
        return kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                _("The import was refused and nothing was stored: some rows are invalid."),
            )
            return HttpResponseRedirect(
                reverse(
                    "admin:{}_{}_changelist".format(*self.get_model_info()),
                    current_app=self.admin_site.name,
                )
            )
        return super().process_result(result, request)


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
