"""Who may do what: the predicates every app shares, and the portal's permissions about no model.

One vocabulary, as pretalx does it. Each domain model declares its permissions in
``Meta.rules_permissions`` (the models are ``rules.contrib.models.RulesModelMixin`` through
``core.models.RefusesNullCharactersModel``), with predicates from its own app's
``rules.py``: ``network/rules.py`` (this module: the shared predicates), ``resolutions/rules.py``,
``trainings/rules.py``, ``conferences/rules.py``. A permission is named ``<app>.<verb>_<model>``:
the four of Django's admin (``add``, ``change``, ``delete``, ``view``) and the portal's own verbs —
``network.act_for_state_memberstate``, ``network.invite_focalpoint``,
``network.nominate_rostermember``, ``network.match_rostermember``,
``resolutions.report_on_commitment``, ``resolutions.review_progressreport``,
``resolutions.confirm_progressreport``, ``resolutions.read_evidence_progressreport``,
``resolutions.read_review_progressreport``, ``resolutions.publish_publishedreport``,
``trainings.review_edition``. The few about no model are declared below
(``network.access_focal_point_area``, ``network.access_secretariat_area``,
``network.handle_personal_data``).

Every check is ``user.has_perm(name)`` or ``user.has_perm(name, obj)``: in views, forms, services,
the API's permission classes and the admin (object permissions,
``rules.contrib.admin.ObjectPermissionsModelAdminMixin``). Nothing calls a predicate directly but
the rules themselves and the selectors that filter a queryset by the user's state
(``focal_point_state_id`` says which state that is; it decides nothing).

Which is which:

- **The portal's rule** is the one declared here and on the models, answered by
  ``oic_mediation.accounts.backends.PortalRulesBackend`` (django-rules' backend, first in
  ``AUTHENTICATION_BACKENDS``). It is the only one asked about an object, since Django's
  ``ModelBackend`` answers no object-level question, and the only one asked about a name that is
  a rule only (every verb but Django's four, and the names about no model).
- **The Secretariat group's model permissions** (``core.groups``: every permission of the
  four domain apps, users, tokens...) are what Django's admin itself needs for the pages it shows
  without an object — the index, the changelists, the add pages — and what the admins of the
  models that declare no rules (reference lists, reminders, schedules; the models of other apps)
  still go by. ``ModelBackend`` answers them after the rules backend, so a staff member outside
  the group sees nothing. The ``is_staff`` flag only lets a person sign in to the admin site.

The fixed cast the tests use (``tests/rules/test_permission_vocabulary.py``): a Secretariat user
may act on everything; a focal point only for their own state and on their own state's records;
an anonymous visitor reads public data only and holds no permission.
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
    """The id of the state this user is an active focal point of, or None.

    Not a permission: it says which state a focal point acts for (their home page, the state an
    API write names by default, the rows a selector shows them)."""
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
    """The state (object: a MemberState or its id) is the user's. No object: False."""
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


def secretariat_maintains(**verbs) -> dict:
    """A model's ``rules_permissions``: the Secretariat adds, changes, deletes and views its
    records in the admin; ``verbs`` adds or overrides the portal's own."""
    return {
        "add": is_secretariat,
        "change": is_secretariat,
        "delete": is_secretariat,
        "view": is_secretariat,
        **verbs,
    }


# --- Permissions about no model -------------------------------------------------------------
# The focal-point area ("My state" and the API's writes): focal points and the Secretariat.
rules.add_perm("network.access_focal_point_area", is_focal_point | is_secretariat)
# The Secretariat's pages across models (searching everything it keeps, the choice among all
# states in My state) and the second factor its members must prove.
rules.add_perm("network.access_secretariat_area", is_secretariat)
# Requests about personal data: exporting and erasing what the portal holds about a person.
rules.add_perm("network.handle_personal_data", is_secretariat)
