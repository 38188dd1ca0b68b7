"""Text direction in one place: left-to-right runs kept whole inside right-to-left text.

Unicode's bidirectional algorithm lays out "القرار 53/45-POL" as "POL-53/45" and splits
"(A/73/725)" into "(A" and "73/725)": the digits and separators between an Arabic word and a Latin
one take the paragraph's direction. Wrapping each left-to-right run in a left-to-right isolate
(U+2066 … U+2069) keeps it whole, in HTML, in the PDF report, in calendar feeds and in e-mails
alike; in left-to-right languages the text is left as it is.

- ``isolate(value)``: a value that is left-to-right as a whole (a resolution or UN document
  symbol, an e-mail address, a URL, a number with a Latin unit);
- ``isolate_runs(text)``: free text (a summary, a theme, a note) with every left-to-right run
  inside it isolated — a token mixing Latin letters with digits or separators (53/45-POL,
  A/73/725, UNGA-73, an address or a URL) and a run of Latin words with such tokens between them;
- ``strip_controls(text)``: the same text without any bidi control character, for places that
  must carry none (PDF metadata, identifiers, comparisons).

The templates use them through the ``ltr`` and ``bidi`` filters of the ``dashboard`` library.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.utils.translation import get_language, get_language_info

LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"
# Marks, embeddings, overrides and isolates: invisible, and meaningless outside displayed text.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_LATIN = "A-Za-z\u00c0-\u024f"
_WORD = f"[{_LATIN}0-9]"
# A token of Latin letters, digits and the separators of symbols, addresses and URLs, starting and
# ending with a letter or a digit (a final "." or ")" belongs to the sentence around it).
_TOKEN = f"{_WORD}(?:[{_LATIN}0-9/\\-.:@_+#=?&%~]*{_WORD})?"
# Latin words joined by single spaces (with commas or parentheses between them) form one run.
_RUN = re.compile(f"{_TOKEN}(?:[ ,()]+{_TOKEN})*")
_TOKEN_RE = re.compile(_TOKEN)
# Resolution symbols (53/45-POL) and UN document symbols (A/73/725): never broken across lines.
SYMBOL = re.compile(r"\b\d+/\d+-[A-Z]+\b|\b[A-Z]+(?:/\d+)+\b")
_LATIN_LETTER = re.compile(f"[{_LATIN}]")


def is_rtl(language: str | None = None) -> bool:
    language = language or get_language()
    if not language:
        return False
    try:
        return bool(get_language_info(language)["bidi"])
    except KeyError:
        return False


def isolate(value, language: str | None = None) -> str:
    """``value`` kept left to right as a whole in a right-to-left language; unchanged otherwise."""
    if value is None or value == "":
        return value
    text = str(value)
    if not is_rtl(language):
        return text
    return f"{LEFT_TO_RIGHT_ISOLATE}{strip_controls(text)}{POP_DIRECTIONAL_ISOLATE}"


def _wrap(run: str) -> str:
    return f"{LEFT_TO_RIGHT_ISOLATE}{run}{POP_DIRECTIONAL_ISOLATE}"


def _isolate_run(match: re.Match) -> str:
    run = match.group(0)
    if not _LATIN_LETTER.search(run):
        # Digits alone (a year, a count, 29/11/2018) keep their order in right-to-left text.
        return run
    if run.count("(") != run.count(")"):
        # A bracket opened in the Latin run and closed in the Arabic text (or the reverse):
        # isolate token by token, so that no isolate holds half a pair.
        return _TOKEN_RE.sub(
            lambda token: (
                _wrap(token.group(0)) if _LATIN_LETTER.search(token.group(0)) else token.group(0)
            ),
            run,
        )
    return _wrap(run)


def isolate_runs(text, language: str | None = None) -> str:
    """``text`` with each left-to-right run inside it isolated, in a right-to-left language."""
    if text is None or text == "":
        return text
    text = str(text)
    if not is_rtl(language) or LEFT_TO_RIGHT_ISOLATE in text:
        # Text already isolated by hand (a catalogue entry) is left as its author wrote it.
        return text
    return _RUN.sub(_isolate_run, text)


def fallback_order(language: str) -> list[str]:
    """The languages a translated field is read in for ``language``: its own, then modeltranslation's
    fallbacks (``MODELTRANSLATION_FALLBACK_LANGUAGES``)."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    if isinstance(fallbacks, (tuple, list)):
        chain = list(fallbacks)
    else:
        chain = list(fallbacks.get(language, fallbacks.get("default", ())))
    return list(dict.fromkeys([language, *chain]))


def text_and_language(instance, field_name: str, *, untranslated: str = "") -> tuple[str, str]:
    """A translated field of ``instance`` read in the current language, and the language of the
    text found: the current one, or the fallback that gave the text when the current one has
    none. ``untranslated`` names the language of a field that has no translations."""
    current = get_language() or settings.LANGUAGE_CODE
    if untranslated:
        return getattr(instance, field_name, "") or "", untranslated
    for language in fallback_order(current):
        value = getattr(instance, f"{field_name}_{language}", None)
        if value:
            return value, language
    return getattr(instance, field_name, "") or "", current


def strip_controls(text) -> str:
    """``text`` without bidi marks, embeddings, overrides or isolates."""
    if text is None:
        return text
    return BIDI_CONTROLS.sub("", str(text))
