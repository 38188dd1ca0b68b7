"""E-mail: every message is a background task with retries, written in its reader's language.

- ``backends.QueuedEmailBackend`` is ``EMAIL_BACKEND``: sending any message (the portal's, Django's
  password reset) stores it as a task (``tasks.deliver_email``) and returns at once; a worker
  delivers it through ``EMAIL_DELIVERY_BACKEND`` (from ``EMAIL_URL``), retrying on failure.
- ``messages.send_portal_email`` renders a message from templates — a subject, a text and an
  HTML alternative — in the recipient's language (``messages.recipient_language``), with links
  built from ``PORTAL_BASE_URL``.
"""

from __future__ import annotations

import re

from django.conf import settings

QUEUED_BACKEND = "oic_mediation.mail.backends.QueuedEmailBackend"


def delivery_backend_path() -> str:
    """The backend that really delivers (the queued one only hands over to it)."""
    if settings.EMAIL_BACKEND == QUEUED_BACKEND:
        return settings.EMAIL_DELIVERY_BACKEND
    return settings.EMAIL_BACKEND


# What every e-mail the portal sends has in common: a subject is a header, and Django refuses one
# holding a line break (``BadHeaderError``) — raised while a notice is sent after a report was
# committed, it would have told the user their stored report had failed. Titles are validated on
# one line (``oic_mediation.models``), and every subject goes through ``subject_line`` as well, so
# that a row stored before that validation cannot break a mail either.

# Control characters (line breaks included), Unicode line and paragraph separators.
_UNSAFE_IN_HEADER = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
MAX_SUBJECT_LENGTH = 200


def subject_line(text: str) -> str:
    """``text`` made safe as a subject: each run of control characters becomes one space, and
    the result is trimmed to a length mail clients show."""
    line = " ".join(_UNSAFE_IN_HEADER.sub(" ", str(text)).split())
    if len(line) > MAX_SUBJECT_LENGTH:
        line = line[: MAX_SUBJECT_LENGTH - 1].rstrip() + "…"
    return line
