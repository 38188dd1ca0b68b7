"""``EMAIL_BACKEND``: hands every message to the queue instead of sending it in the request."""

from __future__ import annotations

from django.core.mail.backends.base import BaseEmailBackend

from oic_mediation.background.queue import enqueue


def serialise(message) -> dict:
    """An ``EmailMessage`` (or ``EmailMultiAlternatives``) as JSON for the task's row.

    Attachments are not carried: the portal sends none (files are reached through links that
    check permissions)."""
    if message.attachments:
        raise ValueError("Queued e-mails cannot carry attachments; link to the file instead.")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(address) for address in message.to],
        "cc": [str(address) for address in message.cc],
        "bcc": [str(address) for address in message.bcc],
        "reply_to": [str(address) for address in message.reply_to],
        "headers": {str(key): str(value) for key, value in (message.extra_headers or {}).items()},
        "alternatives": [
            [str(content), str(mimetype)]
            for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        from oic_mediation.mail.tasks import deliver_email

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            enqueue(deliver_email, serialise(message))
            count += 1
        return count
