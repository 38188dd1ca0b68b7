from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = _("Resolutions and commitments")

    def ready(self):
        # The selectors register the public definitions of the figures ("how we count").
        from resolutions import selectors  # noqa: F401
