from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "oic_mediation"
    verbose_name = _("OIC Mediation Capacity Portal")

    def ready(self) -> None:
        from oic_mediation.api.tokens import connect_signals
        from oic_mediation.groups import sync_secretariat_group

        # A password change or reset revokes every API token of the person.
        connect_signals()

        # After every migrate, so that models added later are covered without a data migration.
        post_migrate.connect(sync_secretariat_group, sender=self)
