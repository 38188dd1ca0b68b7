"""The Secretariat's admin site: Django's, with the second factor for staff.

``oic_mediation.accounts.apps.PortalAdminConfig`` makes it the default site, so ``admin.site``
(used by every app's ``admin.py`` and by ``urls.py``) is a ``PortalAdminSite``.
"""

from __future__ import annotations

from django.contrib import admin
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from oic_mediation.accounts.second_factor import AdminSignInForm, second_factor_missing


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
        """The Secretariat's own pages first, then the apps' models."""
        apps = super().get_app_list(request, app_label)
        if app_label is not None or not request.user.has_perm("resolutions.review_progress_report"):
            return apps
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
        return [tools, *apps]
