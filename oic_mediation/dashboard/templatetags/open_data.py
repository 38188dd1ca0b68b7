"""Links to the portal's feeds and structured data, for the page templates."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from oic_mediation import feeds, linked_data
from oic_mediation.public_urls import absolute_url

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
    # Already safe inside the element: "<", ">" and "&" are escaped the JSON way above.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


# --- schema.org (oic_mediation.linked_data) ---------------------------------------------------


@register.simple_tag
def resolutions_json_ld(resolutions) -> str:
    return json_ld(linked_data.graph(*(linked_data.resolution_node(r) for r in resolutions)))


@register.simple_tag
def state_json_ld(state) -> str:
    return json_ld(linked_data.graph(linked_data.state_node(state)))


@register.simple_tag
def conference_json_ld(conference) -> str:
    return json_ld(linked_data.graph(linked_data.conference_node(conference)))


@register.simple_tag
def meetings_json_ld(group, meetings) -> str:
    return json_ld(linked_data.graph(*linked_data.group_nodes(group, meetings)))


@register.simple_tag
def course_json_ld(programme, editions=()) -> str:
    return json_ld(linked_data.graph(linked_data.course_node(programme, editions)))


# --- Canonical and alternate addresses --------------------------------------------------------


def _page_path(request) -> str:
    """The page's path, with its page number when it has one: the other parameters (a search, a
    tracking tag) do not make another page."""
    path = request.path
    page = request.GET.get("page", "")
    if page.isdigit() and page != "1":
        path += "?" + urlencode({"page": page})
    return path


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    request = context.get("request")
    return absolute_url(_page_path(request)) if request else ""


@register.simple_tag(takes_context=True)
def alternate_links(context) -> list[tuple[str, str]]:
    """(hreflang, absolute address) of this page in every language, and as ``x-default`` its
    address without a language, which sends each visitor to their browser's language."""
    request = context.get("request")
    if request is None:
        return []
    path = _page_path(request)
    links = [(code, absolute_url(translate_url(path, code))) for code, _name in settings.LANGUAGES]
    prefix = f"/{get_language()}/"
    if request.path.startswith(prefix):
        links.append(("x-default", absolute_url("/" + path[len(prefix) :])))
    return links


@register.simple_tag
def groups_json_ld(groups) -> str:
    nodes = []
    for group in groups:
        nodes += linked_data.group_nodes(group, getattr(group, "latest_meetings", []))
    return json_ld(linked_data.graph(*nodes))
