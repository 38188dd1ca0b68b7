"""The portal's e-mails, each in its reader's language, from templates.

A message named ``emails/<name>`` has three templates: ``emails/<name>.txt`` (the text),
``emails/<name>.html`` (the HTML alternative, extending ``emails/base.html``); its subject is given
as a function called in the reader's language. Links are built from ``PORTAL_BASE_URL``
(``base_url`` in every template), never from a request's host.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

# What every e-mail the portal sends has in common: a subject is a header, and Django refuses one
# holding a line break (``BadHeaderError``) — raised while a notice is sent after a report was
# committed, it would have told the user their stored report had failed. Titles are validated on
# one line (``core.models``), and every subject goes through ``subject_line`` as well, so
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


LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def recipient_language(user) -> str:
    """The language ``user`` reads e-mails in: a focal point's preferred language, anyone else's
    language preference, or the portal's default language."""
    if user is None:
        return settings.LANGUAGE_CODE
    focal_point = getattr(user, "focal_point", None)
    if focal_point is not None and focal_point.preferred_language in LANGUAGE_CODES:
        return focal_point.preferred_language
    preference = getattr(user, "language_preference", None)
    if preference is not None and preference.language in LANGUAGE_CODES:
        return preference.language
    return settings.LANGUAGE_CODE


def user_for_address(address: str):
    """The active account with this e-mail address, if exactly one has it."""
    users = list(
        get_user_model()
        .objects.filter(email__iexact=address, is_active=True)
        .select_related("focal_point", "language_preference")[:2]
    )
    return users[0] if len(users) == 1 else None


def one_line(text: str) -> str:
    """A subject on one line: a line break typed in a title must not break the header."""
    return subject_line(text)


def render_portal_email(
    *, template: str, subject: Callable[[], str], context: dict, language: str
) -> tuple[str, str, str]:
    with translation.override(language):
        full_context = {
            **context,
            "base_url": settings.PORTAL_BASE_URL,
            "language": language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
        }
        return (
            one_line(subject()),
            render_to_string(f"{template}.txt", full_context),
            render_to_string(f"{template}.html", full_context),
        )


def send_portal_email(
    *,
    template: str,
    subject: Callable[[], str],
    context: dict,
    to,
    language: str | None = None,
) -> None:
    """Queue one e-mail to ``to`` (a user, or an address) in the reader's language."""
    if isinstance(to, str):
        address, user = to, user_for_address(to)
    else:
        address, user = to.email, to
    if not address:
        return
    language = language or recipient_language(user)
    subject_line, text, html = render_portal_email(
        template=template,
        subject=subject,
        context={**context, "recipient": user},
        language=language,
    )
    message = EmailMultiAlternatives(subject_line, text, None, [address])
    message.attach_alternative(html, "text/html")
    message.send()
