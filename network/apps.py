from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Member states and the mediation network")

    def ready(self):
        # The selectors register the public definitions of the figures ("how we count").
        from network import selectors  # noqa: F401
