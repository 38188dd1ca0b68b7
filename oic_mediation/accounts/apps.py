"""Django's admin app with the portal's admin site (listed in ``INSTALLED_APPS``)."""

from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    default_site = "oic_mediation.accounts.admin_site.PortalAdminSite"

    def ready(self) -> None:
        super().ready()
        # After autodiscovery, which registered django.contrib.auth's own UserAdmin.
        from oic_mediation.accounts import user_admin  # noqa: F401
