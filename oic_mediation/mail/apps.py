from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "oic_mediation.mail"
    label = "portal_mail"
    verbose_name = _("E-mail")

    def ready(self) -> None:
        # The deploy check that e-mail is delivered; the delivery task, importable by path.
        from oic_mediation.mail import checks, tasks  # noqa: F401
