"""The admin base classes and mixins of every domain app's admin.

- ``PortalAdmin`` and ``PortalTranslationAdmin``: a tracked model (``core.models.TrackedModel``)
  with history and revert (django-simple-history), the version shown and checked on save
  (``VersionCheckedForm``), and, for the second, fields in Arabic, English and French;
- ``TrackedInlineMixin``: the same version check for each row of an inline;
- ``LargeTableAdminMixin``: changelists of tables that grow every year, without a full count;
- ``ImportExportAdminMixin``: spreadsheet import (all or nothing) and formula-safe export.
"""

from __future__ import annotations

import calendar
import datetime
from typing import TYPE_CHECKING

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Max, Min
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TranslationAdmin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from core.models import StaleVersionError, TrackedModel
from core.spreadsheets import SafeCSV, SafeXLSX

if TYPE_CHECKING:
    # What the mixins below are mixed into, for the type checker; at runtime they stand alone.
    from django.contrib.admin import ModelAdmin as _ModelAdminBase
    from django.contrib.admin.options import InlineModelAdmin as _InlineModelAdminBase
else:
    _ModelAdminBase = _InlineModelAdminBase = object

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
        expected = self.cleaned_data.get("expected_version")
        current = self._stored_version(lock=True)
        if expected is None or expected != current:
            raise forms.ValidationError(
                str(StaleVersionError(expected=expected or 0, current=current))
                + " "
                + str(_("Reload the page to see their changes, then edit again.")),
                code="stale_version",
            )
        return cleaned_data


class TrackedAdminMixin(ObjectPermissionsModelAdminMixin, _ModelAdminBase):
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
            and self._should_delete_form(form)  # type: ignore[attr-defined]  # private, not in the stubs
            and form.has_error(NON_FIELD_ERRORS, "stale_version")
            for error in form.non_field_errors()
        ]
        if stale:
            raise forms.ValidationError(stale, code="stale_version")


class TrackedInlineMixin(_InlineModelAdminBase):
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


class LargeTableAdminMixin(_ModelAdminBase):
    """For the changelists of tables that grow every year: no step costs more as rows pile up.

    Put it before the admin base class. Django's changelist would, besides its page, count the
    unfiltered table a second time and group the whole (filtered) table by year, month or day to
    draw the date hierarchy. Here the changelist says "Show all" instead of the second total, and
    the date hierarchy (django-admin-lightweight-date-hierarchy) offers the years from the first
    to the last date in the table (two index lookups), every month of a year and every day of a
    month. The subclass gives ``ordering`` ending with the primary key and an index matching it,
    and counts related rows with ``core.db.SubqueryCount``, so the database reads the
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
