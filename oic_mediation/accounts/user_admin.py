"""The admin's user list, with who is locked out of signing in and an action to unlock them.

django-axes' own "Access attempts" list stays available (deleting an attempt unlocks too); this
puts the answer where the Secretariat looks for a person: their user account.
"""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from oic_mediation.mail.models import LanguagePreference

User = get_user_model()


def locked_out_attempts():
    """Attempts that currently lock their username out (within the cool-off, at the limit)."""
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    cool_off = get_cool_off()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts


@admin.action(description=_("Unlock sign-in for the selected users"), permissions=["change"])
def unlock_sign_in(modeladmin, request, queryset):
    unlocked = 0
    for username in queryset.values_list(User.USERNAME_FIELD, flat=True):
        if AxesProxyHandler.reset_attempts(username=username):
            unlocked += 1
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d user may sign in again.", "%(count)d users may sign in again.", unlocked
        )
        % {"count": unlocked},
        messages.SUCCESS,
    )


class LanguagePreferenceInline(admin.StackedInline):
    """The language of a staff member's e-mails (a focal point's is on their focal-point page)."""

    model = LanguagePreference
    can_delete = False
    extra = 0
    max_num = 1


class PortalUserAdmin(UserAdmin):
    list_display = (*UserAdmin.list_display, "sign_in_locked")
    actions = [unlock_sign_in]
    inlines = [LanguagePreferenceInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                is_locked_out=Exists(
                    locked_out_attempts().filter(username=OuterRef(User.USERNAME_FIELD))
                )
            )
        )

    @admin.display(boolean=True, description=_("sign-in locked"), ordering="is_locked_out")
    def sign_in_locked(self, user) -> bool:
        return user.is_locked_out


admin.site.unregister(User)
admin.site.register(User, PortalUserAdmin)


# DRF's token admin listed every token in plain text; those tokens are gone (API tokens are
# django-rest-knox's, whose admin shows only a hash and the first characters).
try:
    from rest_framework.authtoken.models import TokenProxy

    admin.site.unregister(TokenProxy)
except (ImportError, admin.sites.NotRegistered):
    pass
