"""The Secretariat's review of what member states report: "validate" and "return with a comment".

Admin actions for the progress reports (``resolutions.admin.ProgressReportAdmin``) and the training
reports (``trainings.admin.EditionAdmin``). The transitions themselves (who may, from which state,
what the figures then show, who is told) live in each app's services, named by the admin class's
``review_services``; a report that cannot make the transition is named in an error message and
left as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from resolutions import services

if TYPE_CHECKING:
    # What ReviewActionsMixin is mixed into, for the type checker; at runtime it stands alone.
    from django.contrib.admin import ModelAdmin as _ModelAdminBase
else:
    _ModelAdminBase = object

REVIEW_QUEUE_QUERY = "?review_status__exact=submitted"


class ReturnCommentForm(forms.Form):
    review_comment = forms.CharField(
        label=gettext_lazy("What needs to change"),
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
        help_text=gettext_lazy(
            "Sent to the focal point who reported, in the e-mail and their list."
        ),
    )


def _apply(modeladmin, request, queryset, outcome: str, **kwargs) -> int:
    if not modeladmin.has_review_permission(request):
        raise PermissionDenied
    review = modeladmin.review_services[outcome]
    done = 0
    for report in queryset.select_related(*modeladmin.review_select_related):
        try:
            review(user=request.user, **{modeladmin.review_argument: report}, **kwargs)
        except (PermissionDenied, ValidationError) as error:
            reasons = error.messages if isinstance(error, ValidationError) else [str(error)]
            modeladmin.message_user(
                request,
                _("“%(report)s” was not changed: %(reason)s")
                % {"report": report, "reason": " ".join(reasons)},
                messages.ERROR,
            )
        else:
            done += 1
            if outcome == "validate":
                warning = modeladmin.review_warning(report)
                if warning:
                    modeladmin.message_user(request, warning, messages.WARNING)
    return done


@admin.action(
    description=gettext_lazy("Validate the selected reports"),
    permissions=["review"],
)
def validate_reports(modeladmin, request, queryset):
    done = _apply(modeladmin, request, queryset, "validate")
    if done:
        modeladmin.message_user(
            request,
            ngettext(
                "Validated %(count)d report; it now counts in the public figures.",
                "Validated %(count)d reports; they now count in the public figures.",
                done,
            )
            % {"count": done},
            messages.SUCCESS,
        )


@admin.action(
    description=gettext_lazy("Return the selected reports with a comment"),
    permissions=["review"],
)
def return_reports(modeladmin, request, queryset):
    """First shows a page asking for the comment; the comment is required."""
    form = ReturnCommentForm(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        done = _apply(
            modeladmin,
            request,
            queryset,
            "return",
            comment=form.cleaned_data["review_comment"],
        )
        if done:
            modeladmin.message_user(
                request,
                ngettext(
                    "Returned %(count)d report to its focal point.",
                    "Returned %(count)d reports to their focal points.",
                    done,
                )
                % {"count": done},
                messages.SUCCESS,
            )
        return None
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Return reports with a comment"),
        "opts": opts,
        "reports": queryset.select_related(*modeladmin.review_select_related),
        "form": form,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across", "0"),
        "review_queue_query": REVIEW_QUEUE_QUERY,
    }
    return TemplateResponse(request, "resolutions/admin/return_reports.html", context)


class ReviewActionsMixin(_ModelAdminBase):
    """Adds the two review actions and the ``review`` action permission to an admin class.

    ``review_services`` maps "validate" and "return" to the services that make the transitions;
    ``review_argument`` names the reviewed record in their keyword arguments."""

    review_services: dict[str, Callable[..., Any]] = {
        "validate": services.progress_report_validate,
        "return": services.progress_report_return,
    }
    review_argument = "report"
    review_select_related = ("commitment__state", "commitment__organisation")

    def has_review_permission(self, request) -> bool:
        # The model's own "review" rule: resolutions.review_progressreport, trainings.review_edition.
        return request.user.has_perm(self.model.get_perm("review"))

    def review_warning(self, report) -> str:
        """What the reviewer must know about a report just validated (nothing by default)."""
        return ""

    def get_actions(self, request):
        actions = super().get_actions(request)
        for action in (validate_reports, return_reports):
            if self.has_review_permission(request):
                actions[action.__name__] = self.get_action(action)
        return actions
