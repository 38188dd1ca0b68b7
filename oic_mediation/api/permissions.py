"""DRF permissions, asking ``user.has_perm`` the permissions the models declare (``network.rules``).

The services check the same permissions again when they write; these classes answer early (403
before parsing the body) and keep the read endpoints open to everyone.
"""

from __future__ import annotations

from django.contrib.auth import get_permission_codename
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

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
        # A write on a record needs its model's change permission on that record
        # (resolutions.change_commitment, resolutions.change_progressreport...).
        change = f"{obj._meta.app_label}.{get_permission_codename('change', obj._meta)}"
        if request.user.has_perm(change, obj):
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
