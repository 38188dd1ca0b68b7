"""Logging filters named in ``settings.LOGGING`` (loaded before the apps: Django's imports only)."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied


class RefusalsWithoutTraceback(logging.Filter):
    """Django logs each ``PermissionDenied`` with its traceback ("Forbidden (Permission denied):
    /fr/my-state/senegal/"); a refusal is expected behaviour, so the warning keeps its line and
    loses the traceback. Other records pass unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], PermissionDenied):
            record.exc_info = None
            record.exc_text = None
        return True
