from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    name = "oic_mediation.background"
    label = "background"
    verbose_name = _("Background work")

    def ready(self) -> None:
        # The periodic tasks and every task module, so that a worker can import each task by path.
        from oic_mediation.background import checks, schedule  # noqa: F401
