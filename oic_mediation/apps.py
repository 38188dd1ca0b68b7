from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "oic_mediation"
    verbose_name = _("OIC Mediation Capacity Portal")

    def ready(self) -> None:
        from oic_mediation.api.tokens import connect_signals

        # A password change or reset revokes every API token of the person.
        connect_signals()
        # The Secretariat group is kept in sync after every migrate by core (core.apps).
