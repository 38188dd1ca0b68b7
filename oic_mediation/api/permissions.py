"""DRF permissions, delegating to the django-rules predicates of ``network.rules``.

The services check the same predicates again when they write; these classes answer early (403
before parsing the body) and keep the read endpoints open to everyone.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from network.rules import can_edit_state_record

FOCAL_POINT_AREA_PERMISSION = "network.access_focal_point_area"


class ReadOrFocalPointWrites(BasePermission):
    """Anyone reads; focal points and the Secretariat write (each within their own rules)."""

    message = _("Only focal points and the Secretariat can write through the API.")

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return bool(request.user and request.user.has_perm(FOCAL_POINT_AREA_PERMISSION))

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if can_edit_state_record(request.user, obj):
            return True
        # The refusal names the reason that applies: this client may write, but not for the
        # state the record belongs to (DRF reads ``message`` from this per-request instance).
        state = _record_state(obj)
        if state is not None:
            self.message = _(
                "You can only act for your own state: this record belongs to %(state)s."
            ) % {"state": state.name}
        else:
            self.message = _("You can only act for your own state.")
        return False


def _record_state(obj):
    state = getattr(obj, "state", None)
    if state is None and getattr(obj, "commitment", None) is not None:
        state = obj.commitment.state
    return state


class FocalPointOrSecretariat(BasePermission):
    message = ReadOrFocalPointWrites.message

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.has_perm(FOCAL_POINT_AREA_PERMISSION))
