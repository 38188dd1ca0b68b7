"""What every e-mail the portal sends has in common.

A subject is a header: Django refuses one holding a line break (``BadHeaderError``), which, raised
while sending a notice after a report was committed, told the user their stored report had failed.
Titles are validated on one line (``oic_mediation.models``), and subjects are built through
``subject_line`` as well, so that a row stored before that validation cannot break a mail either.
"""

from __future__ import annotations

import re

# Control characters (line breaks included), Unicode line and paragraph separators.
_UNSAFE_IN_HEADER = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
MAX_SUBJECT_LENGTH = 200


def subject_line(text: str) -> str:
    """``text`` made safe as a subject: each run of control characters becomes one space, and
    the result is trimmed to a length mail clients show."""
    line = " ".join(_UNSAFE_IN_HEADER.sub(" ", str(text)).split())
    if len(line) > MAX_SUBJECT_LENGTH:
        line = line[: MAX_SUBJECT_LENGTH - 1].rstrip() + "…"
    return line
