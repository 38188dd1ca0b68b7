"""Who may act on trainings' records: programmes, editions, participants.

The predicates of this app; the models declare their permissions with them in
``Meta.rules_permissions`` (the vocabulary is described in ``network.rules``).
"""

from __future__ import annotations

from network.rules import is_focal_point_of_record_state, is_secretariat

# Report an edition (object: the edition about to be stored, with the state reporting it): the
# Secretariat for any state, a focal point for their own.
can_report_edition = is_secretariat | is_focal_point_of_record_state
