from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferencesConfig(AppConfig):
    name = "conferences"
    verbose_name = _("Conferences")

    def ready(self):
        # The selectors register the public definitions of the figures ("how we count").
        from conferences import selectors  # noqa: F401
