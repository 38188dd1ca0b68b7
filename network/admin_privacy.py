"""Admin actions for requests about personal data: export a person's data, erase it.

Used by the roster's and the participants' admins, which name their services in
``privacy_services = (export, erase, keyword)``. The services (``network.privacy``,
``trainings.privacy``) check that the user is in the Secretariat and do the work.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from network.privacy import as_json


def _services(modeladmin):
    return modeladmin.privacy_services


@admin.action(description=gettext_lazy("Export all data held about this person (JSON)"))
def export_personal_data(modeladmin, request, queryset):
    if queryset.count() != 1:
        modeladmin.message_user(
            request, _("Select exactly one person to export their data."), messages.WARNING
        )
        return None
    export, _erase, keyword = _services(modeladmin)
    (record,) = queryset
    try:
        document = export(user=request.user, **{keyword: record})
    except PermissionDenied as error:
        modeladmin.message_user(request, str(error), messages.ERROR)
        return None
    response = HttpResponse(as_json(document), content_type="application/json; charset=utf-8")
    filename = f"{modeladmin.model._meta.model_name}-{record.pk}-personal-data.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@admin.action(description=gettext_lazy("Erase the personal data of the selected people"))
def erase_personal_data(modeladmin, request, queryset):
    """First shows a page naming the people and what erasure does; erases once confirmed."""
    if not request.user.has_perm("network.handle_personal_data"):
        modeladmin.message_user(
            request, _("Only the Secretariat handles requests about personal data."), messages.ERROR
        )
        return None
    _export, erase, keyword = _services(modeladmin)
    if request.POST.get("confirm_erasure") == "yes":
        done = 0
        for record in queryset:
            erase(user=request.user, **{keyword: record})
            done += 1
        modeladmin.message_user(
            request,
            ngettext(
                "The personal data of %(count)d person was erased.",
                "The personal data of %(count)d people was erased.",
                done,
            )
            % {"count": done},
            messages.SUCCESS,
        )
        return None
    opts = modeladmin.model._meta
    return TemplateResponse(
        request,
        "admin/privacy/erase_confirmation.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("Erase personal data on request"),
            "opts": opts,
            "records": list(queryset),
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "changelist_url": f"admin:{opts.app_label}_{opts.model_name}_changelist",
        },
    )
