"""How the portal's own forms (My state, the sign-in and account pages) show a field's label."""

from __future__ import annotations

from django import template
from django.utils.text import capfirst

register = template.Library()


@register.simple_tag
def field_label(field) -> str:
    """The field's ``<label>`` in sentence case and without a trailing colon: "Status", not
    "status:". Model verbose names and form labels stay lower case, the way they read inside a
    sentence or an error message; the capital is added here, once, for every form."""
    return field.label_tag(contents=capfirst(field.label), label_suffix="")
