"""Helpers shared by the portal's forms."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on a field the form has, else on top."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            target = field if field in form.fields else None
            if field == NON_FIELD_ERRORS:
                target = None
            for message in ValidationError(field_errors).messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
