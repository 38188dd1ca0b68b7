"""The e-mail item of ``manage.py check --deploy``: messages really leave."""

from __future__ import annotations

from django.core import checks

from oic_mediation.mail import delivery_backend_path

CONSOLE_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
}


@checks.register(deploy=True)
def check_email_is_delivered(app_configs=None, **kwargs):
    if delivery_backend_path() in CONSOLE_BACKENDS:
        return [
            checks.Warning(
                "E-mail is printed on the console, not sent: invitations, password resets and "
                "notices never reach anyone.",
                hint="Set EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587.",
                id="oic.W001",
            )
        ]
    return []
