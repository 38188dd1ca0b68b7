from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "oic_mediation.dashboard"
    label = "dashboard"
    verbose_name = _("Public dashboard")

    def ready(self) -> None:
        from oic_mediation.dashboard import cache

        cache.connect_invalidation()
