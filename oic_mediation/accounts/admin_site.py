"""The Secretariat's admin site: Django's, with the second factor for staff.

``oic_mediation.accounts.apps.PortalAdminConfig`` makes it the default site, so ``admin.site``
(used by every app's ``admin.py`` and by ``urls.py``) is a ``PortalAdminSite``.
"""

from __future__ import annotations

from django.contrib import admin

from oic_mediation.accounts.second_factor import AdminSignInForm, second_factor_missing


class PortalAdminSite(admin.AdminSite):
    login_form = AdminSignInForm
    login_template = "accounts/admin/login.html"

    def has_permission(self, request) -> bool:
        """Staff with an authenticator must have proved it in this session; when the second
        factor is mandatory (``DJANGO_STAFF_OTP_REQUIRED``), every staff member must have."""
        return super().has_permission(request) and not second_factor_missing(request.user)
