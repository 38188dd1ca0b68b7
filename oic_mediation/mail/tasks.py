"""The delivery of one e-mail, retried with a growing delay: 1, 4, 16, 64 and 256 minutes."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from oic_mediation.background.queue import portal_task

DELIVERY_RETRIES = 5


@portal_task(retries=DELIVERY_RETRIES, retry_base_seconds=60, retry_on=(OSError,))
def deliver_email(message: dict) -> int:
    """Send through the real backend; an SMTP failure (an ``OSError``) is tried again later."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
        alternatives=[tuple(pair) for pair in message["alternatives"]],
        connection=get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False),
    )
    return email.send()
