"""The API's JSON parser: a body that Python's ``json`` module reads but the portal cannot use is
a 400 with the reason, never a 500.

- a lone surrogate (``"\\ud800"``) is valid JSON syntax but no Unicode text: it cannot be stored
  or even written back in an error message;
- a body nested thousands deep makes the decoder recurse until Python gives up; nesting is
  bounded far above anything the API takes (``MAX_DEPTH``);
- a NUL character (``"\u0000"``) is valid JSON and valid Unicode, but PostgreSQL text cannot hold
  it: a lookup with it (a state's code, an area of expertise) failed with a 500. The form and
  multipart parsers refuse it too.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser

MAX_DEPTH = 32
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _refuse_nul(value: str) -> None:
    if "\x00" in value:
        raise ParseError(_("The request holds a NUL character, which no text can contain."))


def _check_fields(data) -> None:
    """The names and text values of a form or multipart body (files are not text)."""
    for key in data:
        _refuse_nul(key)
        for value in data.getlist(key):
            if isinstance(value, str):
                _refuse_nul(value)


def _check(data) -> None:
    """Walk the parsed body without recursion: depth, and text that is valid Unicode."""
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                raise ParseError(_("The JSON body holds text that is not valid Unicode."))
            _refuse_nul(value)
            continue
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise ParseError(
                    _("The JSON body is nested more than %(depth)d levels deep.")
                    % {"depth": MAX_DEPTH}
                )
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                pending.append((key, depth))
                pending.append((item, depth + 1))


class PortalJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(
                _("The JSON body is nested more than %(depth)d levels deep.") % {"depth": MAX_DEPTH}
            ) from None
        _check(data)
        return data


class PortalFormParser(FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        _check_fields(data)
        return data


class PortalMultiPartParser(MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        _check_fields(parsed.data)
        return parsed
