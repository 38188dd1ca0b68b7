"""The Secretariat's "Invite focal point" page and "send the invitation again" action.

Mixed into ``network.admin.FocalPointAdmin``; the writes happen in ``network.services``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.forms import add_service_errors
from network import services
from network.models import MemberState


class InviteFocalPointForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("e-mail"))
    first_name = forms.CharField(label=gettext_lazy("first name"), max_length=150, required=False)
    last_name = forms.CharField(label=gettext_lazy("last name"), max_length=150, required=False)
    state = forms.ModelChoiceField(
        label=gettext_lazy("member state"), queryset=MemberState.objects.order_by("name")
    )
    title = forms.CharField(
        label=gettext_lazy("title"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("e.g. Director, Multilateral Affairs"),
    )
    preferred_language = forms.ChoiceField(
        label=gettext_lazy("preferred language"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        help_text=gettext_lazy("The invitation and later e-mails are written in this language."),
    )


@admin.action(description=gettext_lazy("Send the invitation again"))
def resend_invitation(modeladmin, request, queryset):
    sent = 0
    for focal_point in queryset.select_related("user", "state"):
        try:
            services.focal_point_reinvite(invited_by=request.user, focal_point=focal_point)
        except (PermissionDenied, ValidationError) as error:
            modeladmin.message_user(request, " ".join(_messages(error)), messages.ERROR)
        else:
            sent += 1
    if sent:
        modeladmin.message_user(
            request,
            ngettext("Sent %(count)d invitation.", "Sent %(count)d invitations.", sent)
            % {"count": sent},
            messages.SUCCESS,
        )


def _messages(error) -> list[str]:
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error) or _("You may not do this.")]


if TYPE_CHECKING:
    # What the mixin is mixed into, for the type checker; at runtime it stands alone.
    from django.contrib.admin import ModelAdmin as _ModelAdminBase
else:
    _ModelAdminBase = object


class InviteFocalPointAdminMixin(_ModelAdminBase):
    """Adds /admin/network/focalpoint/invite/ and a button for it above the list."""

    change_list_template = "network/admin/focalpoint_change_list.html"

    def get_urls(self):
        invite = path(
            "invite/",
            self.admin_site.admin_view(self.invite_view),
            name="network_focalpoint_invite",
        )
        return [invite, *super().get_urls()]

    def invite_view(self, request):
        if not request.user.has_perm("network.invite_focalpoint"):
            raise PermissionDenied
        form = InviteFocalPointForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                focal_point = services.focal_point_invite(
                    invited_by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                self.message_user(
                    request,
                    _("%(name)s was invited; the link was sent to %(email)s.")
                    % {"name": focal_point, "email": focal_point.user.email},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:network_focalpoint_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Invite a focal point"),
            "form": form,
        }
        return TemplateResponse(request, "network/admin/invite_focal_point.html", context)
