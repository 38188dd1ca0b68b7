"""Who may do what: the single place where permissions are decided.

Predicates are shared by the admin, the focal-point area and the API. The cast the tests use: a
Secretariat user may act on everything; a focal point only on their own state's records; an
anonymous visitor reads public data only.
"""

from __future__ import annotations

import rules

from core.groups import SECRETARIAT_GROUP


@rules.predicate
def is_secretariat(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_secretariat", None)
    if cached is None:
        cached = user.groups.filter(name=SECRETARIAT_GROUP).exists()
        user._is_secretariat = cached
    return cached


def focal_point_state_id(user) -> int | None:
    """The id of the state this user is an active focal point of, or None."""
    if not user.is_authenticated or not user.is_active:
        return None
    cached = getattr(user, "_focal_point_state_id", False)
    if cached is False:
        from network.models import FocalPoint

        cached = (
            FocalPoint.objects.filter(user=user, is_active=True)
            .values_list("state_id", flat=True)
            .first()
        )
        user._focal_point_state_id = cached
    return cached


@rules.predicate
def is_focal_point(user) -> bool:
    return focal_point_state_id(user) is not None


@rules.predicate
def is_focal_point_of_state(user, state) -> bool:
    state_id = getattr(state, "pk", state)
    return state_id is not None and focal_point_state_id(user) == state_id


@rules.predicate
def is_focal_point_of_record_state(user, record) -> bool:
    """The record (commitment, nomination, training edition...) belongs to the user's state."""
    if record is None:
        return False
    state_id = getattr(record, "state_id", None)
    if state_id is None:
        state_id = getattr(record, "nominating_state_id", None)
    if state_id is None:
        state_id = getattr(record, "reported_by_state_id", None)
    return state_id is not None and focal_point_state_id(user) == state_id


can_report_for_state = is_secretariat | is_focal_point_of_state
can_edit_state_record = is_secretariat | is_focal_point_of_record_state

rules.add_perm("network.access_focal_point_area", is_focal_point | is_secretariat)

# The focal-point area: act for a state (object: a MemberState), change one of a state's records
# (object: a commitment, nomination, training edition...), and the Secretariat's own tasks.
rules.add_perm("network.act_for_state", can_report_for_state)
rules.add_perm("network.edit_state_record", can_edit_state_record)
rules.add_perm("network.invite_focal_point", is_secretariat)
rules.add_perm("resolutions.review_progress_report", is_secretariat)


@rules.predicate
def is_focal_point_of_reporting_state(user, report) -> bool:
    """The progress report (object) is about a commitment of the user's state."""
    state_id = getattr(getattr(report, "commitment", None), "state_id", None)
    return state_id is not None and focal_point_state_id(user) == state_id


# A progress report's evidence file: the Secretariat and the reporting state only.
can_read_evidence = is_secretariat | is_focal_point_of_reporting_state
rules.add_perm("resolutions.read_evidence", can_read_evidence)
