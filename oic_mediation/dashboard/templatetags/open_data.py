"""Links to the portal's feeds and structured data, for the page templates."""

from __future__ import annotations

import json

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from oic_mediation import feeds

register = template.Library()


@register.simple_tag
def feeds_for(*kinds, state=None, paragraph=None) -> list[tuple[str, str]]:
    """(address, label) of the feeds that follow a page: overall ones by kind ("changes",
    "progress"…), a state's, a paragraph's."""
    links = []
    for kind in kinds:
        label = _("Everything that changed") if kind == "changes" else str(feeds.KINDS[kind])
        links.append((reverse("dashboard:feed", args=[kind]), label))
    if state is not None:
        links.append(
            (
                reverse("dashboard:state_feed", args=[state.slug]),
                _("What changed for %(state)s") % {"state": state.name},
            )
        )
    if paragraph is not None:
        links.append(
            (
                reverse("dashboard:paragraph_feed", args=[paragraph.pk]),
                _("What changed under %(paragraph)s") % {"paragraph": paragraph.label},
            )
        )
    return links


# Inside a <script> element, "</" (and "<!--") would end or change it: JSON escapes them.
_SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(document) -> str:
    """``document`` as a JSON-LD data block. Browsers never run it, so the strict CSP allows it."""
    if not document:
        return ""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
    return format_html('<script type="application/ld+json">{}</script>', text)
