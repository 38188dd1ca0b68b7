"""The public definitions of the portal's figures — "how we count" — each written once.

A selector that defines a public figure is decorated with ``@defines(...)``. Its term and text
become the first lines of the selector's docstring, are listed in the reader's language on the
public figures page, and are quoted in the README's "How we count" section (a test checks that
the README says exactly what the selectors say). Terms and texts are marked with
``gettext_noop``: they are stored in English, extracted into the catalogues, and translated when
shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext


@dataclass(frozen=True)
class Definition:
    key: str
    # The app whose selectors define the figure, e.g. "network".
    area: str
    term: str
    text: str
    selector: str

    @property
    def translated_term(self) -> str:
        return gettext(self.term)

    @property
    def translated_text(self) -> str:
        return gettext(self.text)


REGISTRY: dict[str, Definition] = {}


def defines(key: str, *, term: str, text: str) -> Callable:
    """Register the public definition implemented by the decorated selector."""

    def decorate(function: Callable) -> Callable:
        area = function.__module__.split(".")[0]
        REGISTRY[key] = Definition(
            key=key,
            area=area,
            term=term,
            text=text,
            selector=f"{function.__module__}.{function.__qualname__}",
        )
        rest = f"\n\n{function.__doc__}" if function.__doc__ else ""
        function.__doc__ = f"{term}: {text}{rest}"
        return function

    return decorate


def definitions() -> list[Definition]:
    """Every registered definition, in the order registered (each app's selectors are imported
    when the app is ready, see its ``apps.py``)."""
    return list(REGISTRY.values())
