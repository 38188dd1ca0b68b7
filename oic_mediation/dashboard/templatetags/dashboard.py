"""Formatting for the dashboard and the report: numbers and percentages per language, Hijri
dates, the switcher, left-to-right runs in right-to-left text (``oic_mediation.direction``)."""

from __future__ import annotations

import re
from decimal import Decimal

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import date_format, number_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from oic_mediation import direction
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


@register.filter
def ltr(value) -> str:
    """A left-to-right value such as 53/45-POL kept whole inside right-to-left text.

    Without the isolate an Arabic page shows "POL-53/45" (``oic_mediation.direction``). Plain
    text (escaped as usual); unchanged in left-to-right languages.
    """
    return direction.isolate(value)


@register.filter
def bidi(value) -> str:
    """Free text (a summary, a theme, a note) with each left-to-right run inside it kept whole
    in right-to-left text: "القرار 53/45-POL" stays in order. Apply before ``linebreaksbr``."""
    return direction.isolate_runs(value)


@register.filter
def without_bidi_controls(value) -> str:
    """Text without invisible direction marks, for metadata such as a document's title."""
    return direction.strip_controls(value)


@register.filter
def keep_whole(value) -> str:
    """HTML text in which no resolution or UN document symbol breaks across lines ("53/45-" at the
    end of one line, "POL" on the next): each symbol sits in a ``nowrap`` span."""
    if value in (None, ""):
        return value
    escaped = conditional_escape(value)
    # The isolate marks go inside the span: the PDF renderer lays out the bidirectional text of
    # each inline box apart, so marks outside it would no longer hold the symbol.
    return mark_safe(
        ISOLATED_SYMBOL.sub(
            lambda match: f'<span class="nowrap">{direction.isolate(match.group("symbol"))}</span>',
            escaped,
        )
    )


ISOLATED_SYMBOL = re.compile(
    f"{direction.LEFT_TO_RIGHT_ISOLATE}?(?P<symbol>{direction.SYMBOL.pattern})"
    f"{direction.POP_DIRECTIONAL_ISOLATE}?"
)


@register.simple_tag
def in_own_language(instance, field_name: str, *, untranslated: str = "") -> str:
    """A translated field of ``instance`` in the current language; when it has no text in that
    language, the text it falls back to, marked with its own language (``lang`` and, for a
    right-to-left page, ``dir``), so that a reader, a screen reader and the tagged PDF know it.

    ``untranslated`` names the language of a field that has no translations (e.g. ``"en"`` for a
    source cited as written): marked whenever the page is in another language."""
    if instance is None:
        return ""
    value, language = direction.text_and_language(instance, field_name, untranslated=untranslated)
    return in_language(value, language)


@register.filter
def in_language(value, language: str) -> str:
    """Text written in ``language``: as it is in a page of that language (its left-to-right runs
    isolated), marked with ``lang`` and ``dir`` in a page of another."""
    current = get_language()
    if not value:
        return ""
    if language == current:
        return conditional_escape(direction.isolate_runs(value))
    text_direction = "rtl" if direction.is_rtl(language) else "ltr"
    text = direction.strip_controls(value)
    if text_direction == "ltr" and direction.is_rtl(current):
        # The isolate characters as well as the attribute: the PDF renderer ignores ``dir`` on
        # inline elements, and the text must not take the order of the Arabic around it.
        text = direction.isolate(text)
    return format_html('<span lang="{}" dir="{}">{}</span>', language, text_direction, text)


@register.filter
def decimal_number(value) -> str:
    """A figure such as 14.30 or 60 as the current language writes it, without trailing zeros:
    "14.3", "60", "106,125.5". The dashboard's figures and the report's use this one helper."""
    if value is None or value == "":
        return "—"
    number_value = Decimal(value).normalize()
    places = max(-number_value.as_tuple().exponent, 0)
    return number_format(number_value, decimal_pos=places, force_grouping=True)


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


@register.filter
def grade_label(grade) -> str:
    """The name of an evidence grade (resolutions.models.EvidenceGrade) in the reader's language."""
    from resolutions.models import EvidenceGrade

    return str(EvidenceGrade(grade).label) if grade in EvidenceGrade.values else ""


@register.filter
def grade_share(shares, grade: str) -> float:
    """The share of ``grade`` in a total by grade (resolutions.selectors.GradeShares)."""
    return shares.share(grade)
