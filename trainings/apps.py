from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = _("Trainings")

    def ready(self):
        # The selectors register the public definitions of the figures ("how we count").
        from trainings import selectors  # noqa: F401
