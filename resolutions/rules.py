"""Who may act on resolutions' records: commitments, progress reports, published reports.

The predicates of this app; the models declare their permissions with them in
``Meta.rules_permissions`` (the vocabulary is described in ``network.rules``).
"""

from __future__ import annotations

import rules

from network.rules import focal_point_state_id, is_focal_point_of_state, is_secretariat


@rules.predicate
def is_focal_point_of_pledging_state(user, commitment) -> bool:
    """The commitment (object, stored or about to be) is a pledge of the user's state, not an
    organisation's."""
    if commitment is None or commitment.organisation_id is not None:
        return False
    return is_focal_point_of_state(user, commitment.state_id)


@rules.predicate
def is_focal_point_of_reporting_state(user, report) -> bool:
    """The progress report (object) is about a commitment of the user's state."""
    state_id = getattr(getattr(report, "commitment", None), "state_id", None)
    return state_id is not None and focal_point_state_id(user) == state_id


# Record a commitment, change it, report progress on it: the Secretariat on any; a focal point on
# their own state's (an organisation's pledge is the Secretariat's to record).
can_act_on_commitment = is_secretariat | is_focal_point_of_pledging_state
# A report's evidence file and the reviewer's comment: the Secretariat and the reporting state.
can_read_report_privately = is_secretariat | is_focal_point_of_reporting_state
