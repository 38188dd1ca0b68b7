"""Read a figure as a visitor sees it: from a page's HTML, the API's JSON, an export."""

from __future__ import annotations

import html as html_entities
import re

from django.urls import reverse
from django.utils import translation


def page(client, name, kwargs=None, language="en") -> str:
    with translation.override(language):
        path = reverse(name, kwargs=kwargs or {})
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def text_of(html: str) -> str:
    html = re.sub(r"<(script|style|title)\b.*?</\1>", " ", html, flags=re.S)
    text = html_entities.unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def stat(html: str, label: str) -> int:
    """The number shown in the headline card whose label starts with ``label``."""
    match = re.search(
        r'<span class="stat__value"[^>]*>((?:(?!stat__value).)*?)</span>\s*'
        r'<span class="stat__label"[^>]*>\s*' + re.escape(label),
        html,
        flags=re.S,
    )
    assert match, f"no headline figure labelled {label!r}"
    value = re.sub(r"<span class=\"stat__of\".*", "", match.group(1), flags=re.S)
    digits = re.sub(r"\D", "", re.sub(r"<[^>]+>", "", value))
    assert digits, f"the figure labelled {label!r} is not a number: {match.group(1)!r}"
    return int(digits)


def figure(html: str, name: str) -> str:
    """The value of ``<data data-figure="name" value="...">`` on a page."""
    match = re.search(r'<data[^>]*data-figure="' + re.escape(name) + r'"[^>]*value="([^"]*)"', html)
    if match is None:
        match = re.search(
            r'<data[^>]*value="([^"]*)"[^>]*data-figure="' + re.escape(name) + '"', html
        )
    assert match, f"no figure {name!r} on the page"
    return match.group(1)
