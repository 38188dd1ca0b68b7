"""Hypothesis settings and strategies for the fuzz tests.

``make test`` runs a few examples per test (profile "quick"); ``make fuzz`` runs many more
(OIC_FUZZ_PROFILE=deep). The profiles are applied per test with ``@FUZZ``, so the schemathesis
tests keep their own settings.
"""

from __future__ import annotations

import datetime
import os
from contextlib import contextmanager

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from conferences.models import Conference
from network.models import FocalPoint, RosterMember, RosterRole
from resolutions.models import Commitment, ProgressReport
from trainings.models import Edition, Participant

_COMMON = {
    "deadline": None,
    "derandomize": False,
    # One test database transaction is reused by every example: a pytest fixture is fine here.
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
settings.register_profile("quick", max_examples=20, **_COMMON)
settings.register_profile("deep", max_examples=400, **_COMMON)
FUZZ = settings(settings.get_profile(os.environ.get("OIC_FUZZ_PROFILE", "quick")))

# Strings people (and scripts) actually send: empty, blank, NUL, numbers out of range, dates in
# odd formats, markup, SQL, right-to-left text, very long strings.
AWKWARD = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "0",
    "-1",
    "2147483648",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2019-02-30",
    "0000-00-00",
    "9999-12-31",
    "31/12/2019",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "السلام عليكم",
    "x" * 5000,
    "https://example.org/evidence.pdf",
    "javascript:alert(1)",
]
text = st.one_of(st.text(max_size=300), st.sampled_from(AWKWARD))
form_value = st.one_of(
    text, st.integers().map(str), st.dates().map(str), st.sampled_from(["on", "true", "1"])
)
integers = st.one_of(st.integers(), st.integers(min_value=-5, max_value=10**6))
optional_integers = st.one_of(st.none(), integers)
dates = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
optional_dates = st.one_of(st.none(), dates)


def choice_or_junk(choices) -> st.SearchStrategy:
    return st.one_of(st.sampled_from([value for value, _label in choices]), text)


WRITTEN_MODELS = (
    Commitment,
    Commitment.history.model,
    ProgressReport,
    RosterMember,
    RosterRole,
    Edition,
    Participant,
    FocalPoint,
    Conference,
)


def row_counts() -> dict[str, int]:
    from django.contrib.auth import get_user_model

    counts = {model._meta.label: model._base_manager.count() for model in WRITTEN_MODELS}
    counts["auth.User"] = get_user_model().objects.count()
    return counts


@contextmanager
def refused_or_written():
    """Run a write; an expected refusal must leave every table as it was.

    Yields a dict whose "refused" says which happened. Anything other than ValidationError or
    PermissionDenied propagates and fails the test (it would be a 500 in production).
    """
    from django.core.exceptions import PermissionDenied, ValidationError

    before = row_counts()
    outcome = {"refused": False, "error": None}
    try:
        yield outcome
    except (ValidationError, PermissionDenied) as error:
        outcome["refused"] = True
        outcome["error"] = error
        assert row_counts() == before, "a refused write changed the database"
