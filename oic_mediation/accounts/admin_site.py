"""The Secretariat's admin site: Django's, with the second factor for staff.

``oic_mediation.accounts.apps.PortalAdminConfig`` makes it the default site, so ``admin.site``
(used by every app's ``admin.py`` and by ``urls.py``) is a ``PortalAdminSite``.
"""

from __future__ import annotations

from django.contrib import admin
from django.urls import path, reverse
from django.utils.translation import gettext as _

from oic_mediation.accounts.second_factor import AdminSignInForm, second_factor_missing

# The app whose section lists roster matching: the roster's own ("Member states and the
# mediation network"), next to "Roster members".
ROSTER_MATCHING_APP = "network"


class PortalAdminSite(admin.AdminSite):
    login_form = AdminSignInForm
    login_template = "accounts/admin/login.html"

    def has_permission(self, request) -> bool:
        """Staff with an authenticator must have proved it in this session; when the second
        factor is mandatory (``DJANGO_STAFF_OTP_REQUIRED``), every staff member must have."""
        return super().has_permission(request) and not second_factor_missing(request.user)

    def get_urls(self):
        from oic_mediation.review_queue import review_queue

        return [
            path("review-queue/", self.admin_view(review_queue), name="review_queue"),
            *super().get_urls(),
        ]

    def get_app_list(self, request, app_label=None):
        """Django's list of apps and models (the index, each app's page, the sidebar), with the
        admin pages that have no model of their own added by the functions below."""
        app_list = with_roster_matching(request, super().get_app_list(request, app_label))
        if app_label is None:
            app_list = with_secretariat_tools(request, app_list)
        return app_list


def with_secretariat_tools(request, app_list: list[dict]) -> list[dict]:
    """The Secretariat's own pages (the review queue) first, for those who review reports."""
    if not request.user.has_perm("resolutions.review_progressreport"):
        return app_list
    tools = {
        "name": _("Secretariat"),
        "app_label": "secretariat",
        "app_url": reverse("admin:review_queue"),
        "has_module_perms": True,
        "models": [
            {
                "name": _("Review queue"),
                "object_name": "ReviewQueue",
                "admin_url": reverse("admin:review_queue"),
                "view_only": True,
                "perms": {"view": True},
            }
        ],
    }
    return [tools, *app_list]


def with_roster_matching(request, app_list: list[dict]) -> list[dict]:
    """Roster matching (``/admin/roster-matching/``) in the network section, after "Roster
    members", for the Secretariat only (the page refuses anyone else)."""
    if not request.user.has_perm("network.match_rostermember"):
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
