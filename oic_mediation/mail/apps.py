from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "oic_mediation.mail"
    label = "portal_mail"
    verbose_name = _("E-mail")

    def ready(self) -> None:
        from oic_mediation.mail import tasks  # noqa: F401  (the delivery task, importable by path)
