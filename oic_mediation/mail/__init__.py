"""E-mail: every message is a background task with retries, written in its reader's language.

- ``backends.QueuedEmailBackend`` is ``EMAIL_BACKEND``: sending any message (the portal's, Django's
  password reset) stores it as a task (``tasks.deliver_email``) and returns at once; a worker
  delivers it through ``EMAIL_DELIVERY_BACKEND`` (from ``EMAIL_URL``), retrying on failure.
- ``core.mail.send_portal_email`` (the ground floor's, used by the domain apps) renders a message
  from templates — a subject, a text and an HTML alternative — in the recipient's language
  (``core.mail.recipient_language``), with links built from ``PORTAL_BASE_URL``;
- ``services.language_set`` records the language a person reads e-mails in.
"""

from __future__ import annotations

from django.conf import settings

QUEUED_BACKEND = "oic_mediation.mail.backends.QueuedEmailBackend"


def delivery_backend_path() -> str:
    """The backend that really delivers (the queued one only hands over to it)."""
    if settings.EMAIL_BACKEND == QUEUED_BACKEND:
        return settings.EMAIL_DELIVERY_BACKEND
    return settings.EMAIL_BACKEND
