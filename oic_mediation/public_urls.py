"""Absolute addresses of the public site, for what is read outside it: feeds, the sitemap,
canonical and alternate links, structured data, the data package.

They start with ``DJANGO_PORTAL_BASE_URL`` (the address the public uses, also in e-mails), not
with the host a request named: the same page must have one address whoever asks, and a cached
response is served to every host."""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str) -> str:
    """``path`` (as ``reverse`` gives it) on the public site; an absolute URL stays as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.PORTAL_BASE_URL}{path}"
