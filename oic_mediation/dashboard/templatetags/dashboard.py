"""Formatting for the dashboard: numbers and percentages per language, Hijri dates, the switcher,
left-to-right symbols in right-to-left text."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi, get_language_info
from django.utils.translation import gettext as _

from resolutions.models import hijri_span

register = template.Library()


@register.filter
def number(value) -> str:
    """A whole number grouped in thousands the way the current language writes it."""
    if value is None or value == "":
        return "—"
    return number_format(value, force_grouping=True)


@register.simple_tag
def figure(name: str, value, *parts, display=None) -> str:
    """A public figure as ``<data data-figure="name-part-…" value="raw">shown</data>``: read by
    people as formatted, and by machines (the cross-surface consistency test among them) by its
    raw value. ``parts`` name which item it belongs to, e.g. a paragraph's id and a unit."""
    key = "-".join([name, *(str(part) for part in parts)])
    shown = number(value) if display is None else display
    raw = "" if value is None else value
    return format_html('<data data-figure="{}" value="{}">{}</data>', key, raw, shown)


# Unicode's left-to-right isolate and its closing mark (the PDF report uses the same pair).
LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"


@register.filter
def ltr(value) -> str:
    """A left-to-right symbol such as 53/45-POL kept whole inside right-to-left text.

    Without the isolate an Arabic page shows "POL-53/45": the bidirectional algorithm lays the
    symbol's parts out right to left. Plain text (escaped as usual); unchanged in left-to-right
    languages.
    """
    if not get_language_bidi() or value in (None, ""):
        return value
    return f"{LEFT_TO_RIGHT_ISOLATE}{value}{POP_DIRECTIONAL_ISOLATE}"


@register.filter
def percent(ratio) -> str:
    """A ratio between 0 and 1 as a whole percentage, e.g. 0.456 → "46%"."""
    value = round(float(ratio or 0) * 100)
    return _("%(percent)s%%") % {"percent": number_format(value)}


@register.filter
def percent_width(ratio) -> int:
    """A ratio as a width out of 100 for an SVG bar, never below 0 or above 100."""
    return max(0, min(100, round(float(ratio or 0) * 100)))


@register.simple_tag
def date_span(start, end=None) -> str:
    """A date or a span of dates, localised: "5–6 May 2018", "29 November 2018 – 2 May 2019"."""
    if start is None:
        return ""
    if end is None or end == start:
        return date_format(start, "DATE_FORMAT")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {date_format(end, 'YEAR_MONTH_FORMAT')}"
    return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"


@register.simple_tag
def hijri_dates(start, end=None) -> str:
    """The Hijri (Umm al-Qura) dates of a Gregorian span, with Arabic month names in Arabic."""
    if start is None:
        return ""
    return hijri_span(start, end, language="ar" if get_language() == "ar" else "en")


@register.simple_tag(takes_context=True)
def language_choices(context) -> list[dict]:
    """Each portal language with the same page's address in it, for the language switcher."""
    request = context.get("request")
    current = get_language()
    path = request.get_full_path() if request else "/"
    choices = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        choices.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(path, code),
                "is_current": code == current,
            }
        )
    return choices
