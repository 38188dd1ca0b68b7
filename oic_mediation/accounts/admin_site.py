"""The Secretariat's admin site: Django's, with the second factor for staff.

``oic_mediation.accounts.apps.PortalAdminConfig`` makes it the default site, so ``admin.site``
(used by every app's ``admin.py`` and by ``urls.py``) is a ``PortalAdminSite``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext as _

from network.rules import is_secretariat
from oic_mediation.accounts.second_factor import AdminSignInForm, confirmed_device

# The app whose section lists roster matching: the roster's own ("Member states and the
# mediation network"), next to "Roster members".
ROSTER_MATCHING_APP = "network"


class PortalAdminSite(admin.AdminSite):
    login_form = AdminSignInForm
    login_template = "accounts/admin/login.html"

    def has_permission(self, request) -> bool:
        """Staff with an authenticator must have proved it in this session; when the second
        factor is mandatory (``DJANGO_STAFF_OTP_REQUIRED``), every staff member must have."""
        if not super().has_permission(request):
            return False
        if request.user.is_verified():
            return True
        if settings.STAFF_OTP_REQUIRED:
            return False
        return confirmed_device(request.user) is None

    def get_app_list(self, request, app_label=None):
        """Django's list of apps and models (the index, each app's page, the sidebar), with the
        admin pages that have no model of their own added by the functions below."""
        app_list = super().get_app_list(request, app_label)
        return with_roster_matching(request, app_list)


def with_roster_matching(request, app_list: list[dict]) -> list[dict]:
    """Roster matching (``/admin/roster-matching/``) in the network section, after "Roster
    members", for the Secretariat only (the page refuses anyone else)."""
    if not is_secretariat(request.user):
        return app_list
    for app in app_list:
        if app["app_label"] != ROSTER_MATCHING_APP:
            continue
        entry = {
            "name": _("Roster matching"),
            "object_name": "RosterMatching",
            "admin_url": reverse("secretariat_roster_matching"),
            "add_url": None,
            "view_only": True,
            "perms": {"view": True},
        }
        names = [model["object_name"] for model in app["models"]]
        position = names.index("RosterMember") + 1 if "RosterMember" in names else len(names)
        app["models"].insert(position, entry)
    return app_list
